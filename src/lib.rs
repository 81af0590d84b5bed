//! protokoll: Swedish municipal meeting minutes to structured, traceable data.
//!
//! The pipeline, one stage after the other, each a plain function from one
//! type to the next: discover ([`discover`], [`inputs`]) → load → normalize
//! (with an offset map) → segment (§§ and headings) → extract (one
//! extractor per record kind) → write ([`output`]). The stages one at a
//! time are in [`stages`].
//!
//! Only loading and writing touch the file system, and the library never
//! prints. [`run`] processes a batch in parallel and hands results to a sink
//! in input order; every input yields exactly one [`ExtractResult`] (the
//! output model is [`model`]), also when it fails. [`Batch`] is a whole run
//! into an output, as `protokoll extract` does it; [`Config`] holds the
//! settings and their defaults.

#![deny(missing_docs)]

mod batch;
mod budget;
mod classify;
mod config;
mod discover;
mod error;
mod extract;
pub mod grammar;
mod kommuner;
mod load;
pub mod model;
#[expect(
    dead_code,
    reason = "normalize::find_furniture is used nowhere; the public `mod` hid it"
)]
mod normalize;
mod pdf;
mod segment;
mod source;
mod summary;
mod swedish;
#[expect(
    dead_code,
    reason = "Sink::supports_incremental is used nowhere; the public `mod` hid it"
)]
mod write;

use std::path::Path;
use std::time::Instant;

pub use batch::{Batch, Opened};
pub use budget::TimedOut;
pub use config::{
    Config, DEFAULT_MAX_BYTES, DEFAULT_TIME_BUDGET, JOBS_PER_CORE, MAX_TIME_BUDGET_SECONDS, Threads, worker_threads,
};
pub use discover::{DiscoverOptions, Input, Skipped, discover, inputs, missing, name_string, overlapping};
pub use error::{Error, Result};
pub use model::ExtractResult;
pub use source::{SourceText, display_text};
pub use summary::{FileProblem, Summary, terminal_safe};

use model::{Format, Source, Status};

/// Writing results: the output formats and what they hold.
pub mod output {
    pub use crate::write::html::page as html_page;
    pub use crate::write::{OutputFormat, SinkOptions, WriteError, write_jsonl};

    /// The SQLite output: its tables and views.
    pub mod sqlite {
        pub use crate::write::sqlite::{RECORD_TABLES, schema, views};
    }

    /// The column model every table format is written from; not part of
    /// the stable API (the README's generated table reference reads it).
    #[doc(hidden)]
    pub use crate::write::{columns, tables};

    /// The CSV output: one file per record kind.
    pub mod csv {
        pub use crate::write::csv::TABLES;
    }
}

/// The pipeline's stages one at a time, for stage benchmarks, fuzz targets
/// and tests: decoding, PDF text, normalizing, segmenting and each record
/// kind's extractor. Processing minutes needs none of it ([`run`],
/// [`process_input`] and [`extract_source`] do it all); these are the
/// library's internals, and change when they do.
pub mod stages {
    pub use crate::classify::{Classification, classify};
    pub use crate::extract::Doc;
    pub use crate::extract::place::{Found, Placed, Placement, place};
    pub use crate::load::{Decoded, RawInput, decode, from_bytes};
    pub use crate::normalize::{Normalized, normalize};
    pub use crate::segment::{Segmented, segment};

    /// The text of a PDF file, within resource limits.
    pub mod pdf {
        pub use crate::pdf::{Limits, PdfError, PdfText, Stats, extract, extract_with_stats};
    }

    /// One extractor per record kind, each a function of a [`Doc`] (and of
    /// what another found before it, as [`extract_source`](crate::extract_source)
    /// runs them) to [`Found`](crate::stages::Found) records in normalized
    /// coordinates, which [`place`](crate::stages::place) gives their spans.
    pub mod extractors {
        pub use crate::extract::amounts::extract as amounts;
        pub use crate::extract::decisions::extract as decisions;
        pub use crate::extract::document::extract as document;
        pub use crate::extract::footnotes::extract as footnotes;
        pub use crate::extract::motions::extract as motions;
        pub use crate::extract::motions::results as motion_results;
        pub use crate::extract::notes::extract as notes;
        pub use crate::extract::paragraphs::extract as paragraphs;
        pub use crate::extract::recipients::extract as recipients;
        pub use crate::extract::reservations::extract as reservations;
        pub use crate::extract::votes::extract as votes;
    }
}

