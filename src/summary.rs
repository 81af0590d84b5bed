//! The run summary: what was seen, what became of it, how fast.
//!
//! Counted as results arrive; rendered as text for stderr by the command
//! (the library itself never prints).

use std::collections::{BTreeMap, HashSet};

use crate::discover::{Scope, Skipped};
use crate::model::{ExtractResult, Status};
use crate::write::Known;

/// `text` with control characters (escape sequences a file name could
/// smuggle to the terminal, new lines, tabs) written as `\u{1b}`, so a
/// summary line is one line that shows what is there and does nothing else.
pub fn terminal_safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    out
}

/// A file that failed or was read only in part, for the run's report.
#[derive(Debug, Clone, serde::Serialize)]
pub struct FileProblem {
    /// The input's `source.path`.
    pub path: String,
    /// `failed` or `partial`.
    pub status: Status,
    /// The error kind (`io`, `encoding`, `pdf`, …, or `output` when the
    /// result could not be written); `null` for a partial file.
    pub kind: Option<String>,
    /// The error message, or the warnings of a partial file.
    pub message: String,
    /// A known failure: the output held a failed result of this same
    /// content (same SHA-256) from an earlier run, so it failed before and
    /// nothing changed (see [`Summary::known_failures`]).
    pub known: bool,
}

