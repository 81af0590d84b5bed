//! The README's reference of the table outputs — the columns of the CSV
//! files, xlsx sheets and SQLite tables, and the SQLite schema — is
//! generated from the column model (`src/write/tables.rs`), between marker
//! comments: this test fails when README.md differs from what the model
//! says. Regenerate it with `PROTOKOLL_UPDATE_DOCS=1 cargo test --test
//! table_reference`.

mod common;

use protokoll::output::columns::{ColumnInfo, LinkInfo, Records, Sql};
use protokoll::output::tables::{CONTEXT, DOCUMENTS, RECORDS, SPAN};

use common::root;

const UPDATE: &str = "PROTOKOLL_UPDATE_DOCS=1 cargo test --test table_reference";

/// A row of a column table.
fn row(name: &str, sql: &str, doc: &str) -> String {
    format!("| `{name}` | {sql} | {} |\n", doc.replace('|', "\\|"))
}

fn sql_cell(sql: Sql) -> String {
    match sql {
        Sql::Type(t) => format!("`{t}`"),
        Sql::Only(t) => format!("`{t}` (SQLite only)"),
        Sql::None => "(CSV and xlsx only)".to_string(),
    }
}

fn column_table(columns: impl IntoIterator<Item = ColumnInfo>) -> String {
    let mut md = String::from("| column | SQLite | meaning |\n|---|---|---|\n");
    for c in columns {
        md.push_str(&row(c.name, &sql_cell(c.sql), c.doc));
    }
    md
}

fn link_table(parent: &str, link: &LinkInfo) -> String {
    let mut md = format!(
        "\n#### `{}` (SQLite only)\n\n| column | SQLite | meaning |\n|---|---|---|\n",
        link.name
    );
    md.push_str(&row(
        link.key,
        &format!("`INTEGER NOT NULL REFERENCES {parent}(id) ON DELETE CASCADE`"),
        &format!("The row of `{parent}` it belongs to."),
    ));
    if link.numbered {
        md.push_str(&row("position", "`INTEGER NOT NULL`", "Its place in the list, from 1."));
    }
    for c in &link.columns {
        md.push_str(&row(c.name, &sql_cell(c.sql), c.doc));
    }
    md
}

fn record_table(t: &dyn Records) -> String {
    let mut md = format!("\n#### `{}`\n\n", t.name());
    md.push_str(&column_table(t.columns()));
    for link in t.links() {
        md.push_str(&link_table(t.name(), &link));
    }
    md
}

/// The column reference.
fn tables() -> String {
    let context: Vec<String> = CONTEXT.iter().map(|c| format!("`{}`", c.name)).collect();
    let mut md = format!(
        "Generated from the column model (`src/write/tables.rs`) by `tests/table_reference.rs`; \
         do not edit by hand. The same tables are CSV files, xlsx sheets and SQLite tables. A \
         column *(CSV and xlsx only)* is a link table in SQLite; one *(SQLite only)* is not in \
         CSV or xlsx.\n\n\
         #### `documents`\n\n{}\n\
         #### Every record table\n\n\
         A record row starts, in CSV and xlsx and in the SQLite view `<table>_full`, with its \
         document's {} and ends with its span; in SQLite the table has `id INTEGER PRIMARY KEY` \
         and `document_id` (`documents.id`, `ON DELETE CASCADE`) first.\n\n\
         | column | SQLite | meaning |\n|---|---|---|\n",
        column_table(DOCUMENTS.columns.iter().map(|c| c.info())),
        context.join(", "),
    );
    for c in CONTEXT {
        md.push_str(&row(c.name, "(view)", &format!("The document's `{}`.", c.from)));
    }
    for c in SPAN {
        md.push_str(&row(c.name, &sql_cell(c.sql), c.doc));
    }
    for t in RECORDS {
        md.push_str(&record_table(t));
    }
    md
}

/// The SQLite schema, as the database gets it.
fn schema() -> String {
    format!(
        "```sql\n{}\n```\n",
        protokoll::output::sqlite::schema().trim_matches('\n')
    )
}

/// `readme` with what stands between the markers `<!-- begin NAME … -->`
/// and `<!-- end NAME -->` replaced by `generated`.
fn replace_between(readme: &str, name: &str, generated: &str) -> String {
    let begin = format!("<!-- begin {name}");
    let end = format!("<!-- end {name} -->");
    let start = readme
        .find(&begin)
        .unwrap_or_else(|| panic!("README.md has no {begin}"));
    let start = start + readme[start..].find("-->\n").expect("the begin marker ends") + 4;
    let stop = readme[start..]
        .find(&end)
        .unwrap_or_else(|| panic!("README.md has no {end}"))
        + start;
    format!("{}{generated}{}", &readme[..start], &readme[stop..])
}

#[test]
fn the_readme_shows_the_tables_and_schema_of_the_column_model() {
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let generated = replace_between(&readme, "tables", &tables());
    let generated = replace_between(&generated, "sqlite-schema", &schema());
    if std::env::var_os("PROTOKOLL_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(
        written == generated,
        "README.md's tables or SQLite schema differ from the column model: regenerate them with {UPDATE}"
    );
}
