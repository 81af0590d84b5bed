//! SQLite output: one table per record kind plus `documents`, for
//! journalists who click through decisions and for nightly jobs.
//!
//! Every record table has `document_id` (a foreign key to `documents`, rows
//! deleted with their document) and the record's `paragraph` and span.
//! Link tables hold motion supporters, named votes and the members behind
//! reservations and notes. A document is replaced as a whole (upsert by
//! `path`: its old rows are deleted and the new ones inserted in the same
//! transaction), one transaction per document, so a killed run
//! leaves every document either as before or completely replaced. The
//! database uses WAL journaling. The schema is in the README.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, params};

use super::{Known, OutputFailure, TOOL_VERSION, WriteError};
use crate::model::{ExtractResult, Person, Status};

/// `PRAGMA user_version` of a database this version writes.
pub const SCHEMA_VERSION: i64 = 2;

/// The record tables that get a view with their document's context: one
/// per record kind, named like the result's arrays.
pub use crate::model::RECORD_KINDS as RECORD_TABLES;

/// One view per record table, `<table>_full`: each record with its
/// document's path, municipality (name and code), date, body and kind
/// (`document_date`, `document_body`, `document_kind`), so Datasette or a
/// spreadsheet facets records by municipality, meeting date and body
/// without a join. Recreated on every open, so they follow the tables.
pub fn views() -> String {
    RECORD_TABLES
        .iter()
        .map(|t| {
            format!(
                "DROP VIEW IF EXISTS {t}_full;\nCREATE VIEW {t}_full AS SELECT d.path, d.municipality, \
                 d.municipality_code, d.date AS document_date, d.body AS document_body, d.kind AS document_kind, \
                 r.* FROM {t} r JOIN documents d ON d.id = r.document_id;\n"
            )
        })
        .collect()
}

/// Bring a database of an earlier version to this schema: `decisions.date`
/// (the date of an earlier decision, easily taken for the meeting date)
/// became `earlier_date`, and `documents.date_from` was added (at the end
/// of the table, where `ALTER TABLE` puts it, so new and migrated
/// databases have the same columns in the same order).
fn migrate(conn: &Connection) -> rusqlite::Result<()> {
    let has_old_date: bool = conn
        .prepare("SELECT 1 FROM pragma_table_info('decisions') WHERE name = 'date'")?
        .exists([])?;
    if has_old_date {
        conn.execute_batch(
            "DROP INDEX IF EXISTS decisions_date; ALTER TABLE decisions RENAME COLUMN date TO earlier_date;",
        )?;
    }
    // documents.date_from (where the date was read) came with version 0.2
    let has_documents: bool = conn
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'documents'")?
        .exists([])?;
    let has_date_from: bool = conn
        .prepare("SELECT 1 FROM pragma_table_info('documents') WHERE name = 'date_from'")?
        .exists([])?;
    if has_documents && !has_date_from {
        conn.execute_batch("ALTER TABLE documents ADD COLUMN date_from TEXT;")?;
    }
    Ok(())
}

