//! Every `corpus/` and `fixtures/` result validates against the JSON Schema
//! that `protokoll schema` prints (derived from the serialized types).

mod common;

use common::{documents, extract_file, root};

#[test]
fn every_result_validates_against_the_schema() {
    let schema = protokoll::json_schema();
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let mut checked = 0;
    for dir in ["corpus", "fixtures", "fixtures/pdf", "fixtures/regression"] {
        for path in documents(&root().join(dir), &["txt", "pdf"]) {
            let result = serde_json::to_value(extract_file(&path)).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&result)
                .map(|e| format!("{e} at {}", e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{}: {errors:?}", path.display());
            checked += 1;
        }
    }
    assert!(checked > 30);
}

#[test]
fn schema_is_strict_about_the_contract() {
    let schema = protokoll::json_schema();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let mut r = serde_json::to_value(extract_file(&root().join("corpus/000_0e21439f530097b9.txt"))).unwrap();
    assert!(validator.is_valid(&r));
    r["status"] = serde_json::json!("fine");
    assert!(!validator.is_valid(&r), "an unknown status is refused");
}

#[test]
fn the_schema_command_prints_it() {
    let out = std::process::Command::new(common::binary())
        .arg("schema")
        .output()
        .unwrap();
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(printed, protokoll::json_schema());
}

/// Every object, field and value of the output model has a description in
/// the schema: its doc comment (the model's fields all carry one, and
/// `docs/fields.md` is generated from them).
#[test]
fn every_type_field_and_value_of_the_schema_is_described() {
    let schema = protokoll::json_schema();
    let described = |v: &serde_json::Value| v["description"].as_str().is_some_and(|d| !d.trim().is_empty());
    let mut defs: Vec<(String, &serde_json::Value)> = schema["$defs"]
        .as_object()
        .expect("definitions")
        .iter()
        .map(|(name, def)| (name.clone(), def))
        .collect();
    defs.push(("ExtractResult".into(), &schema));
    let mut missing = Vec::new();
    for (name, def) in defs {
        if !described(def) {
            missing.push(name.clone());
        }
        for (field, p) in def["properties"].as_object().into_iter().flatten() {
            if !described(p) {
                missing.push(format!("{name}.{field}"));
            }
        }
        for v in def["oneOf"].as_array().into_iter().flatten() {
            if !described(v) {
                missing.push(format!("{name} {}", v["const"]));
            }
        }
    }
    assert!(missing.is_empty(), "no description: {missing:?}");
}
