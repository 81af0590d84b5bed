//! Output formats, run through the real binary and read back with the csv
//! crate and rusqlite: the same records as the JSON Lines run; the
//! journalist queries of the README; incremental runs; a killed run.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use rusqlite::Connection;
use serde_json::Value;

use common::{binary, root};

fn run(args: &[&str]) -> Output {
    let out = Command::new(binary()).args(args).output().expect("run protokoll");
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn jsonl(dir: &str) -> Vec<Value> {
    let out = run(&["extract", "-q", dir]);
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

use common::RECORD_KINDS as KINDS;

fn count(results: &[Value], kind: &str) -> usize {
    results.iter().map(|r| r[kind].as_array().map_or(0, Vec::len)).sum()
}

#[test]
fn csv_has_the_records_of_the_jsonl_run() {
    let corpus = root().join("corpus");
    let expected = jsonl(corpus.to_str().unwrap());
    let out = tempfile::tempdir().unwrap();
    run(&[
        "extract",
        "-q",
        "-f",
        "csv",
        "-o",
        out.path().to_str().unwrap(),
        corpus.to_str().unwrap(),
    ]);
    for kind in KINDS {
        let mut reader = csv::Reader::from_path(out.path().join(format!("{kind}.csv"))).unwrap();
        let headers = reader.headers().unwrap().clone();
        assert_eq!(&headers[0], "path");
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), count(&expected, kind), "{kind}");
        // the rows follow the records, in order, with their spans
        let records: Vec<(&str, &Value)> = expected
            .iter()
            .flat_map(|r| {
                let path = r["source"]["path"].as_str().unwrap();
                r[*kind].as_array().unwrap().iter().map(move |x| (path, x))
            })
            .collect();
        let start = headers.iter().position(|h| h == "span_start").unwrap();
        for (row, (path, rec)) in rows.iter().zip(records) {
            assert_eq!(&row[0], path);
            assert_eq!(
                row[start].parse::<u64>().unwrap(),
                rec["span"]["start"].as_u64().unwrap()
            );
        }
    }
    let amounts: Vec<f64> = csv::Reader::from_path(out.path().join("amounts.csv"))
        .unwrap()
        .deserialize::<BTreeMap<String, String>>()
        .map(|r| r.unwrap()["value"].parse().unwrap())
        .collect();
    let json_amounts: Vec<f64> = expected
        .iter()
        .flat_map(|r| {
            r["amounts"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["value"].as_f64().unwrap())
        })
        .collect();
    assert_eq!(amounts, json_amounts);
    let documents = csv::Reader::from_path(out.path().join("documents.csv"))
        .unwrap()
        .records()
        .count();
    assert_eq!(documents, expected.len());
}

fn sqlite_run(db: &Path, input: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["extract", "-q", "-f", "sqlite", "-o", db.to_str().unwrap()];
    args.extend_from_slice(extra);
    args.push(input.to_str().unwrap());
    run(&args)
}

#[test]
fn sqlite_has_the_records_of_the_jsonl_run() {
    let corpus = root().join("corpus");
    let expected = jsonl(corpus.to_str().unwrap());
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("out.db");
    sqlite_run(&db, &corpus, &[]);
    let conn = Connection::open(&db).unwrap();
    for kind in KINDS {
        let n: i64 = conn
            .query_row(&format!("SELECT COUNT(*) FROM {kind}"), [], |r| r.get(0))
            .unwrap();
        assert_eq!(n as usize, count(&expected, kind), "{kind}");
    }
    let docs: i64 = conn
        .query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0))
        .unwrap();
    assert_eq!(docs as usize, expected.len());
    let supporters: i64 = conn
        .query_row("SELECT COUNT(*) FROM motion_supporters", [], |r| r.get(0))
        .unwrap();
    let json_supporters: usize = expected
        .iter()
        .flat_map(|r| r["motions"].as_array().unwrap())
        .map(|m| m["supporters"].as_array().unwrap().len())
        .sum();
    assert_eq!(supporters as usize, json_supporters);
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
}

/// The README's three journalist queries.
const REJECTED_BY_BODY: &str =
    "SELECT COALESCE(body, document_body) AS decided_by, document_date, path, paragraph, text
