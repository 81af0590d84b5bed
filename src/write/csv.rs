//! CSV output: one file per record kind, for spreadsheets and pandas.
//!
//! `documents.csv`, `paragraphs.csv`, `decisions.csv`, `amounts.csv`,
//! `footnotes.csv`, `motions.csv`, `votes.csv`, `reservations.csv`,
//! `notes.csv` and `recipients.csv` in the output folder: UTF-8, a header
//! row, RFC 4180 quoting (the csv crate). Every row carries the input's
//! `path`; records carry their § (`paragraph`) and span (`span_start`,
//! `span_end`, `line`, `page`). A list is one item per line of its cell
//! (see [`super::columns::lines`]); a person is written `Name (P)`, a party group `(P)`, a named vote `Name (P): yes`.
//! Booleans are `true`/`false`, missing values empty. The files are written
//! to temporary files and renamed into place when the run ends.

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use tempfile::NamedTempFile;

use super::columns::{Cell, ColumnInfo, cells};
use super::tables::{CONTEXT, DOCUMENTS, RECORDS, SPAN};
use super::{OutputFailure, Sink, WriteError};
use crate::model::ExtractResult;

/// The CSV files (sheets of the xlsx output) and their columns, in order:
/// `documents`, then one table per record kind with the context columns,
/// its own and the span columns (see [`super::tables`]).
pub static TABLES: LazyLock<Vec<(&'static str, Vec<&'static str>)>> = LazyLock::new(|| {
    let documents = DOCUMENTS.columns.iter().map(|c| c.info());
    std::iter::once(("documents", in_sheets(documents).map(|c| c.name).collect()))
        .chain(RECORDS.iter().map(|t| {
            let own = in_sheets(t.columns().into_iter()).map(|c| c.name);
            let names = CONTEXT
                .iter()
                .map(|c| c.name)
                .chain(own)
                .chain(SPAN.iter().map(|c| c.name));
            (t.name(), names.collect())
        }))
        .collect()
});

/// The columns CSV and xlsx have.
fn in_sheets(columns: impl Iterator<Item = ColumnInfo>) -> impl Iterator<Item = ColumnInfo> {
    columns.filter(|c| c.sql.in_sheets())
}

/// The cells of the columns CSV and xlsx have.
fn sheet_cells<'a>(columns: &[ColumnInfo], row: Vec<Cell<'a>>) -> impl Iterator<Item = Cell<'a>> {
    columns
        .iter()
        .zip(row)
        .filter(|(c, _)| c.sql.in_sheets())
        .map(|(_, cell)| cell)
}

/// Writes the CSV files of one run.
pub struct CsvSink {
    dir: PathBuf,
    writers: Vec<(String, csv::Writer<BufWriter<NamedTempFile>>)>,
}

/// The most characters a spreadsheet cell holds (Excel and LibreOffice).
pub const MAX_CELL_CHARS: usize = 32_767;

/// What ends a cell cut at [`MAX_CELL_CHARS`].
pub const CUT_MARK: &str = " […]";

/// Make a cell safe to open in a spreadsheet: a text that starts with `=`,
/// `+`, `-`, `@`, a tab or a carriage return (which a spreadsheet would run
/// as a formula: CSV injection) gets a leading `'`, which spreadsheets show
/// as text and hide; numbers ("-5000") stay as they are. A cell longer than
/// a spreadsheet holds is cut to [`MAX_CELL_CHARS`] characters, ending in
/// [`CUT_MARK`] (the JSON and SQLite outputs keep the whole text, and the
/// span columns point at it in the source).
pub fn spreadsheet_safe(cell: &mut String) {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && cell.parse::<f64>().is_err() {
        cell.insert(0, '\'');
    }
    fit_cell(cell);
}

/// Cut a cell longer than a spreadsheet holds to [`MAX_CELL_CHARS`]
/// characters, ending in [`CUT_MARK`] (CSV and xlsx alike).
pub fn fit_cell(cell: &mut String) {
    // bytes first: a cell of fewer bytes has fewer characters
    if cell.len() > MAX_CELL_CHARS
        && cell.chars().count() > MAX_CELL_CHARS
        && let Some((cut, _)) = cell.char_indices().nth(MAX_CELL_CHARS - CUT_MARK.chars().count())
    {
        cell.truncate(cut);
        cell.push_str(CUT_MARK);
    }
}

