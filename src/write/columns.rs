//! The column model of the table outputs (CSV, xlsx, SQLite): what a table
//! and its columns are, and how a result becomes rows of cells.
//!
//! Each record kind is declared once, in [`super::tables`], as a list of
//! [`Column`]s: a name, a SQLite type, a meaning and how the cell is read
//! from the record. The CSV header and rows, the xlsx sheets, the SQLite
//! `CREATE TABLE` statements, views and inserts, and the README's table
//! reference are all made by walking these lists, so the formats cannot
//! drift apart and a new field is added in one place.
//!
//! Where the formats differ, the model says so: a [`Cell::List`] is one
//! item per line in CSV and xlsx and a JSON array in SQLite, a [`Sql::None`] column
//! (a list of persons) is a link table in SQLite, a [`Sql::Only`] column
//! is not in CSV.

use std::borrow::Cow;

use crate::model::{ExtractResult, Span};

/// One cell, before a format writes it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    /// A missing value: an empty cell, SQL `NULL`.
    Null,
    /// A text.
    Text(Cow<'a, str>),
    /// A whole number.
    Int(i64),
    /// A number with decimals.
    Real(f64),
    /// `true`/`false` in CSV, 1/0 in SQLite.
    Bool(bool),
    /// A list: one item per line in CSV and xlsx (see [`lines`]), a JSON
    /// array in SQLite.
    List(&'a [String]),
    /// When the run that writes the row began: only SQLite has the column
    /// (`documents.extracted_at`), and its writer fills it in.
    ExtractedAt,
}

impl<'a> Cell<'a> {
    /// A text that is always there.
    pub fn text(s: &'a str) -> Cell<'a> {
        Cell::Text(Cow::Borrowed(s))
    }

    /// A text that may be missing.
    pub fn opt_text(s: &'a Option<String>) -> Cell<'a> {
        s.as_deref().map_or(Cell::Null, Cell::text)
    }

    /// A text made for the cell.
    pub fn owned(s: String) -> Cell<'a> {
        Cell::Text(Cow::Owned(s))
    }

    /// A serde enum value as its JSON word ("approve", "refer_back").
    pub fn word<T: serde::Serialize>(v: &T) -> Cell<'a> {
        match serde_json::to_value(v) {
            Ok(serde_json::Value::String(s)) => Cell::owned(s),
            _ => Cell::Null,
        }
    }

    /// A serde enum value that may be missing.
    pub fn opt_word<T: serde::Serialize>(v: &Option<T>) -> Cell<'a> {
        v.as_ref().map_or(Cell::Null, Cell::word)
    }

    /// A whole number (missing when it does not fit an `i64`).
    pub fn int(n: impl TryInto<i64>) -> Cell<'a> {
        n.try_into().map_or(Cell::Null, Cell::Int)
    }

    /// A whole number that may be missing.
    pub fn opt_int<N: TryInto<i64>>(n: Option<N>) -> Cell<'a> {
        n.map_or(Cell::Null, Cell::int)
    }

    /// The cell as CSV writes it (and xlsx, for a text): empty when missing.
    pub fn to_text(&self) -> String {
        match self {
            Cell::Null | Cell::ExtractedAt => String::new(),
            Cell::Text(s) => s.to_string(),
            Cell::Int(n) => n.to_string(),
            Cell::Real(x) => x.to_string(),
            Cell::Bool(b) => b.to_string(),
            Cell::List(items) => lines(items.iter()),
        }
    }

    /// The cell's number, when it is one (xlsx writes it as a number).
    pub fn number(&self) -> Option<f64> {
        match self {
            Cell::Int(n) => Some(*n as f64),
            Cell::Real(x) => Some(*x),
            _ => None,
        }
    }
}

