//! A whole run into an output, as `protokoll extract` does it: open the
//! output, decide what an incremental run may skip, process the inputs
//! ([`run`](crate::run)), write every result, find (and prune) the results
//! of inputs that are gone, and count it all in a [`Summary`].

use std::path::PathBuf;

use crate::config::Config;
use crate::discover::{self, DiscoverOptions, Scope, SkipCounter};
use crate::summary::Summary;
use crate::write::{self, OutputFormat, OwnedUnchangedCheck, Sink, SinkOptions, WriteError};
use crate::{Outcome, run};

/// What to extract, how, and where to.
#[derive(Debug, Clone)]
pub struct Batch {
    /// Files or folders (walked recursively), or `-` for stdin.
    pub paths: Vec<PathBuf>,
    /// How the folders are walked and inputs named.
    pub discover: DiscoverOptions,
    /// Settings of each file's processing.
    pub config: Config,
    /// The output format.
    pub format: OutputFormat,
    /// The output file or folder; `None`: JSON Lines to the stream given
    /// to [`Batch::open`].
    pub output: Option<PathBuf>,
    /// How the output is written.
    pub sink: SinkOptions,
    /// Skip inputs whose content and tool version are unchanged since the
    /// last run into the same output (`--incremental` without `--force`).
    pub incremental: bool,
    /// Remove the results of inputs under [`paths`](Batch::paths) that no
    /// longer exist.
    pub prune: bool,
}

/// A [`Batch`] whose output is open: [`Opened::run`] processes it.
pub struct Opened<'a> {
    batch: &'a Batch,
    scope: Scope,
    sink: Box<dyn Sink>,
    unchanged: Option<OwnedUnchangedCheck>,
    summary: Summary,
}

impl Batch {
    /// Open the output (JSON Lines without one go to `stream`), and read
    /// what it holds from earlier runs.
    pub fn open(&self, stream: Box<dyn std::io::Write>) -> Result<Opened<'_>, WriteError> {
        let scope = Scope::of(&self.paths, &self.discover);
        let sink = write::open(self.format, self.output.as_deref(), stream, &self.sink)?;
        let unchanged = if self.incremental {
            Some(sink.unchanged_check()?)
        } else {
            None
        };
        let summary = Summary::for_output(sink.known()?);
        Ok(Opened {
            batch: self,
            scope,
            sink,
            unchanged,
            summary,
        })
    }
}

impl Opened<'_> {
    /// Process every input on `pool` and write its result; `each` is
    /// called once per input, as its result is written (a progress bar).
    /// An error of the output ends the run.
    pub fn run(mut self, pool: &rayon::ThreadPool, mut each: impl FnMut()) -> Result<Summary, WriteError> {
        let batch = self.batch;
        let skipped = SkipCounter::default();
        let (sink, summary) = (&mut self.sink, &mut self.summary);
        run(
            discover::inputs_counted(&batch.paths, batch.discover.clone(), skipped.clone()),
            &batch.config,
            pool,
            self.unchanged.as_deref(),
            |_, outcome| -> Result<(), WriteError> {
                match outcome {
                    Outcome::Extracted(result) => {
                        summary.add(&result);
                        if let Some(failure) = sink.write(&result)? {
                            summary.add_output_failure(&failure.path, failure.status, &failure.error.to_string());
                        }
                    }
                    Outcome::Unchanged { bytes, path, .. } => summary.add_unchanged(path, bytes),
                }
                each();
                Ok(())
            },
        )?;
        let gone = self.summary.gone_paths(&self.scope);
        self.summary.gone = gone.len();
        if batch.prune {
            self.summary.pruned = self.sink.prune(&gone)?;
        }
        // the incremental lookup holds a second connection to a database:
        // closed first, so the writer's close is the last and folds the
        // write-ahead log into the database file (no -wal file stays)
        self.unchanged = None;
        self.sink.finish()?;
        self.summary.skipped = skipped.get();
        Ok(self.summary)
    }
}