FROM decisions_full
WHERE outcome = 'reject' AND NOT earlier
ORDER BY decided_by IS NULL, decided_by, document_date IS NULL, document_date, path";
const AMOUNTS_OVER_10_MNKR: &str = "SELECT doc.path, a.paragraph, a.text, a.value, a.sentence
FROM amounts a JOIN documents doc ON doc.id = a.document_id
WHERE a.value > 10000000
ORDER BY a.value DESC, doc.path, a.span_start";
const RESERVATIONS_PER_PARTY: &str = "SELECT m.party, COUNT(DISTINCT r.id) AS reservations
FROM reservations r JOIN reservation_members m ON m.reservation_id = r.id
GROUP BY m.party ORDER BY reservations DESC, m.party";

/// The first column of every row of `sql`, as text.
fn column(conn: &Connection, sql: &str) -> Vec<String> {
    query(conn, sql).into_iter().map(|mut row| row.swap_remove(0)).collect()
}

fn query(conn: &Connection, sql: &str) -> Vec<Vec<String>> {
    let mut stmt = conn.prepare(sql).unwrap();
    let n = stmt.column_count();
    stmt.query_map([], |r| {
        Ok((0..n)
            .map(|i| match r.get_ref(i).unwrap() {
                rusqlite::types::ValueRef::Null => "NULL".to_string(),
                rusqlite::types::ValueRef::Integer(v) => v.to_string(),
                rusqlite::types::ValueRef::Real(v) => v.to_string(),
                rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                rusqlite::types::ValueRef::Blob(_) => "BLOB".to_string(),
            })
            .collect())
    })
    .unwrap()
    .map(|r| r.unwrap())
    .collect()
}

#[test]
fn journalist_queries_on_the_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("corpus.db");
    sqlite_run(&db, &root().join("corpus"), &[]);
    let conn = Connection::open(&db).unwrap();

    let rejected = query(&conn, REJECTED_BY_BODY);
    assert_eq!(rejected.len(), 1);
    assert_eq!(
        rejected[0][..4],
        [
            "Kommunstyrelsen",
            "2019-06-17",
            "corpus/004_42c8d708a8b840e0.txt",
            "218"
        ]
    );
    assert!(rejected[0][4].starts_with("Kommunstyrelsen avslår förslaget"));

    let big = query(&conn, AMOUNTS_OVER_10_MNKR);
    let summary: Vec<(&str, &str)> = big.iter().map(|r| (r[0].as_str(), r[2].as_str())).collect();
    assert_eq!(
        summary,
        vec![
            ("corpus/000_0e21439f530097b9.txt", "19,5 mnkr per år"),
            ("corpus/002_5b9bf2d50d21f3e9.txt", "19,5 mkr"),
            ("corpus/002_5b9bf2d50d21f3e9.txt", "19,5 mkr"),
            ("corpus/004_42c8d708a8b840e0.txt", "högst 19,5 mkr årligen"),
        ]
    );
    assert!(big[3][4].contains("Den totala kostnaden för satsningen uppgår till högst 19,5 mkr årligen."));

    // the sample documents have no reservations
    assert!(query(&conn, RESERVATIONS_PER_PARTY).is_empty());
}

#[test]
fn journalist_queries_on_political_fixtures() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    for f in [
        "politics-votering-namnupprop.txt",
        "politics-forsta-andra-hand-roster.txt",
        "politics-instammande-reservation-anteckning.txt",
    ] {
        std::fs::copy(root().join("fixtures").join(f), input.join(f)).unwrap();
    }
    let db = dir.path().join("f.db");
    sqlite_run(&db, &input, &[]);
    let conn = Connection::open(&db).unwrap();
    let per_party = query(&conn, RESERVATIONS_PER_PARTY);
    let got: Vec<(String, String)> = per_party.into_iter().map(|r| (r[0].clone(), r[1].clone())).collect();
    let expect = |p: &str, n: &str| (p.to_string(), n.to_string());
    assert_eq!(
        got,
        vec![
            expect("KD", "2"),
            expect("M", "2"),
            expect("MP", "1"),
            expect("S", "1"),
            expect("SD", "1"),
            expect("V", "1")
        ]
    );
    let rejected = query(&conn, REJECTED_BY_BODY);
    assert_eq!(rejected.len(), 1, "{rejected:?}");
    assert_eq!(rejected[0][0], "Kommunstyrelsen");
}

