//! The gold test: the records of every `corpus/` document against the
//! hand-made expected records in `fixtures/gold/` (copied from the shared
//! gold set), with the same rules as the shared scorer: records of a kind are
//! matched as multisets on a key, then every attribute the gold states must
//! be equal; every record's `text` must equal its span in the source text.

mod common;

use std::collections::HashMap;

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

use common::{documents, extract_file, root};

/// Every record kind and, for each, the attributes scored (as the shared scorer).
const KINDS: &[(&str, &[&str])] = &[
    ("paragraphs", &[]),
    (
        "decisions",
        &[
            "outcome",
            "for_own_part",
            "date",
            "reference",
            "proposed_to",
            "paragraph",
        ],
    ),
    (
        "amounts",
        &["qualifier", "period", "footnote", "value_max", "paragraph"],
    ),
    ("footnotes", &["population"]),
    ("motions", &["supporters", "classification", "result", "paragraph"]),
    ("votes", &["counts"]),
    ("reservations", &["paragraph"]),
    ("notes", &["on_behalf_of", "paragraph"]),
    ("recipients", &[]),
];

fn norm(v: &Value) -> Value {
    match v {
        Value::String(s) => {
            let s: String = s.nfc().collect();
            let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
            Value::String(s.trim_matches(['.', ',', ':', ';']).to_lowercase())
        }
        other => other.clone(),
    }
}

fn money(v: &Value) -> Value {
    v.as_f64().map_or(Value::Null, |f| Value::String(format!("{:.2}", f)))
}

fn key(kind: &str, r: &Value) -> String {
    match kind {
        "paragraphs" => {
            let mut cases: Vec<String> = r["case_numbers"]
                .as_array()
                .map(|a| a.iter().map(|c| norm(c).to_string()).collect())
                .unwrap_or_default();
            cases.sort();
            format!("{}|{}", r["number"].as_str().unwrap_or(""), cases.join(","))
        }
        "amounts" => format!("{}|{}", money(&r["value"]), norm(&r["per"])),
        "footnotes" => r["marker"].as_str().unwrap_or("").to_string(),
        "population" => format!("{}|{}", r["population"]["count"], r["population"]["date"]),
        "recipients" => norm(&r["name"]).to_string(),
        "decisions" => format!(
            "{}|{}|{}",
            norm(&r["body"]),
            r["type"],
            r["earlier"].as_bool().unwrap_or(false)
        ),
        "motions" => person(&r["mover"]),
        "votes" => format!(
            "{}|{}|{}",
            r["paragraph"].as_str().unwrap_or("null"),
            r["counts"]["yes"],
            r["counts"]["no"]
        ),
        "reservations" => persons(&r["by"], true),
        "notes" => persons(&r["by"], false),
        _ => unreachable!(),
    }
}

fn person(p: &Value) -> String {
    let party = p["party"].as_str().filter(|s| !s.is_empty()).map(str::to_uppercase);
    format!("{}({})", norm(&p["name"]), party.unwrap_or_default())
}

/// A set of persons as a sorted key; `with_party` false compares names only.
fn persons(v: &Value, with_party: bool) -> String {
    let mut keys: Vec<String> = v
        .as_array()
        .map(|a| {
            a.iter()
                .map(|p| {
                    if with_party {
                        person(p)
                    } else {
                        norm(&p["name"]).to_string()
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    keys.sort();
    keys.dedup();
    keys.join(";")
}

fn attr(name: &str, r: &Value) -> Value {
    let v = r.get(name).cloned().unwrap_or(Value::Null);
    match name {
        "value_max" => money(&v),
        "supporters" => Value::String(persons(&v, true)),
        "proposed_to" | "on_behalf_of" => norm(&v),
        "counts" => Value::String(format!("{}|{}|{}", v["yes"], v["no"], v["abstain"])),
        "population" => match v {
            Value::Object(o) => Value::String(format!(
                "{}|{}",
                o["count"],
                o.get("date").cloned().unwrap_or(Value::Null)
            )),
            _ => Value::Null,
        },
        _ => v,
    }
}

fn records<'a>(doc: &'a Value, kind: &str) -> Vec<&'a Value> {
    if kind == "population" {
        return doc["footnotes"]
            .as_array()
            .map(|a| a.iter().filter(|f| !f["population"].is_null()).collect())
            .unwrap_or_default();
    }
    doc[kind].as_array().map(|a| a.iter().collect()).unwrap_or_default()
}

fn display(s: &str) -> String {
    let s: String = s.nfc().collect();
    s.split(|c: char| c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn corpus_matches_gold() {
    let mut problems = Vec::new();
    let gold_dir = root().join("fixtures/gold");
    for gold_path in documents(&gold_dir, &["json"]) {
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(&gold_path).unwrap()).unwrap();
        let name = gold["source"].as_str().unwrap();
        let input = root().join("corpus").join(name);
        let result = extract_file(&input);
        let pred = serde_json::to_value(&result).unwrap();

        // document fields
        for (field, gv) in gold["document"].as_object().unwrap() {
            let mut pv = pred["document"][field].clone();
            if field == "municipality" {
                pv = pv.get("name").cloned().unwrap_or(Value::Null);
            }
            let same = if field == "body" || field == "municipality" {
                norm(gv) == norm(&pv)
            } else {
                *gv == pv
            };
            if !same {
                problems.push(format!("{name} document.{field}: gold {gv} got {pv}"));
            }
        }

        // records
        let mut kinds: Vec<(&str, &[&str])> = KINDS.to_vec();
        kinds.push(("population", &[]));
        for (kind, attrs) in kinds {
            let mut pool: HashMap<String, Vec<&Value>> = HashMap::new();
            for r in records(&pred, kind) {
                pool.entry(key(kind, r)).or_default().push(r);
            }
            for g in records(&gold, kind) {
                let k = key(kind, g);
                match pool.get_mut(&k).and_then(|v| (!v.is_empty()).then(|| v.remove(0))) {
                    Some(p) => {
                        for a in attrs.iter().filter(|a| g.get(**a).is_some()) {
                            if attr(a, g) != attr(a, p) {
                                problems.push(format!("{name} {kind} {k}: {a} gold {} got {}", attr(a, g), attr(a, p)));
                            }
                        }
                    }
                    None => problems.push(format!("{name} {kind}: missed {k}")),
                }
            }
            for (k, rest) in pool {
                for _ in rest {
                    problems.push(format!("{name} {kind}: extra {k}"));
                }
            }
        }

        // spans
        let source = std::fs::read_to_string(&input).unwrap();
        for kind in [
            "paragraphs",
            "amounts",
            "footnotes",
            "recipients",
            "decisions",
            "motions",
            "votes",
            "reservations",
            "notes",
        ] {
            for r in records(&pred, kind) {
                let (Some(start), Some(end)) = (r["span"]["start"].as_u64(), r["span"]["end"].as_u64()) else {
                    problems.push(format!("{name} {kind}: no span"));
                    continue;
                };
                let frag = source.get(start as usize..end as usize);
                if let (Some(text), Some(frag)) = (r["text"].as_str(), frag) {
                    if display(frag) != display(text) {
                        problems.push(format!("{name} {kind}: text {text:?} != span {frag:?}"));
                    }
                } else if frag.is_none() {
                    problems.push(format!("{name} {kind}: span {start}..{end} not on char boundaries"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "gold mismatches:\n{}", problems.join("\n"));
}
