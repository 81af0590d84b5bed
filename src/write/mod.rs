//! Writing results: JSON Lines, one JSON file per input, CSV tables, an
//! xlsx workbook or a SQLite database. Only this stage (and loading)
//! touches the file system. Each format is a type that implements
//! [`Sink`], opened by [`open`]; the table formats are made from one
//! column model ([`columns`], [`tables`]).
//!
//! In directory mode a result for input `a/b.txt` goes to `OUT/a/b.txt.json`,
//! written atomically (a temporary file in the same folder, then a rename),
//! so a reader or a killed run never sees half a file. Output paths are built
//! from the input's relative path component by component and can never leave
//! the output folder. A manifest next to the files
//! (`OUT/.protokoll-manifest`, JSON without a `.json` suffix, so that every
//! `*.json` file in the folder is a result and tools that glob for them, like
//! the scorer, never pick it up) records each input's content hash and the
//! tool version for incremental runs.

pub mod columns;
pub mod csv;
pub mod html;
pub mod sqlite;
pub mod tables;
pub mod xlsx;

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::{ExtractResult, Status};

/// The version written with every extraction (incremental runs re-extract
/// when it changes).
pub const TOOL_VERSION: &str = concat!("protokoll ", env!("CARGO_PKG_VERSION"));

/// Errors of the writers.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// Writing a file (or the stream) failed.
    #[error("{path}: {source}")]
    Io {
        /// The file written (`-`: the stream), or the input whose result it was.
        path: PathBuf,
        /// What writing said.
        #[source]
        source: io::Error,
    },
    /// The SQLite database failed.
    #[error("{path}: SQLite: {source}")]
    Sqlite {
        /// The database.
        path: PathBuf,
        /// What SQLite said.
        #[source]
        source: rusqlite::Error,
    },
    /// Writing a CSV file failed.
    #[error("{path}: CSV: {source}")]
    Csv {
        /// The CSV file.
        path: PathBuf,
        /// What the CSV writer said.
        #[source]
        source: ::csv::Error,
    },
}

/// What an earlier run extracted from an input.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Known {
    pub sha256: String,
    pub tool_version: String,
    pub status: Status,
}

impl Known {
    /// Whether an input with `sha256` need not be extracted again: same
    /// content, same tool version, and it did not fail last time.
    pub fn unchanged(&self, sha256: &str) -> bool {
        self.sha256 == sha256 && self.tool_version == TOOL_VERSION && self.status != Status::Failed
    }
}

/// The manifest of a JSON output folder: relative input path → what was
/// extracted from it.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    pub entries: BTreeMap<String, Known>,
}

impl Manifest {
    pub const FILE: &'static str = ".protokoll-manifest";
    /// Where earlier versions kept the manifest; read when [`Self::FILE`] is
    /// absent and removed on the next save, so an existing output folder
    /// stays incremental.
    pub const LEGACY_FILE: &'static str = ".protokoll-manifest.json";

    /// Where results are appended, one JSON line each, as they are written;
    /// folded into [`Self::FILE`] when the run ends and removed. A killed
    /// run leaves it, and the next run reads it after the manifest. Writing
    /// the manifest once per run and a line per result keeps the cost
    /// linear in the number of files.
    pub const JOURNAL_FILE: &'static str = ".protokoll-manifest.log";

