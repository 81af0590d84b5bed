//! The `protokoll` command: parse arguments, build the configuration, call
//! the library, report, and exit with 0 (all ok or partial), 1 (a file
//! failed) or 2 (usage error).

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};

use protokoll::discover::SkipCounter;
use protokoll::summary::{Summary, terminal_safe};
use protokoll::write::{OutputFormat, SinkOptions};
use protokoll::{Config, DiscoverOptions, Outcome};

#[derive(Parser)]
#[command(
    name = "protokoll",
    version,
    about = "Swedish municipal meeting minutes to structured, traceable data",
    after_help = AFTER_HELP
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Exit codes and examples, after `--help`.
const AFTER_HELP: &str = "\
Exit codes:
  0  every input was read (ok or partial), and a closed output pipe (`| head`)
  1  at least one input failed (its result says why; the run went on)
  2  usage error (a bad flag, a path that does not exist, a file named twice)
     or an output that cannot be written at all

Examples:
  protokoll extract minutes/ > minutes.jsonl
  protokoll extract -o minutes.db minutes/                 # SQLite, from the extension
  protokoll extract -f csv -o tables/ minutes/             # one CSV per record kind
  protokoll extract --incremental --prune -o minutes.db minutes/   # nightly
  protokoll extract -q --summary-json run.json -o minutes.db minutes/
  protokoll text minutes/ks-2024-05-12.pdf --span 1324..1714
  protokoll show minutes/ks-2024-05-12.pdf -o page.html    # records next to their text
  protokoll completions bash > /etc/bash_completion.d/protokoll
  protokoll man > protokoll.1";

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    /// One JSON object per line (stdout, or the file given with -o).
    Jsonl,
    /// One pretty JSON file per input in the folder given with -o.
    Json,
    /// One CSV file per record kind in the folder given with -o.
    Csv,
    /// A SQLite database at the file given with -o.
    Sqlite,
    /// An xlsx workbook (one sheet per record kind, codes as text) at the file given with -o.
    Xlsx,
}

#[derive(Subcommand)]
enum Command {
    /// Extract records from minutes (files or folders; `-` reads one document from stdin).
    Extract {
        /// Files or folders (walked recursively, sorted; .txt and .pdf files), or `-` for stdin.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output file or folder (see --format). Without it: JSON Lines to stdout.
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
        /// Output format (default: jsonl to stdout; with -o, from its extension: .jsonl/.ndjson
        /// JSON Lines, .db/.sqlite/.sqlite3 SQLite, .xlsx a workbook, a folder JSON; .csv and .json
        /// are refused).
        #[arg(short = 'f', long = "format", value_enum)]
        format: Option<FormatArg>,
        /// Skip inputs whose content and tool version are unchanged since the last run into
        /// the same -o (json folder or sqlite database).
        #[arg(long)]
        incremental: bool,
        /// With --incremental: extract everything again.
        #[arg(long)]
        force: bool,
        /// Remove from the output (JSON folder or SQLite database) the results of inputs that no
        /// longer exist under the folders and files given; nothing else is ever removed.
        #[arg(long)]
        prune: bool,
        /// Number of worker threads (default: all cores; at most 4 per core).
        #[arg(short = 'j', long = "jobs", value_parser = clap::value_parser!(u32).range(1..))]
        jobs: Option<u32>,
        /// Follow symbolic links while walking folders (loops are detected).
        #[arg(long)]
        follow_links: bool,
        /// The `source.path` of the document read from standard input (`-`), instead of `-`.
        #[arg(long, value_name = "NAME")]
        stdin_name: Option<String>,
        /// The folder `source.path` is relative to (default: the current directory): the same
        /// file gets the same path, and replaces its earlier results, however it is named.
        #[arg(long, value_name = "DIR")]
        root: Option<PathBuf>,
        /// Inputs larger than this fail with `too_large`: bytes, or with a suffix K, M, G
        /// (powers of 1024; KiB, MiB, GiB and KB, MB, GB are read the same).
        #[arg(long, default_value = "256M", value_parser = parse_size)]
        max_bytes: u64,
        /// Time budget per file in seconds (0: none; at most a year); a file over it fails with `timeout`.
        #[arg(long, default_value_t = 60.0, value_parser = parse_timeout)]
        timeout: f64,
        /// Cap on decoded PDF stream bytes per file (decompression bombs fail with `too_large`);
        /// suffixes as for --max-bytes.
        #[arg(long, default_value = "256M", value_parser = parse_size)]
        max_pdf_decoded_bytes: u64,
        /// Cap on content-stream operators per PDF page.
        #[arg(long, default_value_t = 2_000_000)]
        max_pdf_ops: usize,
        /// Cap on nesting depth in a PDF: Form XObjects inside each other, and arrays inside
        /// arrays in a content stream.
        #[arg(long, default_value_t = 32)]
        max_pdf_depth: usize,
        /// No progress bar and no summary on stderr: only the list of failed files, if any.
        #[arg(short, long)]
        quiet: bool,
        /// No progress bar (the summary is still printed at the end).
        #[arg(long)]
        no_progress: bool,
        /// When a document's text states no date, take one from a YYYY-MM-DD in its path
        /// (`kf-2023-10-12-p23.txt`); `document.date_from` is then `path`.
        #[arg(long)]
        date_from_path: bool,
        /// Write the run's summary as JSON to this file: counts, records by kind, every failed
        /// and partial file with its error, what was skipped.
        #[arg(long, value_name = "FILE")]
        summary_json: Option<PathBuf>,
        /// CSV files without the UTF-8 byte-order mark they start with by default (which
        /// spreadsheets need to show å ä ö; pandas, csvkit and DuckDB read either).
        #[arg(long)]
        no_bom: bool,
    },
    /// Print the source text that spans index into (a PDF's pages separated by form feeds).
    Text {
        /// A text or PDF file.
        file: PathBuf,
        /// Print only the bytes START..END of that text (a record's `span.start` and `span.end`).
        #[arg(long, value_name = "START..END", value_parser = parse_span)]
        span: Option<(usize, usize)>,
    },
    /// Write one HTML page with the document's text and every record highlighted at its span
    /// (works offline; click a record to see it in the text and its fields).
    Show {
        /// A text or PDF file.
        file: PathBuf,
        /// The page to write (default: stdout).
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell) to stdout.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to stdout: `protokoll man > protokoll.1`.
    Man,
    /// Print the JSON Schema of a result.
    Schema,
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
    // a panic is reported in the failed result of its file; keep stderr clean
    std::panic::set_hook(Box::new(|_| {}));
    match run(cli) {
        Ok(code) => code,
        // the reader of our output left (`| head`): nothing more is wanted
        Err(e) if closed_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("protokoll: {}", error_text(&e));
            ExitCode::from(2)
        }
    }
}

