//! Recipients: the addressees of a decision.
//!
//! Under "Beslutet ska skickas till", "Beslutet skickas till",
//! "Protokollsutdrag skickas till", "Expedieras till" or "Sändlista" the
//! minutes list who receives the decision: one per line (a comma after a
//! unit or a role is part of the name: "Kansliavdelning,
//! kommunledningsförvaltningen", "Verksamhetschef myndighet, Individ &
//! Familjeomsorg"), or separated by commas on one line or over wrapped
//! lines ("…, tekniska\nnämnden, avdelningen för ekonomi
//! och hållbarhet"). "och" inside a name ("avdelningen för ekonomi och
//! hållbarhet") never splits it. A document label before the addressee
//! ("Skrivelse till Justitiedepartementet") and a comment after a dash
//! ("Exploateringsnämnden – Återremiss") are not part of the name. The list
//! ends at the next heading, at a signature/justering line, or at a line of
//! prose after a blank line.

use std::ops::Range;

use super::Doc;
use super::place::Found;
use crate::grammar::recipients::{BULLET, CONTINUING_WORDS, LABEL_PREFIX, MAX_WORDS_AFTER_BLANK, STOP_LINE};
use crate::model::{Recipient, Span};
use crate::segment::SectionKind;
use crate::swedish::is_body_name;

/// Every recipient, in document order.
pub fn extract(doc: &Doc<'_>) -> Vec<Found<Recipient>> {
    let text = doc.text();
    let mut out = Vec::new();
    for section in doc.seg.sections_of(SectionKind::Recipients) {
        for item in items(text, section.body.clone()) {
            let recipient = Recipient {
                paragraph: None,
                name: String::new(),
                text: String::new(),
                span: Span::default(),
            };
            out.push(Found::new(item, recipient));
        }
    }
    out
}

/// The name ranges of a recipients section body.
fn items(text: &str, body: Range<usize>) -> Vec<Range<usize>> {
    // logical lines: a comma list may wrap onto the next line
    let mut logical: Vec<Range<usize>> = Vec::new();
    // which logical lines were wrapped over more than one line
    let mut wrapped: Vec<bool> = Vec::new();
    let mut pos = body.start;
    let mut joinable = false;
    let mut after_blank = false;
    for raw in text[body.clone()].split_inclusive('\n') {
        let r = pos..pos + raw.trim_end_matches('\n').len();
        pos += raw.len();
        let line = &text[r.clone()];
        let t = line.trim();
        if t.is_empty() {
            joinable = false;
            after_blank = !logical.is_empty();
            continue;
        }
        if STOP_LINE.is_match(t) || t.chars().count() > 200 {
            break;
        }
        // the list's block has ended: a sentence after a blank line
        if after_blank && t.split_whitespace().count() > MAX_WORDS_AFTER_BLANK {
            break;
        }
        after_blank = false;
        let starts_lower = t.chars().next().is_some_and(char::is_lowercase);
        match logical.last_mut() {
            Some(last) if joinable && starts_lower => {
                last.end = r.end;
                if let Some(w) = wrapped.last_mut() {
                    *w = true;
                }
            }
            _ => {
                logical.push(r.clone());
                wrapped.push(false);
            }
        }
        let t_end = t.trim_end();
        joinable = t.contains(',') && !t_end.ends_with(',')
            || CONTINUING_WORDS
                .iter()
                .any(|w| t_end.strip_suffix(w).is_some_and(|t| t.ends_with(' ')));
        if t_end.ends_with(',') {
            joinable = true;
        }
    }
    // one recipient per line keeps its commas ("Kansliavdelning,
    // kommunledningsförvaltningen"); a comma list runs on one line or
    // wraps over several
    let one_per_line = logical.len() > 1;
    let mut out = Vec::new();
    for (l, wrapped) in logical.into_iter().zip(wrapped) {
        // a unit or a role before one comma, the body or unit it belongs to
        // after it (no address: "…, klimat2030@vgregion.se" is a second one)
        let line = &text[l.clone()];
        let one_comma = line.matches([',', ';']).count() == 1;
        let first = line.split([',', ';']).next().unwrap_or("");
        if one_per_line && !wrapped && one_comma && !line.contains('@') && !is_body_name(first) {
            out.extend(clean(text, l));
            continue;
        }
        let mut start = l.start;
        let mut depth = 0i32;
        for (i, ch) in text[l.clone()].char_indices() {
            match ch {
                '(' => depth += 1,
                ')' => depth -= 1,
                ',' | ';' if depth <= 0 => {
                    out.extend(clean(text, start..l.start + i));
                    start = l.start + i + 1;
                }
                _ => {}
            }
        }
        out.extend(clean(text, start..l.end));
    }
    out
}

/// Trim an item to the addressee's name.
fn clean(text: &str, r: Range<usize>) -> Option<Range<usize>> {
    let mut s = r.start;
    let mut e = r.end;
    let slice = &text[s..e];
    if slice.trim().is_empty() {
        return None;
    }
    s += slice.len() - slice.trim_start().len();
    e -= slice.len() - slice.trim_end().len();
    if let Some(b) = BULLET.find(&text[s..e]) {
        s += b.end();
    }
    if let Some(l) = LABEL_PREFIX.find(&text[s..e]) {
        s += l.end();
    }
    for dash in [" – ", " - ", " — "] {
        if let Some(p) = text[s..e].find(dash) {
            e = s + p;
        }
    }
    // a trailing comment in parentheses: "Kommunstyrelsen (för kännedom)"
    let t = &text[s..e];
    if t.ends_with(')')
        && let Some(p) = t.rfind(" (")
    {
        e = s + p;
    }
    let t = text[s..e].trim_end_matches(['.', ':', ' ']);
    e = s + t.len();
    let first = t.chars().next()?;
    (first.is_alphabetic() && t.chars().count() <= 120).then_some(s..e)
}
