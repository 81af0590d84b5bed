//! The `protokoll` command: parse arguments, build the configuration, call
//! the library, report, and exit with 0 (all ok or partial), 1 (a file
//! failed) or 2 (usage error).

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};

use protokoll::output::{self, OutputFormat, SinkOptions};
use protokoll::{
    Batch, Config, DiscoverOptions, JOBS_PER_CORE, MAX_TIME_BUDGET_SECONDS, SourceText, Summary, terminal_safe,
};

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
  1  at least one input failed (its result says why; the run went on), or no
     input file was found under the paths given (a warning says what was skipped); with
     --allow-known-failures only a failure that is new (not a file that failed
     last time with the same content)
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
    Extract(ExtractArgs),
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

// no doc comment: the `Extract` variant's is the subcommand's about
#[derive(Args)]
struct ExtractArgs {
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
    // the 4 is JOBS_PER_CORE (a test in tests/cli.rs checks that they agree)
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
    #[arg(long, default_value_t = Size(Config::default().max_bytes), value_parser = parse_size)]
    max_bytes: Size,
    /// Time budget per file in seconds (0: none; at most a year); a file over it fails with `timeout`.
    #[arg(long, default_value_t = Config::default().time_budget_seconds(), value_parser = parse_timeout)]
    timeout: f64,
    /// Cap on decoded PDF stream bytes per file (decompression bombs fail with `too_large`);
    /// suffixes as for --max-bytes.
    #[arg(long, default_value_t = Size(Config::default().max_pdf_decoded_bytes), value_parser = parse_size)]
    max_pdf_decoded_bytes: Size,
    /// Cap on content-stream operators per PDF page.
    #[arg(long, default_value_t = Config::default().max_pdf_ops_per_page)]
    max_pdf_ops: usize,
    /// Cap on nesting depth in a PDF: Form XObjects inside each other, and arrays inside
    /// arrays in a content stream.
    #[arg(long, default_value_t = Config::default().max_pdf_depth)]
    max_pdf_depth: usize,
    /// No progress bar and no summary on stderr: only the list of failed files, if any.
    #[arg(short, long)]
    quiet: bool,
    /// No progress bar (the summary is still printed at the end).
    #[arg(long)]
    no_progress: bool,
    /// Exit 0 when every input that failed is a known failure: it failed in the last run
    /// into the same -o (json folder or sqlite database) with the same content. A nightly
    /// job then alerts only on new failures; the summary still lists every failed file.
    #[arg(long)]
    allow_known_failures: bool,
    /// When a document's text states no date, take one from a YYYY-MM-DD in its path
    /// (`kf-2023-10-12-p23.txt`); `document.date_from` is then `path`.
    #[arg(long)]
    date_from_path: bool,
    /// The municipality that issued every input, by name or SCB code ("Göteborg",
    /// "1480"): it replaces the one read from each text (which is null where a text never
    /// names its own municipality)
    #[arg(long, value_name = "NAME", value_parser = parse_municipality)]
    municipality: Option<protokoll::model::Municipality>,
    /// Write the run's summary as JSON to this file: counts, records by kind, every failed
    /// and partial file with its error, what was skipped.
    #[arg(long, value_name = "FILE")]
    summary_json: Option<PathBuf>,
    /// CSV files without the UTF-8 byte-order mark they start with by default (which
    /// spreadsheets need to show å ä ö; pandas, csvkit and DuckDB read either).
    #[arg(long)]
    no_bom: bool,
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

fn parse_timeout(s: &str) -> std::result::Result<f64, String> {
    let v: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("not a number of seconds: {s:?}"))?;
    if !v.is_finite() || !(0.0..=MAX_TIME_BUDGET_SECONDS).contains(&v) {
        return Err(format!(
            "a number of seconds from 0 (no budget) to {MAX_TIME_BUDGET_SECONDS} (a year)"
        ));
    }
    Ok(v)
}

/// Worker threads: as asked, but at most [`JOBS_PER_CORE`] per core (see
/// [`protokoll::worker_threads`]); a note says so when capped.
fn worker_threads(jobs: Option<u32>, quiet: bool) -> usize {
    let threads = protokoll::worker_threads(jobs.map(|j| j as usize));
    if threads.capped && !quiet {
        eprintln!(
            "protokoll: -j {} capped to {} worker threads ({JOBS_PER_CORE} per core, {} cores)",
            jobs.unwrap_or_default(),
            threads.count,
            threads.cores
        );
    }
    threads.count
}

/// A size in bytes, as `--max-bytes` reads it ([`parse_size`]) and shows
/// its default: with the largest suffix that divides it (`256M`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Size(u64);

/// The suffixes of sizes, largest first, and their powers of 2.
const SIZE_SUFFIXES: [(&str, u32); 4] = [("T", 40), ("G", 30), ("M", 20), ("K", 10)];