fn closed_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// An error and its causes, each cause once: the library's errors already
/// name their cause in their message.
fn error_text(e: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in e.chain() {
        let part = cause.to_string();
        // "Error code 14: unable to open database file" after a message
        // that already says "unable to open database file" adds nothing
        let tail = part.rsplit(": ").next().unwrap_or(&part);
        if text.contains(&part) || text.contains(tail) {
            continue;
        }
        if !text.is_empty() {
            text.push_str(": ");
        }
        text.push_str(&part);
    }
    text
}

/// The longest time budget: any more is no budget at all, and a deadline
/// that far ahead would overflow the clock.
const MAX_TIMEOUT_SECONDS: f64 = 365.0 * 24.0 * 3600.0;

fn parse_timeout(s: &str) -> std::result::Result<f64, String> {
    let v: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("not a number of seconds: {s:?}"))?;
    if !v.is_finite() || !(0.0..=MAX_TIMEOUT_SECONDS).contains(&v) {
        return Err(format!(
            "a number of seconds from 0 (no budget) to {MAX_TIMEOUT_SECONDS} (a year)"
        ));
    }
    Ok(v)
}

/// Worker threads: as asked, but at most [`JOBS_PER_CORE`] per core (more
/// only costs memory and start-up); a note says so when capped.
fn worker_threads(jobs: Option<u32>, quiet: bool) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let most = cores * JOBS_PER_CORE;
    match jobs {
        None => cores,
        Some(j) if j as usize > most => {
            if !quiet {
                eprintln!(
                    "protokoll: -j {j} capped to {most} worker threads ({JOBS_PER_CORE} per core, {cores} cores)"
                );
            }
            most
        }
        Some(j) => j as usize,
    }
}

/// A size in bytes: a number, or a number with a suffix K, M or G (powers
/// of 1024; `KiB`/`KB`, `MiB`/`MB`, `GiB`/`GB` read the same), as in
/// `--max-bytes 10M`.
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, suffix) = t.split_at(digits);
    let n: u64 = number
        .parse()
        .map_err(|_| format!("{s:?} is not a size (e.g. 1048576, 512K, 10M, 2G)"))?;
    let shift = match suffix.trim().to_ascii_uppercase().as_str() {
        "" | "B" => 0,
        "K" | "KB" | "KIB" => 10,
        "M" | "MB" | "MIB" => 20,
        "G" | "GB" | "GIB" => 30,
        "T" | "TB" | "TIB" => 40,
        _ => return Err(format!("{s:?}: the suffix must be K, M, G or T")),
    };
    n.checked_mul(1 << shift)
        .ok_or_else(|| format!("{s:?} is more bytes than can be counted"))
}

