//! Per-file resource budget shared by all pages of one extraction.
//!
//! The limits in [`crate::pdf::Limits`] are enforced here: the total number of
//! decoded stream bytes (counted atomically so that pages may run in
//! parallel) and the deadline. Every place that inflates data or loops over
//! untrusted input charges or checks this budget.

use crate::pdf::{Limits, PdfError};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

pub(crate) struct Budget {
    decoded: AtomicU64,
    /// Streams whose data could not be decoded to the end (damaged).
    damaged: AtomicU64,
    max_decoded: u64,
    deadline: Option<Instant>,
    pub(crate) max_ops_per_page: usize,
    pub(crate) max_depth: usize,
}

impl Budget {
    pub(crate) fn new(limits: &Limits) -> Self {
        Budget {
            decoded: AtomicU64::new(0),
            damaged: AtomicU64::new(0),
            max_decoded: limits.max_decoded_bytes,
            deadline: limits.deadline,
            max_ops_per_page: limits.max_ops_per_page,
            max_depth: limits.max_depth,
        }
    }

    /// Bytes that may still be decoded before the cap is hit.
    pub(crate) fn remaining(&self) -> u64 {
        self.max_decoded.saturating_sub(self.decoded.load(Ordering::Relaxed))
    }

    /// Records `n` freshly decoded bytes.
    pub(crate) fn charge(&self, n: u64) -> Result<(), PdfError> {
        let before = self.decoded.fetch_add(n, Ordering::Relaxed);
        if before.saturating_add(n) > self.max_decoded {
            return Err(self.too_large());
        }
        Ok(())
    }

    pub(crate) fn too_large(&self) -> PdfError {
        PdfError::TooLarge(format!(
            "decoded stream data exceeds the limit of {} bytes (possible decompression bomb)",
            self.max_decoded
        ))
    }

    /// Records a stream whose data is damaged (decoding stopped early).
    pub(crate) fn note_damaged(&self) {
        self.damaged.fetch_add(1, Ordering::Relaxed);
    }

    /// Streams recorded as damaged so far.
    pub(crate) fn damaged(&self) -> u64 {
        self.damaged.load(Ordering::Relaxed)
    }

    pub(crate) fn decoded(&self) -> u64 {
        self.decoded.load(Ordering::Relaxed)
    }

    pub(crate) fn check_time(&self) -> Result<(), PdfError> {
        match self.deadline {
            Some(d) if Instant::now() >= d => {
                Err(PdfError::Timeout("the time budget for this file ran out".to_string()))
            }
            _ => Ok(()),
        }
    }
}
