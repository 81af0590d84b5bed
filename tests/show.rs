//! `protokoll show`: the review page, checked in a real headless browser.
//!
//! Without a browser the test still checks that the page is self-contained
//! (the unit tests in `src/write/html.rs` check that each record's segments
//! are exactly its span); the browser part then skips with a message. It runs Chromium (`chromium`, or the program
//! in `PROTOKOLL_BROWSER`) with `--headless --dump-dom` on
//! `page.html#select=…`, which clicks each record's list entry and records
//! the highlighted text (see `src/write/html.rs`); that text must be the
//! record's `text`. By hand: `protokoll show FILE -o page.html` and open it.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use common::{RECORD_KINDS, binary, root};

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// The records of a result with a span and a `text`, in the page's order
/// (kind by kind), each with its index on the page.
fn records_with_text(result: &Value) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut id = 0;
    for kind in RECORD_KINDS {
        for r in result[*kind].as_array().unwrap() {
            if r["span"]["start"].is_u64() {
                if let Some(t) = r["text"].as_str() {
                    out.push((id, t.to_string()));
                }
                id += 1;
            }
        }
    }
    out
}

fn browser() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("PROTOKOLL_BROWSER") {
        return Some(PathBuf::from(p));
    }
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find(|b| {
            Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .map(PathBuf::from)
}

fn page_of(doc: &Path, out: &Path) -> (Value, String) {
    let o = Command::new(binary())
        .args(["show", doc.to_str().unwrap(), "-o", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let r = Command::new(binary())
        .args([
            "extract",
            "--root",
            doc.parent().unwrap().to_str().unwrap(),
            doc.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let result: Value = serde_json::from_slice(&r.stdout).unwrap();
    (result, std::fs::read_to_string(out).unwrap())
}

#[test]
fn the_review_page_highlights_each_record_at_its_span() {
    let dir = tempfile::tempdir().unwrap();
    let docs = [
        root().join("corpus/000_0e21439f530097b9.txt"),
        root().join("corpus/002_5b9bf2d50d21f3e9.txt"),
        root().join("fixtures/politics-votering-namnupprop.txt"),
    ];
    let browser = browser();
    if browser.is_none() {
        eprintln!("skipped the browser part: no chromium (set PROTOKOLL_BROWSER to a Chromium or Chrome binary)");
    }
    for (n, doc) in docs.iter().enumerate() {
        let page = dir.path().join(format!("page{n}.html"));
        let (result, html) = page_of(doc, &page);
        // self-contained: nothing loaded from elsewhere
        for outside in ["<script src", "<link", "http://", "https://", "@import"] {
            assert!(!html.contains(outside), "{}: {outside}", doc.display());
        }
        let records = records_with_text(&result);
        assert!(!records.is_empty(), "{}", doc.display());
        let Some(browser) = &browser else { continue };
        let ids: Vec<String> = records.iter().map(|(id, _)| id.to_string()).collect();
        let url = format!("file://{}#select={}", page.display(), ids.join(","));
        let dump = Command::new(browser)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--dump-dom",
                &url,
            ])
            .output()
            .unwrap();
        let dom = String::from_utf8_lossy(&dump.stdout);
        for (id, text) in &records {
            let key = format!("data-selected-{id}=\"");
            let at = dom.find(&key).unwrap_or_else(|| {
                panic!(
                    "{}: record {id} was not selected: {}",
                    doc.display(),
                    &dom[..dom.len().min(300)]
                )
            }) + key.len();
            let shown = unescape(&dom[at..at + dom[at..].find('"').unwrap()]);
            assert_eq!(collapse(&shown), collapse(text), "{}: record {id}", doc.display());
        }
    }
}
