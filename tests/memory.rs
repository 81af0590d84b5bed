//! Peak memory per file on generated adversarial inputs (Linux only).
//!
//! Each input once cost memory out of proportion to its size (300 000
//! amounts on one line: 8.9 GB; 100 000 footnote markers: 9.1 GB; 10 MB of
//! CRLF: 900 MB; a budget table of 5 000 rows: 450 MB; a million
//! hyphenated lines: 190 MB; 10 MB of three-byte CRLF lines: 497 MB).
//! Each must now stay within the bound the
//! reliability issue set, 20 x input + 64 MB, and give its result.
//!
//! This is a test binary of its own, with one test, for a reason: Linux
//! keeps a process's peak RSS across `exec`, so a child spawned from a test
//! process that holds hundreds of MB (other tests' outputs, running in
//! parallel threads) would report the parent's size. Here the parent holds
//! a few MB: inputs are written to disk as they are generated, never held
//! whole.

#![cfg(target_os = "linux")]

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};

use common::binary;

/// Run `protokoll extract -q ARGS` to its end; its exit status and peak
/// resident set size in bytes (wait4's resource usage, in kilobytes on
/// Linux).
fn extract_peak_rss(args: &[&str]) -> (ExitStatus, u64) {
    use std::os::unix::process::ExitStatusExt;
    let child = Command::new(binary())
        .arg("extract")
        .arg("-q")
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: `rusage` is plain data that wait4 fills in; the child is ours
    // and waited for nowhere else (`child` is dropped without a wait).
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid, "wait4: {}", std::io::Error::last_os_error());
    drop(child);
    (
        ExitStatus::from_raw(status),
        u64::try_from(usage.ru_maxrss).unwrap() * 1024,
    )
}

/// Write `count` pieces made by `piece` (with `head` first) to `path`,
/// streaming; the number of bytes written.
fn generate(path: &Path, head: &str, count: usize, piece: impl Fn(usize) -> String) -> usize {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let mut bytes = head.len();
    out.write_all(head.as_bytes()).unwrap();
    for i in 0..count {
        let p = piece(i);
        bytes += p.len();
        out.write_all(p.as_bytes()).unwrap();
    }
    out.flush().unwrap();
    bytes
}

/// The result's `status`, read from the start of its JSON line: parsing
/// the whole line (hundreds of thousands of records) would grow this
/// process, and with it the next child's reported peak.
fn result_status(jsonl: &Path) -> String {
    let mut head = vec![0; 64 * 1024];
    let n = std::io::Read::read(&mut std::fs::File::open(jsonl).unwrap(), &mut head).unwrap();
    let head = String::from_utf8_lossy(&head[..n]);
    // `source` has no `status` key: the first one is the result's
    let at = head.find("\"status\":\"").expect("a status in the line's start") + 10;
    head[at..].split('"').next().unwrap().to_string()
}

/// The bound on memory per file.
fn memory_limit(input_bytes: usize) -> u64 {
    20 * input_bytes as u64 + 64 * 1024 * 1024
}

type Generator = (&'static str, &'static str, usize, fn(usize) -> String);

#[test]
fn peak_memory_stays_proportional_to_the_input() {
    let cases: [Generator; 9] = [
        ("amounts-on-one-line.txt", "", 300_000, |i| format!("{i} kr ")),
        ("footnote-markers.txt", "Beslut\n", 100_000, |i| {
            format!("anslå 5 mnkr.{} ", i % 9 + 1)
        }),
        ("crlf.txt", "", 5_000_000, |_| "\r\n".to_string()),
        ("short-crlf-lines.txt", "", 3_333_333, |_| "x\r\n".to_string()),
        (
            "budget-table.txt",
            "Beslut\nKommunfullmäktige beslutar att fastställa budgeten enligt tabellen\n",
            5_000,
            |i| {
                format!(
                    "Verksamhet {i}   {} tkr   {},5 mnkr   {} %\n",
                    i * 13 % 9000,
                    i * 7 % 800,
                    i % 100
                )
            },
        ),
        ("hyphen-lines.txt", "", 1_000_000, |_| "ab-\n".to_string()),
        ("short-lines.txt", "", 5_000_000, |_| "x\n".to_string()),
        (
            "vote-phrases.txt",
            "§ 1 Dnr KS 2024/1\nÄrende\n\nYrkanden\n",
            200_000,
            |i| format!("Med {} ja-röster mot {} nej-röster beslutar nämnden.\n", i % 50, i % 40),
        ),
        (
            "motion-lines.txt",
            "§ 1 Dnr KS 2024/1\nÄrende\n\nYrkanden\n",
            200_000,
            |i| format!("Anna Andersson (S) yrkar bifall till förslag {i}.\n"),
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (name, head, count, piece) in cases {
        let path = dir.path().join(name);
        let bytes = generate(&path, head, count, piece);
        let out = dir.path().join(format!("{name}.jsonl"));
        let (status, peak) = extract_peak_rss(&[
            "--timeout",
            "0",
            "-f",
            "jsonl",
            "-o",
            out.to_str().unwrap(),
            path.to_str().unwrap(),
        ]);
        assert_eq!(status.code(), Some(0), "{name}");
        let limit = memory_limit(bytes);
        assert!(
            peak <= limit,
            "{name}: peak RSS {} MB over the limit {} MB",
            peak >> 20,
            limit >> 20
        );
        let status = result_status(&out);
        assert!(status == "ok" || status == "partial", "{name}: {status}");
        eprintln!(
            "{name}: {bytes} bytes, peak RSS {} MB (limit {} MB)",
            peak >> 20,
            limit >> 20
        );
        std::fs::remove_file(&path).unwrap();
        std::fs::remove_file(&out).unwrap();
    }
}