/// `START..END`, byte offsets with START <= END.
fn parse_span(s: &str) -> Result<(usize, usize), String> {
    let (a, b) = s
        .split_once("..")
        .ok_or_else(|| format!("{s:?}: write START..END, e.g. 1324..1714"))?;
    let start: usize = a.trim().parse().map_err(|_| format!("{a:?} is not a byte offset"))?;
    let end: usize = b.trim().parse().map_err(|_| format!("{b:?} is not a byte offset"))?;
    if start > end {
        return Err(format!("{s:?}: START is after END"));
    }
    Ok((start, end))
}

/// See [`worker_threads`].
const JOBS_PER_CORE: usize = 4;

/// The parent folder of an output path when it does not exist: `-o` never
/// creates folders on the way (a typo would create a tree).
fn missing_parent(output: &std::path::Path) -> Option<&std::path::Path> {
    let parent = output.parent().filter(|p| !p.as_os_str().is_empty())?;
    (!parent.exists()).then_some(parent)
}

/// The source text of `file` for `text`; `Err(code)` when it cannot be
/// had: a missing file is a usage error (2), one that cannot be read or
/// decoded an input's failure (1), as in `extract`.
fn read_source_text(file: &std::path::Path) -> Result<std::result::Result<protokoll::source::SourceText, ExitCode>> {
    if !file.exists() {
        return usage(&format!("{}: no such file", terminal_safe(&file.display().to_string()))).map(Err);
    }
    Ok(protokoll::source_text(file, &Config::default()).map_err(|e| {
        eprintln!("protokoll: {}", terminal_safe(&e.to_string()));
        ExitCode::from(1)
    }))
}

