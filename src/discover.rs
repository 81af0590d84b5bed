//! Discovery: which files a run processes, in a deterministic order.
//!
//! Each command-line path is a file (processed whatever its extension) or a
//! directory walked recursively in sorted order, taking `.txt` and
//! `.pdf` files. Hidden files and folders are skipped; symbolic links are not
//! followed unless asked (and then loops are reported, not followed). A
//! folder or file that cannot be read becomes an input that fails with an
//! `io` error, so nothing is silently lost.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::error::Error;
use crate::model::Format;

/// One input of a run.
#[derive(Debug)]
pub struct Input {
    /// Where to read it.
    pub path: PathBuf,
    /// The path reported in results: relative to the input root, `/`
    /// separated; a single file argument is reported by its file name.
    pub rel: String,
    pub format: Format,
    /// Set when discovery itself failed for this entry.
    pub problem: Option<Error>,
}

/// Options of discovery.
#[derive(Debug, Clone, Copy, Default)]
pub struct DiscoverOptions {
    pub follow_links: bool,
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

/// Every input under `roots`, in order (see the module doc), collected.
pub fn discover(roots: &[PathBuf], opts: DiscoverOptions) -> Vec<Input> {
    inputs(roots, opts).collect()
}

/// Every input under `roots`, in order, found as it is asked for: a folder
/// is walked while its files are processed, so a run holds only the inputs
/// in flight (and the entries of the folder being walked, which sorting
/// needs), however many files the corpus has.
pub fn inputs(roots: &[PathBuf], opts: DiscoverOptions) -> impl Iterator<Item = Input> + '_ {
    roots.iter().flat_map(move |root| -> Box<dyn Iterator<Item = Input>> {
        if root == Path::new("-") {
            return Box::new(std::iter::once(Input {
                path: root.clone(),
                rel: "-".to_string(),
                format: Format::Text,
                problem: None,
            }));
        }
        let meta = if opts.follow_links {
            std::fs::metadata(root)
        } else {
            std::fs::symlink_metadata(root)
        };
        match meta {
            Ok(m) if m.is_dir() => Box::new(walk(root, opts)),
            Ok(m) if m.file_type().is_symlink() && !opts.follow_links => match std::fs::metadata(root) {
                Ok(t) if t.is_dir() => Box::new(walk(root, DiscoverOptions { follow_links: false })),
                _ => Box::new(std::iter::once(file_input(root))),
            },
            Ok(_) => Box::new(std::iter::once(file_input(root))),
            Err(e) => Box::new(std::iter::once(Input {
                path: root.clone(),
                rel: root
                    .file_name()
                    .map_or_else(|| root.to_string_lossy().into_owned(), name_string),
                format: format_of(root),
                problem: Some(Error::Io {
                    path: root.clone(),
                    source: e,
                }),
            })),
        }
    })
}

fn file_input(path: &Path) -> Input {
    Input {
        path: path.to_path_buf(),
        rel: path
            .file_name()
            .map_or_else(|| path.to_string_lossy().into_owned(), name_string),
        format: format_of(path),
        problem: None,
    }
}

fn walk(root: &Path, opts: DiscoverOptions) -> impl Iterator<Item = Input> + use<> {
    let root = root.to_path_buf();
    WalkDir::new(&root)
        .follow_links(opts.follow_links)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()))
        .filter_map(move |entry| match entry {
            Ok(e) => {
                let ft = e.file_type();
                if ft.is_dir() || (ft.is_symlink() && !opts.follow_links) || !wanted(e.path()) {
                    return None;
                }
                let rel = e.path().strip_prefix(&root).unwrap_or(e.path());
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
                    rel: rel_string(rel),
                    format: format_of(e.path()),
                    problem,
                })
            }
            Err(err) => {
                let path = err.path().map_or_else(|| root.clone(), Path::to_path_buf);
                let rel = path
                    .strip_prefix(&root)
                    .map(rel_string)
                    .unwrap_or_else(|_| path.to_string_lossy().into_owned());
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
                    path,
                    rel: if rel.is_empty() { ".".into() } else { rel },
                })
            }
        })
}