/// The items of a list cell, one per line: a line break inside an item
/// becomes a space, so splitting the cell on `\n` gives the items back
/// whatever they hold (a decision item may well contain `; ` or `, `).
pub fn lines<S: AsRef<str>>(items: impl Iterator<Item = S>) -> String {
    let mut out = String::new();
    for (n, item) in items.enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let item = item.as_ref();
        if item.contains(['\n', '\r']) {
            out.extend(item.chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }));
        } else {
            out.push_str(item);
        }
    }
    out
}

/// Where a column is and with which SQLite type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sql {
    /// In every format; in SQLite with this type ("TEXT NOT NULL").
    Type(&'static str),
    /// In CSV and xlsx only: SQLite keeps the list in a link table.
    None,
    /// In SQLite only, with this type.
    Only(&'static str),
}

impl Sql {
    /// The SQLite type, for a column SQLite has.
    pub fn sql_type(self) -> Option<&'static str> {
        match self {
            Sql::Type(t) | Sql::Only(t) => Some(t),
            Sql::None => None,
        }
    }

    /// Whether CSV (and xlsx) have the column.
    pub fn in_sheets(self) -> bool {
        !matches!(self, Sql::Only(_))
    }
}

/// One column of a table of records of type `T`.
pub struct Column<T> {
    /// The column's (or table's) name.
    pub name: &'static str,
    /// Its SQLite type, and whether only SQLite has it.
    pub sql: Sql,
    /// What the column holds, for the README.
    pub doc: &'static str,
    /// The cell of one record.
    pub get: fn(&T) -> Cell<'_>,
}

/// What the writers and the README need of a column: all but its getter.
#[derive(Debug, Clone, Copy)]
pub struct ColumnInfo {
    /// The column's (or table's) name.
    pub name: &'static str,
    /// Its SQLite type, and whether only SQLite has it.
    pub sql: Sql,
    /// What it holds, for the README.
    pub doc: &'static str,
}

impl<T> Column<T> {
    /// All but the getter.
    pub fn info(&self) -> ColumnInfo {
        ColumnInfo {
            name: self.name,
            sql: self.sql,
            doc: self.doc,
        }
    }
}

/// The cells of `x` in the order of `columns`.
pub fn cells<'a, T>(columns: &[Column<T>], x: &'a T) -> Vec<Cell<'a>> {
    columns.iter().map(|c| (c.get)(x)).collect()
}

/// A SQLite index: `<table>_<name>` on `columns`.
#[derive(Debug, Clone, Copy)]
pub struct Index {
    /// The column's (or table's) name.
    pub name: &'static str,
    /// The indexed columns, comma-separated.
    pub columns: &'static str,
}

/// The `documents` table: one row per input.
pub struct DocumentsTable {
    /// In the order of `documents.csv`.
    pub columns: &'static [Column<ExtractResult>],
    /// The columns of the SQLite table in its order (after `id`), which is
    /// not that of the CSV file: databases have had it so since their first
    /// version, and `date_from` is last where `ALTER TABLE` put it when a
    /// database of version 0.1 was migrated.
    pub sql_order: &'static [&'static str],
    /// Its SQLite indexes.
    pub indexes: &'static [Index],
}

/// A column every record row starts with in CSV and in the `<table>_full`
/// views: its document's column `from`, named `name`.
#[derive(Debug, Clone, Copy)]
pub struct ContextColumn {
    /// The column's (or table's) name.
    pub name: &'static str,
    /// The `documents` column it is taken from.
    pub from: &'static str,
}

/// A table of one record kind, with the link tables of its lists.
pub struct RecordTable<T: 'static> {
    /// Named like the result's array (`decisions`).
    pub name: &'static str,
    /// The result's records of this kind.
    pub records: fn(&ExtractResult) -> &[T],
    /// A record's span.
    pub span: fn(&T) -> &Span,
    /// The record's own columns, between the context and the span.
    pub columns: &'static [Column<T>],
    /// The columns after which the `CREATE TABLE` text starts a new line
    /// (the layout databases have stored since their first version).
    pub sql_breaks: &'static [&'static str],
    /// Its SQLite indexes.
    pub indexes: &'static [Index],
    /// The link tables of the record's lists (SQLite only).
    pub links: &'static [&'static dyn Link<T>],
}

