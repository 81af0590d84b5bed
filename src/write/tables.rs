//! The tables of the CSV, xlsx and SQLite outputs, declared once (see
//! [`super::columns`] for what a declaration says): `documents`, then one
//! table per record kind, named like the result's arrays, with the link
//! tables SQLite keeps the lists of persons and named votes in.
//!
//! Every record row starts, in CSV and in the SQLite `<table>_full` views,
//! with [`CONTEXT`] (its document's path, municipality, date, body and
//! kind) and ends with [`SPAN`]. A column's `doc` is what the README says
//! of it; the JSON field it comes from is described in `docs/fields.md`.

use super::TOOL_VERSION;
use super::columns::{Cell, Column, ContextColumn, DocumentsTable, Index, LinkTable, RecordTable, Records, Sql, lines};
use crate::model::{
    Amount, Decision, Document, ExtractResult, Footnote, Motion, NamedVote, Note, Paragraph, Person, Recipient,
    Reservation, Span, Vote,
};

const TEXT: Sql = Sql::Type("TEXT");
const TEXT_NOT_NULL: Sql = Sql::Type("TEXT NOT NULL");
const INTEGER: Sql = Sql::Type("INTEGER");
const INTEGER_NOT_NULL: Sql = Sql::Type("INTEGER NOT NULL");

/// The doc of every record's `text` that is the record as written.
const AS_WRITTEN: &str = "The record as written, white space collapsed.";

/// The column `paragraph` every record has: the § it belongs to.
macro_rules! paragraph {
    () => {
        Column {
            name: "paragraph",
            sql: TEXT,
            doc: "The number of the § the record belongs to (\"70\"); empty when the document has no §§.",
            get: |x| Cell::opt_text(&x.paragraph),
        }
    };
}

/// The column `text` of a record: its text, always there.
macro_rules! text {
    ($doc:expr) => {
        Column {
            name: "text",
            sql: TEXT_NOT_NULL,
            doc: $doc,
            get: |x| Cell::text(&x.text),
        }
    };
}

const fn index(name: &'static str, columns: &'static str) -> Index {
    Index { name, columns }
}

fn document(r: &ExtractResult) -> Option<&Document> {
    r.document.as_ref()
}

/// A text of the document, `Null` for a failed input.
fn document_text<'a>(r: &'a ExtractResult, field: fn(&'a Document) -> &'a Option<String>) -> Cell<'a> {
    document(r).map_or(Cell::Null, |d| Cell::opt_text(field(d)))
}