/// Every row of every table, with documents by path instead of ids and
/// without the extraction time: two equal databases dump equally.
fn dump(db: &Path) -> Vec<String> {
    let conn = Connection::open(db).unwrap();
    let mut out = Vec::new();
    for row in query(
        &conn,
        "SELECT path, sha256, format, bytes, pages, encoding, status, error_kind, error, warnings, kind, municipality, municipality_code, body, date, title, tool_version FROM documents",
    ) {
        out.push(format!("documents {}", row.join("|")));
    }
    for kind in KINDS {
        let sql = format!("SELECT doc.path, t.* FROM {kind} t JOIN documents doc ON doc.id = t.document_id");
        for mut row in query(&conn, &sql) {
            row.drain(1..3); // record id and document id
            out.push(format!("{kind} {}", row.join("|")));
        }
    }
    for (table, parent, key) in [
        ("motion_supporters", "motions", "motion_id"),
        ("vote_members", "votes", "vote_id"),
        ("reservation_members", "reservations", "reservation_id"),
        ("note_members", "notes", "note_id"),
    ] {
        let sql = format!(
            "SELECT doc.path, p.span_start, l.* FROM {table} l JOIN {parent} p ON p.id = l.{key} JOIN documents doc ON doc.id = p.document_id"
        );
        for mut row in query(&conn, &sql) {
            row.remove(2);
            out.push(format!("{table} {}", row.join("|")));
        }
    }
    out.sort();
    out
}

fn summary_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn incremental_runs_redo_only_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    for f in [
        "000_0e21439f530097b9.txt",
        "002_5b9bf2d50d21f3e9.txt",
        "004_42c8d708a8b840e0.txt",
    ] {
        std::fs::copy(root().join("corpus").join(f), input.join(f)).unwrap();
    }
    let db = dir.path().join("nightly.db");
    let args = |extra: &'static [&'static str]| {
        let mut v = vec!["extract", "-f", "sqlite", "-o", db.to_str().unwrap(), "--incremental"];
        v.extend_from_slice(extra);
        v.push(input.to_str().unwrap());
        v.into_iter().map(str::to_string).collect::<Vec<_>>()
    };
    let go = |a: Vec<String>| Command::new(binary()).args(&a).output().unwrap();

    let first = go(args(&[]));
    assert!(
        summary_of(&first).contains("3 ok, 0 partial, 0 failed, 0 skipped"),
        "{}",
        summary_of(&first)
    );
    let second = go(args(&[]));
    assert!(
        summary_of(&second).contains("0 ok, 0 partial, 0 failed, 3 skipped"),
        "{}",
        summary_of(&second)
    );

    // change one file
    let changed = input.join("002_5b9bf2d50d21f3e9.txt");
    let text = std::fs::read_to_string(&changed)
        .unwrap()
        .replace("19,5 mkr", "21,5 mkr");
    std::fs::write(&changed, text).unwrap();
    let third = go(args(&[]));
    assert!(
        summary_of(&third).contains("1 ok, 0 partial, 0 failed, 2 skipped"),
        "{}",
        summary_of(&third)
    );

    // the database equals a fresh full run
    let fresh = dir.path().join("fresh.db");
    sqlite_run(&fresh, &input, &[]);
    assert_eq!(dump(&db), dump(&fresh));

    // --force redoes everything
    let forced = go(args(&["--force"]));
    assert!(
        summary_of(&forced).contains("3 ok, 0 partial, 0 failed, 0 skipped"),
        "{}",
        summary_of(&forced)
    );
    assert_eq!(dump(&db), dump(&fresh));
}

#[test]
fn incremental_json_folder_uses_a_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let corpus = root().join("corpus");
    let a = run(&[
        "extract",
        "-o",
        out.to_str().unwrap(),
        "--incremental",
        corpus.to_str().unwrap(),
    ]);
    assert!(summary_of(&a).contains("5 ok"));
    assert!(out.join(".protokoll-manifest").exists());
    let b = run(&[
        "extract",
        "-o",
        out.to_str().unwrap(),
        "--incremental",
        corpus.to_str().unwrap(),
    ]);
    assert!(summary_of(&b).contains("5 skipped"), "{}", summary_of(&b));
    assert!(out.join("corpus/000_0e21439f530097b9.txt.json").exists());
}