fn records_map<S: serde::Serializer>(records: &[(&'static str, usize)], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut m = s.serialize_map(Some(records.len()))?;
    for (k, n) in records {
        m.serialize_entry(k, n)?;
    }
    m.end()
}

/// Counts of a run; serialized as the `--summary-json` file.
#[derive(Debug, Default, Clone, serde::Serialize)]
pub struct Summary {
    /// Inputs extracted (ok, partial or failed; not the unchanged).
    pub files: usize,
    /// … of them `ok`.
    pub ok: usize,
    /// … of them `partial`.
    pub partial: usize,
    /// … of them `failed` (also when their result could not be written).
    pub failed: usize,
    /// … of the failed, those that are known failures: the output held a
    /// failed result of the same content from an earlier run. A nightly job
    /// with `--allow-known-failures` exits 0 when every failure is known.
    pub known_failures: usize,
    /// Skipped by an incremental run: content and tool version unchanged.
    pub unchanged: usize,
    /// Bytes of the inputs, extracted and unchanged.
    pub bytes: u64,
    /// Records found, by kind, in the contract's order.
    #[serde(serialize_with = "records_map")]
    pub records: Vec<(&'static str, usize)>,
    /// Every failed and partial input, in input order.
    pub problems: Vec<FileProblem>,
    /// What walking the folders passed over.
    pub skipped: Skipped,
    /// Into an output that keeps results (JSON folder, SQLite): inputs it
    /// held no result of.
    pub new: usize,
    /// … inputs whose content changed since the result it held.
    pub changed: usize,
    /// … inputs with the same content extracted again (a new tool version,
    /// a failure last time, `--force`).
    pub again: usize,
    /// … results of inputs under this run's arguments that no longer exist.
    pub gone: usize,
    /// How many of the gone were removed (`--prune`).
    pub pruned: usize,
    /// Whether the output keeps results (so the counts above mean something).
    pub keeps_results: bool,
    /// What the output held as the run began, by input path.
    #[serde(skip)]
    held: BTreeMap<String, Known>,
    /// The input paths this run saw (extracted or unchanged).
    #[serde(skip)]
    seen: HashSet<String>,
}

impl Summary {
    /// The counts of a run into an output that held `held` from earlier
    /// runs (`None`: an output that keeps nothing, JSON Lines or CSV).
    pub(crate) fn for_output(held: Option<BTreeMap<String, Known>>) -> Summary {
        Summary {
            keeps_results: held.is_some(),
            held: held.unwrap_or_default(),
            ..Summary::default()
        }
    }

    /// The paths the output holds results of, under `scope`, that this run
    /// did not see: inputs deleted or renamed since (see [`Scope::gone`]).
    pub(crate) fn gone_paths(&self, scope: &Scope) -> Vec<String> {
        scope.gone(self.held.keys(), &self.seen)
    }

    /// Count an extracted (or failed) input, and what it is to the output
    /// (new, changed or extracted again).
    pub(crate) fn add(&mut self, r: &ExtractResult) {
        self.files += 1;
        self.bytes += r.source.bytes;
        let held = self.held.get(&r.source.path);
        if self.keeps_results {
            match held {
                None => self.new += 1,
                Some(k) if k.sha256 != r.source.sha256 => self.changed += 1,
                Some(_) => self.again += 1,
            }
        }
        let known = held.is_some_and(|k| k.status == Status::Failed && k.sha256 == r.source.sha256);
        self.seen.insert(r.source.path.clone());
        match r.status {
            Status::Ok => self.ok += 1,
            Status::Partial => {
                self.partial += 1;
                self.problems.push(FileProblem {
                    path: r.source.path.clone(),
                    status: Status::Partial,
                    kind: None,
                    message: r.warnings.join("; "),
                    known: false,
                });
            }
            Status::Failed => {
                self.failed += 1;
                self.known_failures += usize::from(known);
                if let Some(e) = &r.error {
                    self.problems.push(FileProblem {
                        path: r.source.path.clone(),
                        status: Status::Failed,
                        kind: Some(e.kind.as_str().to_string()),
                        message: e.message.clone(),
                        known,
                    });
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

    /// An input counted by [`Self::add`] whose result could not be written:
    /// it counts as failed, with the writer's message.
    pub(crate) fn add_output_failure(&mut self, path: &str, status: Status, message: &str) {
        match status {
            Status::Ok => self.ok = self.ok.saturating_sub(1),
            Status::Partial => self.partial = self.partial.saturating_sub(1),
            Status::Failed => self.failed = self.failed.saturating_sub(1),
        }
        self.failed += 1;
        // a result that could not be written is never a known failure
        let was_known = self.problems.iter().any(|p| p.path == path && p.known);
        self.known_failures -= usize::from(was_known);
        self.problems.retain(|p| p.path != path);
        self.problems.push(FileProblem {
            path: path.to_string(),
            status: Status::Failed,
            kind: Some("output".to_string()),
            message: message.to_string(),
            known: false,
        });
    }

    /// Whether every failed input is a known failure (none failed, or each
    /// failed before with the same content): what `--allow-known-failures`
    /// exits 0 on.
    pub fn only_known_failures(&self) -> bool {
        self.failed == self.known_failures
    }

    /// Count an input an incremental run skipped.
    pub(crate) fn add_unchanged(&mut self, path: String, bytes: u64) {
        self.seen.insert(path);
        self.files += 1;
        self.unchanged += 1;
        self.bytes += bytes;
    }

    /// The summary as JSON (`--summary-json`), for a run that took `secs`
    /// seconds: every count above, `records` by kind, `problems` (every
    /// failed and partial file), `skipped` by reason and `seconds`.
    pub fn to_json(&self, secs: f64) -> String {
        let mut v = serde_json::to_value(self).unwrap_or_default();
        if let Some(m) = v.as_object_mut() {
            m.insert("schema".into(), "protokoll-summary/1".into());
            m.insert("seconds".into(), serde_json::json!((secs * 1000.0).round() / 1000.0));
        }
        serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
    }

    /// The summary as text, for a run that took `secs` seconds.
    pub fn report(&self, secs: f64) -> String {
        let rate = if secs > 0.0 { self.bytes as f64 / secs } else { 0.0 };
        let mut s = format!(
            "protokoll: {} file{}: {} ok, {} partial, {} failed{}, {} skipped (unchanged); {} in {:.2} s ({}/s)\n",
            self.files,
            if self.files == 1 { "" } else { "s" },
            self.ok,
            self.partial,
            self.failed,
            match self.known_failures {
                0 => String::new(),
                n => format!(" ({n} known)"),
            },
            self.unchanged,
            size_text(self.bytes as f64),
            secs,
            size_text(rate),
        );
        // every kind, also when nothing was extracted
        let recs: Vec<String> = if self.records.is_empty() {
            std::iter::once("documents")
                .chain(crate::model::RECORD_KINDS.iter().copied())
                .map(|k| format!("{k} 0"))
                .collect()
        } else {
            self.records.iter().map(|(k, n)| format!("{k} {n}")).collect()
        };
        s.push_str(&format!("records: {}\n", recs.join(", ")));
        if self.keeps_results {
            let gone = match (self.gone, self.pruned) {
                (0, _) => "0 gone".to_string(),
                (g, 0) => format!("{g} gone (their results stay; --prune removes them)"),
                (g, p) => format!("{g} gone ({p} removed)"),
            };
            s.push_str(&format!(
                "output: {} new, {} changed, {} extracted again, {} unchanged, {gone}\n",
                self.new, self.changed, self.again, self.unchanged
            ));
        }
        s.push_str(&self.problems_of(Status::Partial, "partial"));
        if self.files > 0 && !self.skipped.is_empty() {
            s.push_str(&format!("not read{}\n", self.skipped_text()));
        }
        s.push_str(&self.problems_report());
        s
    }

    /// What even a quiet run prints: that no input was found, and the
    /// failed inputs.
    pub fn problems_report(&self) -> String {
        let mut s = String::new();
        if self.files == 0 {
            s.push_str(&format!(
                "protokoll: warning: no input file found{}\n",
                self.skipped_text()
            ));
        }
        s.push_str(&self.problems_of(Status::Failed, "failed"));
        s
    }

    /// What the walks passed over, as ": N with another extension, …" (or
    /// " (no file was skipped)").
    fn skipped_text(&self) -> String {
        let k = &self.skipped;
        let parts: Vec<String> = [
            (
                k.extension,
                "file with an extension other than .txt or .pdf",
                "files with an extension other than .txt or .pdf",
            ),
            (k.hidden, "hidden file or folder", "hidden files and folders"),
            (
                k.links,
                "symbolic link (see --follow-links)",
                "symbolic links (see --follow-links)",
            ),
        ]
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| format!("{n} {}", if *n == 1 { one } else { many }))
        .collect();
        if parts.is_empty() {
            " (no file was skipped either)".to_string()
        } else {
            format!(": skipped {}", parts.join(", "))
        }
    }

    /// The inputs of one status under a `title:` line, one per line as
    /// `path [kind] message` (empty when there are none).
    fn problems_of(&self, status: Status, title: &str) -> String {
        let mut s = String::new();
        for p in self.problems.iter().filter(|p| p.status == status) {
            if s.is_empty() {
                s.push_str(title);
                s.push_str(":\n");
            }
            let line = match &p.kind {
                Some(kind) => format!("{} [{kind}] {}", p.path, p.message),
                None => format!("{} {}", p.path, p.message),
            };
            let line = if p.known {
                line + " (known: it failed last time too, with the same content)"
            } else {
                line
            };
            s.push_str("  ");
            s.push_str(&terminal_safe(&line));
            s.push('\n');
        }
        s
    }
}

/// A number of bytes as people read it: "812 bytes", "3.2 kB", "81.4 MB",
/// "1.2 GB" (powers of 1000, one decimal).
fn size_text(bytes: f64) -> String {
    match bytes {
        b if b < 1e3 => format!("{b:.0} bytes"),
        b if b < 1e6 => format!("{:.1} kB", b / 1e3),
        b if b < 1e9 => format!("{:.1} MB", b / 1e6),
        b => format!("{:.1} GB", b / 1e9),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_shown_in_a_unit_that_fits() {
        assert_eq!(size_text(812.0), "812 bytes");
        assert_eq!(size_text(3174.0), "3.2 kB");
        assert_eq!(size_text(81_400_000.0), "81.4 MB");
        assert_eq!(size_text(1.2e9), "1.2 GB");
    }

    #[test]
    fn an_empty_run_lists_every_kind_and_one_skipped_file_is_singular() {
        let mut s = Summary::default();
        s.skipped.links = 1;
        let report = s.report(0.0);
        assert!(
            report.contains("records: documents 0, paragraphs 0, decisions 0"),
            "{report}"
        );
        assert!(
            s.problems_report().contains("skipped 1 symbolic link (see"),
            "{}",
            s.problems_report()
        );
    }

    #[test]
    fn one_file_is_singular() {
        let mut s = Summary::default();
        s.add_unchanged("a".into(), 10);
        assert!(s.report(1.0).starts_with("protokoll: 1 file: "), "{}", s.report(1.0));
        s.add_unchanged("a".into(), 10);
        assert!(s.report(1.0).starts_with("protokoll: 2 files: "));
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        assert_eq!(terminal_safe("a\u{1b}[31mb\u{7}"), "a\\u{1b}[31mb\\u{7}");
    }
}