/// The `documents` table.
pub static DOCUMENTS: DocumentsTable = DocumentsTable {
    columns: &[
        Column {
            name: "path",
            sql: Sql::Type("TEXT NOT NULL UNIQUE"),
            doc: "The input's key (`source.path`): its path from `--root`, `/`-separated.",
            get: |r| Cell::text(&r.source.path),
        },
        Column {
            name: "format",
            sql: TEXT_NOT_NULL,
            doc: "`text` or `pdf`.",
            get: |r| Cell::word(&r.source.format),
        },
        Column {
            name: "sha256",
            sql: TEXT_NOT_NULL,
            doc: "SHA-256 of the file's bytes, lower-case hex.",
            get: |r| Cell::text(&r.source.sha256),
        },
        Column {
            name: "bytes",
            sql: INTEGER_NOT_NULL,
            doc: "Size of the file in bytes.",
            get: |r| Cell::int(r.source.bytes),
        },
        Column {
            name: "pages",
            sql: INTEGER,
            doc: "Page count of a PDF; empty for text.",
            get: |r| Cell::opt_int(r.source.pages),
        },
        Column {
            name: "encoding",
            sql: TEXT,
            doc: "The encoding the text was decoded from; empty for PDFs.",
            get: |r| Cell::opt_text(&r.source.encoding),
        },
        Column {
            name: "status",
            sql: TEXT_NOT_NULL,
            doc: "`ok`, `partial` or `failed`.",
            get: |r| Cell::word(&r.status),
        },
        Column {
            name: "error_kind",
            sql: TEXT,
            doc: "Why a failed input failed (`error.kind`: `io`, `pdf`, `no_text` …).",
            get: |r| r.error.as_ref().map_or(Cell::Null, |e| Cell::word(&e.kind)),
        },
        Column {
            name: "error",
            sql: TEXT,
            doc: "What went wrong, in words (`error.message`).",
            get: |r| r.error.as_ref().map_or(Cell::Null, |e| Cell::text(&e.message)),
        },
        Column {
            name: "warnings",
            sql: TEXT_NOT_NULL,
            doc: "What was doubtful about a `partial` result (a list).",
            get: |r| Cell::List(&r.warnings),
        },
        Column {
            name: "kind",
            sql: TEXT,
            doc: "What the document is (`document.kind`: `protocol`, `memo` …).",
            get: |r| document(r).map_or(Cell::Null, |d| Cell::word(&d.kind)),
        },
        Column {
            name: "municipality",
            sql: TEXT,
            doc: "The name of the municipality that issued it, when the text names it.",
            get: |r| municipality(r, |m| &m.name),
        },
        Column {
            name: "municipality_code",
            sql: TEXT,
            doc: "Its four-digit municipality code, as text (`0188`).",
            get: |r| municipality(r, |m| &m.code),
        },
        Column {
            name: "body",
            sql: TEXT,
            doc: "The body whose meeting or proposal it records (`document.body`).",
            get: |r| document_text(r, |d| &d.body),
        },
        Column {
            name: "date",
            sql: TEXT,
            doc: "The meeting date (or a memo's own date), `YYYY-MM-DD`.",
            get: |r| document_text(r, |d| &d.date),
        },
        Column {
            name: "title",
            sql: TEXT,
            doc: "The document's title.",
            get: |r| document_text(r, |d| &d.title),
        },
        Column {
            name: "date_from",
            sql: TEXT,
            doc: "Where `date` comes from: `text` or `path`.",
            get: |r| document(r).map_or(Cell::Null, |d| Cell::opt_word(&d.date_from)),
        },
        Column {
            name: "tool_version",
            sql: Sql::Only("TEXT NOT NULL"),
            doc: "The protokoll version that extracted it (an incremental run extracts again when it changes).",
            get: |_| Cell::text(TOOL_VERSION),
        },
        Column {
            name: "extracted_at",
            sql: Sql::Only("TEXT NOT NULL"),
            doc: "When the run that wrote it began (RFC 3339, UTC).",
            get: |_| Cell::ExtractedAt,
        },
    ],
    sql_order: &[
        "path",
        "sha256",
        "format",
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
        "tool_version",
        "extracted_at",
        "date_from",
    ],
    indexes: &[
        index("municipality", "municipality"),
        index("body", "body"),
        index("date", "date"),
    ],
};

fn municipality<'a>(r: &'a ExtractResult, field: fn(&'a crate::model::Municipality) -> &'a String) -> Cell<'a> {
    document(r)
        .and_then(|d| d.municipality.as_ref())
        .map_or(Cell::Null, |m| Cell::text(field(m)))
}

/// The columns every record row starts with: its document's, so that a
/// spreadsheet or Datasette filters records by municipality, date and body
/// without a lookup.
pub const CONTEXT: &[ContextColumn] = &[
    ContextColumn {
        name: "path",
        from: "path",
    },
    ContextColumn {
        name: "municipality",
        from: "municipality",
    },
    ContextColumn {
        name: "municipality_code",
        from: "municipality_code",
    },
    ContextColumn {
        name: "document_date",
        from: "date",
    },
    ContextColumn {
        name: "document_body",
        from: "body",
    },
    ContextColumn {
        name: "document_kind",
        from: "kind",
    },
];

/// The columns every record row ends with: where it stands in the source.
pub static SPAN: &[Column<Span>] = &[
    Column {
        name: "span_start",
        sql: INTEGER_NOT_NULL,
        doc: "Byte offset of the record's first byte in the source text.",
        get: |s| Cell::int(s.start),
    },
    Column {
        name: "span_end",
        sql: INTEGER_NOT_NULL,
        doc: "Byte offset just after its last byte.",
        get: |s| Cell::int(s.end),
    },
    Column {
        name: "line",
        sql: INTEGER_NOT_NULL,
        doc: "1-based line of `span_start`.",
        get: |s| Cell::int(s.line),
    },
    Column {
        name: "page",
        sql: INTEGER,
        doc: "1-based page of `span_start` in a PDF; empty for text.",
        get: |s| Cell::opt_int(s.page),
    },
];

