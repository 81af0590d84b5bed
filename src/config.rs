//! The settings of a run and their defaults: each default is written once,
//! here (the PDF caps in [`pdf::Limits::default`](crate::pdf::Limits)), and
//! the command's flags take theirs from [`Config::default`].

use std::time::{Duration, Instant};

use crate::pdf;

/// Inputs larger than this many bytes fail with `too_large` (256 MiB;
/// `--max-bytes`).
pub const DEFAULT_MAX_BYTES: u64 = 256 * 1024 * 1024;

/// The time budget per file (`--timeout`).
pub const DEFAULT_TIME_BUDGET: Duration = Duration::from_secs(60);

/// The longest time budget in seconds (a year): any more is no budget at
/// all, and a deadline that far ahead would overflow the clock.
pub const MAX_TIME_BUDGET_SECONDS: f64 = 365.0 * 24.0 * 3600.0;

/// Most worker threads per core (`--jobs`): more only costs memory and
/// start-up.
pub const JOBS_PER_CORE: usize = 4;

/// Settings of a run.
#[derive(Debug, Clone)]
pub struct Config {
    /// Inputs larger than this fail with `too_large`.
    pub max_bytes: u64,
    /// Cap on decoded (decompressed) PDF stream bytes per file.
    pub max_pdf_decoded_bytes: u64,
    /// Cap on content-stream operators per PDF page.
    pub max_pdf_ops_per_page: usize,
    /// Cap on PDF Form XObject / object nesting depth.
    pub max_pdf_depth: usize,
    /// Time budget per file.
    pub time_budget: Option<std::time::Duration>,
    /// When a document's text states no date, take one from a `YYYY-MM-DD`
    /// in its path (`document.date_from` says `path`).
    pub date_from_path: bool,
    /// The municipality that issued every input (`--municipality`): it
    /// replaces the one read from the text, which a document that never
    /// names its own municipality does not give (or gives wrong, from a
    /// municipality it writes about).
    pub municipality: Option<crate::model::Municipality>,
}

impl Default for Config {
    fn default() -> Self {
        let pdf = pdf::Limits::default();
        Config {
            max_bytes: DEFAULT_MAX_BYTES,
            max_pdf_decoded_bytes: pdf.max_decoded_bytes,
            max_pdf_ops_per_page: pdf.max_ops_per_page,
            max_pdf_depth: pdf.max_depth,
            time_budget: Some(DEFAULT_TIME_BUDGET),
            date_from_path: false,
            municipality: None,
        }
    }
}

impl Config {
    /// The PDF caps of one file whose processing began at `started`.
    pub(crate) fn pdf_limits(&self, started: Instant) -> pdf::Limits {
        pdf::Limits {
            max_decoded_bytes: self.max_pdf_decoded_bytes,
            max_ops_per_page: self.max_pdf_ops_per_page,
            max_depth: self.max_pdf_depth,
            deadline: self.time_budget.and_then(|b| started.checked_add(b)),
        }
    }

    /// The time budget in seconds, 0 for none (as `--timeout` takes it).
    pub fn time_budget_seconds(&self) -> f64 {
        self.time_budget.map_or(0.0, |d| d.as_secs_f64())
    }

    /// A time budget of `seconds` (0: none), as `--timeout` gives it;
    /// `seconds` is at most [`MAX_TIME_BUDGET_SECONDS`].
    pub fn time_budget_of(seconds: f64) -> Option<Duration> {
        (seconds > 0.0).then(|| Duration::from_secs_f64(seconds))
    }
}

/// How many worker threads a run gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Threads {
    /// The number of worker threads.
    pub count: usize,
    /// The cores of the machine.
    pub cores: usize,
    /// Whether fewer threads than asked for are used ([`JOBS_PER_CORE`]).
    pub capped: bool,
}

/// Worker threads: `jobs` as asked, but at most [`JOBS_PER_CORE`] per core;
/// all cores when not asked.
pub fn worker_threads(jobs: Option<usize>) -> Threads {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let most = cores * JOBS_PER_CORE;
    let count = jobs.map_or(cores, |j| j.min(most));
    Threads {
        count,
        cores,
        capped: jobs.is_some_and(|j| j > most),
    }
}
