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
//! database uses WAL journaling. The tables, their `CREATE TABLE` text,
//! indexes and views, and the inserts are made from the column model
//! ([`super::tables`]); the schema is in the README, generated from it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use rusqlite::types::{ToSqlOutput, Value, ValueRef};
use rusqlite::{Connection, ToSql, params, params_from_iter};

use super::columns::{Cell, ColumnInfo, Index, LinkInfo, Records};
use super::tables::{CONTEXT, DOCUMENTS, RECORDS, SPAN};
use super::{Known, OutputFailure, OwnedUnchangedCheck, Sink, WriteError};
use crate::model::{ExtractResult, Status};

/// `PRAGMA user_version` of a database this version writes.
pub const SCHEMA_VERSION: i64 = 3;

/// The record tables that get a view with their document's context: one
/// per record kind, named like the result's arrays.
pub use crate::model::RECORD_KINDS as RECORD_TABLES;

/// One view per record table, `<table>_full`: each record with its
/// document's path, municipality (name and code), date, body and kind
/// (`document_date`, `document_body`, `document_kind`), so Datasette or a
/// spreadsheet facets records by municipality, meeting date and body
/// without a join. Recreated on every open, so they follow the tables.
pub fn views() -> String {
    let context: Vec<String> = CONTEXT
        .iter()
        .map(|c| {
            if c.name == c.from {
                format!("d.{}", c.from)
            } else {
                format!("d.{} AS {}", c.from, c.name)
            }
        })
        .collect();
    let context = context.join(", ");
    RECORD_TABLES
        .iter()
        .map(|t| {
            format!(
                "DROP VIEW IF EXISTS {t}_full;\nCREATE VIEW {t}_full AS SELECT {context}, \
                 r.* FROM {t} r JOIN documents d ON d.id = r.document_id;\n"
            )
        })
        .collect()
}

