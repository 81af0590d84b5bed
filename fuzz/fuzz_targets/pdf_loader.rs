//! Fuzz target: bytes as a PDF through the text-layer extractor. The
//! extractor turns a panic into `Damaged("internal panic: …")`; here that is
//! reported as a crash, because every panic is a bug to fix.
#![no_main]

use std::time::{Duration, Instant};

use libfuzzer_sys::fuzz_target;
use protokoll::stages::pdf::{Limits, PdfError, extract};

fuzz_target!(|data: &[u8]| {
    let limits = Limits {
        max_decoded_bytes: 16 << 20,
        max_ops_per_page: 200_000,
        max_depth: Limits::default().max_depth,
        deadline: Some(Instant::now() + Duration::from_secs(2)),
    };
    if let Err(PdfError::Damaged(m)) = extract(data, &limits) {
        assert!(!m.contains("internal panic"), "{m}");
    }
});
