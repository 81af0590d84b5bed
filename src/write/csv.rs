//! CSV output: one file per record kind, for spreadsheets and pandas.
//!
//! `documents.csv`, `paragraphs.csv`, `decisions.csv`, `amounts.csv`,
//! `footnotes.csv`, `motions.csv`, `votes.csv`, `reservations.csv`,
//! `notes.csv` and `recipients.csv` in the output folder: UTF-8, a header
//! row, RFC 4180 quoting (the csv crate). Every row carries the input's
//! `path`; records carry their § (`paragraph`) and span (`span_start`,
//! `span_end`, `line`, `page`). Lists are joined with `"; "`; a person is
//! written `Name (P)`, a party group `(P)`, a named vote `Name (P): yes`.
//! Booleans are `true`/`false`, missing values empty. The files are written
//! to temporary files and renamed into place when the run ends.

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use tempfile::NamedTempFile;

use super::WriteError;
use crate::model::{ExtractResult, Person, Span};

/// The columns of `documents.csv`.
const DOCUMENT_COLUMNS: &[&str] = &[
    "path",
    "format",
    "sha256",
    "bytes",
    "pages",
    "encoding",
    "status",
    "error_kind",
    "error",
    "warnings",
    "kind",
    "municipality",
    "municipality_code",
    "body",
    "date",
    "title",
    "date_from",
];

/// The columns every record row starts with: its document's path and
/// context, so a spreadsheet filters records by municipality, date and body
/// without a lookup.
pub const CONTEXT_COLUMNS: &[&str] = &[
    "path",
    "municipality",
    "municipality_code",
    "document_date",
    "document_body",
    "document_kind",
];

/// The columns every record row ends with: its span.
pub const SPAN_COLUMNS: &[&str] = &["span_start", "span_end", "line", "page"];

/// Each record table's own columns, between the context and the span.
const RECORD_COLUMNS: &[(&str, &[&str])] = &[
    ("paragraphs", &["number", "case_numbers", "title"]),
    (
        "decisions",
        &[
            "paragraph",
            "body",
            "type",
            "proposed_to",
            "outcome",
            "for_own_part",
            "earlier",
            "reference",
            "earlier_date",
            "items",
            "text",
        ],
    ),
    (
        "amounts",
        &[
            "paragraph",
            "text",
            "value",
            "value_max",
            "currency",
            "qualifier",
            "per",
            "period",
            "footnote",
            "sentence",
        ],
    ),
    (
        "footnotes",
        &["paragraph", "marker", "text", "population_count", "population_date"],
    ),
    (
        "motions",
        &[
            "paragraph",
            "mover_name",
            "mover_party",
            "supporters",
            "classification",
            "result",
            "text",
        ],
    ),
    (
        "votes",
        &[
            "paragraph",
            "yes",
            "no",
            "abstain",
            "absent",
            "yes_means",
            "no_means",
            "named_votes",
            "text",
        ],
    ),
    ("reservations", &["paragraph", "by", "text"]),
    ("notes", &["paragraph", "by", "on_behalf_of", "text"]),
    ("recipients", &["paragraph", "name"]),
];

/// The CSV files (sheets of the xlsx output) and their columns, in order:
/// `documents`, then one table per record kind with the context columns,
/// its own and the span columns.
pub static TABLES: LazyLock<Vec<(&'static str, Vec<&'static str>)>> = LazyLock::new(|| {
    std::iter::once(("documents", DOCUMENT_COLUMNS.to_vec()))
        .chain(
            RECORD_COLUMNS
                .iter()
                .map(|(name, own)| (*name, [CONTEXT_COLUMNS, own, SPAN_COLUMNS].concat())),
        )
        .collect()
});

/// Writes the CSV files of one run.
pub struct CsvSink {
    dir: PathBuf,
    writers: Vec<(String, csv::Writer<BufWriter<NamedTempFile>>)>,
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map_or_else(String::new, |x| x.to_string())
}

/// A serde enum value as its JSON string ("approve", "refer_back").
fn word<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|x| x.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn opt_word<T: serde::Serialize>(v: &Option<T>) -> String {
    v.as_ref().map_or_else(String::new, word)
}

/// A person as `Name (P)`, a party group as `(P)`.
pub fn person(p: &Person) -> String {
    match (&p.name, &p.party) {
        (Some(n), Some(party)) => format!("{n} ({party})"),
        (Some(n), None) => n.clone(),
        (None, Some(party)) => format!("({party})"),
        (None, None) => String::new(),
    }
}

fn persons(ps: &[Person]) -> String {
    ps.iter().map(person).collect::<Vec<_>>().join("; ")
}

fn span_cols(s: &Span) -> [String; 4] {
    [s.start.to_string(), s.end.to_string(), s.line.to_string(), opt(&s.page)]
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

    fn row(&mut self, table: usize, mut fields: Vec<String>) -> Result<(), WriteError> {
        for f in &mut fields {
            spreadsheet_safe(f);
        }
        let (name, w) = &mut self.writers[table];
        w.write_record(&fields).map_err(|source| WriteError::Csv {
            path: self.dir.join(format!("{name}.csv")),
            source,
        })
    }

    /// Write the rows of one result.
    pub fn write(&mut self, r: &ExtractResult) -> Result<(), WriteError> {
        for (table, fields) in rows(r) {
            self.row(table, fields)?;
        }
        Ok(())
    }
}

