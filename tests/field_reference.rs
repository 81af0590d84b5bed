//! `docs/fields.md`, the field reference, is generated from the JSON Schema
//! (`protokoll schema`, whose descriptions are the output model's doc
//! comments): this test fails when the file differs from what the model
//! says. Regenerate it with `PROTOKOLL_UPDATE_DOCS=1 cargo test --test
//! field_reference`.

mod common;

use serde_json::Value;

use common::root;

/// The objects of the result, in reading order.
const OBJECTS: &[&str] = &[
    "ExtractResult",
    "Source",
    "ErrorInfo",
    "Span",
    "Person",
    "Municipality",
    "Document",
    "Paragraph",
    "Decision",
    "Amount",
    "Footnote",
    "Population",
    "Motion",
    "Vote",
    "VoteCounts",
    "NamedVote",
    "Reservation",
    "Note",
    "Recipient",
];

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").replace('|', "\\|")
}

/// A property's type as a reader would say it.
fn type_of(p: &Value, defs: &Value) -> String {
    if let Some(r) = p["$ref"].as_str() {
        let name = r.rsplit('/').next().unwrap();
        return if defs[name]["oneOf"].is_array() || defs[name]["enum"].is_array() {
            format!("[{name}](#{}) (text)", name.to_lowercase())
        } else {
            format!("[{name}](#{})", name.to_lowercase())
        };
    }
    if let Some(any) = p["anyOf"].as_array() {
        let parts: Vec<String> = any
            .iter()
            .filter(|a| a["type"] != "null")
            .map(|a| type_of(a, defs))
            .collect();
        return format!("{} or null", parts.join(" or "));
    }
    match &p["type"] {
        Value::String(t) if t == "array" => format!("list of {}", type_of(&p["items"], defs)),
        Value::String(t) => t.clone(),
        Value::Array(ts) => {
            let ts: Vec<&str> = ts.iter().filter_map(|t| t.as_str()).filter(|t| *t != "null").collect();
            format!("{} or null", ts.join(" or "))
        }
        _ => "value".into(),
    }
}

fn reference() -> String {
    let schema = protokoll::json_schema();
    let defs = &schema["$defs"];
    let mut md = String::from(
        "# Field reference\n\n\
         Generated from `protokoll schema` (the output model's doc comments) by\n\
         `tests/field_reference.rs`; do not edit by hand. One result per input;\n\
         `SPEC.md`-fixed names, and fields protokoll adds, are described alike.\n",
    );
    for name in OBJECTS {
        let def = if *name == "ExtractResult" {
            &schema
        } else {
            &defs[*name]
        };
        assert!(def.is_object(), "{name} is not in the schema");
        let title = if *name == "ExtractResult" { "Result" } else { name };
        md.push_str(&format!("\n## {title}\n\n"));
        if let Some(d) = def["description"].as_str() {
            md.push_str(&format!("{}\n\n", one_line(d)));
        }
        md.push_str("| field | type | meaning |\n|---|---|---|\n");
        for (field, p) in def["properties"].as_object().unwrap() {
            md.push_str(&format!(
                "| `{field}` | {} | {} |\n",
                type_of(p, defs),
                one_line(
                    p["description"]
                        .as_str()
                        .unwrap_or_else(|| panic!("{name}.{field} has no description"))
                )
            ));
        }
    }
    md.push_str("\n## Values\n\nThe words a text field can hold.\n");
    let mut enums: Vec<(&String, &Value)> = defs
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, d)| d["oneOf"].is_array())
        .collect();
    enums.sort_by_key(|(n, _)| n.as_str());
    for (name, def) in enums {
        md.push_str(&format!("\n### {name}\n\n"));
        if let Some(d) = def["description"].as_str() {
            md.push_str(&format!("{}\n\n", one_line(d)));
        }
        md.push_str("| value | meaning |\n|---|---|\n");
        for v in def["oneOf"].as_array().unwrap() {
            let value = v["const"]
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| v["enum"][0].to_string());
            md.push_str(&format!(
                "| `{}` | {} |\n",
                value.trim_matches('"'),
                one_line(
                    v["description"]
                        .as_str()
                        .unwrap_or_else(|| panic!("{name} {value} has no description"))
                )
            ));
        }
    }
    md
}

