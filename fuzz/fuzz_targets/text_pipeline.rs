//! Fuzz target: bytes as a text input through the whole pipeline (decode,
//! normalize, segment, every extractor). A panic is a bug; so is a span out
//! of bounds or off a char boundary, or a record text that is not its span.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use protokoll::model::Format;
use protokoll::stages::{decode, from_bytes};
use protokoll::{Config, process_bytes};

fuzz_target!(|data: &[u8]| {
    let raw = from_bytes(data.to_vec());
    let result = process_bytes("f.txt", Path::new("f.txt"), Format::Text, raw, &Config::default());
    let Ok(decoded) = decode(Path::new("f.txt"), data) else { return };
    let text = decoded.text;
    let value = serde_json::to_value(&result).expect("serializable");
    for (_, records) in value.as_object().expect("an object") {
        let Some(records) = records.as_array() else { continue };
        for r in records.iter().filter(|r| r.is_object()) {
            let (Some(s), Some(e)) = (r["span"]["start"].as_u64(), r["span"]["end"].as_u64()) else { continue };
            let (s, e) = (s as usize, e as usize);
            assert!(s <= e && e <= text.len(), "span out of bounds");
            assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "span off a char boundary");
            if let Some(t) = r["text"].as_str() {
                assert_eq!(protokoll::display_text(&text[s..e]), t, "record text is not its span");
            }
        }
    }
});