/// A person as `Name (P)`, a party group as `(P)`.
pub fn person(name: &Option<String>, party: &Option<String>) -> String {
    match (name, party) {
        (Some(n), Some(party)) => format!("{n} ({party})"),
        (Some(n), None) => n.clone(),
        (None, Some(party)) => format!("({party})"),
        (None, None) => String::new(),
    }
}

fn persons<'a>(ps: &[Person]) -> Cell<'a> {
    Cell::owned(lines(ps.iter().map(|p| person(&p.name, &p.party))))
}

/// The index every record table has: its rows by document and §.
const BY_DOCUMENT: Index = index("document", "document_id, paragraph");

/// The table of § headings.
pub static PARAGRAPHS: RecordTable<Paragraph> = RecordTable {
    name: "paragraphs",
    records: |r| &r.paragraphs,
    span: |x| &x.span,
    columns: &[
        Column {
            name: "number",
            sql: TEXT_NOT_NULL,
            doc: "The § number as written (\"218\").",
            get: |x| Cell::text(&x.number),
        },
        Column {
            name: "case_numbers",
            sql: TEXT_NOT_NULL,
            doc: "The §'s own case numbers (diarienummer): one per line in CSV, a JSON list in SQLite.",
            get: |x| Cell::List(&x.case_numbers),
        },
        Column {
            name: "title",
            sql: TEXT,
            doc: "The § title.",
            get: |x| Cell::opt_text(&x.title),
        },
    ],
    sql_breaks: &[],
    indexes: &[index("document", "document_id, number")],
    links: &[],
};

/// The table of decisions and proposals.
pub static DECISIONS: RecordTable<Decision> = RecordTable {
    name: "decisions",
    records: |r| &r.decisions,
    span: |x| &x.span,
    columns: &[
        paragraph!(),
        Column {
            name: "body",
            sql: TEXT,
            doc: "The body that decides or proposes.",
            get: |x| Cell::opt_text(&x.body),
        },
        Column {
            name: "type",
            sql: TEXT_NOT_NULL,
            doc: "`decision` or `proposal` (`type` in JSON).",
            get: |x| Cell::word(&x.kind),
        },
        Column {
            name: "proposed_to",
            sql: TEXT,
            doc: "For a proposal: the body asked to decide.",
            get: |x| Cell::opt_text(&x.proposed_to),
        },
        Column {
            name: "outcome",
            sql: TEXT,
            doc: "`approve`, `reject`, `table`, `refer_back`, `note`, or empty.",
            get: |x| Cell::opt_word(&x.outcome),
        },
        Column {
            name: "for_own_part",
            sql: INTEGER_NOT_NULL,
            doc: "\"beslutar för egen del\" (`true`/`false`; 1/0 in SQLite).",
            get: |x| Cell::Bool(x.for_own_part),
        },
        Column {
            name: "earlier",
            sql: INTEGER_NOT_NULL,
            doc: "An earlier decision the document reports (`true`/`false`; 1/0 in SQLite).",
            get: |x| Cell::Bool(x.earlier),
        },
        Column {
            name: "reference",
            sql: TEXT,
            doc: "For an earlier decision: its own §.",
            get: |x| Cell::opt_text(&x.reference),
        },
        Column {
            name: "earlier_date",
            sql: TEXT,
            doc: "For an earlier decision: its date (`date` in JSON), never the meeting date (`document_date`).",
            get: |x| Cell::opt_text(&x.date),
        },
        Column {
            name: "items",
            sql: TEXT_NOT_NULL,
            doc: "The decision points: one per line in CSV, a JSON list in SQLite.",
            get: |x| Cell::List(&x.items),
        },
        text!("The decision's text, white space collapsed."),
    ],
    sql_breaks: &["outcome", "earlier_date"],
    indexes: &[
        BY_DOCUMENT,
        index("body", "body"),
        index("earlier_date", "earlier_date"),
    ],
    links: &[],
};