    /// Load the manifest of `dir` (empty when there is none), with the
    /// journal of a run that did not finish.
    pub fn load(dir: &Path) -> Result<Manifest, WriteError> {
        let mut manifest = Self::load_saved(dir)?;
        let path = dir.join(Self::JOURNAL_FILE);
        match std::fs::read(&path) {
            // a line torn by a kill is skipped: its result is extracted again
            Ok(bytes) => {
                for line in bytes.split(|&b| b == b'\n') {
                    if let Ok(entry) = serde_json::from_slice::<JournalEntry>(line) {
                        manifest.entries.insert(entry.path, entry.known);
                    }
                }
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(source) => return Err(WriteError::Io { path, source }),
        }
        Ok(manifest)
    }

    fn load_saved(dir: &Path) -> Result<Manifest, WriteError> {
        for name in [Self::FILE, Self::LEGACY_FILE] {
            let path = dir.join(name);
            match std::fs::read(&path) {
                Ok(bytes) => {
                    return serde_json::from_slice(&bytes).map_err(|e| WriteError::Io {
                        path,
                        source: io::Error::other(e),
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                Err(source) => return Err(WriteError::Io { path, source }),
            }
        }
        Ok(Manifest::default())
    }

    /// Record a result; returns its entry.
    pub fn record(&mut self, r: &ExtractResult) -> JournalEntry {
        let known = Known {
            sha256: r.source.sha256.clone(),
            tool_version: TOOL_VERSION.to_string(),
            status: r.status,
        };
        self.entries.insert(r.source.path.clone(), known.clone());
        JournalEntry {
            path: r.source.path.clone(),
            known,
        }
    }

    /// Save atomically into `dir`.
    pub fn save(&self, dir: &Path) -> Result<(), WriteError> {
        let io_err = |source| WriteError::Io {
            path: dir.join(Self::FILE),
            source,
        };
        std::fs::create_dir_all(dir).map_err(io_err)?;
        let mut tmp = temp_file_in(dir).map_err(io_err)?;
        serde_json::to_writer_pretty(tmp.as_file_mut(), self).map_err(|e| io_err(io::Error::from(e)))?;
        tmp.persist(dir.join(Self::FILE)).map_err(|e| io_err(e.error))?;
        for name in [Self::LEGACY_FILE, Self::JOURNAL_FILE] {
            match std::fs::remove_file(dir.join(name)) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => {
                    return Err(WriteError::Io {
                        path: dir.join(name),
                        source: e,
                    });
                }
                _ => {}
            }
        }
        Ok(())
    }
}

/// One line of the manifest's journal.
#[derive(Debug, Serialize, Deserialize)]
pub struct JournalEntry {
    pub path: String,
    #[serde(flatten)]
    pub known: Known,
}

/// One pretty JSON file per input in a folder, with the manifest.
pub struct JsonDirSink {
    dir: PathBuf,
    manifest: Manifest,
    journal: Option<io::BufWriter<std::fs::File>>,
}

impl JsonDirSink {
    /// Open the folder `dir` (created on the first write), reading what
    /// earlier runs recorded and removing their abandoned temporary files.
    pub fn open(dir: &Path) -> Result<JsonDirSink, WriteError> {
        let manifest = Manifest::load(dir)?;
        if dir.is_dir() {
            remove_abandoned_temp_files(dir, true);
        }
        Ok(JsonDirSink {
            dir: dir.to_path_buf(),
            manifest,
            journal: None,
        })
    }
}

impl Sink for JsonDirSink {
    /// An input is unchanged when the manifest, as the run began, has it
    /// with the same content and tool version.
    fn unchanged_check(&self) -> Result<OwnedUnchangedCheck, WriteError> {
        let known = self.manifest.entries.clone();
        Ok(Box::new(move |rel, sha| {
            known.get(rel).is_some_and(|k| k.unchanged(sha))
        }))
    }

    fn known(&self) -> Result<Option<BTreeMap<String, Known>>, WriteError> {
        Ok(Some(self.manifest.entries.clone()))
    }

    fn supports_incremental(&self) -> bool {
        true
    }

    /// Remove the result files and manifest entries of `paths`.
    fn prune(&mut self, paths: &[String]) -> Result<usize, WriteError> {
        let mut removed = 0;
        for p in paths {
            if self.manifest.entries.remove(p).is_none() {
                continue;
            }
            let file = output_path(&self.dir, p);
            match std::fs::remove_file(&file) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(source) => return Err(WriteError::Io { path: file, source }),
            }
            removed += 1;
        }
        // saved now, so a run that ends early does not bring them back
        if removed > 0 {
            self.manifest.save(&self.dir)?;
        }
        Ok(removed)
    }

    /// Write one result; a file that cannot be written is that input's
    /// failure, a journal that cannot be written ends the run.
    fn write(&mut self, r: &ExtractResult) -> Result<Option<OutputFailure>, WriteError> {
        if let Err(source) = write_json_file(&self.dir, r) {
            return Ok(Some(OutputFailure::new(
                r,
                WriteError::Io {
                    path: output_path(&self.dir, &r.source.path),
                    source,
                },
            )));
        }
        let entry = self.manifest.record(r);
        let path = self.dir.join(Manifest::JOURNAL_FILE);
        let io_err = |source| WriteError::Io {
            path: path.clone(),
            source,
        };
        let journal = match &mut self.journal {
            Some(journal) => journal,
            none => {
                let file = std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(&path)
                    .map_err(io_err)?;
                none.insert(io::BufWriter::new(file))
            }
        };
        serde_json::to_writer(&mut *journal, &entry).map_err(|e| io_err(io::Error::from(e)))?;
        journal.write_all(b"\n").map_err(io_err)?;
        // a whole line per result reaches the file, so a kill loses at most one
        journal.flush().map_err(io_err)?;
        Ok(None)
    }

    fn finish(self: Box<Self>) -> Result<(), WriteError> {
        let JsonDirSink { dir, manifest, journal } = *self;
        drop(journal);
        manifest.save(&dir)
    }
}

/// A [`crate::UnchangedCheck`] that owns what it looks in.
pub type OwnedUnchangedCheck = Box<dyn Fn(&str, &str) -> bool + Sync>;

/// An input whose result could not be written: that input fails, the run
/// goes on.
#[derive(Debug)]
pub struct OutputFailure {
    /// `source.path` of the input.
    pub path: String,
    /// The status the result had before it could not be written.
    pub status: Status,
    pub error: WriteError,
}

impl OutputFailure {
    pub(crate) fn new(r: &ExtractResult, error: WriteError) -> OutputFailure {
        OutputFailure {
            path: r.source.path.clone(),
            status: r.status,
            error,
        }
    }
}

/// Write one result as a line of JSON.
pub fn write_jsonl<W: Write>(out: &mut W, result: &ExtractResult) -> io::Result<()> {
    serde_json::to_writer(&mut *out, result).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// Temporary files of the writers are named with this prefix, then the id
/// of the process that wrote them, so that the next run into the same
/// output can recognise the leftovers of a killed run and remove them.
pub const TEMP_PREFIX: &str = ".protokoll-tmp-";

/// A temporary file in `dir` for an output that is moved into place when
/// complete. Created with mode 0666 less the umask, as any other output
/// file (a bare temporary file would be 0600).
pub(crate) fn temp_file_in(dir: &Path) -> io::Result<tempfile::NamedTempFile> {
    let prefix = format!("{TEMP_PREFIX}{}-", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    // tempfile names its random file in the error ("… at path
    // /out/.protokoll-tmp-123-AbCdEf"): a name the user never chose, so the
    // error says what failed in the folder instead
    builder.tempfile_in(dir).map_err(|e| {
        let kind = e.kind();
        let cause = std::io::Error::from(kind).to_string();
        io::Error::new(kind, format!("cannot create a file in {}: {cause}", dir.display()))
    })
}

/// Whether the temporary file `name` was left by a process that no longer
/// runs. Where the system cannot tell (no `/proc`), a leftover older than a
/// day counts as abandoned.
fn abandoned_temp(path: &Path, name: &str) -> bool {
    let Some(pid) = name
        .strip_prefix(TEMP_PREFIX)
        .and_then(|rest| rest.split('-').next())
        .and_then(|pid| pid.parse::<u32>().ok())
    else {
        return false;
    };
    if pid == std::process::id() {
        return false;
    }
    if Path::new("/proc/self").exists() {
        return !Path::new("/proc").join(pid.to_string()).exists();
    }
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age > std::time::Duration::from_secs(24 * 3600))
}

/// Remove the temporary files that killed runs left in `dir` (and, with
/// `recursive`, in its sub-folders, never following links). Returns how
/// many were removed; a file that cannot be removed is left alone.
pub fn remove_abandoned_temp_files(dir: &Path, recursive: bool) -> usize {
    let walker = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .max_depth(if recursive { usize::MAX } else { 1 });
    walker
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            e.file_name()
                .to_str()
                .is_some_and(|name| abandoned_temp(e.path(), name))
        })
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

/// The longest file name most file systems take (bytes).
const NAME_MAX: usize = 255;
/// How much of an over-long name is kept before its hash.
const NAME_KEPT: usize = 200;

/// A path component of an output name: as it is when it fits in
/// [`NAME_MAX`] bytes with `suffix`; otherwise its first [`NAME_KEPT`]
/// bytes, `%h` and a hash of the whole component. Input paths escape every
/// `%` (as `%25`, see [`crate::discover::name_string`]), so `%h` never
/// occurs in a name that was not shortened and two inputs never share an
/// output name.
fn output_component(name: &str, suffix: &str) -> String {
    if name.len() + suffix.len() <= NAME_MAX {
        return format!("{name}{suffix}");
    }
    use sha2::Digest;
    let hash = crate::load::hex(&sha2::Sha256::digest(name.as_bytes())[..8]);
    let mut cut = NAME_KEPT;
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}%h{hash}{suffix}", &name[..cut])
}

/// Where a result for relative input path `rel` goes under `dir`: the
/// input's path with `.json` appended, each component shortened to fit the
/// file system (see [`output_component`]), never leaving `dir`.
pub fn output_path(dir: &Path, rel: &str) -> PathBuf {
    // an absolute key (a file outside the root) goes under `%2F`, a `..`
    // under `%2E%2E`: names a real component cannot have, as keys write a
    // literal `%` as `%25`
    let parts: Vec<&str> = Path::new(rel)
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => s.to_str(),
            Component::RootDir => Some("%2F"),
            Component::ParentDir => Some("%2E%2E"),
            _ => None,
        })
        .collect();
    let mut p = dir.to_path_buf();
    match parts.split_last() {
        None => p.push("_.json"),
        Some((file, folders)) => {
            for folder in folders {
                p.push(output_component(folder, ""));
            }
            p.push(output_component(file, ".json"));
        }
    }
    p
}