impl std::fmt::Display for Size {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let whole = |shift: &&(&str, u32)| self.0 != 0 && self.0.trailing_zeros() >= shift.1;
        match SIZE_SUFFIXES.iter().find(whole) {
            Some((suffix, shift)) => write!(f, "{}{suffix}", self.0 >> shift),
            None => write!(f, "{}", self.0),
        }
    }
}

/// A size in bytes: a number, or a number with a suffix K, M or G (powers
/// of 1024; `KiB`/`KB`, `MiB`/`MB`, `GiB`/`GB` read the same), as in
/// `--max-bytes 10M`.
fn parse_size(s: &str) -> Result<Size, String> {
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
        .map(Size)
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

/// The parent folder of an output path when it does not exist: `-o` never
/// creates folders on the way (a typo would create a tree).
fn missing_parent(output: &Path) -> Option<&Path> {
    let parent = output.parent().filter(|p| !p.as_os_str().is_empty())?;
    (!parent.exists()).then_some(parent)
}

/// A path as it is printed in a message.
fn shown(path: &Path) -> String {
    terminal_safe(&path.display().to_string())
}

/// The source text of `file` for `text`; `Err(code)` when it cannot be
/// had: a missing file is a usage error (2), one that cannot be read or
/// decoded an input's failure (1), as in `extract`.
fn read_source_text(file: &Path) -> Result<std::result::Result<SourceText, ExitCode>> {
    if !file.exists() {
        return usage(&format!("{}: no such file", shown(file))).map(Err);
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
        Command::Text { file, span } => text(&file, span),
        Command::Show { file, output } => show(&file, output.as_deref()),
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
        Command::Extract(args) => extract(&args),
    }
}

/// `protokoll text`: the source text of a file, or a span of it.
fn text(file: &Path, span: Option<(usize, usize)>) -> Result<ExitCode> {
    let text = match read_source_text(file)? {
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

/// `protokoll show`: one file's records highlighted in its text, as HTML.
fn show(file: &Path, output: Option<&Path>) -> Result<ExitCode> {
    if !file.exists() {
        return usage(&format!("{}: no such file", shown(file)));
    }
    let name = file.file_name().map_or_else(String::new, protokoll::name_string);
    let (result, text) = match protokoll::extract_with_text(file, &name, &Config::default()) {
        Ok(read) => read,
        Err(e) => {
            eprintln!("protokoll: {}", terminal_safe(&e.to_string()));
            return Ok(ExitCode::from(1));
        }
    };
    let Some(text) = text else {
        let why = result.error.map(|e| e.message).unwrap_or_default();
        eprintln!("protokoll: {}: {}", shown(file), terminal_safe(&why));
        return Ok(ExitCode::from(1));
    };
    let page = output::html_page(&result, &text.text);
    match output {
        Some(path) => std::fs::write(path, page).with_context(|| format!("cannot write {}", path.display()))?,
        None => io::stdout().lock().write_all(page.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `protokoll extract`: check the arguments, run the batch, report.
fn extract(args: &ExtractArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let format = match checked_format(args) {
        Ok(format) => format,
        Err(why) => return usage(&why),
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(worker_threads(args.jobs, args.quiet))
        .build()
        .context("cannot start worker threads")?;
    let batch = batch(args, format);
    let opened = batch.open(Box::new(io::BufWriter::new(io::stdout())))?;
    let progress = progress_bar(args, &batch);
    let summary = opened.run(&pool, || {
        if let Some(bar) = &progress {
            bar.inc(1);
        }
    })?;
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    report(&summary, args, started)
}

/// The output format of `extract`, once its paths and flags are known to
/// make sense together; `Err` is the usage error.
fn checked_format(args: &ExtractArgs) -> std::result::Result<OutputFormat, String> {
    if let Some(missing) = protokoll::missing(&args.paths).first() {
        return Err(format!("{}: no such file or folder", shown(missing)));
    }
    let root = args.root.clone().unwrap_or_default();
    if let Some((a, b)) = protokoll::overlapping(&args.paths, &root) {
        return Err(format!(
            "{} and {} name the same files: give each file or folder once",
            shown(&a),
            shown(&b)
        ));
    }
    if let Some(parent) = args.output.as_deref().and_then(missing_parent) {
        return Err(format!(
            "the folder {} of -o does not exist (create it first)",
            shown(parent)
        ));
    }
    let format = match (args.format, &args.output) {
        (Some(FormatArg::Jsonl), _) | (None, None) => OutputFormat::Jsonl,
        (Some(FormatArg::Json), _) => OutputFormat::Json,
        (None, Some(path)) => OutputFormat::for_output_path(path)?,
        (Some(FormatArg::Csv), _) => OutputFormat::Csv,
        (Some(FormatArg::Sqlite), _) => OutputFormat::Sqlite,
        (Some(FormatArg::Xlsx), _) => OutputFormat::Xlsx,
    };
    let keeps_results = matches!(format, OutputFormat::Json | OutputFormat::Sqlite);
    if format != OutputFormat::Jsonl && args.output.is_none() {
        Err(match format {
            OutputFormat::Sqlite => "-f sqlite writes a database file: give its path with -o (e.g. -o minutes.db)",
            OutputFormat::Xlsx => "-f xlsx writes a workbook: give its path with -o (e.g. -o minutes.xlsx)",
            OutputFormat::Csv => "-f csv writes one file per record kind: give their folder with -o (e.g. -o tables/)",
            _ => "-f json writes one file per input: give their folder with -o (e.g. -o results/)",
        }
        .into())
    } else if args.incremental && !keeps_results {
        Err("--incremental needs an output that keeps earlier results: --format json or sqlite".into())
    } else if args.prune && !keeps_results {
        Err("--prune removes results from an output that keeps them: --format json or sqlite".into())
    } else if args.allow_known_failures && !keeps_results {
        Err("--allow-known-failures compares with the results an output keeps: --format json or sqlite".into())
    } else if args.force && !args.incremental {
        Err("--force only means something with --incremental".into())
    } else {
        Ok(format)
    }
}

/// The batch `extract` runs: its arguments as the library takes them.
fn batch(args: &ExtractArgs, format: OutputFormat) -> Batch {
    Batch {
        paths: args.paths.clone(),
        discover: DiscoverOptions {
            follow_links: args.follow_links,
            root: args.root.clone().unwrap_or_default(),
            stdin_name: args.stdin_name.clone(),
        },
        config: Config {
            max_bytes: args.max_bytes.0,
            max_pdf_decoded_bytes: args.max_pdf_decoded_bytes.0,
            max_pdf_ops_per_page: args.max_pdf_ops,
            max_pdf_depth: args.max_pdf_depth,
            time_budget: Config::time_budget_of(args.timeout),
            date_from_path: args.date_from_path,
            municipality: args.municipality.clone(),
        },
        format,
        output: args.output.clone(),
        sink: SinkOptions { csv_bom: !args.no_bom },
        incremental: args.incremental && !args.force,
        prune: args.prune,
    }
}

/// The progress bar of a run, on a terminal unless asked not to be.
fn progress_bar(args: &ExtractArgs, batch: &Batch) -> Option<indicatif::ProgressBar> {
    if args.quiet || args.no_progress || !io::stderr().is_terminal() {
        return None;
    }
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
    // the inputs are found while they are processed; count them for the
    // bar on the side (walking is far faster than reading)
    let (counted, paths, options) = (bar.clone(), batch.paths.clone(), batch.discover.clone());
    std::thread::spawn(move || counted.set_length(protokoll::inputs(&paths, options).count() as u64));
    Some(bar)
}

/// Print the summary of a run (and write it as JSON when asked); the exit
/// code: 1 when a file failed (with `--allow-known-failures`: a file that
/// had not failed the same way before).
fn report(summary: &Summary, args: &ExtractArgs, started: Instant) -> Result<ExitCode> {
    if args.quiet {
        eprint!("{}", summary.problems_report());
    } else {
        eprint!("{}", summary.report(started.elapsed().as_secs_f64()));
    }
    if let Some(file) = &args.summary_json {
        std::fs::write(file, summary.to_json(started.elapsed().as_secs_f64()))
            .with_context(|| format!("cannot write the summary to {}", file.display()))?;
    }
    let accepted = args.allow_known_failures && summary.only_known_failures();
    // no input file at all (an empty or unmounted folder) is no success either
    Ok(if (summary.failed > 0 && !accepted) || summary.files == 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `--municipality`: one of Sweden's municipalities, by name or SCB code.
fn parse_municipality(s: &str) -> Result<protokoll::model::Municipality, String> {
    protokoll::municipality(s).ok_or_else(|| format!("`{s}` is not one of Sweden's 290 municipalities (a name such as Göteborg, or a four-digit SCB code such as 1480)"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use protokoll::DEFAULT_MAX_BYTES;

    #[test]
    fn sizes_read_as_they_are_shown() {
        for n in [
            0,
            1,
            1000,
            1024,
            1536,
            10 << 20,
            DEFAULT_MAX_BYTES,
            3 << 30,
            5 << 40,
            u64::MAX,
        ] {
            let size = Size(n);
            assert_eq!(parse_size(&size.to_string()), Ok(size), "{size}");
        }
        assert_eq!(Size(DEFAULT_MAX_BYTES).to_string(), "256M");
        assert_eq!(Size(1536).to_string(), "1536");
    }
}