/// A link table: the members of one list of a record, in SQLite only.
pub struct LinkTable<T: 'static, C: 'static> {
    /// The column's (or table's) name.
    pub name: &'static str,
    /// The column that refers to the record (`motion_id`).
    pub key: &'static str,
    /// Whether a `position` column numbers the members from 1.
    pub numbered: bool,
    /// The list's members of one record.
    pub items: fn(&T) -> &[C],
    /// The members' columns.
    pub columns: &'static [Column<C>],
    /// Its SQLite indexes.
    pub indexes: &'static [Index],
}

/// What the writers and the README need of a link table.
pub struct LinkInfo {
    /// The column's (or table's) name.
    pub name: &'static str,
    /// The column that refers to the record.
    pub key: &'static str,
    /// Whether a `position` column numbers the members.
    pub numbered: bool,
    /// The members' columns.
    pub columns: Vec<ColumnInfo>,
    /// Its SQLite indexes.
    pub indexes: &'static [Index],
}

/// A link table of records of type `T`, whatever its members are.
pub trait Link<T>: Sync {
    /// What the writers and the README need of it.
    fn info(&self) -> LinkInfo;
    /// The cells of each member of `record`'s list, in order.
    fn rows<'a>(&self, record: &'a T) -> Vec<Vec<Cell<'a>>>;
}

impl<T, C: Sync> Link<T> for LinkTable<T, C> {
    fn info(&self) -> LinkInfo {
        LinkInfo {
            name: self.name,
            key: self.key,
            numbered: self.numbered,
            columns: self.columns.iter().map(Column::info).collect(),
            indexes: self.indexes,
        }
    }

    fn rows<'a>(&self, record: &'a T) -> Vec<Vec<Cell<'a>>> {
        (self.items)(record).iter().map(|c| cells(self.columns, c)).collect()
    }
}

/// One record of a result as cells.
pub struct RecordRow<'a> {
    /// In the order of the table's own columns.
    pub cells: Vec<Cell<'a>>,
    /// In the order of [`super::tables::SPAN`].
    pub span: Vec<Cell<'a>>,
    /// For each link table, its rows of this record.
    pub links: Vec<Vec<Vec<Cell<'a>>>>,
}

/// A record table, whatever its records are.
pub trait Records: Sync {
    /// The table's name.
    fn name(&self) -> &'static str;
    /// The record's own columns.
    fn columns(&self) -> Vec<ColumnInfo>;
    /// Where the `CREATE TABLE` text breaks lines.
    fn sql_breaks(&self) -> &'static [&'static str];
    /// Its SQLite indexes.
    fn indexes(&self) -> &'static [Index];
    /// Its link tables.
    fn links(&self) -> Vec<LinkInfo>;
    /// The records of `r`, in document order.
    fn rows<'a>(&self, r: &'a ExtractResult) -> Vec<RecordRow<'a>>;
}

impl<T: Sync> Records for RecordTable<T> {
    fn name(&self) -> &'static str {
        self.name
    }

    fn columns(&self) -> Vec<ColumnInfo> {
        self.columns.iter().map(Column::info).collect()
    }

    fn sql_breaks(&self) -> &'static [&'static str] {
        self.sql_breaks
    }

    fn indexes(&self) -> &'static [Index] {
        self.indexes
    }

    fn links(&self) -> Vec<LinkInfo> {
        self.links.iter().map(|l| l.info()).collect()
    }

    fn rows<'a>(&self, r: &'a ExtractResult) -> Vec<RecordRow<'a>> {
        (self.records)(r)
            .iter()
            .map(|x| RecordRow {
                cells: cells(self.columns, x),
                span: cells(super::tables::SPAN, (self.span)(x)),
                links: self.links.iter().map(|l| l.rows(x)).collect(),
            })
            .collect()
    }
}
