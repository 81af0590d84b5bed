//! The `protokoll` command: parse arguments, build the configuration, call
//! the library, report, and exit with 0 (all ok or partial), 1 (a file
//! failed) or 2 (usage error).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};

use protokoll::model::Status;
use protokoll::{Config, DiscoverOptions, discover, write};

#[derive(Parser)]
#[command(
    name = "protokoll",
    version,
    about = "Swedish municipal meeting minutes to structured, traceable data"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract records from minutes (files or folders) to JSON.
    Extract {
        /// Files or folders (walked recursively, sorted; .txt files).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Write one pretty JSON per input into this folder instead of JSON Lines to stdout.
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
        /// Number of worker threads (default: all cores).
        #[arg(short = 'j', long = "jobs")]
        jobs: Option<usize>,
        /// Follow symbolic links while walking folders (loops are detected).
        #[arg(long)]
        follow_links: bool,
        /// Inputs larger than this many bytes fail with `too_large`.
        #[arg(long, default_value_t = 256 * 1024 * 1024)]
        max_bytes: u64,
        /// Time budget per file in seconds (0: none); a file over it fails with `timeout`.
        #[arg(long, default_value_t = 60.0)]
        timeout: f64,
        /// Cap on decoded PDF stream bytes per file (decompression bombs fail with `too_large`).
        #[arg(long, default_value_t = 256 * 1024 * 1024)]
        max_pdf_decoded_bytes: u64,
        /// Cap on content-stream operators per PDF page.
        #[arg(long, default_value_t = 2_000_000)]
        max_pdf_ops: usize,
        /// Cap on PDF Form XObject nesting depth.
        #[arg(long, default_value_t = 32)]
        max_pdf_depth: usize,
        /// No summary on stderr.
        #[arg(short, long)]
        quiet: bool,
    },
    /// Print the source text that spans index into.
    Text {
        /// A text or PDF file.
        file: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("protokoll: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Text { file } => {
            let text = protokoll::source_text(&file, &Config::default())?;
            io::stdout().lock().write_all(text.text.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract {
            paths,
            output,
            jobs,
            follow_links,
            max_bytes,
            timeout,
            max_pdf_decoded_bytes,
            max_pdf_ops,
            max_pdf_depth,
            quiet,
        } => {
            let started = Instant::now();
            let config = Config {
                max_bytes,
                max_pdf_decoded_bytes,
                max_pdf_ops_per_page: max_pdf_ops,
                max_pdf_depth,
                time_budget: (timeout > 0.0).then(|| std::time::Duration::from_secs_f64(timeout)),
            };
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(jobs.unwrap_or(0))
                .build()
                .context("cannot start worker threads")?;
            let inputs = discover(&paths, DiscoverOptions { follow_links });
            let mut summary = Summary::default();
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            protokoll::run(&inputs, &config, &pool, |_, result| -> Result<()> {
                summary.add(&result);
                match &output {
                    Some(dir) => {
                        write::write_json_file(dir, &result)
                            .with_context(|| format!("cannot write the result of {}", result.source.path))?;
                    }
                    None => write::write_jsonl(&mut out, &result).context("cannot write to stdout")?,
                }
                Ok(())
            })?;
            out.flush().context("cannot write to stdout")?;
            if !quiet {
                eprint!("{}", summary.report(started.elapsed().as_secs_f64()));
            }
            Ok(if summary.failed > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
    }
}

#[derive(Default)]
struct Summary {
    files: usize,
    ok: usize,
    partial: usize,
    failed: usize,
    bytes: u64,
    records: Vec<(&'static str, usize)>,
    failures: Vec<String>,
}

impl Summary {
    fn add(&mut self, r: &protokoll::ExtractResult) {
        self.files += 1;
        self.bytes += r.source.bytes;
        match r.status {
            Status::Ok => self.ok += 1,
            Status::Partial => self.partial += 1,
            Status::Failed => {
                self.failed += 1;
                if let Some(e) = &r.error {
                    self.failures
                        .push(format!("  {} [{}] {}", r.source.path, e.kind.as_str(), e.message));
                }
            }
        }
        for (kind, n) in r.record_counts() {
            match self.records.iter_mut().find(|(k, _)| *k == kind) {
                Some(e) => e.1 += n,
                None => self.records.push((kind, n)),
            }
        }
    }

    fn report(&self, secs: f64) -> String {
        let mb = self.bytes as f64 / 1e6;
        let mut s = format!(
            "protokoll: {} files: {} ok, {} partial, {} failed; {:.1} MB in {:.2} s ({:.1} MB/s)\n",
            self.files,
            self.ok,
            self.partial,
            self.failed,
            mb,
            secs,
            if secs > 0.0 { mb / secs } else { 0.0 }
        );
        let recs: Vec<String> = self.records.iter().map(|(k, n)| format!("{k} {n}")).collect();
        s.push_str(&format!("records: {}\n", recs.join(", ")));
        if !self.failures.is_empty() {
            s.push_str("failed:\n");
            for f in &self.failures {
                s.push_str(f);
                s.push('\n');
            }
        }
        s
    }
}