/// Bring a database of an earlier version to this schema: `decisions.date`
/// (the date of an earlier decision, easily taken for the meeting date)
/// became `earlier_date`, and `documents.date_from` was added (at the end
/// of the table, where `ALTER TABLE` puts it, so new and migrated
/// databases have the same columns in the same order); since version 3
/// `paragraphs.case_numbers` is a JSON list like every other list (it was
/// `; `-joined).
fn migrate(conn: &Connection) -> rusqlite::Result<()> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let has_paragraphs: bool = conn
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'paragraphs'")?
        .exists([])?;
    if has_paragraphs && version < 3 {
        // "A; B" -> ["A","B"], with JSON's escapes for `\` and `"`
        conn.execute_batch(
            r#"UPDATE paragraphs SET case_numbers = CASE WHEN case_numbers = '' THEN '[]'
               ELSE '["' || replace(replace(replace(case_numbers, '\', '\\'), '"', '\"'), '; ', '","') || '"]' END
               WHERE json_valid(case_numbers) = 0 OR substr(case_numbers, 1, 1) <> '[';"#,
        )?;
    }
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

/// The schema (also shown in the README): `documents`, each record table
/// followed by its link tables, then the indexes in the same order.
pub fn schema() -> String {
    let mut tables = vec![create_table("documents", &documents_lines())];
    let mut indexes = create_indexes("documents", DOCUMENTS.indexes);
    for t in RECORDS {
        tables.push(create_table(t.name(), &record_lines(t)));
        indexes.push_str(&create_indexes(t.name(), t.indexes()));
        for link in t.links() {
            tables.push(create_table(link.name, &link_lines(t.name(), &link)));
            indexes.push_str(&create_indexes(link.name, link.indexes));
        }
    }
    format!("\n{}{indexes}", tables.concat())
}

/// `CREATE TABLE` with one line of the text for each of `lines`, its
/// column definitions separated by commas.
fn create_table(name: &str, lines: &[Vec<String>]) -> String {
    let lines: Vec<String> = lines.iter().map(|l| format!("  {}", l.join(", "))).collect();
    format!("CREATE TABLE IF NOT EXISTS {name} (\n{}\n);\n", lines.join(",\n"))
}

fn create_indexes(table: &str, indexes: &[Index]) -> String {
    indexes
        .iter()
        .map(|i| {
            format!(
                "CREATE INDEX IF NOT EXISTS {table}_{} ON {table}({});\n",
                i.name, i.columns
            )
        })
        .collect()
}

const ID: &str = "id INTEGER PRIMARY KEY";
const POSITION: &str = "position INTEGER NOT NULL";

/// `name TYPE` of a column SQLite has.
fn definition(c: &ColumnInfo) -> Option<String> {
    c.sql.sql_type().map(|t| format!("{} {t}", c.name))
}

/// The key of a row that belongs to a row of `table`.
fn reference(key: &str, table: &str) -> String {
    format!("{key} INTEGER NOT NULL REFERENCES {table}(id) ON DELETE CASCADE")
}

/// `documents`: one column a line, in the database's order.
fn documents_lines() -> Vec<Vec<String>> {
    let columns: Vec<ColumnInfo> = DOCUMENTS.columns.iter().map(|c| c.info()).collect();
    let ordered = DOCUMENTS
        .sql_order
        .iter()
        .filter_map(|name| columns.iter().find(|c| c.name == *name))
        .filter_map(definition);
    std::iter::once(ID.to_string())
        .chain(ordered)
        .map(|d| vec![d])
        .collect()
}

/// A record table: its id and document, its own columns in lines broken
/// after its `sql_breaks`, its span on a line.
fn record_lines(t: &dyn Records) -> Vec<Vec<String>> {
    let mut lines = vec![vec![ID.to_string()], vec![reference("document_id", "documents")]];
    let mut line = Vec::new();
    for c in t.columns() {
        let Some(d) = definition(&c) else { continue };
        line.push(d);
        if t.sql_breaks().contains(&c.name) {
            lines.push(std::mem::take(&mut line));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines.push(SPAN.iter().filter_map(|c| definition(&c.info())).collect());
    lines
}

/// A link table: its record, then its columns on a line.
fn link_lines(parent: &str, link: &LinkInfo) -> Vec<Vec<String>> {
    let position = link.numbered.then(|| POSITION.to_string());
    let columns = position.into_iter().chain(link.columns.iter().filter_map(definition));
    vec![vec![reference(link.key, parent)], columns.collect()]
}

/// `INSERT INTO table (columns) VALUES (?1, …)`.
fn insert_into(table: &str, columns: &[&str]) -> String {
    let values: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
    format!(
        "INSERT INTO {table} ({}) VALUES ({})",
        columns.join(", "),
        values.join(", ")
    )
}

/// The names of the columns SQLite has.
fn sql_names(columns: &[ColumnInfo]) -> impl Iterator<Item = &'static str> + '_ {
    columns.iter().filter(|c| c.sql.sql_type().is_some()).map(|c| c.name)
}

/// The inserts of a record table and of its link tables.
struct RecordInserts {
    record: String,
    links: Vec<String>,
}

/// The inserts of `documents` and of each record table, made once.
static INSERTS: LazyLock<(String, Vec<RecordInserts>)> = LazyLock::new(|| {
    let documents: Vec<ColumnInfo> = DOCUMENTS.columns.iter().map(|c| c.info()).collect();
    let records = RECORDS.iter().map(|t| {
        let own = sql_names(&t.columns()).collect::<Vec<_>>();
        let span = SPAN.iter().map(|c| c.name);
        let columns: Vec<&str> = std::iter::once("document_id").chain(own).chain(span).collect();
        let links = t.links().into_iter().map(|l| {
            let position = l.numbered.then_some("position");
            let columns: Vec<&str> = [l.key]
                .into_iter()
                .chain(position)
                .chain(sql_names(&l.columns))
                .collect();
            insert_into(l.name, &columns)
        });
        RecordInserts {
            record: insert_into(t.name(), &columns),
            links: links.collect(),
        }
    });
    (
        insert_into("documents", &sql_names(&documents).collect::<Vec<_>>()),
        records.collect(),
    )
});

impl ToSql for Cell<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            Cell::Null | Cell::ExtractedAt => ToSqlOutput::Owned(Value::Null),
            Cell::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            Cell::Int(n) => ToSqlOutput::Owned(Value::Integer(*n)),
            Cell::Real(x) => ToSqlOutput::Owned(Value::Real(*x)),
            Cell::Bool(b) => ToSqlOutput::Owned(Value::Integer(i64::from(*b))),
            Cell::List(items) => ToSqlOutput::Owned(Value::Text(serde_json::to_string(items).unwrap_or_default())),
        })
    }
}

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
            .and_then(|mut stmt| stmt.query_row(params![path], |r| known_at(r, 0)));
        row.is_ok_and(|known| known.unchanged(sha256))
    }
}