/// One of Sweden's 290 municipalities by its name (any case: "göteborg",
/// "Upplands Väsby") or its four-digit SCB code ("1480").
pub fn municipality(name_or_code: &str) -> Option<model::Municipality> {
    kommuner::by_name(name_or_code.trim())
        .or_else(|| kommuner::all().iter().find(|m| m.code == name_or_code.trim()))
        .cloned()
}

/// The JSON Schema of a result, derived from the same types that are
/// serialized (`protokoll schema`).
pub fn json_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(ExtractResult)).unwrap_or(serde_json::Value::Null)
}

/// The source text of a file: what spans index into (`protokoll text`).
pub fn source_text(path: &Path, config: &Config) -> Result<SourceText> {
    let raw = load::read(path, config.max_bytes)?;
    source_text_of(path, discover::format_of(path), raw.bytes, config).map(|(s, _, _)| s)
}

/// Decode bytes to the source text; also returns the encoding and warnings.
fn source_text_of(
    path: &Path,
    format: Format,
    bytes: Vec<u8>,
    config: &Config,
) -> Result<(SourceText, Option<&'static str>, Vec<String>)> {
    match format {
        Format::Text => {
            let d = load::decode_owned(path, bytes)?;
            Ok((SourceText::new(d.text, Format::Text), Some(d.encoding), d.warnings))
        }
        Format::Pdf => {
            let (text, stats) = pdf::extract_with_stats(&bytes, &config.pdf_limits(Instant::now()))
                .map_err(|e| load::pdf_error(path, e, config))?;
            let mut warnings = Vec::new();
            if stats.unmapped_glyphs > 0 {
                warnings.push(format!(
                    "{} of {} glyphs could not be mapped to text (a font without a Unicode map)",
                    stats.unmapped_glyphs, stats.glyphs
                ));
            }
            if stats.damaged_streams > 0 {
                warnings.push(format!(
                    "{} content streams are damaged: the text of their pages may be incomplete",
                    stats.damaged_streams
                ));
            }
            Ok((SourceText::new(text.pages.join("\x0c"), Format::Pdf), None, warnings))
        }
    }
}

/// Extract the records of a decoded source text, within a deadline.
pub fn extract_source(
    source: &SourceText,
    result: &mut ExtractResult,
    deadline: Option<Instant>,
) -> std::result::Result<(), TimedOut> {
    let within = budget::Deadline(deadline);
    let norm = normalize::normalize_within(&source.text, within)?;
    within.check()?;
    let seg = segment::segment_within(&norm.text, within)?;
    within.check()?;
    let class = classify::classify(&norm, &seg);
    let doc = extract::Doc {
        source,
        norm: &norm,
        seg: &seg,
        class: &class,
        deadline,
    };
    extract::extract_all(&doc, result)
}

/// Process one input's bytes (read with [`stages::from_bytes`]) into its
/// result. Never fails: problems become a `failed` result.
pub fn process_bytes(rel: &str, path: &Path, format: Format, raw: load::RawInput, config: &Config) -> ExtractResult {
    process_bytes_with_text(rel, path, format, raw, config).0
}

/// One file's result and the source text its spans index into, the file
/// read and decoded once (`protokoll show`); `rel` is its `source.path`.
/// The text is `None` when the file could not be decoded (the result says
/// why).
pub fn extract_with_text(path: &Path, rel: &str, config: &Config) -> Result<(ExtractResult, Option<SourceText>)> {
    let raw = load::read(path, config.max_bytes)?;
    Ok(process_bytes_with_text(
        rel,
        path,
        discover::format_of(path),
        raw,
        config,
    ))
}