/// Write one result as pretty JSON to its file under `dir`, atomically.
pub fn write_json_file(dir: &Path, result: &ExtractResult) -> io::Result<PathBuf> {
    let path = output_path(dir, &result.source.path);
    let parent = path.parent().unwrap_or(dir);
    std::fs::create_dir_all(parent)?;
    let mut tmp = temp_file_in(parent)?;
    {
        let mut w = io::BufWriter::new(tmp.as_file_mut());
        serde_json::to_writer_pretty(&mut w, result).map_err(io::Error::from)?;
        w.write_all(b"\n")?;
        w.flush()?;
    }
    tmp.persist(&path).map_err(|e| e.error)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_paths_stay_inside() {
        let d = Path::new("/out");
        assert_eq!(output_path(d, "a/b.txt"), Path::new("/out/a/b.txt.json"));
        assert_eq!(
            output_path(d, "../../etc/passwd"),
            Path::new("/out/%2E%2E/%2E%2E/etc/passwd.json")
        );
        assert_eq!(output_path(d, "/abs/x.txt"), Path::new("/out/%2F/abs/x.txt.json"));
        assert_ne!(output_path(d, "/abs/x.txt"), output_path(d, "abs/x.txt"));
        assert_eq!(output_path(d, ".."), Path::new("/out/%2E%2E.json"));
        assert_eq!(output_path(d, "."), Path::new("/out/_.json"));
    }

    #[test]
    fn long_names_are_shortened_with_a_hash() {
        let d = Path::new("/out");
        let long = "å".repeat(127) + ".txt"; // 258 bytes
        let p = output_path(d, &format!("x/{long}"));
        let name = p.file_name().unwrap().to_str().unwrap();
        assert!(name.len() <= NAME_MAX, "{name}");
        assert!(name.ends_with(".json") && name.contains("%h"));
        let other = output_path(d, &format!("x/{}.txt", "å".repeat(128)));
        assert_ne!(p, other);
        let fits = "a".repeat(250);
        assert_eq!(output_path(d, &fits), d.join(format!("{fits}.json")));
        assert!(output_path(d, &"a".repeat(251)).to_str().unwrap().contains("%h"));
    }

    #[test]
    fn abandoned_temp_files_are_those_of_dead_processes() {
        let dir = tempfile::tempdir().unwrap();
        let mine = temp_file_in(dir.path()).unwrap();
        // pid 0 is never a process that wrote a file
        let dead = dir.path().join(format!("{TEMP_PREFIX}0-abc"));
        std::fs::write(&dead, "x").unwrap();
        let other = dir.path().join(".tmpabc");
        std::fs::write(&other, "x").unwrap();
        if Path::new("/proc/self").exists() {
            assert_eq!(remove_abandoned_temp_files(dir.path(), true), 1);
            assert!(!dead.exists());
        }
        assert!(mine.path().exists() && other.exists());
    }
}