/// The schema (also shown in the README).
pub const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS documents (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  sha256 TEXT NOT NULL,
  format TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  pages INTEGER,
  encoding TEXT,
  status TEXT NOT NULL,
  error_kind TEXT,
  error TEXT,
  warnings TEXT NOT NULL,
  kind TEXT,
  municipality TEXT,
  municipality_code TEXT,
  body TEXT,
  date TEXT,
  title TEXT,
  tool_version TEXT NOT NULL,
  extracted_at TEXT NOT NULL,
  date_from TEXT
);
CREATE TABLE IF NOT EXISTS paragraphs (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  number TEXT NOT NULL, case_numbers TEXT NOT NULL, title TEXT,
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, line INTEGER NOT NULL, page INTEGER
);
CREATE TABLE IF NOT EXISTS decisions (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  paragraph TEXT, body TEXT, type TEXT NOT NULL, proposed_to TEXT, outcome TEXT,
  for_own_part INTEGER NOT NULL, earlier INTEGER NOT NULL, reference TEXT, earlier_date TEXT,
  items TEXT NOT NULL, text TEXT NOT NULL,
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, line INTEGER NOT NULL, page INTEGER
);
CREATE TABLE IF NOT EXISTS amounts (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  paragraph TEXT, text TEXT NOT NULL, value REAL NOT NULL, value_max REAL, currency TEXT NOT NULL,
  qualifier TEXT, per TEXT, period TEXT, footnote TEXT, sentence TEXT NOT NULL,
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, line INTEGER NOT NULL, page INTEGER
);
CREATE TABLE IF NOT EXISTS footnotes (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  paragraph TEXT, marker TEXT NOT NULL, text TEXT NOT NULL, population_count INTEGER, population_date TEXT,
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, line INTEGER NOT NULL, page INTEGER
);
CREATE TABLE IF NOT EXISTS motions (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  paragraph TEXT, mover_name TEXT, mover_party TEXT, classification TEXT NOT NULL, result TEXT, text TEXT NOT NULL,
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, line INTEGER NOT NULL, page INTEGER
);
CREATE TABLE IF NOT EXISTS motion_supporters (
  motion_id INTEGER NOT NULL REFERENCES motions(id) ON DELETE CASCADE,
  position INTEGER NOT NULL, name TEXT, party TEXT
);
CREATE TABLE IF NOT EXISTS votes (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  paragraph TEXT, yes INTEGER, no INTEGER, abstain INTEGER, absent INTEGER, yes_means TEXT, no_means TEXT,
  text TEXT NOT NULL,
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, line INTEGER NOT NULL, page INTEGER
);
CREATE TABLE IF NOT EXISTS vote_members (
  vote_id INTEGER NOT NULL REFERENCES votes(id) ON DELETE CASCADE,
  name TEXT, party TEXT, option TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS reservations (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  paragraph TEXT, text TEXT NOT NULL,
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, line INTEGER NOT NULL, page INTEGER
);
CREATE TABLE IF NOT EXISTS reservation_members (
  reservation_id INTEGER NOT NULL REFERENCES reservations(id) ON DELETE CASCADE,
  name TEXT, party TEXT
);
CREATE TABLE IF NOT EXISTS notes (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  paragraph TEXT, on_behalf_of TEXT, text TEXT NOT NULL,
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, line INTEGER NOT NULL, page INTEGER
);
CREATE TABLE IF NOT EXISTS note_members (
  note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  name TEXT, party TEXT
);
CREATE TABLE IF NOT EXISTS recipients (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  paragraph TEXT, name TEXT NOT NULL,
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, line INTEGER NOT NULL, page INTEGER
);
CREATE INDEX IF NOT EXISTS documents_municipality ON documents(municipality);
CREATE INDEX IF NOT EXISTS documents_body ON documents(body);
CREATE INDEX IF NOT EXISTS documents_date ON documents(date);
CREATE INDEX IF NOT EXISTS paragraphs_document ON paragraphs(document_id, number);
CREATE INDEX IF NOT EXISTS decisions_document ON decisions(document_id, paragraph);
CREATE INDEX IF NOT EXISTS decisions_body ON decisions(body);
CREATE INDEX IF NOT EXISTS decisions_earlier_date ON decisions(earlier_date);
CREATE INDEX IF NOT EXISTS amounts_document ON amounts(document_id, paragraph);
CREATE INDEX IF NOT EXISTS amounts_value ON amounts(value);
CREATE INDEX IF NOT EXISTS footnotes_document ON footnotes(document_id, paragraph);
CREATE INDEX IF NOT EXISTS motions_document ON motions(document_id, paragraph);
CREATE INDEX IF NOT EXISTS motion_supporters_motion ON motion_supporters(motion_id);
CREATE INDEX IF NOT EXISTS votes_document ON votes(document_id, paragraph);
CREATE INDEX IF NOT EXISTS vote_members_vote ON vote_members(vote_id);
CREATE INDEX IF NOT EXISTS reservations_document ON reservations(document_id, paragraph);
CREATE INDEX IF NOT EXISTS reservation_members_reservation ON reservation_members(reservation_id);
CREATE INDEX IF NOT EXISTS reservation_members_party ON reservation_members(party);
CREATE INDEX IF NOT EXISTS notes_document ON notes(document_id, paragraph);
CREATE INDEX IF NOT EXISTS note_members_note ON note_members(note_id);
CREATE INDEX IF NOT EXISTS recipients_document ON recipients(document_id, paragraph);
";

/// What the database holds for a path, asked when it is needed (see
/// [`SqliteSink::lookup`]).
pub struct KnownLookup {
    conn: std::sync::Mutex<Connection>,
}

impl KnownLookup {
    /// Whether the database holds `path` with content `sha256`, extracted by
    /// this tool version, not failed. A database error counts as "no".
    pub fn unchanged(&self, path: &str, sha256: &str) -> bool {
        let Ok(conn) = self.conn.lock() else {
            return false;
        };
        let row = conn
            .prepare_cached("SELECT sha256, tool_version, status FROM documents WHERE path = ?1")
            .and_then(|mut stmt| {
                stmt.query_row(params![path], |r| {
                    let status: String = r.get(2)?;
                    Ok(Known {
                        sha256: r.get(0)?,
                        tool_version: r.get(1)?,
                        status: serde_json::from_value(serde_json::Value::String(status)).unwrap_or(Status::Failed),
                    })
                })
            });
        row.is_ok_and(|known| known.unchanged(sha256))
    }
}

/// Writes results into a SQLite database.
pub struct SqliteSink {
    conn: Connection,
    path: PathBuf,
    extracted_at: String,
}

/// How long a writer waits for another run's transaction.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// Execute a statement through the connection's statement cache.
fn exec(c: &Connection, sql: &str, p: impl rusqlite::Params) -> rusqlite::Result<usize> {
    c.prepare_cached(sql)?.execute(p)
}

fn word<T: serde::Serialize>(v: &T) -> Option<String> {
    serde_json::to_value(v)
        .ok()
        .and_then(|x| x.as_str().map(str::to_string))
}

impl SqliteSink {
    /// Open (or create) the database at `path` (its folder must exist).
    pub fn open(path: &Path) -> Result<SqliteSink, WriteError> {
        let err = |source| WriteError::Sqlite {
            path: path.to_path_buf(),
            source,
        };
        // the database's folder must exist: a typo in -o never creates a tree
        let conn = Connection::open(path).map_err(err)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(err)?;
        conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
            .map_err(err)?;
        migrate(&conn).map_err(err)?;
        // the schema's version: 2 since decisions.earlier_date and the views
        conn.pragma_update(None, "user_version", SCHEMA_VERSION).map_err(err)?;
        conn.execute_batch(SCHEMA).map_err(err)?;
        conn.execute_batch(&views()).map_err(err)?;
        Ok(SqliteSink {
            conn,
            path: path.to_path_buf(),
            extracted_at: humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string(),
        })
    }

    fn err(&self, source: rusqlite::Error) -> WriteError {
        WriteError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }

    /// A check for incremental runs that asks the database at the moment
    /// an input is hashed (a second connection), so that a run sees what a
    /// concurrent run committed since it started.
    pub fn lookup(&self) -> Result<KnownLookup, WriteError> {
        let err = |source| WriteError::Sqlite {
            path: self.path.clone(),
            source,
        };
        let conn = Connection::open_with_flags(&self.path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(err)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(err)?;
        Ok(KnownLookup {
            conn: std::sync::Mutex::new(conn),
        })
    }

    /// Replace one document's rows in a write transaction of its own: the
    /// database is locked only while that document is written (WAL with
    /// `synchronous = NORMAL` makes a commit a write, not a sync), so a
    /// concurrent run waits milliseconds, and a result never sits in memory
    /// while the pipeline waits for a slow input. A document the database
    /// refuses is returned as that input's failure.
    pub fn write(&mut self, r: &ExtractResult) -> Result<Option<OutputFailure>, WriteError> {
        self.conn.execute_batch("BEGIN IMMEDIATE").map_err(|e| self.err(e))?;
        match self.insert(r) {
            Ok(()) => {
                self.conn.execute_batch("COMMIT").map_err(|e| self.err(e))?;
                Ok(None)
            }
            Err(e) => {
                self.conn.execute_batch("ROLLBACK").map_err(|e| self.err(e))?;
                Ok(Some(OutputFailure::new(r, self.err(e))))
            }
        }
    }

    /// What the database holds of every input: path → hash, tool version
    /// and status (for an incremental run's new / changed / gone).
    pub fn known(&self) -> Result<BTreeMap<String, Known>, WriteError> {
        let mut stmt = self
            .conn
            .prepare("SELECT path, sha256, tool_version, status FROM documents")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |row| {
                let status: String = row.get(3)?;
                Ok((
                    row.get::<_, String>(0)?,
                    Known {
                        sha256: row.get(1)?,
                        tool_version: row.get(2)?,
                        status: serde_json::from_value(serde_json::Value::String(status)).unwrap_or(Status::Failed),
                    },
                ))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Remove the documents at `paths` and all their records, in one
    /// transaction; the number removed.
    pub fn prune(&mut self, paths: &[String]) -> Result<usize, WriteError> {
        let tx = self.conn.transaction().map_err(|e| WriteError::Sqlite {
            path: self.path.clone(),
            source: e,
        })?;
        let mut removed = 0;
        {
            let mut stmt = tx
                .prepare("DELETE FROM documents WHERE path = ?1")
                .map_err(|e| WriteError::Sqlite {
                    path: self.path.clone(),
                    source: e,
                })?;
            for p in paths {
                removed += stmt.execute([p]).map_err(|e| WriteError::Sqlite {
                    path: self.path.clone(),
                    source: e,
                })?;
            }
        }
        tx.commit().map_err(|e| self.err(e))?;
        Ok(removed)
    }

    /// Close the database.
    pub fn finish(self) -> Result<(), WriteError> {
        self.conn.execute_batch("PRAGMA optimize;").map_err(|e| self.err(e))
    }

    fn insert(&self, r: &ExtractResult) -> rusqlite::Result<()> {
        let c = &self.conn;
        exec(c, "DELETE FROM documents WHERE path = ?1", params![r.source.path])?;
        let d = r.document.as_ref();
        exec(
            c,
            "INSERT INTO documents (path, sha256, format, bytes, pages, encoding, status, error_kind, error, warnings,
               kind, municipality, municipality_code, body, date, title, tool_version, date_from, extracted_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
            params![
                r.source.path,
                r.source.sha256,
                word(&r.source.format),
                r.source.bytes as i64,
                r.source.pages,
                r.source.encoding,
                word(&r.status),
                r.error.as_ref().and_then(|e| word(&e.kind)),
                r.error.as_ref().map(|e| e.message.clone()),
                serde_json::to_string(&r.warnings).unwrap_or_default(),
                d.and_then(|d| word(&d.kind)),
                d.and_then(|d| d.municipality.as_ref()).map(|m| m.name.clone()),
                d.and_then(|d| d.municipality.as_ref()).map(|m| m.code.clone()),
                d.and_then(|d| d.body.clone()),
                d.and_then(|d| d.date.clone()),
                d.and_then(|d| d.title.clone()),
                TOOL_VERSION,
                d.and_then(|d| d.date_from.as_ref()).and_then(word),
                self.extracted_at,
            ],
        )?;
        let doc = c.last_insert_rowid();
        macro_rules! span {
            ($s:expr) => {
                ($s.start as i64, $s.end as i64, $s.line as i64, $s.page)
            };
        }
        for p in &r.paragraphs {
            let (s, e, l, pg) = span!(p.span);
            exec(
                c,
                "INSERT INTO paragraphs (document_id, number, case_numbers, title, span_start, span_end, line, page)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![doc, p.number, p.case_numbers.join("; "), p.title, s, e, l, pg],
            )?;
        }
        for x in &r.decisions {
            let (s, e, l, pg) = span!(x.span);
            exec(
                c,
                "INSERT INTO decisions (document_id, paragraph, body, type, proposed_to, outcome, for_own_part, earlier,
                   reference, earlier_date, items, text, span_start, span_end, line, page)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                params![
                    doc,
                    x.paragraph,
                    x.body,
                    word(&x.kind),
                    x.proposed_to,
                    x.outcome.as_ref().and_then(word),
                    x.for_own_part,
                    x.earlier,
                    x.reference,
                    x.date,
                    serde_json::to_string(&x.items).unwrap_or_default(),
                    x.text,
                    s,
                    e,
                    l,
                    pg
                ],
            )?;
        }
        for x in &r.amounts {
            let (s, e, l, pg) = span!(x.span);
            exec(
                c,
                "INSERT INTO amounts (document_id, paragraph, text, value, value_max, currency, qualifier, per, period,
                   footnote, sentence, span_start, span_end, line, page)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                params![
                    doc,
                    x.paragraph,
                    x.text,
                    x.value,
                    x.value_max,
                    word(&x.currency),
                    x.qualifier.as_ref().and_then(word),
                    x.per,
                    x.period.as_ref().and_then(word),
                    x.footnote,
                    x.sentence,
                    s,
                    e,
                    l,
                    pg
                ],
            )?;
        }
        for x in &r.footnotes {
            let (s, e, l, pg) = span!(x.span);
            exec(
                c,
                "INSERT INTO footnotes (document_id, paragraph, marker, text, population_count, population_date,
                   span_start, span_end, line, page)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    doc,
                    x.paragraph,
                    x.marker,
                    x.text,
                    x.population.as_ref().map(|p| p.count as i64),
                    x.population.as_ref().and_then(|p| p.date.clone()),
                    s,
                    e,
                    l,
                    pg
                ],
            )?;
        }
        for x in &r.motions {
            let (s, e, l, pg) = span!(x.span);
            exec(
                c,
                "INSERT INTO motions (document_id, paragraph, mover_name, mover_party, classification, result, text,
                   span_start, span_end, line, page)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    doc,
                    x.paragraph,
                    x.mover.name,
                    x.mover.party,
                    word(&x.classification),
                    x.result.as_ref().and_then(word),
                    x.text,
                    s,
                    e,
                    l,
                    pg
                ],
            )?;
            let id = c.last_insert_rowid();
            for (i, p) in x.supporters.iter().enumerate() {
                exec(
                    c,
                    "INSERT INTO motion_supporters (motion_id, position, name, party) VALUES (?1, ?2, ?3, ?4)",
                    params![id, i as i64 + 1, p.name, p.party],
                )?;
            }
        }
        for x in &r.votes {
            let (s, e, l, pg) = span!(x.span);
            exec(
                c,
                "INSERT INTO votes (document_id, paragraph, yes, no, abstain, absent, yes_means, no_means, text,
                   span_start, span_end, line, page)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                params![
                    doc,
                    x.paragraph,
                    x.counts.yes,
                    x.counts.no,
                    x.counts.abstain,
                    x.counts.absent,
                    x.yes_means,
                    x.no_means,
                    x.text,
                    s,
                    e,
                    l,
                    pg
                ],
            )?;
            let id = c.last_insert_rowid();
            for v in &x.votes {
                exec(
                    c,
                    "INSERT INTO vote_members (vote_id, name, party, option) VALUES (?1, ?2, ?3, ?4)",
                    params![id, v.name, v.party, word(&v.option)],
                )?;
            }
        }
        let members = |table: &str, key: &str, id: i64, by: &[Person]| -> rusqlite::Result<()> {
            for p in by {
                exec(
                    c,
                    &format!("INSERT INTO {table} ({key}, name, party) VALUES (?1, ?2, ?3)"),
                    params![id, p.name, p.party],
                )?;
            }
            Ok(())
        };
        for x in &r.reservations {
            let (s, e, l, pg) = span!(x.span);
            exec(
                c,
                "INSERT INTO reservations (document_id, paragraph, text, span_start, span_end, line, page)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![doc, x.paragraph, x.text, s, e, l, pg],
            )?;
            members("reservation_members", "reservation_id", c.last_insert_rowid(), &x.by)?;
        }
        for x in &r.notes {
            let (s, e, l, pg) = span!(x.span);
            exec(
                c,
                "INSERT INTO notes (document_id, paragraph, on_behalf_of, text, span_start, span_end, line, page)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![doc, x.paragraph, x.on_behalf_of, x.text, s, e, l, pg],
            )?;
            members("note_members", "note_id", c.last_insert_rowid(), &x.by)?;
        }
        for x in &r.recipients {
            let (s, e, l, pg) = span!(x.span);
            exec(
                c,
                "INSERT INTO recipients (document_id, paragraph, name, span_start, span_end, line, page)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![doc, x.paragraph, x.name, s, e, l, pg],
            )?;
        }
        Ok(())
    }
}
