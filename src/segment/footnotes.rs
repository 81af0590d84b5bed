//! Footnotes as layout: the lines that start with a footnote marker, found
//! before any record because two record kinds need them — the footnotes
//! themselves, and the amounts whose marker ("96 000 kronor⁵") refers to one.
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
use std::ops::Range;

use crate::grammar::footnotes::{BARE_LINE, SUPERSCRIPT_LINE};

/// A footnote's lines: its marker and its text (without the marker).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FootnoteLine {
    /// The marker as digits ("5" for "⁵").
    pub marker: String,
    /// The footnote's text in the normalized text, over its lines.
    pub range: Range<usize>,
}

/// Every footnote of a text with these lines, in document order.
pub fn footnote_lines(text: &str, lines: &[Range<usize>]) -> Vec<FootnoteLine> {
    // first position where each bare marker is referenced in running text,
    // looked up when a line that could be its footnote is met
    let mut referenced: HashMap<String, Option<usize>> = HashMap::new();
    let mut first_reference = |marker: &str| {
        *referenced
            .entry(marker.to_string())
            .or_insert_with(|| first_glued_reference(text, marker))
    };
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
            let ok = starts_block && first_reference(&marker).is_some_and(|p| p < r.start);
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
                || BARE_LINE
                    .captures(next)
                    .is_some_and(|c| first_reference(&c["m"]).is_some())
            {
                break;
            }
            end = lines[m].end;
            m += 1;
        }
        out.push(FootnoteLine {
            marker,
            range: text_start..end,
        });
        n = m;
        after_footnote = Some(m);
    }
    out
}

/// Where bare marker `marker` (one or two digits, not starting with 0) is
/// first referenced glued to a word, perhaps after its punctuation:
/// "kronor1", "kostnaden2.", "SKR,3" — but not after or before another digit
/// ("20231.2.1.", "a12" for marker 1) nor before a letter. Found by
/// searching for the digits themselves, which are rare, rather than running
/// a pattern over the whole text.
fn first_glued_reference(text: &str, marker: &str) -> Option<usize> {
    let is_letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
    memchr::memmem::find_iter(text.as_bytes(), marker.as_bytes()).find(|&p| {
        let after = text[p + marker.len()..].chars().next();
        if after.is_some_and(|c| c.is_ascii_digit() || c.is_alphabetic()) {
            return false;
        }
        let mut before = text[..p].chars().rev();
        match before.next() {
            Some('.' | ',' | ')') => is_letter(before.next()),
            c => is_letter(c),
        }
    })
}

fn superscript_value(c: char) -> Option<char> {
    "⁰¹²³⁴⁵⁶⁷⁸⁹"
        .chars()
        .position(|s| s == c)
        .and_then(|d| char::from_digit(d as u32, 10))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glued_references() {
        let f = first_glued_reference;
        assert_eq!(f("kostar 5 kronor1 per år", "1"), Some(15));
        assert_eq!(f("enligt kostnaden2. Sedan", "2"), Some(16));
        assert_eq!(f("enligt SKR,3 och", "3"), Some(11));
        assert_eq!(f("fastighetsnämnden)4", "4"), Some(19));
        // not after or before a digit, not before a letter, not loose
        assert_eq!(f("version 20231.2.1.", "1"), None);
        assert_eq!(f("punkt a12 och", "1"), None);
        assert_eq!(f("A1b", "1"), None);
        assert_eq!(f("se 1 nedan", "1"), None);
        // the first of several, and two digits as one marker
        assert_eq!(f("x 1 och år1 och år1", "1"), Some(11));
        assert_eq!(f("år12 och år1", "12"), Some(3));
    }
}