/// The table of money amounts.
pub static AMOUNTS: RecordTable<Amount> = RecordTable {
    name: "amounts",
    records: |r| &r.amounts,
    span: |x| &x.span,
    columns: &[
        paragraph!(),
        text!("The mention as written (\"cirka 130 tkr\")."),
        Column {
            name: "value",
            sql: Sql::Type("REAL NOT NULL"),
            doc: "In kronor.",
            get: |x| Cell::Real(x.value),
        },
        Column {
            name: "value_max",
            sql: Sql::Type("REAL"),
            doc: "The upper end of a range.",
            get: |x| x.value_max.map_or(Cell::Null, Cell::Real),
        },
        Column {
            name: "currency",
            sql: TEXT_NOT_NULL,
            doc: "Always `SEK`.",
            get: |x| Cell::word(&x.currency),
        },
        Column {
            name: "qualifier",
            sql: TEXT,
            doc: "`about`, `at_most`, `at_least`, or empty.",
            get: |x| Cell::opt_word(&x.qualifier),
        },
        Column {
            name: "per",
            sql: TEXT,
            doc: "The unit the sum is per, other than time (`invånare`).",
            get: |x| Cell::opt_text(&x.per),
        },
        Column {
            name: "period",
            sql: TEXT,
            doc: "`year`, `month`, `week`, `day`, `hour`, or empty.",
            get: |x| Cell::opt_word(&x.period),
        },
        Column {
            name: "footnote",
            sql: TEXT,
            doc: "The marker of a footnote attached to the amount.",
            get: |x| Cell::opt_text(&x.footnote),
        },
        Column {
            name: "sentence",
            sql: TEXT_NOT_NULL,
            doc: "The sentence the amount stands in.",
            get: |x| Cell::text(&x.sentence),
        },
    ],
    sql_breaks: &["currency"],
    indexes: &[BY_DOCUMENT, index("value", "value")],
    links: &[],
};

/// The table of footnotes.
pub static FOOTNOTES: RecordTable<Footnote> = RecordTable {
    name: "footnotes",
    records: |r| &r.footnotes,
    span: |x| &x.span,
    columns: &[
        paragraph!(),
        Column {
            name: "marker",
            sql: TEXT_NOT_NULL,
            doc: "The footnote's marker (\"5\").",
            get: |x| Cell::text(&x.marker),
        },
        text!("The footnote's text, without its marker."),
        Column {
            name: "population_count",
            sql: INTEGER,
            doc: "A population count the footnote states (`population.count`).",
            get: |x| x.population.as_ref().map_or(Cell::Null, |p| Cell::int(p.count)),
        },
        Column {
            name: "population_date",
            sql: TEXT,
            doc: "The date of that count (`population.date`).",
            get: |x| x.population.as_ref().map_or(Cell::Null, |p| Cell::opt_text(&p.date)),
        },
    ],
    sql_breaks: &[],
    indexes: &[BY_DOCUMENT],
    links: &[],
};

/// A member in a link table: name and party.
static MEMBER: &[Column<Person>] = &[
    Column {
        name: "name",
        sql: TEXT,
        doc: "The member's name; empty for a party group.",
        get: |p| Cell::opt_text(&p.name),
    },
    Column {
        name: "party",
        sql: TEXT,
        doc: "The member's party abbreviation.",
        get: |p| Cell::opt_text(&p.party),
    },
];

static MOTION_SUPPORTERS: LinkTable<Motion, Person> = LinkTable {
    name: "motion_supporters",
    key: "motion_id",
    numbered: true,
    items: |x| &x.supporters,
    columns: MEMBER,
    indexes: &[index("motion", "motion_id")],
};

