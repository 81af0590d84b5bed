//! Votes (omröstning, votering): counts, what yes and no mean, named votes.
//!
//! A vote is a result statement — "Omröstningen utfaller med 43 Ja mot 38
//! Nej", "Med 23 Ja-röster, 30 Nej-röster och 8 frånvarande ledamöter",
//! "37 Ja mot 37 Nej (7 avstår)", "beslutade med sju röster mot sex" — or a
//! roll call ("A (S), B (V) … röstar Ja (7). C (M) … röstar Nej (6)."). A
//! paragraph can hold several (one per Omröstning section, or more). What
//! yes and no mean comes from the nearest voteringsproposition or
//! omröstningsordning before the result ("Ja för bifall till X och Nej för
//! bifall till Y", "Ja-röst för X. Nej-röst för Y.", "den som vill X röstar
//! ja, den som vill Y röstar nej").

use std::ops::Range;
use std::sync::LazyLock;

use super::Doc;
use super::persons::parse_subject;
use super::place::Found;
use crate::grammar::votes::{
    COUNT_TENS as TENS, COUNT_UNITS as UNITS, MEANINGS, PARENTHESIZED_COUNT, RESULTS, ROLL_CALL, ROLL_CALL_OPTIONS,
};
use crate::grammar::{Prefilter, Rule, Windowed};
use crate::model::{NamedVote, Span, Vote, VoteCounts, VoteOption};
use crate::segment::SectionKind;

/// Each result form through its windowed matcher, and whether it has sides.
static RESULT_MATCHERS: LazyLock<Vec<(Windowed, bool)>> = LazyLock::new(|| {
    RESULTS
        .iter()
        .map(|(rule, sides)| (Windowed::of(rule), *sides))
        .collect()
});