fn usage(message: &str) -> Result<ExitCode> {
    eprintln!("protokoll: {message}");
    Ok(ExitCode::from(2))
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Text { file, span } => {
            let text = match read_source_text(&file)? {
                Ok(text) => text,
                Err(code) => return Ok(code),
            };
            let shown = match span {
                None => text.text.as_str(),
                Some((start, end)) => match text.text.get(start..end) {
                    Some(s) => s,
                    None => {
                        return usage(&format!(
                            "--span {start}..{end} is not a range of whole characters in the {} bytes of the text",
                            text.text.len()
                        ));
                    }
                },
            };
            io::stdout().lock().write_all(shown.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Show { file, output } => {
            if !file.exists() {
                return usage(&format!("{}: no such file", terminal_safe(&file.display().to_string())));
            }
            let name = file
                .file_name()
                .map_or_else(String::new, protokoll::discover::name_string);
            let (result, text) = match protokoll::extract_with_text(&file, &name, &Config::default()) {
                Ok(read) => read,
                Err(e) => {
                    eprintln!("protokoll: {}", terminal_safe(&e.to_string()));
                    return Ok(ExitCode::from(1));
                }
            };
            let Some(text) = text else {
                let why = result.error.map(|e| e.message).unwrap_or_default();
                eprintln!(
                    "protokoll: {}: {}",
                    terminal_safe(&file.display().to_string()),
                    terminal_safe(&why)
                );
                return Ok(ExitCode::from(1));
            };
            let page = protokoll::write::html::page(&result, &text.text);
            match output {
                Some(path) => {
                    std::fs::write(&path, page).with_context(|| format!("cannot write {}", path.display()))?
                }
                None => io::stdout().lock().write_all(page.as_bytes())?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "protokoll", &mut io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            let cmd = <Cli as clap::CommandFactory>::command();
            clap_mangen::Man::new(cmd).render(&mut io::stdout())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema => {
            let schema = serde_json::to_string_pretty(&protokoll::json_schema())?;
            writeln!(io::stdout().lock(), "{schema}")?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract {
            paths,
            output,
            format,
            incremental,
            force,
            prune,
            jobs,
            follow_links,
            stdin_name,
            root,
            max_bytes,
            timeout,
            max_pdf_decoded_bytes,
            max_pdf_ops,
            max_pdf_depth,
            quiet,
            no_progress,
            no_bom,
            summary_json,
            date_from_path,
        } => {
            let started = Instant::now();
            if let Some(missing) = protokoll::discover::missing(&paths).first() {
                return usage(&format!(
                    "{}: no such file or folder",
                    terminal_safe(&missing.display().to_string())
                ));
            }
            let root = root.unwrap_or_default();
            if let Some((a, b)) = protokoll::discover::overlapping(&paths, &root) {
                return usage(&format!(
                    "{} and {} name the same files: give each file or folder once",
                    terminal_safe(&a.display().to_string()),
                    terminal_safe(&b.display().to_string())
                ));
            }
            if let Some(parent) = output.as_deref().and_then(missing_parent) {
                return usage(&format!(
                    "the folder {} of -o does not exist (create it first)",
                    terminal_safe(&parent.display().to_string())
                ));
            }
            let format = match (format, &output) {
                (Some(FormatArg::Jsonl), _) | (None, None) => OutputFormat::Jsonl,
                (Some(FormatArg::Json), _) => OutputFormat::Json,
                (None, Some(path)) => match OutputFormat::for_output_path(path) {
                    Ok(format) => format,
                    Err(why) => return usage(&why),
                },
                (Some(FormatArg::Csv), _) => OutputFormat::Csv,
                (Some(FormatArg::Sqlite), _) => OutputFormat::Sqlite,
                (Some(FormatArg::Xlsx), _) => OutputFormat::Xlsx,
            };
            if format != OutputFormat::Jsonl && output.is_none() {
                return usage("this format writes files: give the output folder or database with -o");
            }
            if incremental && !matches!(format, OutputFormat::Json | OutputFormat::Sqlite) {
                return usage("--incremental needs an output that keeps earlier results: --format json or sqlite");
            }
            if prune && !matches!(format, OutputFormat::Json | OutputFormat::Sqlite) {
                return usage("--prune removes results from an output that keeps them: --format json or sqlite");
            }
            if force && !incremental {
                return usage("--force only means something with --incremental");
            }
            let config = Config {
                max_bytes,
                max_pdf_decoded_bytes,
                max_pdf_ops_per_page: max_pdf_ops,
                max_pdf_depth,
                time_budget: (timeout > 0.0).then(|| Duration::from_secs_f64(timeout)),
                date_from_path,
            };
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(worker_threads(jobs, quiet))
                .build()
                .context("cannot start worker threads")?;
            let options = DiscoverOptions {
                follow_links,
                root,
                stdin_name,
            };
            let scope = protokoll::discover::Scope::of(&paths, &options);
            let skipped = SkipCounter::default();
            let stdout: Box<dyn Write> = Box::new(io::BufWriter::new(io::stdout()));
            let mut sink =
                protokoll::write::open(format, output.as_deref(), stdout, &SinkOptions { csv_bom: !no_bom })?;
            let unchanged = if incremental && !force {
                Some(sink.unchanged_check()?)
            } else {
                None
            };

            let progress = (!quiet && !no_progress && io::stderr().is_terminal()).then(|| {
                let bar = indicatif::ProgressBar::no_length();
                bar.set_style(
                    indicatif::ProgressStyle::with_template(
                        "{bar:40} {pos}/{len} files, {rate} files/s, {elapsed} elapsed, eta {eta} {msg}",
                    )
                    .map(|style| {
                        style.with_key(
                            "rate",
                            |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                                let _ = write!(w, "{:.0}", state.per_sec());
                            },
                        )
                    })
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
                );
                // the inputs are found while they are processed; count them
                // for the bar on the side (walking is far faster than reading)
                let (counted, paths, options) = (bar.clone(), paths.clone(), options.clone());
                std::thread::spawn(move || counted.set_length(protokoll::inputs(&paths, options).count() as u64));
                bar
            });
            let mut summary = Summary::for_output(sink.known()?);
            protokoll::run(
                protokoll::discover::inputs_counted(&paths, options, skipped.clone()),
                &config,
                &pool,
                unchanged.as_deref(),
                |_, outcome| -> Result<()> {
                    match outcome {
                        Outcome::Extracted(result) => {
                            summary.add(&result);
                            if let Some(failure) = sink.write(&result)? {
                                summary.add_output_failure(&failure.path, failure.status, &failure.error.to_string());
                            }
                        }
                        Outcome::Unchanged { bytes, path, .. } => summary.add_unchanged(path, bytes),
                    }
                    if let Some(bar) = &progress {
                        bar.inc(1);
                    }
                    Ok(())
                },
            )?;
            let gone = summary.gone_paths(&scope);
            summary.gone = gone.len();
            if prune {
                summary.pruned = sink.prune(&gone)?;
            }
            sink.finish()?;
            if let Some(bar) = progress {
                bar.finish_and_clear();
            }
            summary.skipped = skipped.get();
            if quiet {
                eprint!("{}", summary.problems_report());
            } else {
                eprint!("{}", summary.report(started.elapsed().as_secs_f64()));
            }
            if let Some(file) = &summary_json {
                std::fs::write(file, summary.to_json(started.elapsed().as_secs_f64()))
                    .with_context(|| format!("cannot write the summary to {}", file.display()))?;
            }
            Ok(if summary.failed > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
    }
}