/// The table of motions (yrkanden).
pub static MOTIONS: RecordTable<Motion> = RecordTable {
    name: "motions",
    records: |r| &r.motions,
    span: |x| &x.span,
    columns: &[
        paragraph!(),
        Column {
            name: "mover_name",
            sql: TEXT,
            doc: "Who makes the yrkande (`mover.name`).",
            get: |x| Cell::opt_text(&x.mover.name),
        },
        Column {
            name: "mover_party",
            sql: TEXT,
            doc: "Their party (`mover.party`).",
            get: |x| Cell::opt_text(&x.mover.party),
        },
        Column {
            name: "supporters",
            sql: Sql::None,
            doc: "Who joins it, as `Name (P)`, one per line (SQLite: `motion_supporters`).",
            get: |x| persons(&x.supporters),
        },
        Column {
            name: "classification",
            sql: TEXT_NOT_NULL,
            doc: "`approve`, `reject`, `refer_back`, `table`, `amend` or `other`.",
            get: |x| Cell::word(&x.classification),
        },
        Column {
            name: "result",
            sql: TEXT,
            doc: "`adopted`, `rejected`, or empty when the minutes do not say.",
            get: |x| Cell::opt_word(&x.result),
        },
        text!("What is moved, as written."),
    ],
    sql_breaks: &[],
    indexes: &[BY_DOCUMENT],
    links: &[&MOTION_SUPPORTERS],
};

static VOTE_MEMBERS: LinkTable<Vote, NamedVote> = LinkTable {
    name: "vote_members",
    key: "vote_id",
    numbered: false,
    items: |x| &x.votes,
    columns: &[
        Column {
            name: "name",
            sql: TEXT,
            doc: "The member's name.",
            get: |v| Cell::opt_text(&v.name),
        },
        Column {
            name: "party",
            sql: TEXT,
            doc: "The member's party abbreviation.",
            get: |v| Cell::opt_text(&v.party),
        },
        Column {
            name: "option",
            sql: TEXT_NOT_NULL,
            doc: "`yes`, `no`, `abstain` or `absent`.",
            get: |v| Cell::word(&v.option),
        },
    ],
    indexes: &[index("vote", "vote_id")],
};

/// The named votes of a vote as `Name (P): yes`, one per line.
fn named_votes<'a>(x: &Vote) -> Cell<'a> {
    let named = x
        .votes
        .iter()
        .map(|v| format!("{}: {}", person(&v.name, &v.party), Cell::word(&v.option).to_text()));
    Cell::owned(lines(named))
}

/// The table of votes.
pub static VOTES: RecordTable<Vote> = RecordTable {
    name: "votes",
    records: |r| &r.votes,
    span: |x| &x.span,
    columns: &[
        paragraph!(),
        Column {
            name: "yes",
            sql: INTEGER,
            doc: "Votes for yes, as stated (`counts.yes`).",
            get: |x| Cell::opt_int(x.counts.yes),
        },
        Column {
            name: "no",
            sql: INTEGER,
            doc: "Votes for no.",
            get: |x| Cell::opt_int(x.counts.no),
        },
        Column {
            name: "abstain",
            sql: INTEGER,
            doc: "Members abstaining.",
            get: |x| Cell::opt_int(x.counts.abstain),
        },
        Column {
            name: "absent",
            sql: INTEGER,
            doc: "Members absent.",
            get: |x| Cell::opt_int(x.counts.absent),
        },
        Column {
            name: "yes_means",
            sql: TEXT,
            doc: "What a yes vote is for.",
            get: |x| Cell::opt_text(&x.yes_means),
        },
        Column {
            name: "no_means",
            sql: TEXT,
            doc: "What a no vote is for.",
            get: |x| Cell::opt_text(&x.no_means),
        },
        Column {
            name: "named_votes",
            sql: Sql::None,
            doc: "Each member's vote as `Name (P): yes`, one per line (SQLite: `vote_members`).",
            get: named_votes,
        },
        text!(AS_WRITTEN),
    ],
    sql_breaks: &["no_means"],
    indexes: &[BY_DOCUMENT],
    links: &[&VOTE_MEMBERS],
};

static RESERVATION_MEMBERS: LinkTable<Reservation, Person> = LinkTable {
    name: "reservation_members",
    key: "reservation_id",
    numbered: false,
    items: |x| &x.by,
    columns: MEMBER,
    indexes: &[index("reservation", "reservation_id"), index("party", "party")],
};