/// Each meaning form with its prefilter.
static MEANING_MATCHERS: LazyLock<Vec<(&'static Rule, Prefilter)>> =
    LazyLock::new(|| MEANINGS.iter().map(|rule| (*rule, Prefilter::of(rule))).collect());

/// A Swedish count word or digits.
pub fn number(s: &str) -> Option<u32> {
    if let Ok(n) = s.parse() {
        return Some(n);
    }
    let s = s.to_lowercase();
    if let Some((_, n)) = UNITS.iter().find(|(u, _)| *u == s) {
        return Some(*n);
    }
    for (t, v) in TENS {
        if let Some(rest) = s.strip_prefix(t) {
            if rest.is_empty() {
                return Some(*v);
            }
            // a ten takes a unit of one to nine: "tjugoett", "trettiosju"
            return UNITS
                .iter()
                .find(|(u, n)| *u == rest && (1..10).contains(n))
                .map(|(_, n)| v + n);
        }
    }
    None
}

/// A result statement: its normalized range, its counts, and whether its
/// yes and no have sides ("med sju röster mot sex" has none).
type Statement = (Range<usize>, VoteCounts, bool);

/// Every vote in the document, in document order.
pub fn extract(doc: &Doc<'_>) -> Vec<Found<Vote>> {
    let text = doc.text();
    let mut out: Vec<Found<Vote>> = Vec::new();
    let mut previous_end = 0;
    for region in vote_regions(doc) {
        let body = &text[region.clone()];
        let mut results = result_statements(doc, region.start, body);
        let roll = roll_call(doc, region.start, body);
        if let Some(rr) = roll.range
            && results.is_empty()
            && (roll.counts.yes.is_some() || roll.counts.no.is_some())
        {
            results.push((rr, roll.counts, true));
        }
        results.sort_by_key(|(r, _, _)| r.start);
        push_votes(doc, results, roll.named, &mut previous_end, &mut out);
    }
    out.sort_by_key(|v| v.range.start);
    out.dedup_by(|a, b| a.range.start == b.range.start);
    out
}

/// Where to look: every Omröstning section, and the decision-process
/// sections for "med sju röster mot sex" (the whole text if none), with the
/// attachments sections of a text that has them (a vote list).
fn vote_regions(doc: &Doc<'_>) -> Vec<Range<usize>> {
    let mut regions: Vec<Range<usize>> = doc
        .seg
        .sections
        .iter()
        .filter(|s| {
            matches!(
                s.kind,
                SectionKind::Vote
                    | SectionKind::DecisionProcess
                    | SectionKind::PropositionOrder
                    | SectionKind::Decision
            )
        })
        .map(|s| s.body.clone())
        .collect();
    if regions.is_empty() {
        regions.push(0..doc.text().len());
        return regions;
    }
    // a vote list attached to the § ("Voteringen utfaller enligt bilaga",
    // then "Bilaga" and "Ja: 22, Nej: 23"), in document order
    regions.extend(doc.seg.sections_of(SectionKind::Attachments).map(|s| s.body.clone()));
    regions.sort_by_key(|r| r.start);
    regions
}

/// The result statements of a region `body` starting at `at`, each form in
/// turn, none overlapping one found before.
fn result_statements(doc: &Doc<'_>, at: usize, body: &str) -> Vec<Statement> {
    let mut results: Vec<Statement> = Vec::new();
    // the ranges taken so far, start → end: they never overlap, so
    // only the last one starting before a match can overlap it
    let mut taken = std::collections::BTreeMap::new();
    for (windowed, sides) in RESULT_MATCHERS.iter() {
        for (k, c) in windowed.captures_iter(body).enumerate() {
            if k % 256 == 255 && doc.expired() {
                break; // the caller reports the timeout
            }
            let Some(m) = c.get(0) else { continue };
            let (start, end) = (at + m.start(), at + m.end());
            if taken.range(..end).next_back().is_some_and(|(_, &e)| e > start) {
                continue;
            }
            let get = |name: &str| c.name(name).and_then(|g| number(g.as_str()));
            let (Some(yes), Some(no)) = (get("y"), get("n")) else {
                continue;
            };
            let counts = VoteCounts {
                yes: Some(yes),
                no: Some(no),
                abstain: get("a").or_else(|| get("a2")),
                absent: get("f"),
            };
            // the match may start with the character before the first word
            let lead = m.as_str().len() - m.as_str().trim_start_matches(|c: char| !c.is_alphanumeric()).len();
            // "med sju röster mot sex" has no yes and no side
            taken.insert(start + lead, end);
            results.push((start + lead..end, counts, *sides));
        }
    }
    results
}

/// A roll call: lists of names before "röstar Ja (7)", "röstar Nej (6)".
struct RollCall {
    named: Vec<NamedVote>,
    counts: VoteCounts,
    /// From the first list to the last count, normalized.
    range: Option<Range<usize>>,
}

/// The roll call of a region `body` starting at `at`.
fn roll_call(doc: &Doc<'_>, at: usize, body: &str) -> RollCall {
    let mut roll = RollCall {
        named: Vec::new(),
        counts: VoteCounts::default(),
        range: None,
    };
    let mut list_start = 0;
    let roll_calls = PARENTHESIZED_COUNT
        .is_match(body)
        .then(|| ROLL_CALL.captures_iter(body))
        .into_iter()
        .flatten();
    for (k, c) in roll_calls.enumerate() {
        if k % 256 == 255 && doc.expired() {
            break;
        }
        let Some(m) = c.get(0) else { continue };
        let (option, n) = if let Some(o) = c.name("opt") {
            let option = ROLL_CALL_OPTIONS
                .iter()
                .find(|(w, _)| o.as_str().eq_ignore_ascii_case(w))
                .map_or(VoteOption::No, |(_, option)| *option);
            (option, c.name("n"))
        } else if c.name("abst").is_some() {
            (VoteOption::Abstain, c.name("na"))
        } else {
            (VoteOption::Absent, c.name("nf"))
        };
        let n = n.and_then(|g| g.as_str().parse().ok());
        match option {
            VoteOption::Yes => roll.counts.yes = n,
            VoteOption::No => roll.counts.no = n,
            VoteOption::Abstain => roll.counts.abstain = n,
            VoteOption::Absent => roll.counts.absent = n,
        }
        // the names: from the end of the previous sentence or quote
        let before = &body[list_start..m.start()];
        let from = before
            .char_indices()
            .rev()
            .find(|(_, c)| matches!(c, '.' | '”' | '"' | ':'))
            .map_or(0, |(p, c)| p + c.len_utf8());
        for p in parse_subject(&before[from..]) {
            roll.named.push(NamedVote {
                name: p.name,
                party: p.party,
                option,
            });
        }
        let r = at + list_start + from..at + m.end();
        roll.range = Some(match roll.range {
            Some(prev) => prev.start..r.end,
            None => r,
        });
        list_start = m.end();
    }
    roll
}

/// The votes of a region's result statements, in order, with what yes and
/// no mean; the first one gets the roll call's names.
fn push_votes(
    doc: &Doc<'_>,
    results: Vec<Statement>,
    mut named: Vec<NamedVote>,
    previous_end: &mut usize,
    out: &mut Vec<Found<Vote>>,
) {
    for (i, (range, counts, has_sides)) in results.into_iter().enumerate() {
        if i % 256 == 255 && doc.expired() {
            break;
        }
        let (yes_means, no_means) = if has_sides {
            meaning(doc, *previous_end, range.start)
        } else {
            (None, None)
        };
        *previous_end = range.end;
        let votes = if i == 0 { std::mem::take(&mut named) } else { Vec::new() };
        let vote = Vote {
            paragraph: None,
            counts,
            yes_means,
            no_means,
            votes,
            text: String::new(),
            span: Span::default(),
        };
        out.push(Found::new(range, vote));
    }
}

/// What yes and no mean for a result at `pos`: the nearest proposition
/// before it in the same §, after the previous vote's result.
fn meaning(doc: &Doc<'_>, previous_end: usize, pos: usize) -> (Option<String>, Option<String>) {
    let text = doc.text();
    let from = doc
        .seg
        .paragraph_index_at(pos)
        .map_or(0, |i| doc.seg.paragraphs[i].range.start)
        .max(previous_end.min(pos));
    let before = &text[from..pos];
    let mut best: Option<(usize, String, String)> = None;
    for (re, prefilter) in MEANING_MATCHERS.iter() {
        if !prefilter.might_match(before) {
            continue;
        }
        for c in re.captures_iter(before) {
            let start = c.get(0).map_or(0, |m| m.start());
            if best.as_ref().is_none_or(|b| start > b.0) {
                best = Some((start, clean(&c["yes"]), clean(&c["no"])));
            }
        }
    }
    best.map_or((None, None), |(_, y, n)| (Some(y), Some(n)))
}

fn clean(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| c == '.' || c == '”' || c == '"' || c == ',')
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_words() {
        assert_eq!(number("sju"), Some(7));
        assert_eq!(number("sex"), Some(6));
        assert_eq!(number("tjugotre"), Some(23));
        assert_eq!(number("Ett"), Some(1));
        assert_eq!(number("tjugoett"), Some(21));
        assert_eq!(number("tjugonoll"), None);
        assert_eq!(number("tjugotio"), None);
        assert_eq!(number("41"), Some(41));
        assert_eq!(number("ledamöter"), None);
    }
}