impl CsvSink {
    /// Start writing into `dir` (created if needed, its parent must exist); each file starts with
    /// a UTF-8 byte-order mark when `bom` is set, so spreadsheets open it as
    /// UTF-8 (å ä ö instead of Ã¥ Ã¤ Ã¶).
    pub fn create(dir: &Path, bom: bool) -> Result<CsvSink, WriteError> {
        let io_err = |source| WriteError::Io {
            path: dir.to_path_buf(),
            source,
        };
        // the folder itself is made, never its parents
        match std::fs::create_dir(dir) {
            Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists || !dir.is_dir() => return Err(io_err(e)),
            _ => {}
        }
        super::remove_abandoned_temp_files(dir, false);
        let mut writers = Vec::new();
        for (name, columns) in TABLES.iter() {
            let tmp = super::temp_file_in(dir).map_err(io_err)?;
            let mut buf = BufWriter::new(tmp);
            if bom {
                std::io::Write::write_all(&mut buf, "\u{feff}".as_bytes()).map_err(io_err)?;
            }
            let mut w = csv::Writer::from_writer(buf);
            w.write_record(columns).map_err(|source| WriteError::Csv {
                path: dir.join(format!("{name}.csv")),
                source,
            })?;
            writers.push((name.to_string(), w));
        }
        Ok(CsvSink {
            dir: dir.to_path_buf(),
            writers,
        })
    }

    fn row(&mut self, table: usize, cells: Vec<Cell>) -> Result<(), WriteError> {
        let fields: Vec<String> = cells
            .iter()
            .map(|c| {
                let mut f = c.to_text();
                spreadsheet_safe(&mut f);
                f
            })
            .collect();
        let (name, w) = &mut self.writers[table];
        w.write_record(&fields).map_err(|source| WriteError::Csv {
            path: self.dir.join(format!("{name}.csv")),
            source,
        })
    }
}

/// The rows one result adds to the tables: (index into [`TABLES`], the
/// row's cells, in the table's column order). CSV writes them as text, xlsx
/// with numbers as numbers.
pub fn rows(r: &ExtractResult) -> Vec<(usize, Vec<Cell<'_>>)> {
    let documents: Vec<ColumnInfo> = DOCUMENTS.columns.iter().map(|c| c.info()).collect();
    let document = cells(DOCUMENTS.columns, r);
    let context: Vec<Cell> = CONTEXT
        .iter()
        .filter_map(|c| documents.iter().position(|d| d.name == c.from))
        .map(|i| document[i].clone())
        .collect();
    let mut out = vec![(0, sheet_cells(&documents, document).collect())];
    for (t, table) in RECORDS.iter().enumerate() {
        let columns = table.columns();
        for row in table.rows(r) {
            let cells = context
                .iter()
                .cloned()
                .chain(sheet_cells(&columns, row.cells))
                .chain(row.span);
            out.push((t + 1, cells.collect()));
        }
    }
    out
}

impl Sink for CsvSink {
    /// Write the rows of one result.
    fn write(&mut self, r: &ExtractResult) -> Result<Option<OutputFailure>, WriteError> {
        for (table, cells) in rows(r) {
            self.row(table, cells)?;
        }
        Ok(None)
    }

    /// Flush every file and move it into place.
    fn finish(self: Box<Self>) -> Result<(), WriteError> {
        for (name, w) in self.writers {
            let path = self.dir.join(format!("{name}.csv"));
            let io_err = |source| WriteError::Io {
                path: path.clone(),
                source,
            };
            let buf = w
                .into_inner()
                .map_err(|e| io_err(std::io::Error::other(e.to_string())))?;
            let tmp = buf.into_inner().map_err(|e| io_err(e.into_error()))?;
            let file: &File = tmp.as_file();
            file.sync_all().map_err(io_err)?;
            tmp.persist(&path).map_err(|e| io_err(e.error))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn safe(s: &str) -> String {
        let mut c = s.to_string();
        spreadsheet_safe(&mut c);
        c
    }

    #[test]
    fn formulas_are_neutralized_and_numbers_kept() {
        assert_eq!(safe("= Årets resultat"), "'= Årets resultat");
        assert_eq!(safe("+46 8 123"), "'+46 8 123");
        assert_eq!(safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(safe("-Ett streck"), "'-Ett streck");
        assert_eq!(safe("-5000"), "-5000");
        assert_eq!(safe("0188"), "0188");
        assert_eq!(safe("Kommunstyrelsen"), "Kommunstyrelsen");
    }

    #[test]
    fn long_cells_are_cut_to_what_a_spreadsheet_holds() {
        let cut = safe(&"å".repeat(40_000));
        assert_eq!(cut.chars().count(), MAX_CELL_CHARS);
        assert!(cut.ends_with(CUT_MARK));
        let fits = "ä".repeat(MAX_CELL_CHARS);
        assert!(
            safe(&fits) == fits,
            "a cell that fits (in characters, not bytes) stays whole"
        );
    }
}