/// The table of reservations.
pub static RESERVATIONS: RecordTable<Reservation> = RecordTable {
    name: "reservations",
    records: |r| &r.reservations,
    span: |x| &x.span,
    columns: &[
        paragraph!(),
        Column {
            name: "by",
            sql: Sql::None,
            doc: "Who reserves themselves, as `Name (P)` or `(P)`, one per line (SQLite: `reservation_members`).",
            get: |x| persons(&x.by),
        },
        text!(AS_WRITTEN),
    ],
    sql_breaks: &[],
    indexes: &[BY_DOCUMENT],
    links: &[&RESERVATION_MEMBERS],
};

static NOTE_MEMBERS: LinkTable<Note, Person> = LinkTable {
    name: "note_members",
    key: "note_id",
    numbered: false,
    items: |x| &x.by,
    columns: MEMBER,
    indexes: &[index("note", "note_id")],
};

/// The table of protocol notes.
pub static NOTES: RecordTable<Note> = RecordTable {
    name: "notes",
    records: |r| &r.notes,
    span: |x| &x.span,
    columns: &[
        paragraph!(),
        Column {
            name: "by",
            sql: Sql::None,
            doc: "Who enters the note, as `Name (P)`, one per line (SQLite: `note_members`).",
            get: |x| persons(&x.by),
        },
        Column {
            name: "on_behalf_of",
            sql: TEXT,
            doc: "The group the note is entered for.",
            get: |x| Cell::opt_text(&x.on_behalf_of),
        },
        text!(AS_WRITTEN),
    ],
    sql_breaks: &[],
    indexes: &[BY_DOCUMENT],
    links: &[&NOTE_MEMBERS],
};

/// The table of recipients.
pub static RECIPIENTS: RecordTable<Recipient> = RecordTable {
    name: "recipients",
    records: |r| &r.recipients,
    span: |x| &x.span,
    columns: &[
        paragraph!(),
        Column {
            name: "name",
            sql: TEXT_NOT_NULL,
            doc: "The addressee as written (\"Ekonomiavdelningen\").",
            get: |x| Cell::text(&x.name),
        },
    ],
    sql_breaks: &[],
    indexes: &[BY_DOCUMENT],
    links: &[],
};

/// The record tables, in the contract's order of record kinds.
pub static RECORDS: [&dyn Records; 9] = [
    &PARAGRAPHS,
    &DECISIONS,
    &AMOUNTS,
    &FOOTNOTES,
    &MOTIONS,
    &VOTES,
    &RESERVATIONS,
    &NOTES,
    &RECIPIENTS,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_record_tables_are_the_record_kinds() {
        let names: Vec<&str> = RECORDS.iter().map(|t| t.name()).collect();
        assert_eq!(names, crate::model::RECORD_KINDS);
    }

    #[test]
    fn the_sqlite_order_and_layout_name_real_columns() {
        let sql: Vec<&str> = DOCUMENTS
            .columns
            .iter()
            .filter(|c| c.sql.sql_type().is_some())
            .map(|c| c.name)
            .collect();
        let mut order = DOCUMENTS.sql_order.to_vec();
        let mut sorted = sql.clone();
        order.sort();
        sorted.sort();
        assert_eq!(order, sorted, "sql_order is the SQLite columns of documents");
        for t in RECORDS {
            let names: Vec<&str> = t.columns().iter().map(|c| c.name).collect();
            for b in t.sql_breaks() {
                assert!(names.contains(b), "{}: no column {b}", t.name());
            }
        }
        for c in CONTEXT {
            assert!(DOCUMENTS.columns.iter().any(|d| d.name == c.from), "{}", c.from);
        }
    }

    #[test]
    fn persons_are_written_name_and_party() {
        let p = |n: Option<&str>, party: Option<&str>| person(&n.map(Into::into), &party.map(Into::into));
        assert_eq!(p(Some("Anna Ek"), Some("S")), "Anna Ek (S)");
        assert_eq!(p(None, Some("M")), "(M)");
        assert_eq!(p(Some("Anna Ek"), None), "Anna Ek");
        assert_eq!(p(None, None), "");
    }
}