#[test]
fn incremental_json_folder_reads_the_manifest_of_earlier_versions() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let corpus = root().join("corpus");
    let go = || {
        run(&[
            "extract",
            "-o",
            out.to_str().unwrap(),
            "--incremental",
            corpus.to_str().unwrap(),
        ])
    };
    assert!(summary_of(&go()).contains("5 ok"));
    // an output folder written before the manifest lost its .json suffix
    std::fs::rename(out.join(".protokoll-manifest"), out.join(".protokoll-manifest.json")).unwrap();
    let b = go();
    assert!(summary_of(&b).contains("5 skipped"), "{}", summary_of(&b));
    assert!(out.join(".protokoll-manifest").exists());
    assert!(
        !out.join(".protokoll-manifest.json").exists(),
        "the old manifest is replaced"
    );
}

#[test]
fn incremental_needs_an_output_that_keeps_results() {
    let out = Command::new(binary())
        .args(["extract", "--incremental", root().join("corpus").to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = Command::new(binary())
        .args(["extract", "-f", "csv", root().join("corpus").to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "csv needs -o");
}

#[test]
fn a_killed_run_leaves_every_document_once() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let docs = common::documents(&root().join("corpus"), &["txt"]);
    let copies = 300;
    for i in 0..copies {
        for d in &docs {
            let name = format!("{i:04}_{}", d.file_name().unwrap().to_string_lossy());
            std::fs::copy(d, input.join(name)).unwrap();
        }
    }
    let total = copies * docs.len();
    let db = dir.path().join("killed.db");
    let mut child = Command::new(binary())
        .args([
            "extract",
            "-q",
            "-j",
            "1",
            "-f",
            "sqlite",
            "-o",
            db.to_str().unwrap(),
            input.to_str().unwrap(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // kill as soon as some documents are committed
    let started = std::time::Instant::now();
    loop {
        std::thread::sleep(std::time::Duration::from_millis(20));
        let committed = Connection::open(&db)
            .ok()
            .and_then(|c| {
                c.query_row("SELECT COUNT(*) FROM documents", [], |r| r.get::<_, i64>(0))
                    .ok()
            })
            .unwrap_or(0);
        if committed > 0 || started.elapsed().as_secs() > 60 {
            break;
        }
    }
    child.kill().unwrap();
    let status = child.wait().unwrap();
    let conn = Connection::open(&db).unwrap();
    let after_kill: i64 = conn
        .query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0))
        .unwrap();
    drop(conn);
    assert!(!status.success() || after_kill as usize == total);

    // run again: every document exactly once, database intact
    sqlite_run(&db, &input, &["--incremental"]);
    let conn = Connection::open(&db).unwrap();
    let (n, distinct): (i64, i64) = conn
        .query_row("SELECT COUNT(*), COUNT(DISTINCT path) FROM documents", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((n as usize, distinct as usize), (total, total));
    let amounts: i64 = conn
        .query_row("SELECT COUNT(*) FROM amounts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(amounts as usize, copies * 17);
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
    let fk: Vec<String> = conn
        .prepare("PRAGMA foreign_key_check")
        .unwrap()
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert!(fk.is_empty(), "{fk:?}");
}

/// `protokoll ARGS` with `input` on its standard input.
fn run_with_stdin(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(binary())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn stdin_is_one_document() {
    let out = run_with_stdin(
        &["extract", "-q", "-"],
        "Beslut\nKommunstyrelsen beviljar 50 000 kronor.\n",
    );
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["source"]["path"], "-");
    assert_eq!(r["amounts"][0]["value"], 50000.0);
}

#[test]
fn documents_piped_in_can_be_named_so_they_do_not_replace_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("piped.db");
    for (name, text) in [("ks-a.txt", "Kostnad 5 kr."), ("ks-b.txt", "Kostnad 7 kr.")] {
        let db = db.to_str().unwrap();
        let out = run_with_stdin(
            &["extract", "-q", "-f", "sqlite", "-o", db, "--stdin-name", name, "-"],
            text,
        );
        assert!(out.status.success());
    }
    let conn = Connection::open(&db).unwrap();
    assert_eq!(
        column(&conn, "SELECT path FROM documents ORDER BY path"),
        ["ks-a.txt", "ks-b.txt"]
    );
}

/// `protokoll extract -q ARGS` run in folder `cwd`.
fn run_in(cwd: &Path, args: &[&str]) -> Output {
    Command::new(binary())
        .current_dir(cwd)
        .arg("extract")
        .arg("-q")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn files_of_the_same_name_in_two_folders_are_two_documents_in_every_output() {
    let dir = tempfile::tempdir().unwrap();
    for copy in ["corpus", "corpus_copy"] {
        std::fs::create_dir(dir.path().join(copy)).unwrap();
        for e in std::fs::read_dir(root().join("corpus")).unwrap() {
            let p = e.unwrap().path();
            std::fs::copy(&p, dir.path().join(copy).join(p.file_name().unwrap())).unwrap();
        }
    }
    let both = ["corpus", "corpus_copy"];
    run_in(dir.path(), &[&["-f", "sqlite", "-o", "coll.db"][..], &both].concat());
    let conn = Connection::open(dir.path().join("coll.db")).unwrap();
    let n: i64 = conn
        .query_row("SELECT COUNT(DISTINCT path) FROM documents", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 10);
    run_in(dir.path(), &[&["-o", "colldir"][..], &both].concat());
    let json = walkdir::WalkDir::new(dir.path().join("colldir"))
        .into_iter()
        .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "json"))
        .count();
    assert_eq!(json, 10);
    let out = run_in(dir.path(), &both);
    let paths: std::collections::BTreeSet<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["source"]["path"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(paths.len(), 10);
    assert!(paths.contains("corpus_copy/000_0e21439f530097b9.txt"));
}

#[test]
fn re_extracting_one_file_replaces_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    let db = db.to_str().unwrap();
    run_in(&root(), &["-f", "sqlite", "-o", db, "corpus"]);
    run_in(&root(), &["-f", "sqlite", "-o", db, "corpus/000_0e21439f530097b9.txt"]);
    // named by its absolute path from elsewhere, with --root: the same key
    let absolute = root().join("corpus/000_0e21439f530097b9.txt");
    run_in(
        Path::new("/"),
        &[
            "-f",
            "sqlite",
            "-o",
            db,
            "--root",
            root().to_str().unwrap(),
            absolute.to_str().unwrap(),
        ],
    );
    let conn = Connection::open(db).unwrap();
    let rows: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM documents WHERE path = 'corpus/000_0e21439f530097b9.txt'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(rows, 1);
    let all: i64 = conn
        .query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0))
        .unwrap();
    assert_eq!(all, 5);
}

/// The `output:` line of a run's summary.
fn output_line(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .find(|l| l.starts_with("output: "))
        .unwrap_or_else(|| panic!("{}", String::from_utf8_lossy(&out.stderr)))
        .to_string()
}

#[test]
fn incremental_runs_count_new_changed_unchanged_gone_and_prune_only_the_gone() {
    for (format, output) in [("sqlite", "out.db"), ("json", "outdir")] {
        let dir = tempfile::tempdir().unwrap();
        let archive = dir.path().join("archive");
        std::fs::create_dir(&archive).unwrap();
        for i in 0..4 {
            std::fs::write(
                archive.join(format!("{i}.txt")),
                format!("§ {i} Dnr KS 2024/{i}\nÄrende\n\nBeslut\nKommunstyrelsen beslutar att anslå {i} mnkr.\n"),
            )
            .unwrap();
        }
        // a result of another folder in the same output is never gone
        let other = dir.path().join("other");
        std::fs::create_dir(&other).unwrap();
        std::fs::write(other.join("x.txt"), "Kostnad 5 kr.").unwrap();
        let go = |extra: &[&str]| {
            Command::new(binary())
                .current_dir(dir.path())
                .args(["extract", "--no-progress", "-f", format, "-o", output, "--incremental"])
                .args(extra)
                .output()
                .unwrap()
        };
        go(&["other"]);
        assert_eq!(
            output_line(&go(&["archive"])),
            "output: 4 new, 0 changed, 0 extracted again, 0 unchanged, 0 gone"
        );
        std::fs::write(archive.join("0.txt"), "Kostnad 7 kr.").unwrap();
        std::fs::remove_file(archive.join("1.txt")).unwrap();
        std::fs::rename(archive.join("2.txt"), archive.join("2b.txt")).unwrap();
        assert_eq!(
            output_line(&go(&["archive"])),
            "output: 1 new, 1 changed, 0 extracted again, 1 unchanged, 2 gone (their results stay; --prune removes them)",
            "{format}"
        );
        // one file named alone: the rest of its folder is not gone
        assert!(output_line(&go(&["archive/3.txt"])).ends_with(" 0 gone"), "{format}");
        assert_eq!(
            output_line(&go(&["--prune", "archive"])),
            "output: 0 new, 0 changed, 0 extracted again, 3 unchanged, 2 gone (2 removed)"
        );
        let held: Vec<String> = if format == "sqlite" {
            let conn = Connection::open(dir.path().join(output)).unwrap();
            column(&conn, "SELECT path FROM documents ORDER BY path")
        } else {
            let mut v: Vec<String> = walkdir::WalkDir::new(dir.path().join(output))
                .into_iter()
                .map(|e| e.unwrap())
                .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
                .map(|e| {
                    e.path()
                        .strip_prefix(dir.path().join(output))
                        .unwrap()
                        .to_string_lossy()
                        .into_owned()
                })
                .collect();
            v.sort();
            v
        };
        let expected: Vec<&str> = if format == "sqlite" {
            vec!["archive/0.txt", "archive/2b.txt", "archive/3.txt", "other/x.txt"]
        } else {
            vec![
                "archive/0.txt.json",
                "archive/2b.txt.json",
                "archive/3.txt.json",
                "other/x.txt.json",
            ]
        };
        assert_eq!(held, expected, "{format}");
        // --prune only where results are kept
        let out = Command::new(binary())
            .current_dir(dir.path())
            .args(["extract", "--prune", "archive"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
    }
}

#[test]
fn every_record_view_has_the_documents_context() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v.db");
    sqlite_run(&db, &root().join("corpus"), &[]);
    let conn = Connection::open(&db).unwrap();
    for table in protokoll::output::sqlite::RECORD_TABLES {
        let columns = column(&conn, &format!("SELECT name FROM pragma_table_info('{table}_full')"));
        assert_eq!(
            columns[..6],
            [
                "path",
                "municipality",
                "municipality_code",
                "document_date",
                "document_body",
                "document_kind"
            ],
            "{table}_full"
        );
    }
    let code: String = conn
        .query_row(
            "SELECT municipality_code FROM decisions_full WHERE path LIKE '%000_0e21439f530097b9.txt'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(code, "0188", "a code stays text");
}

#[test]
fn csv_is_spreadsheet_safe_with_the_documents_context_on_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(
        input.join("a.txt"),
        "Norrtälje kommun\nKommunstyrelsen\nSammanträdesdatum 2024-03-05\n\n§ 5 Dnr KS 2024/1\nBokslut\n\nEkonomienheten redovisar bokslutet.\n\
         = Årets resultat enligt resultaträkningen är 4 926 tkr.\n\nBeslut\nKommunstyrelsen beslutar att godkänna bokslutet.\n",
    )
    .unwrap();
    let tables = dir.path().join("tables");
    let i = input.to_str().unwrap();
    run(&[
        "extract",
        "-q",
        "-f",
        "csv",
        "-o",
        tables.to_str().unwrap(),
        "--root",
        i,
        i,
    ]);
    let raw = std::fs::read(tables.join("amounts.csv")).unwrap();
    assert!(
        raw.starts_with("\u{feff}path,".as_bytes()),
        "a UTF-8 byte-order mark first"
    );
    let text = String::from_utf8(raw[3..].to_vec()).unwrap();
    let mut rows = ::csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = rows.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(
        header[..6],
        [
            "path",
            "municipality",
            "municipality_code",
            "document_date",
            "document_body",
            "document_kind"
        ]
    );
    let row = rows.records().next().unwrap().unwrap();
    let col = |name: &str| row[header.iter().position(|h| h == name).unwrap()].to_string();
    assert_eq!(col("municipality_code"), "0188");
    assert_eq!(col("document_date"), "2024-03-05");
    assert!(col("sentence").starts_with("'= Årets resultat"), "{}", col("sentence"));
    assert_eq!(col("value"), "4926000");
    let decisions = std::fs::read_to_string(tables.join("decisions.csv")).unwrap();
    assert!(decisions.lines().next().unwrap().contains(",earlier_date,"));
    // --no-bom
    run(&[
        "extract",
        "-q",
        "-f",
        "csv",
        "--no-bom",
        "-o",
        tables.to_str().unwrap(),
        "--root",
        i,
        i,
    ]);
    assert!(std::fs::read(tables.join("amounts.csv")).unwrap().starts_with(b"path,"));
}

#[test]
fn xlsx_has_a_sheet_per_record_kind_with_codes_as_text_and_numbers_as_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("minutes.xlsx");
    let out = run_in(&root(), &["-o", book.to_str().unwrap(), "corpus"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&book).unwrap()).unwrap();
    let mut read = |name: &str| {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
        s
    };
    let workbook = read("xl/workbook.xml");
    for (name, _) in protokoll::output::csv::TABLES.iter() {
        assert!(workbook.contains(&format!("name=\"{name}\"")), "sheet {name}");
    }
    let strings = read("xl/sharedStrings.xml");
    assert!(strings.contains("<t>0188</t>"), "the code 0188 is a text cell");
    assert!(strings.contains("Norrtälje"));
    // amounts (sheet 4): value is a number cell, not a string
    let amounts = read("xl/worksheets/sheet4.xml");
    assert!(amounts.contains("<v>130000</v>"), "130 000 as a number");
}

#[test]
fn list_cells_give_back_items_that_hold_semicolons_and_sqlite_lists_are_json() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(
        input.join("a.txt"),
        "Norrtälje kommun\nKommunstyrelsen\nSammanträdesdatum 2024-03-05\n\n§ 5 Dnr KS 2024/1, KS 2024/7\nBokslut\n\n\
         Beslut\nKommunstyrelsen beslutar\n\natt godkänna bokslutet; dock utan investeringsbilagan,\n\n\
         att lägga rapporten till handlingarna.\n",
    )
    .unwrap();
    let i = input.to_str().unwrap();
    let result = &jsonl(i)[0];
    let items: Vec<String> = serde_json::from_value(result["decisions"][0]["items"].clone()).unwrap();
    let cases: Vec<String> = serde_json::from_value(result["paragraphs"][0]["case_numbers"].clone()).unwrap();
    assert!(items.iter().any(|x| x.contains("; ")), "{items:?}");
    assert_eq!(cases.len(), 2);

    // CSV: one item per line of the cell, so splitting on "\n" gives them back
    let tables = dir.path().join("tables");
    run(&[
        "extract",
        "-q",
        "--no-bom",
        "-f",
        "csv",
        "-o",
        tables.to_str().unwrap(),
        i,
    ]);
    let cell = |file: &str, name: &str| {
        let mut rows = ::csv::Reader::from_path(tables.join(file)).unwrap();
        let at = rows.headers().unwrap().iter().position(|h| h == name).unwrap();
        rows.records().next().unwrap().unwrap()[at].to_string()
    };
    let split = |s: String| s.split('\n').map(str::to_string).collect::<Vec<_>>();
    assert_eq!(split(cell("decisions.csv", "items")), items);
    assert_eq!(split(cell("paragraphs.csv", "case_numbers")), cases);

    // SQLite: every list a JSON array
    let db = dir.path().join("m.db");
    run(&["extract", "-q", "-o", db.to_str().unwrap(), i]);
    let conn = Connection::open(&db).unwrap();
    let json = |sql: &str| -> Vec<String> {
        serde_json::from_str(&conn.query_row(sql, [], |r| r.get::<_, String>(0)).unwrap()).unwrap()
    };
    assert_eq!(json("SELECT items FROM decisions"), items);
    assert_eq!(json("SELECT case_numbers FROM paragraphs"), cases);

    // a database of schema version 2 had `; `-joined case numbers: opening it converts them
    conn.execute_batch("UPDATE paragraphs SET case_numbers = 'KS 2024/1; KS \"2024/7\"'; PRAGMA user_version = 2;")
        .unwrap();
    drop(conn);
    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("b.txt"), "Kommunstyrelsen\n\n§ 6\nÖvrigt\n").unwrap();
    run(&["extract", "-q", "-o", db.to_str().unwrap(), other.to_str().unwrap()]);
    let conn = Connection::open(&db).unwrap();
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, 3);
    let cases: Vec<Vec<String>> = column(&conn, "SELECT case_numbers FROM paragraphs ORDER BY id")
        .iter()
        .map(|c| serde_json::from_str(c).unwrap())
        .collect();
    assert_eq!(cases[0], ["KS 2024/1", "KS \"2024/7\""]);
}

