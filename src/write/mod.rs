//! Writing results: JSON Lines, one JSON file per input, CSV tables, or a
//! SQLite database. Only this stage (and loading) touches the file system.
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

pub mod csv;
pub mod sqlite;

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
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{path}: SQLite: {source}")]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("{path}: CSV: {source}")]
    Csv {
        path: PathBuf,
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

    /// Load the manifest of `dir` (empty when there is none).
    pub fn load(dir: &Path) -> Result<Manifest, WriteError> {
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

    /// Record a result.
    pub fn record(&mut self, r: &ExtractResult) {
        self.entries.insert(
            r.source.path.clone(),
            Known {
                sha256: r.source.sha256.clone(),
                tool_version: TOOL_VERSION.to_string(),
                status: r.status,
            },
        );
    }

    /// Save atomically into `dir`.
    pub fn save(&self, dir: &Path) -> Result<(), WriteError> {
        let io_err = |source| WriteError::Io {
            path: dir.join(Self::FILE),
            source,
        };
        std::fs::create_dir_all(dir).map_err(io_err)?;
        let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(io_err)?;
        serde_json::to_writer_pretty(tmp.as_file_mut(), self).map_err(|e| io_err(io::Error::other(e)))?;
        tmp.persist(dir.join(Self::FILE)).map_err(|e| io_err(e.error))?;
        match std::fs::remove_file(dir.join(Self::LEGACY_FILE)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(WriteError::Io {
                path: dir.join(Self::LEGACY_FILE),
                source: e,
            }),
            _ => Ok(()),
        }
    }
}

/// Write one result as a line of JSON.
pub fn write_jsonl<W: Write>(out: &mut W, result: &ExtractResult) -> io::Result<()> {
    serde_json::to_writer(&mut *out, result).map_err(io::Error::other)?;
    out.write_all(b"\n")
}

/// Where a result for relative input path `rel` goes under `dir`.
pub fn output_path(dir: &Path, rel: &str) -> PathBuf {
    let mut p = dir.to_path_buf();
    let mut pushed = false;
    for part in Path::new(rel).components() {
        if let Component::Normal(s) = part {
            p.push(s);
            pushed = true;
        }
    }
    if !pushed {
        p.push("_");
    }
    let mut name = p.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".json");
    p.set_file_name(name);
    p
}

/// Write one result as pretty JSON to its file under `dir`, atomically.
pub fn write_json_file(dir: &Path, result: &ExtractResult) -> io::Result<PathBuf> {
    let path = output_path(dir, &result.source.path);
    let parent = path.parent().unwrap_or(dir);
    std::fs::create_dir_all(parent)?;
    let mut tmp = tempfile::NamedTempFile::new_in(parent)?;
    {
        let mut w = io::BufWriter::new(tmp.as_file_mut());
        serde_json::to_writer_pretty(&mut w, result).map_err(io::Error::other)?;
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
        assert_eq!(output_path(d, "../../etc/passwd"), Path::new("/out/etc/passwd.json"));
        assert_eq!(output_path(d, "/abs/x.txt"), Path::new("/out/abs/x.txt.json"));
        assert_eq!(output_path(d, ".."), Path::new("/out/_.json"));
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
        std::fs::create_dir_all(dir).map_err(io_err)?;
        let tmp = tempfile::NamedTempFile::new_in(dir).map_err(io_err)?;
        Ok(JsonlFile {
            path: path.to_path_buf(),
            out: io::BufWriter::new(tmp),
        })
    }

    pub fn write(&mut self, r: &ExtractResult) -> Result<(), WriteError> {
        write_jsonl(&mut self.out, r).map_err(|source| WriteError::Io {
            path: self.path.clone(),
            source,
        })
    }

    pub fn finish(self) -> Result<(), WriteError> {
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
}

/// Where the results of a run go.
pub enum Sink {
    Stream(Box<dyn Write>),
    JsonlFile(JsonlFile),
    JsonDir {
        dir: PathBuf,
        manifest: Manifest,
        since_save: usize,
    },
    Csv(csv::CsvSink),
    Sqlite(sqlite::SqliteSink),
}

impl Sink {
    /// Open the sink for `format`; `output` is the file or folder (`None`:
    /// JSON Lines to `stream`).
    pub fn open(format: OutputFormat, output: Option<&Path>, stream: Box<dyn Write>) -> Result<Sink, WriteError> {
        Ok(match (format, output) {
            (OutputFormat::Jsonl, None) => Sink::Stream(stream),
            (OutputFormat::Jsonl, Some(p)) => Sink::JsonlFile(JsonlFile::create(p)?),
            (OutputFormat::Json, Some(d)) => Sink::JsonDir {
                dir: d.to_path_buf(),
                manifest: Manifest::load(d)?,
                since_save: 0,
            },
            (OutputFormat::Csv, Some(d)) => Sink::Csv(csv::CsvSink::create(d)?),
            (OutputFormat::Sqlite, Some(p)) => Sink::Sqlite(sqlite::SqliteSink::open(p)?),
            (_, None) => {
                return Err(WriteError::Io {
                    path: PathBuf::from("-"),
                    source: io::Error::other("this format writes files: give -o"),
                });
            }
        })
    }

    /// What earlier runs extracted, by input path (JSON folder and SQLite).
    pub fn known(&self) -> Result<std::collections::HashMap<String, Known>, WriteError> {
        match self {
            Sink::JsonDir { manifest, .. } => Ok(manifest.entries.clone().into_iter().collect()),
            Sink::Sqlite(db) => db.known(),
            _ => Ok(Default::default()),
        }
    }

    /// Whether this sink keeps earlier results, so a run can be incremental.
    pub fn supports_incremental(&self) -> bool {
        matches!(self, Sink::JsonDir { .. } | Sink::Sqlite(_))
    }

    /// Write one result.
    pub fn write(&mut self, r: &ExtractResult) -> Result<(), WriteError> {
        match self {
            Sink::Stream(w) => write_jsonl(w, r).map_err(|source| WriteError::Io {
                path: PathBuf::from("-"),
                source,
            }),
            Sink::JsonlFile(f) => f.write(r),
            Sink::JsonDir {
                dir,
                manifest,
                since_save,
            } => {
                write_json_file(dir, r).map_err(|source| WriteError::Io {
                    path: output_path(dir, &r.source.path),
                    source,
                })?;
                manifest.record(r);
                *since_save += 1;
                if *since_save >= 256 {
                    manifest.save(dir)?;
                    *since_save = 0;
                }
                Ok(())
            }
            Sink::Csv(c) => c.write(r),
            Sink::Sqlite(db) => db.write(r),
        }
    }

    /// Finish: flush, commit, move files into place.
    pub fn finish(self) -> Result<(), WriteError> {
        match self {
            Sink::Stream(mut w) => w.flush().map_err(|source| WriteError::Io {
                path: PathBuf::from("-"),
                source,
            }),
            Sink::JsonlFile(f) => f.finish(),
            Sink::JsonDir { dir, manifest, .. } => manifest.save(&dir),
            Sink::Csv(c) => c.finish().map(|_| ()),
            Sink::Sqlite(db) => db.finish(),
        }
    }
}
