//! Discovery: which files a run processes, in a deterministic order.
//!
//! Each command-line path is a file (processed whatever its extension) or a
//! directory walked recursively in sorted order, taking `.txt` and
//! `.pdf` files. Hidden files and folders are skipped; symbolic links are not
//! followed unless asked (and then loops are reported, not followed). A
//! folder or file that cannot be read becomes an input that fails with an
//! `io` error, so nothing is silently lost; what a walk passes over is
//! counted by reason ([`Skipped`]) so a run can say so.
//!
//! Every input is named by its *key*, the `source.path` of its result and
//! the identity of "the same file" in every output and in incremental runs:
//! the file's path relative to the root (`--root`, by default the current
//! directory), `/`-separated, made absolute and with `.` and `..` resolved
//! lexically (symbolic links are not resolved), so `corpus/a.txt`,
//! `./corpus/a.txt` and `/home/me/corpus/a.txt` named from `/home/me` are
//! one key. A file outside the root keeps its absolute path. Two inputs of
//! one run never share a key: [`overlapping`] finds the arguments that
//! would name a file twice.

use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

use walkdir::WalkDir;

use crate::error::Error;
use crate::model::Format;

/// One input of a run.
#[derive(Debug)]
pub struct Input {
    /// Where to read it.
    pub path: PathBuf,
    /// The path reported in results (`source.path`): the input's key, see
    /// the module doc.
    pub rel: String,
    /// How it is read (from its extension; content starting `%PDF-` is
    /// read as a PDF whatever its name).
    pub format: Format,
    /// Set when discovery itself failed for this entry.
    pub problem: Option<Error>,
}

/// Options of discovery.
#[derive(Debug, Clone, Default)]
pub struct DiscoverOptions {
    /// Follow symbolic links while walking folders (loops are detected).
    pub follow_links: bool,
    /// The folder keys are relative to; empty: the current directory.
    pub root: PathBuf,
    /// The key of the document read from standard input (`-`); `None`:
    /// `-`. A nightly job that pipes documents in names each, so they do
    /// not replace each other in an output that keeps results.
    pub stdin_name: Option<String>,
}

/// What walking the folders passed over, by reason.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Skipped {
    /// Files whose extension is not `.txt` or `.pdf`.
    pub extension: usize,
    /// Hidden files and folders (name starting with `.`), each counted once.
    pub hidden: usize,
    /// Symbolic links not followed (without `--follow-links`).
    pub links: usize,
}

impl Skipped {
    /// Nothing skipped.
    pub fn is_empty(&self) -> bool {
        *self == Skipped::default()
    }
}

/// `path` made absolute against `cwd`, with `.` and `..` resolved lexically.
fn lexical_absolute(path: &Path, cwd: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        cwd.join(path)
    };
    for c in joined.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !matches!(
                    out.components().next_back(),
                    None | Some(Component::RootDir | Component::Prefix(_))
                ) {
                    out.pop();
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// How keys are made for one run: the root and the current directory, both
/// absolute.
#[derive(Debug, Clone)]
struct Keys {
    cwd: PathBuf,
    root: PathBuf,
}

impl Keys {
    fn new(root: &Path) -> Keys {
        let cwd = std::env::current_dir().unwrap_or_default();
        let root = lexical_absolute(root, &cwd);
        Keys { cwd, root }
    }

    /// The key of `path` (see the module doc).
    fn key(&self, path: &Path) -> String {
        let abs = lexical_absolute(path, &self.cwd);
        match abs.strip_prefix(&self.root) {
            Ok(rel) if rel.as_os_str().is_empty() => ".".to_string(),
            Ok(rel) => rel_string(rel),
            Err(_) => {
                let rest = rel_string(abs.strip_prefix("/").unwrap_or(&abs));
                format!("/{rest}")
            }
        }
    }
}

/// Two arguments that would name the same file twice in one run (the same
/// path, or a file or folder inside a folder also given, or `-` twice),
/// as given; `None` when every input has a key of its own.
pub fn overlapping(roots: &[PathBuf], root: &Path) -> Option<(PathBuf, PathBuf)> {
    let keys = Keys::new(root);
    let abs: Vec<Option<PathBuf>> = roots
        .iter()
        .map(|r| (r != Path::new("-")).then(|| lexical_absolute(r, &keys.cwd)))
        .collect();
    for i in 0..roots.len() {
        for j in i + 1..roots.len() {
            let clash = match (&abs[i], &abs[j]) {
                (None, None) => true,
                (Some(a), Some(b)) => a.starts_with(b) || b.starts_with(a),
                _ => false,
            };
            if clash {
                return Some((roots[i].clone(), roots[j].clone()));
            }
        }
    }
    None
}

/// The keys a run's arguments cover: a file argument its own key, a folder
/// every key below it. An output's earlier result whose key is covered but
/// that the run did not see is *gone* (deleted, renamed, now skipped).
#[derive(Debug, Clone, Default)]
pub struct Scope {
    files: Vec<String>,
    folders: Vec<String>,
}

impl Scope {
    /// The scope of `roots` under `opts.root`.
    pub fn of(roots: &[PathBuf], opts: &DiscoverOptions) -> Scope {
        let keys = Keys::new(&opts.root);
        let mut scope = Scope::default();
        for r in roots {
            if r == Path::new("-") {
                scope
                    .files
                    .push(opts.stdin_name.clone().unwrap_or_else(|| "-".to_string()));
            } else if std::fs::metadata(r).is_ok_and(|m| m.is_dir()) {
                scope.folders.push(keys.key(r));
            } else {
                scope.files.push(keys.key(r));
            }
        }
        scope
    }

    /// Whether `key` falls under the run's arguments.
    pub fn covers(&self, key: &str) -> bool {
        self.files.iter().any(|f| f == key)
            || self.folders.iter().any(|d| match d.as_str() {
                "." => !key.starts_with('/') && key != "-",
                "/" => key.starts_with('/'),
                d => key.strip_prefix(d).is_some_and(|rest| rest.starts_with('/')),
            })
    }

    /// The keys of `known` this scope covers that are not in `seen`, sorted.
    pub fn gone<'a>(
        &self,
        known: impl IntoIterator<Item = &'a String>,
        seen: &std::collections::HashSet<String>,
    ) -> Vec<String> {
        let mut gone: Vec<String> = known
            .into_iter()
            .filter(|k| self.covers(k) && !seen.contains(*k))
            .cloned()
            .collect();
        gone.sort();
        gone
    }
}