#[test]
fn allow_known_failures_exits_0_only_when_every_failure_failed_before_with_the_same_content() {
    for (format, output) in [("sqlite", "out.db"), ("json", "outdir")] {
        let dir = tempfile::tempdir().unwrap();
        let archive = dir.path().join("archive");
        std::fs::create_dir(&archive).unwrap();
        std::fs::write(archive.join("good.txt"), "§ 1\nÄrende\n\nKostnad 5 kr.\n").unwrap();
        std::fs::copy(root().join("fixtures/binary.txt"), archive.join("broken.txt")).unwrap();
        let go = |extra: &[&str]| {
            let out = Command::new(binary())
                .current_dir(dir.path())
                .args(["extract", "--no-progress", "-f", format, "-o", output, "--incremental"])
                .args(extra)
                .arg("archive")
                .output()
                .unwrap();
            (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
        };
        // the first run: the failure is new
        let (code, stderr) = go(&["--allow-known-failures"]);
        assert_eq!(code, Some(1), "{format}: {stderr}");
        assert!(!stderr.contains("known"), "{stderr}");
        // the same broken file again: known, exit 0, still listed
        let (code, stderr) = go(&["--allow-known-failures"]);
        assert_eq!(code, Some(0), "{format}: {stderr}");
        assert!(stderr.contains("1 failed (1 known)"), "{stderr}");
        assert!(
            stderr.contains("archive/broken.txt [encoding]") && stderr.contains("(known: "),
            "{stderr}"
        );
        // without the flag a known failure still fails the run
        assert_eq!(go(&[]).0, Some(1), "{format}");
        // a new failure among known ones fails the run
        std::fs::copy(root().join("fixtures/binary.txt"), archive.join("new.txt")).unwrap();
        let summary = dir.path().join("run.json");
        let (code, stderr) = go(&["--allow-known-failures", "--summary-json", summary.to_str().unwrap()]);
        assert_eq!(code, Some(1), "{format}: {stderr}");
        assert!(stderr.contains("2 failed (1 known)"), "{stderr}");
        let json: Value = serde_json::from_str(&std::fs::read_to_string(&summary).unwrap()).unwrap();
        assert_eq!(json["known_failures"], 1);
        let known: Vec<(String, bool)> = json["problems"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p["path"].as_str().unwrap().to_string(), p["known"].as_bool().unwrap()))
            .collect();
        assert_eq!(
            known,
            [
                ("archive/broken.txt".to_string(), true),
                ("archive/new.txt".to_string(), false)
            ]
        );
        // a known failure whose content changed is new again
        std::fs::remove_file(archive.join("new.txt")).unwrap();
        let mut bytes = std::fs::read(archive.join("broken.txt")).unwrap();
        bytes.push(0);
        std::fs::write(archive.join("broken.txt"), bytes).unwrap();
        assert_eq!(go(&["--allow-known-failures"]).0, Some(1), "{format}");
    }
    // only where results are kept
    let out = Command::new(binary())
        .args(["extract", "--allow-known-failures", "corpus"])
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn an_incremental_run_into_sqlite_leaves_no_write_ahead_log_so_the_database_file_alone_is_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    let corpus = root().join("corpus");
    for extra in [&[][..], &["--incremental"][..], &["--incremental", "--force"][..]] {
        let out = Command::new(binary())
            .args(["extract", "-q", "-o", db.to_str().unwrap()])
            .args(extra)
            .arg(&corpus)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        let left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(left, ["m.db"], "{extra:?}");
    }
    // a copy of the file alone holds every document
    let copy = dir.path().join("copy.db");
    std::fs::copy(&db, &copy).unwrap();
    let conn = Connection::open(&copy).unwrap();
    assert_eq!(column(&conn, "SELECT count(*) FROM documents"), ["5"]);
}