/// JSON Lines into a file, moved into place when the run ends.
pub struct JsonlFile {
    path: PathBuf,
    out: io::BufWriter<tempfile::NamedTempFile>,
}

impl JsonlFile {
    pub fn create(path: &Path) -> Result<JsonlFile, WriteError> {
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let io_err = |source| WriteError::Io {
            path: path.to_path_buf(),
            source,
        };
        // the file's folder must exist: a typo in -o never creates a tree
        remove_abandoned_temp_files(dir, false);
        let tmp = temp_file_in(dir).map_err(io_err)?;
        Ok(JsonlFile {
            path: path.to_path_buf(),
            out: io::BufWriter::new(tmp),
        })
    }
}

impl Sink for JsonlFile {
    fn write(&mut self, r: &ExtractResult) -> Result<Option<OutputFailure>, WriteError> {
        write_jsonl(&mut self.out, r)
            .map(|_| None)
            .map_err(|source| WriteError::Io {
                path: self.path.clone(),
                source,
            })
    }

    fn finish(self: Box<Self>) -> Result<(), WriteError> {
        let path = self.path;
        let tmp = self.out.into_inner().map_err(|e| WriteError::Io {
            path: path.clone(),
            source: e.into_error(),
        })?;
        tmp.persist(&path)
            .map_err(|e| WriteError::Io { path, source: e.error })?;
        Ok(())
    }
}