/// What a row holds from column `first` on: sha256, tool version and
/// status (a status this version does not know counts as failed).
fn known_at(row: &rusqlite::Row, first: usize) -> rusqlite::Result<Known> {
    let status: String = row.get(first + 2)?;
    Ok(Known {
        sha256: row.get(first)?,
        tool_version: row.get(first + 1)?,
        status: serde_json::from_value(serde_json::Value::String(status)).unwrap_or(Status::Failed),
    })
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
        // the schema's version: 2 since decisions.earlier_date and the views,
        // 3 since case_numbers is a JSON list
        conn.pragma_update(None, "user_version", SCHEMA_VERSION).map_err(err)?;
        conn.execute_batch(&schema()).map_err(err)?;
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

    /// Replace the document of `r` and its records.
    fn insert(&self, r: &ExtractResult) -> rusqlite::Result<()> {
        let c = &self.conn;
        exec(c, "DELETE FROM documents WHERE path = ?1", params![r.source.path])?;
        let (documents, records) = &*INSERTS;
        let row = DOCUMENTS.columns.iter().filter(|col| col.sql.sql_type().is_some());
        let cells = row.map(|col| match (col.get)(r) {
            Cell::ExtractedAt => Cell::text(&self.extracted_at),
            cell => cell,
        });
        exec(c, documents, params_from_iter(cells))?;
        let document = c.last_insert_rowid();
        for (t, inserts) in RECORDS.iter().zip(records) {
            self.insert_records(*t, inserts, document, r)?;
        }
        Ok(())
    }

    /// Insert the records of `r` into table `t`, each with its link rows.
    fn insert_records(
        &self,
        t: &dyn Records,
        inserts: &RecordInserts,
        document: i64,
        r: &ExtractResult,
    ) -> rusqlite::Result<()> {
        let c = &self.conn;
        let columns = t.columns();
        let numbered: Vec<bool> = t.links().iter().map(|l| l.numbered).collect();
        for row in t.rows(r) {
            let own = columns
                .iter()
                .zip(row.cells)
                .filter(|(col, _)| col.sql.sql_type().is_some());
            let cells = std::iter::once(Cell::Int(document))
                .chain(own.map(|(_, cell)| cell))
                .chain(row.span);
            exec(c, &inserts.record, params_from_iter(cells))?;
            let id = c.last_insert_rowid();
            for ((sql, numbered), members) in inserts.links.iter().zip(&numbered).zip(row.links) {
                for (i, member) in members.into_iter().enumerate() {
                    let position = numbered.then(|| Cell::int(i + 1));
                    let cells = [Cell::Int(id)].into_iter().chain(position).chain(member);
                    exec(c, sql, params_from_iter(cells))?;
                }
            }
        }
        Ok(())
    }
}

impl Sink for SqliteSink {
    /// Asks the database each time (see [`SqliteSink::lookup`]).
    fn unchanged_check(&self) -> Result<OwnedUnchangedCheck, WriteError> {
        let lookup = self.lookup()?;
        Ok(Box::new(move |rel, sha| lookup.unchanged(rel, sha)))
    }

    /// What the database holds of every input: path → hash, tool version
    /// and status (for an incremental run's new / changed / gone).
    fn known(&self) -> Result<Option<BTreeMap<String, Known>>, WriteError> {
        let mut stmt = self
            .conn
            .prepare("SELECT path, sha256, tool_version, status FROM documents")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |row| Ok((row.get::<_, String>(0)?, known_at(row, 1)?)))
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map(Some).map_err(|e| self.err(e))
    }

    /// Remove the documents at `paths` and all their records, in one
    /// transaction; the number removed.
    fn prune(&mut self, paths: &[String]) -> Result<usize, WriteError> {
        let err = |source| WriteError::Sqlite {
            path: self.path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(err)?;
        let mut removed = 0;
        {
            let mut stmt = tx.prepare("DELETE FROM documents WHERE path = ?1").map_err(err)?;
            for p in paths {
                removed += stmt.execute([p]).map_err(err)?;
            }
        }
        tx.commit().map_err(err)?;
        Ok(removed)
    }

    fn supports_incremental(&self) -> bool {
        true
    }

    /// Replace one document's rows in a write transaction of its own: the
    /// database is locked only while that document is written (WAL with
    /// `synchronous = NORMAL` makes a commit a write, not a sync), so a
    /// concurrent run waits milliseconds, and a result never sits in memory
    /// while the pipeline waits for a slow input. A document the database
    /// refuses is returned as that input's failure.
    fn write(&mut self, r: &ExtractResult) -> Result<Option<OutputFailure>, WriteError> {
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

    /// Close the database.
    fn finish(self: Box<Self>) -> Result<(), WriteError> {
        self.conn.execute_batch("PRAGMA optimize;").map_err(|e| self.err(e))
    }
}