/// [`process_bytes`], also returning the source text when there is one.
fn process_bytes_with_text(
    rel: &str,
    path: &Path,
    format: Format,
    raw: load::RawInput,
    config: &Config,
) -> (ExtractResult, Option<SourceText>) {
    let started = Instant::now();
    let deadline = config.time_budget.and_then(|b| started.checked_add(b));
    let source = Source {
        path: rel.to_string(),
        format,
        sha256: raw.sha256.clone(),
        bytes: raw.bytes.len() as u64,
        pages: None,
        encoding: None,
    };
    match source_text_of(path, format, raw.bytes, config) {
        Ok((text, encoding, warnings)) => {
            let mut result = ExtractResult::new(Source {
                pages: text.page_count(),
                encoding: encoding.map(str::to_string),
                ..source
            });
            if extract_source(&text, &mut result, deadline).is_err() {
                let e = Error::Timeout {
                    path: path.to_path_buf(),
                    seconds: config.time_budget.map_or(0.0, |d| d.as_secs_f64()),
                };
                return (ExtractResult::failed(result.source, e.kind(), e.message()), Some(text));
            }
            if config.date_from_path
                && let Some(d) = result.document.as_mut().filter(|d| d.date.is_none())
                && let Some(date) = extract::document::date_in_path(rel)
            {
                d.date = Some(date);
                d.date_from = Some(model::DateSource::Path);
            }
            if let (Some(d), Some(m)) = (result.document.as_mut(), &config.municipality) {
                d.municipality = Some(m.clone());
            }
            if !warnings.is_empty() {
                result.status = Status::Partial;
            }
            result.warnings = warnings;
            (result, Some(text))
        }
        Err(e) => (ExtractResult::failed(source, e.kind(), e.message()), None),
    }
}

/// Process one discovered input into its result. A panic while processing
/// (a bug; none is known) becomes a `failed` result of kind `internal`
/// instead of a lost file or an aborted batch.
pub fn process_input(input: &Input, config: &Config) -> ExtractResult {
    match process_input_unless(input, config, None) {
        Outcome::Extracted(r) => *r,
        Outcome::Unchanged { .. } => unreachable!("no unchanged check was given"),
    }
}

/// What became of an input in a run.
#[derive(Debug)]
pub enum Outcome {
    /// Read and extracted (or failed): its result.
    Extracted(Box<ExtractResult>),
    /// Skipped in an incremental run: content and tool version unchanged.
    Unchanged {
        /// Its `source.path`.
        path: String,
        /// The hash of its content.
        sha256: String,
        /// Its size.
        bytes: u64,
    },
}

/// Decides, from an input's relative path and content hash, whether an
/// incremental run may skip it.
pub type UnchangedCheck<'a> = &'a (dyn Fn(&str, &str) -> bool + Sync);

/// Process one input, unless `unchanged` says its content (by hash) is
/// already extracted. Never panics: see [`process_input`].
pub fn process_input_unless(input: &Input, config: &Config, unchanged: Option<UnchangedCheck<'_>>) -> Outcome {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        process_input_inner(input, config, unchanged)
    })) {
        Ok(r) => r,
        Err(panic) => {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            Outcome::Extracted(Box::new(ExtractResult::failed(
                Source {
                    path: input.rel.clone(),
                    format: input.format,
                    sha256: String::new(),
                    bytes: std::fs::metadata(&input.path).map_or(0, |m| m.len()),
                    pages: None,
                    encoding: None,
                },
                model::ErrorKind::Internal,
                format!("internal error (a bug in protokoll, please report it): {message}"),
            )))
        }
    }
}

fn process_input_inner(input: &Input, config: &Config, unchanged: Option<UnchangedCheck<'_>>) -> Outcome {
    let failed = |e: &Error| {
        ExtractResult::failed(
            Source {
                path: input.rel.clone(),
                format: input.format,
                sha256: String::new(),
                bytes: 0,
                pages: None,
                encoding: None,
            },
            e.kind(),
            e.message(),
        )
    };
    if let Some(e) = &input.problem {
        return Outcome::Extracted(Box::new(failed(e)));
    }
    match load::read(&input.path, config.max_bytes) {
        Ok(raw) => {
            if unchanged.is_some_and(|check| check(&input.rel, &raw.sha256)) {
                return Outcome::Unchanged {
                    path: input.rel.clone(),
                    sha256: raw.sha256,
                    bytes: raw.bytes.len() as u64,
                };
            }
            // a PDF is a PDF whatever its name (stdin has none)
            let format = if raw.bytes.starts_with(b"%PDF-") {
                Format::Pdf
            } else {
                input.format
            };
            Outcome::Extracted(Box::new(process_bytes(&input.rel, &input.path, format, raw, config)))
        }
        Err(e) => {
            let mut r = failed(&e);
            if let Ok(m) = std::fs::metadata(&input.path) {
                r.source.bytes = m.len();
            }
            Outcome::Extracted(Box::new(r))
        }
    }
}

