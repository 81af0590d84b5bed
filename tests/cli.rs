//! Integration tests that run the real `protokoll` binary on temporary
//! folders and check stdout, the `-o` files, the summary and exit codes.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

use common::{binary, root};

fn run(args: &[&str]) -> Output {
    Command::new(binary()).args(args).output().expect("run protokoll")
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("utf-8 stdout")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

fn write(dir: &Path, rel: &str, content: &[u8]) {
    let p = dir.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, content).unwrap();
}

fn sample_tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "b.txt",
        "§ 2 KS 2024/2\nAndra\n\nBeslut\nKommunstyrelsen beslutar att anslå 5 mnkr.\n".as_bytes(),
    );
    write(
        dir.path(),
        "a/c.txt",
        "Sammanfattning\n\nKostnaden är cirka 130 tkr.\n".as_bytes(),
    );
    write(dir.path(), "a/notes.md", b"not minutes");
    write(dir.path(), ".hidden.txt", b"hidden");
    write(dir.path(), ".git/x.txt", b"hidden folder");
    dir
}

#[test]
fn jsonl_to_stdout_in_sorted_order() {
    let dir = sample_tree();
    let d = dir.path().to_str().unwrap();
    let out = run(&["extract", "--root", d, d]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let results = lines(&out);
    let paths: Vec<&str> = results.iter().map(|r| r["source"]["path"].as_str().unwrap()).collect();
    assert_eq!(paths, vec!["a/c.txt", "b.txt"]);
    assert_eq!(results[0]["schema"], "protokoll/1");
    assert_eq!(results[0]["amounts"][0]["value"], 130000.0);
    assert_eq!(results[1]["paragraphs"][0]["number"], "2");
    for r in &results {
        for kind in common::RECORD_KINDS {
            assert!(r[*kind].is_array(), "{kind} missing");
        }
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("2 files: 2 ok, 0 partial, 0 failed"), "{stderr}");
}

#[test]
fn output_folder_gets_one_pretty_json_per_input() {
    let dir = sample_tree();
    let out_dir = tempfile::tempdir().unwrap();
    let out = run(&[
        "extract",
        "-j",
        "2",
        "-o",
        out_dir.path().to_str().unwrap(),
        "--root",
        dir.path().to_str().unwrap(),
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let c = fs::read_to_string(out_dir.path().join("a/c.txt.json")).unwrap();
    assert!(c.contains("\n  \"schema\": \"protokoll/1\""), "pretty JSON");
    let b: Value = serde_json::from_str(&fs::read_to_string(out_dir.path().join("b.txt.json")).unwrap()).unwrap();
    assert_eq!(b["source"]["path"], "b.txt");
    let mut names: Vec<_> = walk(out_dir.path());
    names.sort();
    assert_eq!(
        names,
        vec![".protokoll-manifest", "a/c.txt.json", "b.txt.json"],
        "no temporary files left behind"
    );
    // every `*.json` in the folder is a result (regression: the manifest used
    // to end in .json and broke tools that read all of them, like the scorer)
    for name in names.iter().filter(|n| n.ends_with(".json")) {
        let r: Value = serde_json::from_str(&fs::read_to_string(out_dir.path().join(name)).unwrap()).unwrap();
        assert_eq!(r["schema"], "protokoll/1", "{name} is not a result");
    }
}

fn walk(dir: &Path) -> Vec<String> {
    let mut v = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            for s in walk(&p) {
                v.push(format!("{}/{}", p.file_name().unwrap().to_string_lossy(), s));
            }
        } else {
            v.push(p.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    v
}

#[test]
fn a_failed_file_gives_exit_code_1_and_a_failed_result() {
    let dir = sample_tree();
    let noise: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8)
        .collect();
    write(dir.path(), "z.txt", &noise);
    let out = run(&["extract", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let results = lines(&out);
    assert_eq!(results.len(), 3, "one result per input, also the failed one");
    let z = &results[2];
    assert_eq!(z["status"], "failed");
    assert_eq!(z["error"]["kind"], "encoding");
    assert_eq!(z["amounts"], Value::Array(vec![]));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("z.txt [encoding]"), "{stderr}");
}

/// `source.path` of `protokoll extract ARGS` run in folder `cwd`.
fn keys_in(cwd: &Path, args: &[&str]) -> Vec<String> {
    let out = Command::new(binary())
        .current_dir(cwd)
        .arg("extract")
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    lines(&out)
        .iter()
        .map(|r| r["source"]["path"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_file_is_keyed_by_its_path_from_the_root_however_it_is_named() {
    let name = "corpus/000_0e21439f530097b9.txt";
    let absolute = root().join(name);
    let absolute = absolute.to_str().unwrap();
    // from the project folder: relative, with ./ and .., and absolute: one key
    for arg in [name, "./corpus/../corpus/000_0e21439f530097b9.txt", absolute] {
        assert_eq!(keys_in(&root(), &[arg]), vec![name], "{arg}");
    }
    // a folder run gives its files the same keys as naming them one by one
    assert!(keys_in(&root(), &["corpus"]).contains(&name.to_string()));
    // --root sets what keys are relative to
    assert_eq!(
        keys_in(&root(), &["--root", "corpus", name]),
        vec!["000_0e21439f530097b9.txt"]
    );
    assert_eq!(
        keys_in(Path::new("/"), &["--root", root().to_str().unwrap(), absolute]),
        vec![name]
    );
    // outside the root: the absolute path
    assert_eq!(keys_in(&root().join("src"), &[absolute]), vec![absolute.to_string()]);
}

#[test]
fn the_same_file_named_twice_is_a_usage_error() {
    for args in [
        &["corpus", "corpus"][..],
        &["corpus", "corpus/000_0e21439f530097b9.txt"],
        &["-", "-"],
    ] {
        let out = Command::new(binary())
            .current_dir(root())
            .arg("extract")
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}: nothing written");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("name the same files"), "{err}");
    }
}

#[test]
fn a_missing_path_is_a_usage_error_with_no_result() {
    let out = run(&["extract", "corpus", "/nonexistent/protokoll-test.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "protokoll: /nonexistent/protokoll-test.txt: no such file or folder\n"
    );
}

#[test]
fn a_folder_without_inputs_warns_and_counts_what_it_skipped() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.docx", b"x");
    write(dir.path(), "b.html", b"x");
    write(dir.path(), ".hidden.txt", b"x");
    #[cfg(unix)]
    std::os::unix::fs::symlink(root().join("corpus"), dir.path().join("link")).unwrap();
    for quiet in [false, true] {
        let mut args = vec!["extract", dir.path().to_str().unwrap()];
        if quiet {
            args.push("-q");
        }
        let out = run(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(
                "warning: no input file found: skipped 2 files with an extension other than .txt or .pdf, 1 hidden file or folder"
            ),
            "quiet {quiet}: {err}"
        );
        #[cfg(unix)]
        assert!(err.contains("1 symbolic link (see --follow-links)"), "{err}");
        // a nightly job aimed at an empty (unmounted) share does not report success
        assert_eq!(out.status.code(), Some(1), "quiet {quiet}");
    }
}

#[test]
fn quiet_runs_still_list_failed_files() {
    let dir = sample_tree();
    write(dir.path(), "z.txt", &[0u8, 159, 146, 150, 0, 0, 1, 2, 3]);
    let d = dir.path().to_str().unwrap();
    let out = run(&["extract", "-q", "--root", d, d]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("failed:\n  z.txt [encoding]"), "{err}");
    assert!(!err.contains("files:"), "no summary with -q: {err}");
    let out = run(&["extract", "--no-progress", "--root", d, d]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("3 files: 2 ok"));
}

#[test]
fn output_into_a_missing_folder_is_refused_not_created() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("no/such/out.jsonl");
    let out = run(&["extract", "-o", target.to_str().unwrap(), "corpus"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir.path().join("no").exists(), "no folder created");
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not exist"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["extract"]).status.code(), Some(2));
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(run(&["extract", "-j", "many", "x"]).status.code(), Some(2));
}

#[test]
fn text_prints_the_source_text_spans_index_into() {
    let dir = tempfile::tempdir().unwrap();
    // a BOM is not part of the source text
    write(dir.path(), "bom.txt", "\u{feff}Beslut\nKostnad 5 kr\n".as_bytes());
    let out = run(&["text", dir.path().join("bom.txt").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(out.stdout, "Beslut\nKostnad 5 kr\n".as_bytes());
    let ex = run(&["extract", dir.path().join("bom.txt").to_str().unwrap()]);
    let a = &lines(&ex)[0]["amounts"][0];
    let (s, e) = (
        a["span"]["start"].as_u64().unwrap() as usize,
        a["span"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&out.stdout[s..e], b"5 kr");
    assert_eq!(a["span"]["line"], 2);
}

#[test]
fn windows_1252_spans_index_the_decoded_text() {
    let file = root().join("fixtures/encoding-windows-1252.txt");
    let text = run(&["text", file.to_str().unwrap()]).stdout;
    let r = &lines(&run(&["extract", file.to_str().unwrap()]))[0];
    assert_eq!(r["status"], "partial");
    assert_eq!(r["source"]["encoding"], "windows-1252");
    let a = &r["amounts"][0];
    let (s, e) = (
        a["span"]["start"].as_u64().unwrap() as usize,
        a["span"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(String::from_utf8_lossy(&text[s..e]), "450 000 kr");
}

#[cfg(unix)]
#[test]
fn symlinks_are_not_followed_unless_asked_and_loops_are_reported() {
    use std::os::unix::fs::symlink;
    let dir = sample_tree();
    let elsewhere = tempfile::tempdir().unwrap();
    write(elsewhere.path(), "outside.txt", "Kostnad 9 kr.".as_bytes());
    symlink(elsewhere.path().join("outside.txt"), dir.path().join("link.txt")).unwrap();
    symlink(dir.path(), dir.path().join("a/loop")).unwrap();

    let d = dir.path().to_str().unwrap();
    let out = run(&["extract", "--root", d, d]);
    let paths: Vec<String> = lines(&out)
        .iter()
        .map(|r| r["source"]["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(paths, vec!["a/c.txt", "b.txt"], "links are skipped by default");

    let out = run(&["extract", "--follow-links", "--root", d, d]);
    let results = lines(&out);
    let paths: Vec<&str> = results.iter().map(|r| r["source"]["path"].as_str().unwrap()).collect();
    assert!(paths.contains(&"link.txt"), "{paths:?}");
    let looped: Vec<&Value> = results.iter().filter(|r| r["error"]["kind"] == "io").collect();
    assert_eq!(looped.len(), 1, "the loop is one io failure: {paths:?}");
    assert!(looped[0]["error"]["message"].as_str().unwrap().contains("loop"));
    assert_eq!(out.status.code(), Some(1));
}

#[cfg(unix)]
#[test]
fn non_utf8_file_names_stay_distinct() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(OsStr::from_bytes(b"a\xffb.txt")), "Kostnad 5 kr.").unwrap();
    fs::write(dir.path().join(OsStr::from_bytes(b"a\xfeb.txt")), "Kostnad 7 kr.").unwrap();
    // a literal `%FF` in a valid name is not the byte 0xFF
    fs::write(dir.path().join("a%FFb.txt"), "Kostnad 9 kr.").unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let out = run(&[
        "extract",
        "-o",
        out_dir.path().to_str().unwrap(),
        "--root",
        dir.path().to_str().unwrap(),
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let mut names = walk(out_dir.path());
    names.sort();
    assert_eq!(
        names,
        vec![
            ".protokoll-manifest",
            "a%25FFb.txt.json",
            "a%FEb.txt.json",
            "a%FFb.txt.json"
        ]
    );
}

#[test]
fn a_closed_pipe_ends_quietly_with_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..400 {
        write(
            dir.path(),
            &format!("{i:03}.txt"),
            "§ 1 KS 2024/1\nBudget\n\nBeslut\nKommunstyrelsen beslutar att anslå 5 mnkr.\n"
                .repeat(20)
                .as_bytes(),
        );
    }
    let mut child = std::process::Command::new(binary())
        .args(["extract", "-q", dir.path().to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 100];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take()); // like `| head -c 100`
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn the_output_format_follows_the_extension_of_o() {
    let tree = sample_tree();
    let out = tempfile::tempdir().unwrap();
    let lines_file = out.path().join("all.jsonl");
    let o = run(&[
        "extract",
        "-q",
        "-o",
        lines_file.to_str().unwrap(),
        tree.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let text = fs::read_to_string(&lines_file).expect("a JSON Lines file, not a folder");
    assert_eq!(text.lines().count(), 2);
    let db = out.path().join("minutes.db");
    let o = run(&[
        "extract",
        "-q",
        "-o",
        db.to_str().unwrap(),
        tree.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(db.is_file() && fs::read(&db).unwrap().starts_with(b"SQLite format 3"));
    for refused in ["tables.csv", "one.json"] {
        let path = out.path().join(refused);
        let o = run(&[
            "extract",
            "-q",
            "-o",
            path.to_str().unwrap(),
            tree.path().to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(2), "{refused}");
        assert!(!path.exists(), "{refused} must not be created");
        assert!(String::from_utf8_lossy(&o.stderr).contains("folder"), "{refused}");
    }
}

#[test]
fn text_prints_one_span_and_refuses_a_range_that_is_not_in_the_text() {
    let file = root().join("corpus/000_0e21439f530097b9.txt");
    let r = &lines(&run(&["extract", file.to_str().unwrap()]))[0];
    let a = &r["amounts"][0];
    let span = format!("{}..{}", a["span"]["start"], a["span"]["end"]);
    let out = run(&["text", file.to_str().unwrap(), "--span", &span]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), a["text"].as_str().unwrap());
    for bad in ["5..1", "x..3", "0..99999999"] {
        let out = run(&["text", file.to_str().unwrap(), "--span", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(out.stdout.is_empty());
    }
    // a file that cannot be read is an input's failure (1), a missing one a usage error (2)
    assert_eq!(
        run(&["text", root().join("fixtures/binary.txt").to_str().unwrap()])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(run(&["text", "/nonexistent.txt"]).status.code(), Some(2));
}

#[test]
fn sizes_take_suffixes() {
    let file = root().join("corpus/000_0e21439f530097b9.txt"); // 3174 bytes
    let status =
        |size: &str| lines(&run(&["extract", "--max-bytes", size, file.to_str().unwrap()]))[0]["status"].clone();
    assert_eq!(status("3K"), "failed");
    assert_eq!(status("4K"), "ok");
    assert_eq!(status("4KiB"), "ok");
    assert_eq!(status("1M"), "ok");
    assert_eq!(status("3174"), "ok");
    let bad = run(&["extract", "--max-bytes", "10Q", file.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("the suffix must be K, M, G or T"));
}

#[test]
fn the_summary_json_names_every_failed_and_partial_file() {
    let dir = sample_tree();
    write(dir.path(), "z.txt", &[0u8, 159, 146, 150, 0, 0, 1, 2, 3]);
    write(dir.path(), "empty.txt", b"   \n");
    let summary = dir.path().join("summary.json");
    let d = dir.path().to_str().unwrap();
    let out = run(&[
        "extract",
        "-q",
        "--summary-json",
        summary.to_str().unwrap(),
        "--root",
        d,
        d,
    ]);
    assert_eq!(out.status.code(), Some(1));
    let s: Value = serde_json::from_str(&fs::read_to_string(&summary).unwrap()).unwrap();
    assert_eq!(s["schema"], "protokoll-summary/1");
    assert_eq!(
        (s["files"].as_u64(), s["ok"].as_u64(), s["failed"].as_u64()),
        (Some(4), Some(2), Some(1))
    );
    assert_eq!(s["partial"], 1);
    let problems = s["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 2);
    assert_eq!(problems[0]["path"], "empty.txt");
    assert_eq!(problems[0]["status"], "partial");
    assert_eq!(problems[1]["path"], "z.txt");
    assert_eq!(problems[1]["kind"], "encoding");
    assert_eq!(s["skipped"]["extension"], 1, "a/notes.md");
    assert!(s["records"]["amounts"].as_u64().unwrap() >= 1);
    assert!(s["seconds"].is_number());
}

#[test]
fn help_shows_exit_codes_and_examples_and_completions_and_a_man_page_are_generated() {
    let help = String::from_utf8(run(&["--help"]).stdout).unwrap();
    assert!(help.contains("Exit codes:") && help.contains("Examples:"), "{help}");
    let version = String::from_utf8(run(&["--version"]).stdout).unwrap();
    assert_eq!(version, format!("protokoll {}\n", env!("CARGO_PKG_VERSION")));
    for shell in ["bash", "zsh", "fish"] {
        let out = run(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(
            script.contains("incremental") && script.contains("summary-json"),
            "{shell}"
        );
    }
    let man = String::from_utf8(run(&["man"]).stdout).unwrap();
    assert!(man.starts_with(".ie") || man.contains(".TH protokoll 1"), "{man}");
}

/// The defaults `extract --help` shows are the library's, which are written
/// once (`Config::default`), and the text of `--jobs` names the library's cap.
#[test]
fn extract_help_shows_the_library_defaults() {
    let help = String::from_utf8(run(&["extract", "--help"]).stdout).unwrap();
    let default_of = |flag: &str| -> String {
        let at = help
            .find(&format!("--{flag} <"))
            .unwrap_or_else(|| panic!("--{flag} in {help}"));
        let rest = &help[at..];
        let start = rest.find("[default: ").expect("a default") + "[default: ".len();
        rest[start..start + rest[start..].find(']').unwrap()].to_string()
    };
    let config = protokoll::Config::default();
    assert_eq!(config.max_bytes, protokoll::DEFAULT_MAX_BYTES);
    assert_eq!(default_of("max-bytes"), "256M");
    assert_eq!(config.max_bytes, 256 << 20);
    assert_eq!(default_of("max-pdf-decoded-bytes"), "256M");
    assert_eq!(config.max_pdf_decoded_bytes, 256 << 20);
    assert_eq!(default_of("timeout"), config.time_budget_seconds().to_string());
    assert_eq!(default_of("max-pdf-ops"), config.max_pdf_ops_per_page.to_string());
    assert_eq!(default_of("max-pdf-depth"), config.max_pdf_depth.to_string());
    let jobs = format!("at most {} per core", protokoll::JOBS_PER_CORE);
    assert!(help.contains(&jobs), "{jobs} in {help}");
}

#[test]
fn date_from_path_fills_only_a_date_the_text_does_not_state_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "ks-2024-03-05-p12.txt",
        "§ 12 Dnr KS 2024/1\nBudget\n\nBeslut\nKommunstyrelsen beslutar att anta budgeten.\n".as_bytes(),
    );
    write(
        dir.path(),
        "ks-2024-03-06-p13.txt",
        "Kommunstyrelsen\nSammanträdesdatum 2024-02-01\n\n§ 13 Dnr KS 2024/2\nBudget\n\nBeslut\nKommunstyrelsen beslutar att anta budgeten.\n".as_bytes(),
    );
    let d = dir.path().to_str().unwrap();
    let dates = |extra: &[&str]| -> Vec<(Value, Value)> {
        let mut args = vec!["extract", "--root", d];
        args.extend_from_slice(extra);
        args.push(d);
        lines(&run(&args))
            .iter()
            .map(|r| (r["document"]["date"].clone(), r["document"]["date_from"].clone()))
            .collect()
    };
    assert_eq!(
        dates(&[]),
        vec![(Value::Null, Value::Null), ("2024-02-01".into(), "text".into())]
    );
    assert_eq!(
        dates(&["--date-from-path"]),
        vec![
            ("2024-03-05".into(), "path".into()),
            ("2024-02-01".into(), "text".into())
        ]
    );
}

#[test]
fn municipality_names_the_issuer_of_every_input_and_an_unknown_one_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "ks-p12.txt",
        "§ 12 Dnr KS 2024/1\nFörsäljning av fastigheten Hindås 1:156 i Härryda kommun\n\nBeslut\nKommunstyrelsen beslutar att sälja fastigheten.\n".as_bytes(),
    );
    let d = dir.path().to_str().unwrap();
    let municipality = |extra: &[&str]| -> Value {
        let mut args = vec!["extract", "--root", d];
        args.extend_from_slice(extra);
        args.push(d);
        lines(&run(&args))[0]["document"]["municipality"].clone()
    };
    // the text names only where the property lies
    assert_eq!(municipality(&[])["name"], "Härryda");
    let named = municipality(&["--municipality", "göteborg"]);
    assert_eq!(
        (named["name"].as_str(), named["code"].as_str()),
        (Some("Göteborg"), Some("1480"))
    );
    assert_eq!(municipality(&["--municipality", "1480"])["name"], "Göteborg");
    let out = run(&["extract", "--municipality", "Atlantis", d]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not one of Sweden's 290 municipalities"));
}
