//! Footnotes, and the population counts they often state.
//!
//! A footnote is a line that starts with its marker: a superscript ("⁵ 49 326
//! invånare 2022-06-30"), or — where text extraction lost the superscript — a
//! bare number ("1 49 173 invånare den 31 december 2023"). A bare number
//! only counts when the same marker was referenced earlier glued to a word
//! ("kronor1", "fastighetsnämnden1", "kostnaden2."), so numbered lines and
//! tables are not taken for footnotes. The footnote runs on over following
//! lines until a blank line, the next footnote, or a line after a full stop.
//! In "1 49 173 invånare" the `1` is the marker and the count is 49 173.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::Doc;
use crate::model::{Footnote, Population};
use crate::swedish::{DATE_PATTERN, parse_date};

static SUPERSCRIPT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*(?P<m>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)[ \t]*(?P<t>\S.*?)\s*$").expect("superscript footnote regex")
});
static BARE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \t]*(?P<m>[1-9]\d?)[ \t]+(?P<t>\S.*?)\s*$").expect("bare footnote regex"));
/// A bare marker glued to a word, perhaps after its punctuation:
/// "kronor1", "kostnaden2.", "SKR,3". Not after a digit ("20231.2.1.").
static GLUED_REFERENCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\p{L}[.,)]?(?P<m>[1-9]\d?)(?:[^\d\p{L}]|$)").expect("glued reference regex"));
static POPULATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?P<n1>\d{1,3}(?: \d{3})+|\d{3,})\s+(?:invånare|kommuninvånare|folkbokförda)(?-u:\b)|(?:invånare|invånarantal|folkmängd)\s*:?\s*(?P<n2>\d{1,3}(?: \d{3})+|\d{3,}))")
        .expect("population regex")
});
static DATE: LazyLock<Regex> = LazyLock::new(|| Regex::new(DATE_PATTERN).expect("date regex"));

/// Every footnote of the document, in document order.
pub fn extract(doc: &Doc<'_>) -> Vec<Footnote> {
    let text = doc.text();
    let lines = &doc.seg.lines;
    // first position where each bare marker is referenced in running text
    // (only needed when some line starts with a bare number)
    // (computed when a line that could be a bare footnote is first met)
    let referenced_markers = || {
        let mut referenced: HashMap<String, usize> = HashMap::new();
        for m in GLUED_REFERENCE.find_iter(text) {
            // the digits inside the match: after the letter (and punctuation)
            let s = m.as_str();
            let Some(d0) = s.find(|c: char| c.is_ascii_digit()) else {
                continue;
            };
            let digits: String = s[d0..].chars().take_while(char::is_ascii_digit).collect();
            referenced.entry(digits).or_insert(m.start() + d0);
        }
        referenced
    };
    let mut referenced_cache: Option<HashMap<String, usize>> = None;
    let mut out = Vec::new();
    let mut after_footnote = None; // the line right after the last footnote
    let mut n = 0;
    while n < lines.len() {
        let r = lines[n].clone();
        let line = &text[r.clone()];
        // a footnote line starts with its marker
        // a footnote line starts with its marker: a superscript, or one or
        // two digits and a space
        let t = line.trim_start();
        let first = t.chars().next();
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        let bare = (1..=2).contains(&digits) && t[digits..].starts_with([' ', '\t']);
        if !(bare || first.is_some_and(|c| superscript_value(c).is_some())) {
            n += 1;
            continue;
        }
        let found = if let Some(c) = SUPERSCRIPT_LINE.captures(line) {
            let marker: String = c["m"].chars().filter_map(superscript_value).collect();
            Some((marker, c.name("t").map(|m| r.start + m.start())))
        } else if let Some(c) = BARE_LINE.captures(line) {
            let marker = c["m"].to_string();
            // a footnote starts a block: after a blank line or a finished sentence
            let prev = n.checked_sub(1).map_or("", |p| text[lines[p].clone()].trim());
            let starts_block = prev.is_empty() || prev.ends_with(['.', ':', ')']) || after_footnote == Some(n);
            let ok = starts_block
                && referenced_cache
                    .get_or_insert_with(referenced_markers)
                    .get(&marker)
                    .is_some_and(|&p| p < r.start);
            ok.then(|| (marker, c.name("t").map(|m| r.start + m.start())))
        } else {
            None
        };
        let Some((marker, Some(text_start))) = found else {
            n += 1;
            continue;
        };
        // the footnote runs on over continuation lines
        let mut end = r.end;
        let mut m = n + 1;
        while m < lines.len() {
            let prev = text[..end].trim_end();
            let next = &text[lines[m].clone()];
            if next.trim().is_empty()
                || prev.ends_with('.')
                || SUPERSCRIPT_LINE.is_match(next)
                || BARE_LINE.captures(next).is_some_and(|c| {
                    referenced_cache
                        .get_or_insert_with(referenced_markers)
                        .contains_key(&c["m"])
                })
            {
                break;
            }
            end = lines[m].end;
            m += 1;
        }
        let (span, ftext) = doc.span_and_text(text_start..end);
        let population = population(&ftext);
        out.push(Footnote {
            paragraph: doc.paragraph_at(text_start),
            marker,
            text: ftext,
            population,
            span,
        });
        n = m;
        after_footnote = Some(m);
    }
    out
}

fn superscript_value(c: char) -> Option<char> {
    "⁰¹²³⁴⁵⁶⁷⁸⁹"
        .chars()
        .position(|s| s == c)
        .and_then(|d| char::from_digit(d as u32, 10))
}

/// A population count stated in a footnote text, with its date if given.
pub fn population(text: &str) -> Option<Population> {
    let c = POPULATION.captures(text)?;
    let n = c.name("n1").or(c.name("n2"))?;
    let count: u64 = n.as_str().replace(' ', "").parse().ok()?;
    let date = DATE.find(text).and_then(|d| parse_date(d.as_str()));
    Some(Population { count, date })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn population_forms() {
        let p = population("49 326 invånare 2022-06-30").unwrap();
        assert_eq!((p.count, p.date.as_deref()), (49326, Some("2022-06-30")));
        let p = population("49 173 invånare den 31 december 2023").unwrap();
        assert_eq!((p.count, p.date.as_deref()), (49173, Some("2023-12-31")));
        assert_eq!(population("288 av landets 290 kommuner"), None);
        assert_eq!(population("Tidigare SKL, Sveriges Kommuner och Landsting"), None);
    }
}
