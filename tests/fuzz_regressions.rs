//! Every crash the fuzzers found, run again through the pipeline it broke:
//! `fixtures/regression/fuzz/*.bin` as text inputs, `*.pdf` through the PDF
//! extractor. Each must give a result (no panic) whose spans hold.

use std::path::Path;

use protokoll::model::Format;
use protokoll::stages::{decode, from_bytes};
use protokoll::{Config, process_bytes};

mod common;

#[test]
fn fuzz_crashes_stay_fixed() {
    let dir = common::root().join("fixtures/regression/fuzz");
    let files = common::documents(&dir, &["bin", "pdf"]);
    assert!(!files.is_empty());
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let format = if path.extension().is_some_and(|e| e == "pdf") {
            Format::Pdf
        } else {
            Format::Text
        };
        let result = process_bytes(
            "f",
            Path::new("f"),
            format,
            from_bytes(bytes.clone()),
            &Config::default(),
        );
        if format == Format::Text
            && let Ok(decoded) = decode(Path::new("f"), &bytes)
        {
            {
                let text = decoded.text;
                let value = serde_json::to_value(&result).unwrap();
                for (kind, records) in value.as_object().unwrap() {
                    let Some(records) = records.as_array() else { continue };
                    for r in records.iter().filter(|r| r.is_object()) {
                        let (s, e) = (
                            r["span"]["start"].as_u64().unwrap() as usize,
                            r["span"]["end"].as_u64().unwrap() as usize,
                        );
                        assert!(
                            s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e),
                            "{}: {kind}",
                            path.display()
                        );
                    }
                }
            }
        }
    }
}