/// JSON Lines to a stream (standard output).
pub struct JsonlStream(pub Box<dyn Write>);

impl JsonlStream {
    fn io_err(source: io::Error) -> WriteError {
        WriteError::Io {
            path: PathBuf::from("-"),
            source,
        }
    }
}

impl Sink for JsonlStream {
    fn write(&mut self, r: &ExtractResult) -> Result<Option<OutputFailure>, WriteError> {
        write_jsonl(&mut self.0, r).map(|_| None).map_err(Self::io_err)
    }

    fn finish(mut self: Box<Self>) -> Result<(), WriteError> {
        self.0.flush().map_err(Self::io_err)
    }
}

/// An output format of `protokoll extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// One JSON object per line, to stdout or a file.
    Jsonl,
    /// One pretty JSON file per input in a folder.
    Json,
    /// One CSV file per record kind in a folder.
    Csv,
    /// A SQLite database file.
    Sqlite,
    /// An xlsx workbook, one sheet per record kind.
    Xlsx,
}

/// File name extensions that name an output format (`-o` without `-f`).
const FORMAT_EXTENSIONS: &[(&str, OutputFormat)] = &[
    ("jsonl", OutputFormat::Jsonl),
    ("ndjson", OutputFormat::Jsonl),
    ("db", OutputFormat::Sqlite),
    ("sqlite", OutputFormat::Sqlite),
    ("sqlite3", OutputFormat::Sqlite),
    ("xlsx", OutputFormat::Xlsx),
];

