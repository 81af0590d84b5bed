//! Writing results: JSON Lines to a stream, or one JSON file per input.
//!
//! In directory mode a result for input `a/b.txt` goes to `OUT/a/b.txt.json`,
//! written atomically (a temporary file in the same folder, then a rename),
//! so a reader or a killed run never sees half a file. Output paths are built
//! from the input's relative path component by component and can never leave
//! the output folder.

use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use crate::model::ExtractResult;

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