/// Process a batch in parallel on `pool`, handing each result to `sink` in
/// input order, on the calling thread, as soon as it and every result
/// before it are done. Inputs are taken from `inputs` only as workers
/// become free, in runs of a few consecutive ones ([`RUN_LENGTH`]), so that
/// a worker wakes the writing thread once per run rather than once per
/// file; at most a window of runs (4 per worker) is in flight or waiting to
/// be written, so memory does not grow with the number of inputs (with
/// [`inputs`], not even with the length of their list), and a slow file
/// only holds up the writing, not the workers. A sink error stops the run
/// (inputs in flight finish first).
pub fn run<E>(
    inputs: impl IntoIterator<Item = Input>,
    config: &Config,
    pool: &rayon::ThreadPool,
    unchanged: Option<UnchangedCheck<'_>>,
    mut sink: impl FnMut(&Input, Outcome) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    let mut inputs = inputs.into_iter().peekable();
    let window = pool.current_num_threads().max(1) * 4;
    pool.in_place_scope(|scope| {
        let (tx, rx) = std::sync::mpsc::channel::<(usize, Vec<(Input, Outcome)>)>();
        // hand the next run of inputs to a worker; false when there are none
        let mut spawn = |run: usize| {
            let batch: Vec<Input> = inputs.by_ref().take(RUN_LENGTH).collect();
            if batch.is_empty() {
                return false;
            }
            let tx = tx.clone();
            scope.spawn(move |_| {
                let outcomes = batch
                    .into_iter()
                    .map(|input| {
                        let outcome = process_input_unless(&input, config, unchanged);
                        (input, outcome)
                    })
                    .collect();
                // the receiver lives until every spawned task has reported
                let _ = tx.send((run, outcomes));
            });
            true
        };
        let mut spawned = 0;
        while spawned < window && spawn(spawned) {
            spawned += 1;
        }
        let mut written = 0;
        let mut waiting: std::collections::BTreeMap<usize, Vec<(Input, Outcome)>> = Default::default();
        let mut failure = None;
        while written < spawned {
            let Ok((run, outcomes)) = rx.recv() else { break };
            waiting.insert(run, outcomes);
            while let Some(outcomes) = waiting.remove(&written) {
                for (input, outcome) in outcomes {
                    if failure.is_none()
                        && let Err(e) = sink(&input, outcome)
                    {
                        failure = Some(e);
                    }
                }
                written += 1;
                if failure.is_none() && spawn(spawned) {
                    spawned += 1;
                }
            }
        }
        failure.map_or(Ok(()), Err)
    })
}

/// How many consecutive inputs a worker takes at once in [`run`].
pub const RUN_LENGTH: usize = 8;

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn run_takes_inputs_as_workers_free_up_and_keeps_their_order() {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        let pulled = AtomicUsize::new(0);
        let inputs = (0..1000).map(|i| {
            pulled.fetch_add(1, Ordering::SeqCst);
            Input {
                path: std::path::PathBuf::from(format!("/nonexistent/protokoll-test/{i:04}.txt")),
                rel: format!("{i:04}.txt"),
                format: Format::Text,
                problem: None,
            }
        });
        let mut seen = Vec::new();
        let most_in_flight = 2 * 4 * RUN_LENGTH + RUN_LENGTH;
        run(
            inputs,
            &Config::default(),
            &pool,
            None,
            |input, outcome| -> std::result::Result<(), ()> {
                // never more than the window taken ahead of what is written
                assert!(pulled.load(Ordering::SeqCst) <= seen.len() + most_in_flight);
                let Outcome::Extracted(r) = outcome else {
                    panic!("nothing is unchanged")
                };
                assert_eq!(r.source.path, input.rel);
                assert_eq!(r.status, Status::Failed);
                seen.push(input.rel.clone());
                Ok(())
            },
        )
        .unwrap();
        let expected: Vec<String> = (0..1000).map(|i| format!("{i:04}.txt")).collect();
        assert_eq!(seen, expected);
    }
}