impl OutputFormat {
    /// The format an output path asks for when no format is given: its
    /// extension (`.jsonl`, `.db` …), else a JSON folder. An extension
    /// that names a single file of a format that writes a folder (`.csv`,
    /// `.json`) is refused with the reason, never turned into a folder of
    /// that name.
    pub fn for_output_path(path: &Path) -> Result<OutputFormat, String> {
        let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        let Some(ext) = ext else { return Ok(OutputFormat::Json) };
        if let Some((_, format)) = FORMAT_EXTENSIONS.iter().find(|(e, _)| *e == ext) {
            return Ok(*format);
        }
        match ext.as_str() {
            "csv" => Err(format!(
                "{}: CSV output is a folder with one table per record kind; give a folder and -f csv",
                path.display()
            )),
            "json" => Err(format!(
                "{}: JSON output is a folder with one file per input; give a folder, or -f jsonl for one file",
                path.display()
            )),
            _ => Ok(OutputFormat::Json),
        }
    }
}

/// How the sinks write.
#[derive(Debug, Clone, Copy)]
pub struct SinkOptions {
    /// Start each CSV file with a UTF-8 byte-order mark (the default), so
    /// spreadsheets read it as UTF-8.
    pub csv_bom: bool,
}

impl Default for SinkOptions {
    fn default() -> Self {
        SinkOptions { csv_bom: true }
    }
}

/// Where the results of a run go: one type per output format, opened by
/// [`open`]. The methods for incremental runs answer, for an output that
/// keeps nothing (JSON Lines, CSV, xlsx), that nothing is known.
pub trait Sink {
    /// For incremental runs: whether an input (relative path, content
    /// hash) is unchanged since an earlier run into this output. A JSON
    /// folder answers from its manifest as the run began; SQLite asks the
    /// database each time, so it sees what a concurrent run committed.
    fn unchanged_check(&self) -> Result<OwnedUnchangedCheck, WriteError> {
        Ok(Box::new(|_, _| false))
    }

    /// What this output holds from earlier runs, by input path, as the run
    /// begins; `None` for outputs that keep nothing.
    fn known(&self) -> Result<Option<BTreeMap<String, Known>>, WriteError> {
        Ok(None)
    }

    /// Remove what this output holds of the inputs at `paths` (a JSON
    /// folder's result files and manifest entries, a database's documents
    /// and their records), nothing else; the number removed.
    fn prune(&mut self, _paths: &[String]) -> Result<usize, WriteError> {
        Ok(0)
    }

    /// Whether this sink keeps earlier results, so a run can be incremental.
    fn supports_incremental(&self) -> bool {
        false
    }

    /// Write one result. Returns this input's failure when its result could
    /// not be written (the run goes on); an error ends the run.
    fn write(&mut self, r: &ExtractResult) -> Result<Option<OutputFailure>, WriteError>;

    /// Finish: flush, save the manifest, move files into place.
    fn finish(self: Box<Self>) -> Result<(), WriteError>;
}

/// Open the sink for `format`; `output` is the file or folder (`None`:
/// JSON Lines to `stream`).
pub fn open(
    format: OutputFormat,
    output: Option<&Path>,
    stream: Box<dyn Write>,
    options: &SinkOptions,
) -> Result<Box<dyn Sink>, WriteError> {
    Ok(match (format, output) {
        (OutputFormat::Jsonl, None) => Box::new(JsonlStream(stream)),
        (OutputFormat::Jsonl, Some(p)) => Box::new(JsonlFile::create(p)?),
        (OutputFormat::Json, Some(d)) => Box::new(JsonDirSink::open(d)?),
        (OutputFormat::Csv, Some(d)) => Box::new(csv::CsvSink::create(d, options.csv_bom)?),
        (OutputFormat::Sqlite, Some(p)) => Box::new(sqlite::SqliteSink::open(p)?),
        (OutputFormat::Xlsx, Some(p)) => Box::new(xlsx::XlsxSink::create(p)?),
        (_, None) => {
            return Err(WriteError::Io {
                path: PathBuf::from("-"),
                source: io::Error::other("this format writes files: give -o"),
            });
        }
    })
}