#[test]
fn the_field_reference_is_what_the_model_says() {
    let path = root().join("docs/fields.md");
    let generated = reference();
    if std::env::var_os("PROTOKOLL_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let written = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        written == generated,
        "docs/fields.md differs from the output model's doc comments: \
         regenerate it with PROTOKOLL_UPDATE_DOCS=1 cargo test --test field_reference"
    );
}

/// Datasette's `metadata.json` for a database written by protokoll:
/// a description for each table, view and column, taken from the same doc
/// comments (columns named like a field get its description).
fn datasette_metadata() -> Value {
    let schema = protokoll::json_schema();
    let defs = &schema["$defs"];
    let conn = rusqlite::Connection::open_in_memory().unwrap();
    conn.execute_batch(&protokoll::output::sqlite::schema()).unwrap();
    conn.execute_batch(&protokoll::output::sqlite::views()).unwrap();
    let object_of = |table: &str| -> &str {
        match table.trim_end_matches("_full") {
            "documents" => "Document",
            "paragraphs" => "Paragraph",
            "decisions" => "Decision",
            "amounts" => "Amount",
            "footnotes" => "Footnote",
            "motions" => "Motion",
            "votes" => "Vote",
            "reservations" => "Reservation",
            "notes" => "Note",
            "recipients" => "Recipient",
            _ => "",
        }
    };
    let describe = |table: &str, column: &str| -> Option<String> {
        let field = |object: &str, name: &str| defs[object]["properties"][name]["description"].as_str().map(one_line);
        let own = object_of(table);
        match column {
            "id" => Some("Row id.".into()),
            "document_id" => Some("The document (`documents.id`).".into()),
            "path" => field("Source", "path"),
            "span_start" => field("Span", "start"),
            "span_end" => field("Span", "end"),
            "line" => field("Span", "line"),
            "page" if table != "documents" => field("Span", "page"),
            "earlier_date" => field("Decision", "date"),
            "document_date" => field("Document", "date"),
            "document_body" => field("Document", "body"),
            "document_kind" => field("Document", "kind"),
            "municipality" => Some("The document's municipality (name); see `documents.municipality_code`.".into()),
            "municipality_code" => field("Municipality", "code"),
            "type" => field("Decision", "kind"),
            "error_kind" => field("ErrorInfo", "kind"),
            "error" => field("ErrorInfo", "message"),
            c => field(own, c)
                .or_else(|| field("Source", c))
                .or_else(|| field("ExtractResult", c))
                .or_else(|| field("Document", c)),
        }
    };
    let mut tables = serde_json::Map::new();
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    for table in names {
        let columns: Vec<String> = conn
            .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        let mut cols = serde_json::Map::new();
        for c in columns {
            if let Some(d) = describe(&table, &c) {
                cols.insert(c, Value::String(d));
            }
        }
        let object = object_of(&table);
        let mut entry = serde_json::Map::new();
        if let Some(d) = defs[object]["description"].as_str() {
            let d = one_line(d);
            entry.insert(
                "description".into(),
                Value::String(if table.ends_with("_full") {
                    format!("{d} With the document's path, municipality, date, body and kind.")
                } else {
                    d
                }),
            );
        }
        entry.insert("columns".into(), Value::Object(cols));
        tables.insert(table, Value::Object(entry));
    }
    serde_json::json!({
        "title": "protokoll: Swedish municipal minutes",
        "description": "Records extracted by protokoll (schema protokoll/1); every record has a span into its document's source text. Field reference: docs/fields.md.",
        "databases": {"minutes": {"tables": tables}}
    })
}

#[test]
fn the_datasette_metadata_is_what_the_model_says() {
    let path = root().join("docs/datasette-metadata.json");
    let generated = serde_json::to_string_pretty(&datasette_metadata()).unwrap() + "\n";
    if std::env::var_os("PROTOKOLL_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let written = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        written == generated,
        "docs/datasette-metadata.json differs: regenerate it with PROTOKOLL_UPDATE_DOCS=1 cargo test --test field_reference"
    );
}
