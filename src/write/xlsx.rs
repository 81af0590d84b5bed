//! xlsx output: one workbook with one sheet per record kind, for
//! journalists' spreadsheets (`-f xlsx -o minutes.xlsx`).
//!
//! The sheets have the tables, columns and rows of the CSV output (see
//! [`super::csv::TABLES`] and [`super::csv::rows`]), but typed: counts,
//! offsets and sums (the model's number cells) are numbers, everything
//! else is text, so a code such as
//! `0188` stays `0188` and a cell that starts with `=` is text, never a
//! formula, with no import dialog to get right (tried in LibreOffice: a CSV
//! opened or converted with the default filter turns `0188` into 188). The
//! header row is bold and frozen, with an autofilter. Cells are cut at
//! 32 767 characters like CSV cells; a sheet holds at most 1 048 575 rows,
//! and a result that does not fit is that input's output failure. The
//! workbook is built in memory and saved when the run ends (through a
//! temporary file, renamed into place).

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::columns::Cell;
use super::csv::{TABLES, fit_cell, rows};
use super::{OutputFailure, Sink, WriteError};
use crate::model::ExtractResult;

/// The most rows a sheet holds, header included.
const MAX_ROWS: u32 = 1_048_576;

/// Writes the workbook of one run.
pub struct XlsxSink {
    path: PathBuf,
    workbook: Workbook,
    /// The next free row of each sheet.
    next_row: Vec<u32>,
}

fn err(path: &Path, e: XlsxError) -> WriteError {
    WriteError::Io {
        path: path.to_path_buf(),
        source: std::io::Error::other(e.to_string()),
    }
}

impl XlsxSink {
    /// Start a workbook to be saved at `path` (its folder must exist).
    pub fn create(path: &Path) -> Result<XlsxSink, WriteError> {
        let mut workbook = Workbook::new();
        let bold = Format::new().set_bold();
        for (name, columns) in TABLES.iter() {
            let sheet = workbook.add_worksheet();
            sheet.set_name(*name).map_err(|e| err(path, e))?;
            for (c, column) in columns.iter().enumerate() {
                sheet
                    .write_string_with_format(0, c as u16, *column, &bold)
                    .map_err(|e| err(path, e))?;
            }
            sheet.set_freeze_panes(1, 0).map_err(|e| err(path, e))?;
            sheet
                .autofilter(0, 0, 0, columns.len().saturating_sub(1) as u16)
                .map_err(|e| err(path, e))?;
        }
        Ok(XlsxSink {
            path: path.to_path_buf(),
            workbook,
            next_row: vec![1; TABLES.len()],
        })
    }

    /// Why the rows of a result do not fit, if they do not: a sheet would
    /// be full.
    fn full_sheet(&self, rows: &[(usize, Vec<Cell>)]) -> Option<String> {
        let mut needed = vec![0u32; TABLES.len()];
        for (t, _) in rows {
            needed[*t] += 1;
        }
        let t = (0..TABLES.len()).find(|&t| self.next_row[t].saturating_add(needed[t]) > MAX_ROWS)?;
        Some(format!(
            "the sheet {} is full (a spreadsheet holds {} rows)",
            TABLES[t].0,
            MAX_ROWS - 1
        ))
    }
}

impl Sink for XlsxSink {
    /// Add the rows of one result; a result whose rows do not fit a sheet
    /// is refused whole (its input's failure), nothing of it written.
    fn write(&mut self, r: &ExtractResult) -> Result<Option<OutputFailure>, WriteError> {
        let rows = rows(r);
        if let Some(why) = self.full_sheet(&rows) {
            let error = WriteError::Io {
                path: PathBuf::from(&r.source.path),
                source: std::io::Error::other(why),
            };
            return Ok(Some(OutputFailure::new(r, error)));
        }
        for (t, cells) in rows {
            let row = self.next_row[t];
            self.next_row[t] += 1;
            let sheet = self.workbook.worksheet_from_index(t).map_err(|e| err(&self.path, e))?;
            for (c, cell) in cells.iter().enumerate() {
                let written = match cell.number() {
                    Some(n) => sheet.write_number(row, c as u16, n),
                    None => {
                        let mut text = cell.to_text();
                        if text.is_empty() {
                            continue;
                        }
                        fit_cell(&mut text);
                        sheet.write_string(row, c as u16, text)
                    }
                };
                written.map_err(|e| err(&self.path, e))?;
            }
        }
        Ok(None)
    }

    /// Save the workbook: to a temporary file in its folder, then renamed
    /// into place.
    fn finish(mut self: Box<Self>) -> Result<(), WriteError> {
        let dir = self
            .path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let io_err = |source| WriteError::Io {
            path: self.path.clone(),
            source,
        };
        let tmp = super::temp_file_in(dir).map_err(io_err)?;
        self.workbook.save(tmp.path()).map_err(|e| err(&self.path, e))?;
        tmp.persist(&self.path).map_err(|e| io_err(e.error))?;
        Ok(())
    }
}
