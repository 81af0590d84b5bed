//! insta snapshots (YAML) of the full result of every `corpus/` and
//! `fixtures/` document. A change in any record shows up as a snapshot diff
//! to review (`cargo insta review`).

mod common;

use common::{documents, extract_file, root};

fn snapshot_dir(dir: &str) {
    let docs = documents(&root().join(dir), &["txt", "pdf"]);
    assert!(!docs.is_empty(), "no documents in {dir}");
    for path in docs {
        let result = extract_file(&path);
        let name = format!(
            "{}__{}",
            dir.replace('/', "_"),
            path.file_name().unwrap().to_string_lossy()
        );
        insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_yaml_snapshot!(name, result);
        });
    }
}

#[test]
fn corpus_snapshots() {
    snapshot_dir("corpus");
}

#[test]
fn fixture_snapshots() {
    snapshot_dir("fixtures");
}

#[test]
fn pdf_fixture_snapshots() {
    snapshot_dir("fixtures/pdf");
}

/// One fixture per bug found, named after it.
#[test]
fn regression_snapshots() {
    snapshot_dir("fixtures/regression");
}