/// The rows one result adds to the tables: (index into [`TABLES`], the
/// row's cells as text, in the table's column order). CSV writes them as
/// they are, xlsx with numbers as numbers.
pub fn rows(r: &ExtractResult) -> Vec<(usize, Vec<String>)> {
    let d = r.document.as_ref();
    let municipality = d.and_then(|d| d.municipality.as_ref());
    let muni_name = municipality.map_or_else(String::new, |m| m.name.clone());
    let muni_code = municipality.map_or_else(String::new, |m| m.code.clone());
    let date = d.map_or_else(String::new, |d| opt(&d.date));
    let body = d.map_or_else(String::new, |d| opt(&d.body));
    let kind = d.map_or_else(String::new, |d| word(&d.kind));
    let mut out = vec![(
        0,
        vec![
            r.source.path.clone(),
            word(&r.source.format),
            r.source.sha256.clone(),
            r.source.bytes.to_string(),
            opt(&r.source.pages),
            opt(&r.source.encoding),
            word(&r.status),
            r.error.as_ref().map_or_else(String::new, |e| word(&e.kind)),
            r.error.as_ref().map_or_else(String::new, |e| e.message.clone()),
            r.warnings.join("; "),
            kind.clone(),
            muni_name.clone(),
            muni_code.clone(),
            body.clone(),
            date.clone(),
            d.map_or_else(String::new, |d| opt(&d.title)),
            d.map_or_else(String::new, |d| opt_word(&d.date_from)),
        ],
    )];
    // [`CONTEXT_COLUMNS`], the record's own cells, [`SPAN_COLUMNS`]
    let context = [r.source.path.clone(), muni_name, muni_code, date, body, kind];
    let mut add = |table: usize, own: Vec<String>, span: &Span| {
        let mut f = context.to_vec();
        f.extend(own);
        f.extend(span_cols(span));
        out.push((table, f));
    };
    for p in &r.paragraphs {
        add(
            1,
            vec![p.number.clone(), p.case_numbers.join("; "), opt(&p.title)],
            &p.span,
        );
    }
    for x in &r.decisions {
        let own = vec![
            opt(&x.paragraph),
            opt(&x.body),
            word(&x.kind),
            opt(&x.proposed_to),
            opt_word(&x.outcome),
            x.for_own_part.to_string(),
            x.earlier.to_string(),
            opt(&x.reference),
            opt(&x.date),
            x.items.join("; "),
            x.text.clone(),
        ];
        add(2, own, &x.span);
    }
    for x in &r.amounts {
        let own = vec![
            opt(&x.paragraph),
            x.text.clone(),
            x.value.to_string(),
            opt(&x.value_max),
            word(&x.currency),
            opt_word(&x.qualifier),
            opt(&x.per),
            opt_word(&x.period),
            opt(&x.footnote),
            x.sentence.clone(),
        ];
        add(3, own, &x.span);
    }
    for x in &r.footnotes {
        let own = vec![
            opt(&x.paragraph),
            x.marker.clone(),
            x.text.clone(),
            x.population.as_ref().map_or_else(String::new, |p| p.count.to_string()),
            x.population.as_ref().map_or_else(String::new, |p| opt(&p.date)),
        ];
        add(4, own, &x.span);
    }
    for x in &r.motions {
        let own = vec![
            opt(&x.paragraph),
            opt(&x.mover.name),
            opt(&x.mover.party),
            persons(&x.supporters),
            word(&x.classification),
            opt_word(&x.result),
            x.text.clone(),
        ];
        add(5, own, &x.span);
    }
    for x in &r.votes {
        let named: Vec<String> = x
            .votes
            .iter()
            .map(|v| {
                let who = person(&Person {
                    name: v.name.clone(),
                    party: v.party.clone(),
                });
                format!("{who}: {}", word(&v.option))
            })
            .collect();
        let own = vec![
            opt(&x.paragraph),
            opt(&x.counts.yes),
            opt(&x.counts.no),
            opt(&x.counts.abstain),
            opt(&x.counts.absent),
            opt(&x.yes_means),
            opt(&x.no_means),
            named.join("; "),
            x.text.clone(),
        ];
        add(6, own, &x.span);
    }
    for x in &r.reservations {
        add(7, vec![opt(&x.paragraph), persons(&x.by), x.text.clone()], &x.span);
    }
    for x in &r.notes {
        let own = vec![opt(&x.paragraph), persons(&x.by), opt(&x.on_behalf_of), x.text.clone()];
        add(8, own, &x.span);
    }
    for x in &r.recipients {
        add(9, vec![opt(&x.paragraph), x.name.clone()], &x.span);
    }
    out
}

impl CsvSink {
    /// Flush every file and move it into place.
    pub fn finish(self) -> Result<Vec<PathBuf>, WriteError> {
        let mut written = Vec::new();
        for (name, w) in self.writers {
            let path = self.dir.join(format!("{name}.csv"));
            let buf = w.into_inner().map_err(|e| WriteError::Io {
                path: path.clone(),
                source: std::io::Error::other(e.to_string()),
            })?;
            let tmp = buf.into_inner().map_err(|e| WriteError::Io {
                path: path.clone(),
                source: e.into_error(),
            })?;
            let file: &File = tmp.as_file();
            file.sync_all().map_err(|source| WriteError::Io {
                path: path.clone(),
                source,
            })?;
            tmp.persist(&path).map_err(|e| WriteError::Io {
                path: path.clone(),
                source: e.error,
            })?;
            written.push(path);
        }
        Ok(written)
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
