//! The writers under trouble, through the real binary: an output name the
//! file system refuses, temporary files a killed run left behind, the JSON
//! folder journal after `kill -9`, and a second run into a SQLite database
//! while the first one is still extracting.

mod common;

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use rusqlite::Connection;
use serde_json::Value;

use common::binary;

const DOC: &str = "§ 1 KS 2024/1\nBudget\n\nBeslut\nKommunstyrelsen beslutar att anslå 5 mnkr.\n";

fn run(args: &[&str]) -> Output {
    Command::new(binary()).args(args).output().expect("run protokoll")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A folder `in` under `dir` with `n` copies of [`DOC`], named in order.
fn folder_of_docs(dir: &Path, n: usize) -> std::path::PathBuf {
    let input = dir.join("in");
    fs::create_dir(&input).unwrap();
    for i in 0..n {
        fs::write(input.join(format!("{i:05}.txt")), DOC).unwrap();
    }
    input
}

/// Poll `done` until it holds or a minute has passed.
fn wait_for(mut done: impl FnMut() -> bool) {
    let started = Instant::now();
    while !done() && started.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn a_255_byte_input_name_gets_a_shortened_output_name() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    let long = format!("{}.txt", "å".repeat(125) + "x"); // 125 × 2 + 1 + 4 = 255 bytes
    assert_eq!(long.len(), 255);
    fs::write(input.join(&long), DOC).unwrap();
    fs::write(input.join("short.txt"), DOC).unwrap();
    let out = dir.path().join("out");
    let i = input.to_str().unwrap();
    let o = run(&["extract", "-o", out.to_str().unwrap(), "--root", i, i]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let written = names(&out);
    let shortened: Vec<&String> = written.iter().filter(|n| n.contains("%h")).collect();
    assert_eq!(shortened.len(), 1, "{written:?}");
    assert!(shortened[0].len() <= 255 && shortened[0].ends_with(".json"));
    let result: Value = serde_json::from_slice(&fs::read(out.join(shortened[0])).unwrap()).unwrap();
    assert_eq!(
        result["source"]["path"],
        long.as_str(),
        "the record keeps the full name"
    );
    assert!(written.contains(&"short.txt.json".to_string()));

    // incremental: the shortened name is found again, nothing redone
    let again = run(&["extract", "--incremental", "-o", out.to_str().unwrap(), "--root", i, i]);
    assert!(stderr(&again).contains("2 skipped (unchanged)"), "{}", stderr(&again));
}

#[test]
fn an_output_file_that_cannot_be_written_fails_only_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    for name in ["a.txt", "b.txt", "c.txt"] {
        fs::write(input.join(name), DOC).unwrap();
    }
    let out = dir.path().join("out");
    // a non-empty folder where b's output file should go: rename cannot replace it
    fs::create_dir_all(out.join("b.txt.json").join("in-the-way")).unwrap();
    let i = input.to_str().unwrap();
    let o = run(&["extract", "-o", out.to_str().unwrap(), "--root", i, i]);
    let summary = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{summary}");
    assert!(summary.contains("2 ok, 0 partial, 1 failed"), "{summary}");
    assert!(summary.contains("b.txt [output]"), "{summary}");
    assert!(out.join("a.txt.json").is_file() && out.join("c.txt.json").is_file());
    assert!(!names(&out).iter().any(|n| n.starts_with(".protokoll-tmp-")));
}

#[test]
fn leftover_temporary_files_of_a_killed_run_are_removed() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    fs::write(input.join("a.txt"), DOC).unwrap();
    // pid 999999999 is above any Linux pid_max: a process that cannot be alive
    let dead = ".protokoll-tmp-999999999-AbCdEf";
    let mine = format!(".protokoll-tmp-{}-AbCdEf", std::process::id());
    let foreign = ".something-else-999999999";

    for (format, out) in [("json", "folder"), ("csv", "tables"), ("jsonl", "lines/out.jsonl")] {
        let out = dir.path().join(out);
        let folder = if format == "jsonl" {
            out.parent().unwrap().to_path_buf()
        } else {
            out.clone()
        };
        fs::create_dir_all(&folder).unwrap();
        for name in [dead, mine.as_str(), foreign] {
            fs::write(folder.join(name), "torn").unwrap();
        }
        let o = run(&[
            "extract",
            "-f",
            format,
            "-o",
            out.to_str().unwrap(),
            input.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(0), "{format}: {}", stderr(&o));
        let left = names(&folder);
        assert!(!left.contains(&dead.to_string()), "{format}: {left:?}");
        assert!(left.contains(&mine), "{format}: a live process's temporary file stays");
        assert!(left.contains(&foreign.to_string()), "{format}: other files stay");
    }
}

#[test]
fn the_json_folder_journal_survives_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let total = 3000;
    let input = folder_of_docs(dir.path(), total);
    let out = dir.path().join("out");
    let mut child = Command::new(binary())
        .args([
            "extract",
            "-q",
            "-j",
            "1",
            "--incremental",
            "-o",
            out.to_str().unwrap(),
            "--root",
            input.to_str().unwrap(),
            input.to_str().unwrap(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let json_files = || {
        fs::read_dir(&out).map_or(0, |d| {
            d.filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "json"))
                .count()
        })
    };
    wait_for(|| json_files() >= 100);
    child.kill().unwrap();
    let status = child.wait().unwrap();
    let written = json_files();
    if status.success() {
        eprintln!("the run ended before it could be killed; nothing to replay");
        assert_eq!(written, total);
        return;
    }
    assert!(written >= 100, "{written}");

    // the next incremental run skips what the killed one wrote
    let again = run(&[
        "extract",
        "--incremental",
        "-o",
        out.to_str().unwrap(),
        "--root",
        input.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    let summary = stderr(&again);
    assert_eq!(again.status.code(), Some(0), "{summary}");
    let skipped: usize = summary
        .split(" failed, ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{summary}"));
    // a file renamed into place just before the kill may lack its journal line
    assert!(
        skipped + 1 >= written,
        "skipped {skipped} of {written} written: {summary}"
    );
    assert_eq!(json_files(), total);
    assert!(
        !out.join(".protokoll-manifest.log").exists(),
        "the journal is folded into the manifest"
    );
    let third = run(&[
        "extract",
        "--incremental",
        "-o",
        out.to_str().unwrap(),
        "--root",
        input.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    assert!(
        stderr(&third).contains(&format!("{total} skipped (unchanged)")),
        "{}",
        stderr(&third)
    );
}

#[test]
fn sqlite_holds_no_transaction_while_extracting() {
    let dir = tempfile::tempdir().unwrap();
    // whole runs of inputs, so that the standard input is alone in its run
    let n = 3 * protokoll::RUN_LENGTH as i64;
    let input = folder_of_docs(dir.path(), n as usize);
    let db = dir.path().join("shared.db");
    // the first run waits on its standard input, its last document, while
    // the folder's documents are extracted and written
    let mut first = Command::new(binary())
        .args([
            "extract",
            "-q",
            "-f",
            "sqlite",
            "-o",
            db.to_str().unwrap(),
            input.to_str().unwrap(),
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let documents = |conn: &Connection| {
        conn.query_row("SELECT COUNT(*) FROM documents", [], |r| r.get::<_, i64>(0))
            .unwrap_or(0)
    };
    wait_for(|| Connection::open(&db).map(|c| documents(&c)).unwrap_or(0) >= n);
    // another writer gets the database at once
    let conn = Connection::open(&db).unwrap();
    conn.busy_timeout(Duration::from_secs(5)).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE; COMMIT;")
        .expect("the first run holds no write transaction while it waits for input");
    assert_eq!(documents(&conn), n);
    drop(conn);
    // and a second run into the same database succeeds while the first still runs
    let second = run(&[
        "extract",
        "-q",
        "-f",
        "sqlite",
        "-o",
        db.to_str().unwrap(),
        input.join("00000.txt").to_str().unwrap(),
    ]);
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));

    first.stdin.take().unwrap().write_all(DOC.as_bytes()).unwrap();
    let first = first.wait_with_output().unwrap();
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let conn = Connection::open(&db).unwrap();
    assert_eq!(documents(&conn), n + 1);
}

#[test]
fn two_incremental_sqlite_runs_do_not_redo_each_others_work() {
    let dir = tempfile::tempdir().unwrap();
    let input = folder_of_docs(dir.path(), 50);
    let db = dir.path().join("nightly.db");
    let args = [
        "extract",
        "--incremental",
        "-f",
        "sqlite",
        "-o",
        db.to_str().unwrap(),
        input.to_str().unwrap(),
    ];
    let first = run(&args);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let second = run(&args);
    assert!(
        stderr(&second).contains("50 skipped (unchanged)"),
        "{}",
        stderr(&second)
    );
}

#[cfg(unix)]
#[test]
fn output_files_respect_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.txt");
    fs::write(&input, DOC).unwrap();
    for (format, out, file) in [
        ("json", "folder", "folder/a.txt.json"),
        ("csv", "tables", "tables/amounts.csv"),
        ("jsonl", "x.jsonl", "x.jsonl"),
    ] {
        let script = format!(
            "umask 002 && exec '{}' extract -q -f {format} -o '{}' --root '{}' '{}'",
            binary().display(),
            dir.path().join(out).display(),
            dir.path().display(),
            input.display()
        );
        let o = Command::new("sh").args(["-c", &script]).output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{format}: {}", stderr(&o));
        let mode = fs::metadata(dir.path().join(file)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o664, "{format}");
    }
}

#[test]
fn an_output_that_cannot_be_created_says_why_once_without_temporary_names() {
    let dir = tempfile::tempdir().unwrap();
    let not_a_folder = dir.path().join("file.txt");
    fs::write(&not_a_folder, "x").unwrap();
    for (format, name) in [("jsonl", "out.jsonl"), ("sqlite", "out.db"), ("csv", "tables")] {
        let target = not_a_folder.join(name);
        let o = run(&["extract", "-q", "-f", format, "-o", target.to_str().unwrap(), "corpus"]);
        assert_eq!(o.status.code(), Some(2), "{format}");
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{format}: {err}");
        assert!(!err.contains(".protokoll-tmp"), "{format}: {err}");
        let lower = err.to_lowercase();
        assert!(
            lower.contains("not a directory") || lower.contains("unable to open"),
            "{format}: {err}"
        );
        // the cause once
        assert!(lower.matches("not a directory").count() <= 1, "{format}: {err}");
    }
}
