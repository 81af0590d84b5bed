//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use protokoll::{Config, DiscoverOptions, ExtractResult, discover, process_input};

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Documents directly in `dir` (sorted), with the extensions given.
pub fn documents(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.is_file())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.contains(&e))
        })
        .collect();
    v.sort();
    v
}

/// Extract one file with the library, as `protokoll extract --root DIR
/// FILE` would with DIR the file's folder (so `source.path` is the file's
/// name, wherever the tests run).
pub fn extract_file(path: &Path) -> ExtractResult {
    let options = DiscoverOptions {
        root: path.parent().map(Path::to_path_buf).unwrap_or_default(),
        ..DiscoverOptions::default()
    };
    let inputs = discover(&[path.to_path_buf()], options);
    assert_eq!(inputs.len(), 1);
    process_input(&inputs[0], &Config::default())
}

/// The path of the built `protokoll` binary.
pub fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_protokoll"))
}

/// The record arrays of a result, in the contract's order.
#[allow(unused_imports)] // not every test binary uses it
pub use protokoll::model::RECORD_KINDS;
