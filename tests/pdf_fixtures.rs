//! The PDF fixtures (`fixtures/pdf/`, made with LibreOffice from the sample
//! documents): records extracted from each PDF equal those from its text
//! file, and `protokoll text` of each PDF is snapshotted.

mod common;

use serde_json::Value;

use common::{documents, extract_file, root};

/// Drop what legitimately differs between a PDF and its text: spans and
/// record texts (they index different source texts).
fn strip(v: &mut Value) {
    match v {
        Value::Object(m) => {
            m.remove("span");
            m.remove("text");
            for (_, x) in m.iter_mut() {
                strip(x);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(strip),
        _ => {}
    }
}

#[test]
fn pdf_records_equal_text_records() {
    let pdfs = documents(&root().join("fixtures/pdf"), &["pdf"]);
    assert_eq!(pdfs.len(), 5);
    for pdf in pdfs {
        let stem = pdf.file_stem().unwrap().to_string_lossy().into_owned();
        let txt = root().join("corpus").join(format!("{stem}.txt"));
        let from_pdf = extract_file(&pdf);
        let from_txt = extract_file(&txt);
        assert_eq!(
            from_pdf.status,
            protokoll::model::Status::Ok,
            "{stem}: {:?}",
            from_pdf.error
        );
        assert_eq!(from_pdf.source.format, protokoll::model::Format::Pdf);
        let (mut a, mut b) = (
            serde_json::to_value(&from_pdf).unwrap(),
            serde_json::to_value(&from_txt).unwrap(),
        );
        strip(&mut a);
        strip(&mut b);
        for kind in std::iter::once(&"document").chain(common::RECORD_KINDS) {
            assert_eq!(a[kind], b[kind], "{stem}: {kind} differ between PDF and text");
        }
    }
}

/// Every record's text equals its span in `protokoll text` of the PDF, and
/// spans carry the page.
#[test]
fn pdf_spans_index_the_printed_text() {
    for pdf in documents(&root().join("fixtures/pdf"), &["pdf"]) {
        let source = protokoll::source_text(&pdf, &protokoll::Config::default()).unwrap();
        let result = serde_json::to_value(extract_file(&pdf)).unwrap();
        for (kind, records) in result.as_object().unwrap() {
            let Some(records) = records.as_array() else { continue };
            for r in records {
                let span = &r["span"];
                let (s, e) = (
                    span["start"].as_u64().unwrap() as usize,
                    span["end"].as_u64().unwrap() as usize,
                );
                assert!(span["page"].as_u64().is_some_and(|p| p >= 1), "{kind}: no page");
                if let Some(t) = r["text"].as_str() {
                    let frag = &source.text[s..e];
                    assert_eq!(protokoll::display_text(frag), t, "{}: {kind}", pdf.display());
                }
            }
        }
    }
}

#[test]
fn pdf_source_text_snapshots() {
    for pdf in documents(&root().join("fixtures/pdf"), &["pdf"]) {
        let text = protokoll::source_text(&pdf, &protokoll::Config::default()).unwrap();
        let name = format!("pdf_text__{}", pdf.file_name().unwrap().to_string_lossy());
        insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(name, text.text);
        });
    }
}