/// The arguments that do not exist (and are not `-`).
pub fn missing(roots: &[PathBuf]) -> Vec<&Path> {
    roots
        .iter()
        .filter(|r| r.as_path() != Path::new("-"))
        .filter(|r| std::fs::symlink_metadata(r).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound))
        .map(PathBuf::as_path)
        .collect()
}

/// The format of a path by its extension (`.pdf` is PDF, everything else text).
pub fn format_of(path: &Path) -> Format {
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("pdf") => Format::Pdf,
        _ => Format::Text,
    }
}

/// Extensions taken from walked folders.
const EXTENSIONS: &[&str] = &["txt", "pdf"];

fn wanted(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some(e) if EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// A file name as text: bytes that are not UTF-8 are written `%XX` and a
/// literal `%` as `%25` (percent-encoding), so two different names never
/// become the same path in the results; names without `%` and with valid
/// UTF-8 stay as they are.
pub fn name_string(name: &std::ffi::OsStr) -> String {
    let mut out = String::new();
    for chunk in name.as_encoded_bytes().utf8_chunks() {
        out.push_str(&chunk.valid().replace('%', "%25"));
        for b in chunk.invalid() {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Relative path with `/` separators.
fn rel_string(rel: &Path) -> String {
    rel.components()
        .map(|c| name_string(c.as_os_str()))
        .collect::<Vec<_>>()
        .join("/")
}

/// Counts what walks pass over, shared with the iterator of [`inputs_counted`].
#[derive(Debug, Clone, Default)]
pub struct SkipCounter(Arc<Mutex<Skipped>>);

impl SkipCounter {
    /// The counts so far (final once the inputs are all taken).
    pub fn get(&self) -> Skipped {
        *self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn count(&self, f: impl FnOnce(&mut Skipped)) {
        f(&mut self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner));
    }
}

/// Every input under `roots`, in order (see the module doc), collected.
pub fn discover(roots: &[PathBuf], opts: DiscoverOptions) -> Vec<Input> {
    inputs(roots, opts).collect()
}

/// Every input under `roots`, in order, found as it is asked for (see
/// `inputs_counted`); what is skipped is not counted.
pub fn inputs(roots: &[PathBuf], opts: DiscoverOptions) -> impl Iterator<Item = Input> + '_ {
    inputs_counted(roots, opts, SkipCounter::default())
}

/// Every input under `roots`, in order, found as it is asked for: a folder
/// is walked while its files are processed, so a run holds only the inputs
/// in flight (and the entries of the folder being walked, which sorting
/// needs), however many files the corpus has. What the walks pass over is
/// added to `skipped`.
pub fn inputs_counted(
    roots: &[PathBuf],
    opts: DiscoverOptions,
    skipped: SkipCounter,
) -> impl Iterator<Item = Input> + '_ {
    let keys = Keys::new(&opts.root);
    let stdin_key = opts.stdin_name.clone().unwrap_or_else(|| "-".to_string());
    roots.iter().flat_map(move |root| -> Box<dyn Iterator<Item = Input>> {
        let (keys, skipped) = (keys.clone(), skipped.clone());
        if root == Path::new("-") {
            return Box::new(std::iter::once(Input {
                path: root.clone(),
                rel: stdin_key.clone(),
                format: Format::Text,
                problem: None,
            }));
        }
        let follow = opts.follow_links;
        let meta = if follow {
            std::fs::metadata(root)
        } else {
            std::fs::symlink_metadata(root)
        };
        match meta {
            Ok(m) if m.is_dir() => Box::new(walk(root, follow, keys, skipped)),
            Ok(m) if m.file_type().is_symlink() && !follow => match std::fs::metadata(root) {
                Ok(t) if t.is_dir() => Box::new(walk(root, false, keys, skipped)),
                _ => Box::new(std::iter::once(file_input(root, &keys))),
            },
            Ok(_) => Box::new(std::iter::once(file_input(root, &keys))),
            Err(e) => Box::new(std::iter::once(Input {
                path: root.clone(),
                rel: keys.key(root),
                format: format_of(root),
                problem: Some(Error::Io {
                    path: root.clone(),
                    source: e,
                }),
            })),
        }
    })
}

fn file_input(path: &Path, keys: &Keys) -> Input {
    Input {
        path: path.to_path_buf(),
        rel: keys.key(path),
        format: format_of(path),
        problem: None,
    }
}

fn walk(root: &Path, follow_links: bool, keys: Keys, skipped: SkipCounter) -> impl Iterator<Item = Input> + use<> {
    let root = root.to_path_buf();
    let hidden = skipped.clone();
    WalkDir::new(&root)
        .follow_links(follow_links)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(move |e| {
            let keep = e.depth() == 0 || !is_hidden(e.file_name());
            if !keep {
                hidden.count(|s| s.hidden += 1);
            }
            keep
        })
        .filter_map(move |entry| match entry {
            Ok(e) => {
                let ft = e.file_type();
                if ft.is_dir() {
                    return None;
                }
                if ft.is_symlink() && !follow_links {
                    skipped.count(|s| s.links += 1);
                    return None;
                }
                if !wanted(e.path()) {
                    skipped.count(|s| s.extension += 1);
                    return None;
                }
                // a FIFO, socket or device with an input's name is reported,
                // never opened (a FIFO would block) nor passed over in silence
                let problem = (!ft.is_file()).then(|| Error::Io {
                    path: e.path().to_path_buf(),
                    source: std::io::Error::other(format!(
                        "not a regular file ({}); only files and folders are read",
                        crate::load::file_kind_name(&ft)
                    )),
                });
                Some(Input {
                    path: e.path().to_path_buf(),
                    rel: keys.key(e.path()),
                    format: format_of(e.path()),
                    problem,
                })
            }
            Err(err) => {
                let path = err.path().map_or_else(|| root.clone(), Path::to_path_buf);
                let message = if err.loop_ancestor().is_some() {
                    "symbolic link loop: not followed".to_string()
                } else {
                    err.to_string()
                };
                Some(Input {
                    format: format_of(&path),
                    problem: Some(Error::Io {
                        path: path.clone(),
                        source: std::io::Error::other(message),
                    }),
                    rel: keys.key(&path),
                    path,
                })
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_resolve_dot_and_dot_dot_and_stay_absolute_outside_the_root() {
        let keys = Keys {
            cwd: PathBuf::from("/home/me"),
            root: PathBuf::from("/home/me"),
        };
        assert_eq!(keys.key(Path::new("corpus/a.txt")), "corpus/a.txt");
        assert_eq!(keys.key(Path::new("./corpus/../corpus/a.txt")), "corpus/a.txt");
        assert_eq!(keys.key(Path::new("/home/me/corpus/a.txt")), "corpus/a.txt");
        assert_eq!(keys.key(Path::new("../other/b.txt")), "/home/other/b.txt");
        assert_eq!(keys.key(Path::new("/../../x.txt")), "/x.txt");
        assert_eq!(keys.key(Path::new(".")), ".");
    }

    #[test]
    fn a_scope_covers_its_files_and_what_is_below_its_folders() {
        let scope = Scope {
            files: vec!["x/one.txt".into()],
            folders: vec!["corpus".into()],
        };
        assert!(scope.covers("x/one.txt"));
        assert!(scope.covers("corpus/a.txt") && scope.covers("corpus/sub/b.txt"));
        assert!(!scope.covers("corpus_copy/a.txt"), "a prefix of a name is not a folder");
        assert!(!scope.covers("x/two.txt"));
        let seen = ["corpus/a.txt".to_string()].into_iter().collect();
        let known = ["corpus/a.txt", "corpus/gone.txt", "elsewhere/c.txt"].map(String::from);
        assert_eq!(scope.gone(&known, &seen), vec!["corpus/gone.txt"]);
        let all = Scope {
            files: vec![],
            folders: vec![".".into()],
        };
        assert!(all.covers("a.txt") && !all.covers("/abs/a.txt") && !all.covers("-"));
    }
}
