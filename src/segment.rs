//! Segmentation: § paragraphs and named sections of the normalized text.
//!
//! Swedish minutes are organized as §§ ("§ 218 KFKS 2019/266"), each with a
//! title and named sections (Beslut, Yrkanden, Beslutsgång, Reservation, …).
//! Extractors ask the segmentation which § a position belongs to and where a
//! section of a given kind begins and ends, instead of each re-discovering the
//! layout. Headings are recognized on their own line ("Reservation"), inline
//! at the start of a line ("Sammanfattning Fastighetsnämnden föreslår …", as
//! in text extracted from some PDFs), in Markdown dress ("## Beslut",
//! "**Beslut**") and letter-spaced ("Protokol I santeckni ngar").
//! A § ends at the next § or where another document of a case file begins
//! (a tjänsteutlåtande, a protocol's signature block).

pub mod footnotes;

pub use footnotes::FootnoteLine;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use crate::budget::{Deadline, TimedOut};
use crate::grammar::case_numbers::{CASE_LABEL, CaseForm, FILING_PLAN_CODE, FORMATS, GLUED_YEAR};
use crate::grammar::headings::{
    ATTACHMENT_LINE, BOUNDARY_LINE, CONTENTS_LINE, DATE_IN_LINE, DATE_ONLY_LINE, GLUED_HEADER_PREFIX, INLINE_HEADINGS,
    NOT_TRAILING_TITLES, PARA_HEADING_START, REGULATION_TITLE, RIGHT_COLUMN_DATE, SECTION_HEADINGS, TRAILING_CASE,
    TRAILING_PARA_HEADING,
};
use crate::grammar::{Ends, FirstChars};

/// The kinds of named sections the extractors care about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SectionKind {
    /// Beslut: the decision of the body.
    Decision,
    /// Förslag till beslut: a proposed decision.
    Proposal,
    /// Sammanfattning (av ärendet).
    Summary,
    /// Ärendet / Beskrivning av ärendet / Bakgrund.
    Matter,
    /// Beslutsunderlag / Handlingar.
    Basis,
    /// Yrkanden / Ledamöternas förslag till beslut: members' motions.
    Motions,
    /// Propositionsordning: how the chair put the motions to the meeting.
    PropositionOrder,
    /// Beslutsgång: the course of the decision.
    DecisionProcess,
    /// Omröstning / Omröstningsresultat: a vote.
    Vote,
    /// Reservation(er).
    Reservation,
    /// Protokollsanteckning(ar): statements entered into the minutes.
    Note,
    /// Jäv: members who are disqualified.
    Disqualification,
    /// Särskilt yttrande: a special statement (not a note).
    Statement,
    /// Ärendets (tidigare) behandling: earlier treatment.
    Treatment,
    /// Ekonomiska konsekvenser.
    Economy,
    /// Bedömning (an administration's assessment).
    Assessment,
    /// Bilaga(or).
    Attachments,
    /// The addressees: "Beslutet skickas till", "Expedieras till", …
    Recipients,
    /// Justering.
    Adjustment,
    /// Any other recognized heading (e.g. "Beslutande sammanträde").
    Other,
}

/// A § of the document.
#[derive(Debug, Clone)]
pub struct ParagraphSeg {
    pub number: String,
    pub case_numbers: Vec<String>,
    pub title: Option<String>,
    /// The heading line.
    pub heading: Range<usize>,
    /// The whole §, heading included.
    pub range: Range<usize>,
}

/// A named section.
#[derive(Debug, Clone)]
pub struct Section {
    pub kind: SectionKind,
    /// The heading as written (normalized text range).
    pub heading: Range<usize>,
    /// The section's content, up to the next heading.
    pub body: Range<usize>,
    /// Index into [`Segmented::paragraphs`].
    pub paragraph: Option<usize>,
}

/// The layout of a normalized document.
#[derive(Debug, Clone, Default)]
pub struct Segmented {
    /// Every line of the normalized text (without its `\n`).
    pub lines: Vec<Range<usize>>,
    /// The §§, in document order.
    pub paragraphs: Vec<ParagraphSeg>,
    /// The headed sections (beslut, yrkanden, …), in document order.
    pub sections: Vec<Section>,
    /// Starts of lines where another document of a case file begins.
    pub boundaries: Vec<usize>,
    /// The footnotes, in document order.
    pub footnotes: Vec<FootnoteLine>,
}

impl Segmented {
    /// Index of the § containing `pos`.
    pub fn paragraph_index_at(&self, pos: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.range.start <= pos);
        let i = i.checked_sub(1)?;
        self.paragraphs[i].range.contains(&pos).then_some(i)
    }

    /// Number of the § containing `pos`.
    pub fn paragraph_at(&self, pos: usize) -> Option<String> {
        self.paragraph_index_at(pos).map(|i| self.paragraphs[i].number.clone())
    }

    /// The section whose body contains `pos`.
    pub fn section_at(&self, pos: usize) -> Option<&Section> {
        let i = self.sections.partition_point(|s| s.body.start <= pos);
        let s = self.sections.get(i.checked_sub(1)?)?;
        (s.body.contains(&pos)).then_some(s)
    }

    /// All sections of one kind, in document order.
    pub fn sections_of(&self, kind: SectionKind) -> impl Iterator<Item = &Section> {
        self.sections.iter().filter(move |s| s.kind == kind)
    }
}

/// Parse a case number at the start of `s`; returns it and the bytes used.
pub fn parse_case_number(s: &str) -> Option<(String, usize)> {
    let label = CASE_LABEL.find(s).map_or(0, |m| m.end());
    let rest = &s[label..];
    FORMATS.iter().find_map(|(rule, form)| {
        let c = rule.captures(rest)?;
        let used = label + c.get(0)?.end();
        let case = match form {
            CaseForm::AsWritten => c.name("case")?.as_str().to_string(),
            CaseForm::NumberSlashYear => number_slash_year(&c)?,
        };
        Some((case, used))
    })
}

/// "number/year" from a [`CaseForm::NumberSlashYear`] match: a year of two
/// or four digits, or four with a filing-plan code glued to it.
fn number_slash_year(c: &regex::Captures<'_>) -> Option<String> {
    let num = c.name("c")?.as_str();
    let year = c.name("cy")?.as_str();
    let filing = c.name("cf").map_or("", |m| m.as_str());
    let year = match year.len() {
        2 | 4 => year,
        // "00265/20241.1.4.": a filing-plan code glued to the year
        n if n > 4 && GLUED_YEAR.is_match(year) && (!filing.is_empty() || n <= 6) => &year[..4],
        _ => return None,
    };
    Some(format!("{num}/{year}"))
}

/// Reduce a heading candidate to its lookup key.
/// The key a heading line is looked up by: its letters, lower-cased, without
/// white space and punctuation (so "B e s l u t", "**Beslut:**" and
/// "BESLUT" are all "beslut"), written into `buf`; `None` when the line is
/// longer than any heading. A capital I after a lower-case letter counts as
/// l (a misreading in letter-spaced text extracted from PDFs).
fn heading_key<'b>(line: &str, buf: &'b mut [u8; LONGEST_HEADING_KEY + 4]) -> Option<&'b str> {
    if line.len() > 300 {
        return None; // longer than any heading, even letter-spaced
    }
    let t = strip_markdown(line);
    // every ASCII letter or digit adds a byte to the key: most lines have
    // more of them than the longest key, which one quick count tells
    if t.is_empty() || t.bytes().filter(u8::is_ascii_alphanumeric).count() > LONGEST_HEADING_KEY {
        return None;
    }
    let mut len = 0;
    let mut previous: Option<char> = None;
    for c in t.chars() {
        if c.is_whitespace() || matches!(c, ':' | ',' | '.' | '(' | ')' | '*' | '_') {
            continue;
        }
        // "B e s I u t": an I after a lower-case letter is a misread l; in
        // capitals ("OMRÖSTNING", "RESERVATIONER") it is an i
        let lower = if c == 'I' && previous.is_some_and(char::is_lowercase) {
            'l'
        } else {
            c
        };
        previous = Some(c);
        for l in lower.to_lowercase() {
            if len + l.len_utf8() > LONGEST_HEADING_KEY {
                return None; // no heading is that long: stop early
            }
            len += l.encode_utf8(&mut buf[len..]).len();
        }
    }
    // (tested last: most lines are given up above, long before their end)
    if t.chars().nth(60).is_some() {
        return None; // over 60 characters
    }
    std::str::from_utf8(&buf[..len]).ok()
}

/// The key [`heading_key`] gives a line, as a string (for tests).
#[cfg(test)]
pub(crate) fn heading_key_of(line: &str) -> Option<String> {
    let mut buf = [0u8; LONGEST_HEADING_KEY + 4];
    heading_key(line, &mut buf).map(str::to_string)
}

/// The length in bytes of the longest key in [`SECTION_HEADINGS`].
const LONGEST_HEADING_KEY: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < SECTION_HEADINGS.len() {
        if SECTION_HEADINGS[i].0.len() > longest {
            longest = SECTION_HEADINGS[i].0.len();
        }
        i += 1;
    }
    longest
};

static HEADING_KINDS: LazyLock<HashMap<&'static str, SectionKind>> = LazyLock::new(|| {
    let mut kinds = HashMap::new();
    for (key, kind) in SECTION_HEADINGS {
        kinds.entry(*key).or_insert(*kind); // the first entry wins, as in a scan
    }
    kinds
});

fn strip_markdown(line: &str) -> &str {
    let mut t = line.trim();
    t = t.trim_start_matches('#').trim();
    for wrap in ["**", "__"] {
        if let Some(inner) = t.strip_prefix(wrap).and_then(|x| x.strip_suffix(wrap)) {
            t = inner.trim();
        }
    }
    t
}

/// Whether a line is a section heading (on its own line).
pub fn is_heading(line: &str) -> bool {
    lookup_heading(line).is_some()
}

/// The kind of section the line `line` heads on its own, if any.
pub(crate) fn lookup_heading(line: &str) -> Option<SectionKind> {
    let mut buf = [0u8; LONGEST_HEADING_KEY + 4];
    let key = heading_key(line, &mut buf)?;
    HEADING_KINDS.get(key).copied()
}

/// An inline heading: the kind and where the text after it starts (bytes
/// into `line`).
pub(crate) fn inline_heading(line: &str) -> Option<(SectionKind, usize)> {
    let lead = line.len() - line.trim_start().len();
    let t = &line[lead..];
    // most lines start with a byte no inline heading starts with
    static FIRST_BYTES: LazyLock<[bool; 256]> = LazyLock::new(|| {
        let mut first = [false; 256];
        for (phrase, _) in INLINE_HEADINGS {
            first[usize::from(phrase.as_bytes()[0])] = true;
        }
        first
    });
    if !t.as_bytes().first().is_some_and(|&b| FIRST_BYTES[usize::from(b)]) {
        return None;
    }
    for (phrase, kind) in INLINE_HEADINGS {
        if let Some(rest) = t.strip_prefix(phrase) {
            let after = rest.trim_start_matches([':', ' ']);
            if after.len() == rest.len() || after.is_empty() {
                continue; // the heading word runs on ("Beslutet", "Ärendets") or nothing follows
            }
            let first = after.chars().next()?;
            let ok = first.is_uppercase() || first.is_ascii_digit() || *kind == SectionKind::Recipients;
            if ok {
                return Some((*kind, line.len() - after.len()));
            }
        }
    }
    None
}

/// Segment a normalized text.
pub fn segment(text: &str) -> Segmented {
    match segment_within(text, Deadline::NONE) {
        Ok(s) => s,
        Err(TimedOut) => unreachable!("no deadline, no time-out"),
    }
}

/// [`segment`] within a time budget, checked every few thousand lines.
pub fn segment_within(text: &str, deadline: Deadline) -> Result<Segmented, TimedOut> {
    let lines = line_ranges(text);
    let Scanned {
        mut paragraphs,
        heads,
        boundaries,
        attachments,
    } = scan_lines(text, &lines, deadline)?;

    // A § runs to the next § or to the next case-file boundary.
    let stops: Vec<usize> = {
        let mut v: Vec<usize> = paragraphs
            .iter()
            .map(|p| p.range.start)
            .chain(boundaries.iter().copied())
            .collect();
        v.sort_unstable();
        v
    };
    for p in &mut paragraphs {
        let end = first_after(&stops, p.range.start).unwrap_or(text.len());
        p.range.end = end.max(p.heading.end);
    }
    let footnotes = footnotes::footnote_lines(text, &lines);
    let seg = Segmented {
        lines,
        paragraphs,
        sections: Vec::new(),
        boundaries,
        footnotes,
    };
    // a section also ends where an attachment begins
    let section_stops = stops.into_iter().chain(attachments).collect();
    let sections = sections_of_heads(text, &seg, heads, section_stops);
    Ok(Segmented { sections, ..seg })
}

/// The lines of `text` (without their `\n`), the last one included even when empty.
fn line_ranges(text: &str) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
        lines.push(start..i);
        start = i + 1;
    }
    lines.push(start..text.len());
    lines
}

/// The characters a line where another document begins can start with
/// (white space among them), derived from [`BOUNDARY_LINE`].
static BOUNDARY_FIRST: LazyLock<FirstChars> = LazyLock::new(|| FirstChars::of(&[&BOUNDARY_LINE]));

/// The characters a line where an attachment begins can start with,
/// derived from [`ATTACHMENT_LINE`].
static ATTACHMENT_FIRST: LazyLock<FirstChars> = LazyLock::new(|| FirstChars::of(&[&ATTACHMENT_LINE]));

/// What a line of a table of contents ends with (its page number's last
/// digit), derived from [`CONTENTS_LINE`].
static CONTENTS_END: LazyLock<Ends> = LazyLock::new(|| Ends::of(&CONTENTS_LINE));

/// How far an article's number may run ahead of the last one seen as a
/// heading (articles whose § stands inside a line are no headings).
const ARTICLE_STEP: u32 = 3;

/// What a regulating document's title can start with, derived from
/// [`REGULATION_TITLE`].
static REGULATION_FIRST: LazyLock<FirstChars> = LazyLock::new(|| FirstChars::of(&[&REGULATION_TITLE]));

/// A line with a page header's date on its right ends with a digit,
/// derived from [`RIGHT_COLUMN_DATE`].
static RIGHT_COLUMN_END: LazyLock<Ends> = LazyLock::new(|| Ends::of(&RIGHT_COLUMN_DATE));

/// A section heading found by [`scan_lines`]; its body ends where the next stop is.
struct Head {
    kind: SectionKind,
    heading: Range<usize>,
    body_start: usize,
}

/// What one pass over the lines finds: §§ (their ends open), headings and boundaries.
struct Scanned {
    paragraphs: Vec<ParagraphSeg>,
    heads: Vec<Head>,
    boundaries: Vec<usize>,
    /// Starts of lines where an attachment begins (sections end there).
    attachments: Vec<usize>,
}

/// Find the § headings, section headings and case-file boundaries, line by line.
fn scan_lines(text: &str, lines: &[Range<usize>], deadline: Deadline) -> Result<Scanned, TimedOut> {
    let mut paragraphs: Vec<ParagraphSeg> = Vec::new();
    let mut heads: Vec<Head> = Vec::new();
    let mut boundaries = Vec::new();
    let mut attachments = Vec::new();
    // after a regulating document's title, the number of its last article:
    // "§ 1 Firma", "§ 2 Säte" … numbered on from 1 are no meeting §§
    let mut articles: Option<u32> = None;
    let mut n = 0;
    while n < lines.len() {
        deadline.check_every(n, 4096)?;
        let r = lines[n].clone();
        let line = &text[r.clone()];
        if line.trim().is_empty() {
            n += 1;
            continue;
        }
        // cheap tests first: a § heading has a §, a boundary line starts
        // with one of a few characters
        // (a chapter's title may run on into its first article's line)
        if REGULATION_FIRST.might_match(line) && REGULATION_TITLE.is_match(line) {
            articles = Some(0);
        }
        if line.contains('§')
            && let Some(p) = paragraph_heading(text, lines, n)
        {
            let number: Option<u32> = p.0.number.parse().ok();
            let article = match (articles, number) {
                // numbered on, perhaps past an article whose § stands inside
                // a line (no heading); the first (after the title) a low
                // number without a case number (an article citing a law,
                // "lag (1978:234)", reads as if it had one)
                (Some(0), Some(k)) => k <= ARTICLE_STEP * 3 && p.0.case_numbers.is_empty(),
                (Some(last), Some(k)) => k > last && k <= last + ARTICLE_STEP,
                _ => false,
            };
            if article {
                articles = number;
                n += 1;
                continue;
            }
            articles = None;
            n = p.1;
            paragraphs.push(p.0);
            continue;
        }

        if BOUNDARY_FIRST.might_match(line) && BOUNDARY_LINE.is_match(line) {
            boundaries.push(r.start);
        }
        if ATTACHMENT_FIRST.might_match(line) && ATTACHMENT_LINE.is_match(line)
            || CONTENTS_END.might_match(line) && CONTENTS_LINE.is_match(line)
            // anchored at the line's start: the regex gives up at once
            || DATE_ONLY_LINE.is_match(line)
        {
            attachments.push(r.start);
        }
        if let Some(h) = section_head(text, r) {
            heads.push(h);
        }
        n += 1;
    }
    Ok(Scanned {
        paragraphs,
        heads,
        boundaries,
        attachments,
    })
}

/// The section heading the line `r` is or opens with, if any.
#[inline]
fn section_head(text: &str, r: Range<usize>) -> Option<Head> {
    let line = &text[r.clone()];
    // a page header glued before the heading: the heading is after it
    if let Some(m) = GLUED_HEADER_PREFIX.find(line) {
        return section_head(text, r.start + m.end()..r.end);
    }
    // a heading starts with a capital: "ärendet." on a line of its own ends
    // a sentence broken over two lines
    if strip_markdown(line)
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
    {
        return None;
    }
    // a page header's date beside the heading in a column layout
    let heading_part = RIGHT_COLUMN_END
        .might_match(line)
        .then(|| RIGHT_COLUMN_DATE.find(line))
        .flatten()
        .map_or(line, |m| &line[..m.start()]);
    if let Some(kind) = lookup_heading(heading_part) {
        Some(Head {
            kind,
            heading: trimmed(text, r.start..r.start + heading_part.len()),
            body_start: r.end,
        })
    } else if let Some((kind, at)) = inline_heading(line) {
        Some(Head {
            kind,
            heading: trimmed(text, r.start..r.start + at),
            body_start: r.start + at,
        })
    } else {
        None
    }
}

/// The sections of `heads`: each runs to the next heading or `stops`, within its §.
fn sections_of_heads(text: &str, seg: &Segmented, heads: Vec<Head>, stops: Vec<usize>) -> Vec<Section> {
    let mut sections = Vec::with_capacity(heads.len());
    let mut all_stops: Vec<usize> = heads.iter().map(|h| h.heading.start).chain(stops).collect();
    all_stops.sort_unstable();
    for h in heads {
        let mut end = first_after(&all_stops, h.heading.start).unwrap_or(text.len());
        let paragraph = seg.paragraph_index_at(h.heading.start);
        if let Some(i) = paragraph {
            end = end.min(seg.paragraphs[i].range.end);
        }
        sections.push(Section {
            kind: h.kind,
            heading: h.heading,
            body: h.body_start.min(end)..end,
            paragraph,
        });
    }
    sections
}

/// The first of sorted `stops` after `pos` (by binary search: a scan for
/// each § and heading was quadratic in their number).
fn first_after(stops: &[usize], pos: usize) -> Option<usize> {
    stops.get(stops.partition_point(|&s| s <= pos)).copied()
}

fn trimmed(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    r.start + lead..r.end - trail
}

/// Recognize a § heading at line `n`; returns the paragraph and the index of
/// the first line after its heading block (heading, case number, title).
fn paragraph_heading(text: &str, lines: &[Range<usize>], n: usize) -> Option<(ParagraphSeg, usize)> {
    let r = lines[n].clone();
    let line = &text[r.clone()];
    // what the trailing pattern needs, tested first: it ends in "§ 12, 123/24"
    let ends_in_reference = || {
        line.rfind('§')
            .is_some_and(|p| line[p..].contains(',') && line[p..].contains('/'))
    };
    if let Some(c) = PARA_HEADING_START.captures(line) {
        let number = c.get(1)?.as_str().to_string();
        let (mut case_numbers, mut title_parts) = heading_line_rest(line[c.get(0)?.end()..].trim())?;
        let m = read_heading_block(text, lines, n + 1, &mut case_numbers, &mut title_parts);
        let title = finish_title(title_parts.join(" "), &mut case_numbers);
        let title = (!title.is_empty()).then_some(title);
        Some((paragraph_seg(text, r, number, case_numbers, title), m))
    } else if let Some(c) = ends_in_reference()
        .then(|| TRAILING_PARA_HEADING.captures(line))
        .flatten()
    {
        Some((trailing_paragraph_heading(text, r, &c)?, n + 1))
    } else {
        None
    }
}

/// The case numbers and title on a § heading line after "§ 12" (`rest`,
/// trimmed); `None` when the line is a wrapped reference, not a heading.
fn heading_line_rest(rest: &str) -> Option<(Vec<String>, Vec<String>)> {
    let mut case_numbers = Vec::new();
    let mut title_parts: Vec<String> = Vec::new();
    if !rest.is_empty() {
        let first = rest.chars().next()?;
        if !(first.is_uppercase() || first.is_ascii_digit()) {
            return None; // "§ 10, den 18 februari …": a wrapped reference, not a heading
        }
        let mut rest = rest;
        while let Some((case, used)) = parse_case_number(rest) {
            case_numbers.push(case);
            rest = rest[used..].trim_start_matches([',', ' ', ';']);
        }
        if !case_numbers.is_empty()
            && let Some(code) = FILING_PLAN_CODE.find(rest)
        {
            rest = &rest[code.end()..]; // "Bun/2024:509 004 Titel": the code is not the title's
        }
        if !rest.is_empty() {
            title_parts.push(rest.to_string());
        }
    }
    Some((case_numbers, title_parts))
}

/// Case-number lines and the title follow the heading: read them from line
/// `from` on; returns the index of the first line after them.
fn read_heading_block(
    text: &str,
    lines: &[Range<usize>],
    from: usize,
    case_numbers: &mut Vec<String>,
    title_parts: &mut Vec<String>,
) -> usize {
    let mut m = from;
    let mut in_title = !title_parts.is_empty();
    while m < lines.len() {
        let l = text[lines[m].clone()].trim();
        let l = strip_markdown(l);
        if l.is_empty() {
            if in_title {
                break;
            }
            m += 1;
            continue;
        }
        if lookup_heading(l).is_some() || PARA_HEADING_START.is_match(l) || inline_heading(l).is_some() {
            break;
        }
        if !in_title
            && case_numbers.is_empty()
            && let Some((case, used)) = parse_case_number(l)
            && (CASE_LABEL.is_match(l) || used >= l.len())
        {
            case_numbers.push(case);
            m += 1;
            continue;
        }
        if title_parts.len() >= 4 {
            break;
        }
        title_parts.push(l.to_string());
        in_title = true;
        m += 1;
    }
    m
}

/// The title without a trailing case number (added to `case_numbers` when
/// new) or final full stop.
fn finish_title(mut title: String, case_numbers: &mut Vec<String>) -> String {
    if let Some(c) = TRAILING_CASE.captures(&title) {
        let case = c["case"].to_string();
        if !case_numbers.contains(&case) {
            case_numbers.push(case);
        }
        title.truncate(c.get(0).map_or(title.len(), |m| m.start()));
    }
    title.trim().trim_end_matches('.').trim().to_string()
}

/// A § heading at the end of the line `r` ("Förvärv av … § 210, 4610/22"),
/// from its [`TRAILING_PARA_HEADING`] match `c`.
fn trailing_paragraph_heading(text: &str, r: Range<usize>, c: &regex::Captures<'_>) -> Option<ParagraphSeg> {
    let title = c.get(1)?.as_str().trim();
    if DATE_IN_LINE.is_match(title) || NOT_TRAILING_TITLES.iter().any(|w| title.starts_with(w)) {
        return None;
    }
    let number = c.get(2)?.as_str().to_string();
    let case_numbers = vec![c.get(3)?.as_str().to_string()];
    Some(paragraph_seg(text, r, number, case_numbers, Some(title.to_string())))
}

/// A § whose heading is the line `r` (trimmed); its range ends there for now.
fn paragraph_seg(
    text: &str,
    r: Range<usize>,
    number: String,
    case_numbers: Vec<String>,
    title: Option<String>,
) -> ParagraphSeg {
    let heading = trimmed(text, r.clone());
    ParagraphSeg {
        number,
        case_numbers,
        title,
        heading: heading.clone(),
        range: heading.start..r.end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segmentation_stops_at_a_passed_deadline() {
        let past = Deadline(std::time::Instant::now().checked_sub(std::time::Duration::from_millis(1)));
        let text = "§ 1 Dnr KS 2024/1\nÄrende\n".repeat(5000);
        assert_eq!(segment_within(&text, past).err(), Some(TimedOut));
        assert_eq!(
            segment_within(&text, Deadline::NONE).map(|s| s.paragraphs.len()).ok(),
            Some(5000)
        );
    }

    #[test]
    fn case_numbers() {
        assert_eq!(parse_case_number("KFKS 2019/266"), Some(("KFKS 2019/266".into(), 13)));
        assert_eq!(
            parse_case_number("Ärendenummer SLK-2025-01057").map(|c| c.0),
            Some("SLK-2025-01057".into())
        );
        assert_eq!(
            parse_case_number("Diarienummer 00265/20241.1.4.").map(|c| c.0),
            Some("00265/2024".into())
        );
        assert_eq!(
            parse_case_number("Dnr KS 2024-254").map(|c| c.0),
            Some("KS 2024-254".into())
        );
        assert_eq!(parse_case_number("1193/22").map(|c| c.0), Some("1193/22".into()));
        assert_eq!(parse_case_number("Val av justerare"), None);
    }

    /// Every case-number format's examples, read after a label and alone,
    /// give the case number of the example's `case` group.
    #[test]
    fn every_case_number_format_reads_its_examples() {
        use crate::grammar::Example;
        for (rule, _) in crate::grammar::case_numbers::FORMATS {
            for example in rule.examples {
                let Example::Groups { text, groups } = *example else {
                    continue;
                };
                let Some((_, want)) = groups.iter().find(|(g, _)| *g == "case") else {
                    continue;
                };
                for input in [text.to_string(), format!("Dnr {text}"), format!("Diarienummer: {text}")] {
                    assert_eq!(
                        parse_case_number(&input).map(|c| c.0).as_deref(),
                        Some(*want),
                        "{}: {input:?}",
                        rule.name
                    );
                }
            }
        }
    }

    #[test]
    fn paragraph_headings_and_titles() {
        let t = "§70\n\nDnr KS 2024-254\n\nStällningstagande gällande X\n\n**Beslut**\n\nText.\n";
        let s = segment(t);
        assert_eq!(s.paragraphs.len(), 1);
        let p = &s.paragraphs[0];
        assert_eq!(p.number, "70");
        assert_eq!(p.case_numbers, vec!["KS 2024-254"]);
        assert_eq!(p.title.as_deref(), Some("Ställningstagande gällande X"));
        assert_eq!(s.sections[0].kind, SectionKind::Decision);
        assert_eq!(&t[s.sections[0].body.clone()].trim(), &"Text.");
    }

    #[test]
    fn wrapped_references_are_not_headings() {
        let t = "Bordlagt den 1 februari 2024, § 46, den 29 februari 2024,\n§ 104.\n§ 10, den 18 mars\n";
        assert!(segment(t).paragraphs.is_empty());
    }

    #[test]
    fn title_case_number_in_parentheses() {
        let t = " §26 \nRekommendation från SKR om X. (KS 24/76) \n\nBeslut \nY\n";
        let s = segment(t);
        assert_eq!(s.paragraphs[0].case_numbers, vec!["KS 24/76"]);
        assert_eq!(s.paragraphs[0].title.as_deref(), Some("Rekommendation från SKR om X"));
    }

    /// The whole-line pattern § headings were read with before: the start
    /// pattern must find the same headings, numbers and titles.
    static PARA_HEADING: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"^\s*(?:#+\s*)?(?:\*\*)?(?:[A-ZÅÄÖ]{2,5}\s*)?§\s*(\d{1,4}[a-z]?)(?:\*\*)?(?:\s+(.*?))?\s*$")
            .expect("§ heading regex")
    });

    fn agrees(line: &str) {
        let whole = PARA_HEADING.captures(line);
        let start = PARA_HEADING_START.captures(line);
        assert_eq!(whole.is_some(), start.is_some(), "{line:?}");
        if let (Some(w), Some(s)) = (whole, start) {
            assert_eq!(w.get(1).map(|m| m.as_str()), s.get(1).map(|m| m.as_str()), "{line:?}");
            let rest = w.get(2).map_or("", |m| m.as_str()).trim();
            assert_eq!(rest, line[s.get(0).unwrap().end()..].trim(), "{line:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn paragraph_heading_start_agrees_on_any_line(pieces in proptest::collection::vec(proptest::sample::select(vec![
            "§", " ", "  ", "\t", "12", "7", "12345", "a", "b", "**", "#", "Titel", "x", ",", ".", "\u{a0}",
        ]), 0..12)) {
            agrees(&pieces.concat());
        }
    }

    #[test]
    fn paragraph_heading_start_agrees_with_the_whole_pattern() {
        for line in [
            "§ 12 Val av justerare",
            "§12",
            "  § 12a  ",
            "## **§ 7** Årsredovisning 2024  ",
            "§ 10, den 18 februari",
            "§ 12345 x",
            "§ 12abc",
            "§ 1\tTitel",
            "§",
            "Enligt § 5",
        ] {
            agrees(line);
        }
    }

    #[test]
    fn heading_keys() {
        let key = heading_key_of;
        assert_eq!(key("B e s l u t").as_deref(), Some("beslut"));
        assert_eq!(key("**Beslut:**").as_deref(), Some("beslut"));
        assert_eq!(key("  BESLUT ").as_deref(), Some("beslut"));
        assert_eq!(key("B e s I u t").as_deref(), Some("beslut"));
        // regression: an I in capitals is an i ("ärendetsbehandllng" before)
        assert_eq!(key("ÄRENDETS BEHANDLING").as_deref(), Some("ärendetsbehandling"));
        assert_eq!(key("RESERVATIONER").as_deref(), Some("reservationer"));
        assert_eq!(
            key("Ärendets tidigare behandling").as_deref(),
            Some("ärendetstidigarebehandling")
        );
        // longer than every heading, or than 60 characters
        assert_eq!(key("Kommunstyrelsens arbetsutskott föreslår"), None);
        assert_eq!(key(&format!("B{}eslut", " ".repeat(60))), None);
        assert_eq!(key(&format!("B{}eslut", " ".repeat(50))).as_deref(), Some("beslut"));
        assert_eq!(lookup_heading("Beslutsunderlag"), Some(SectionKind::Basis));
        assert_eq!(lookup_heading("PROTOKOLLSANTECKNING"), Some(SectionKind::Note));
        assert_eq!(lookup_heading("Något helt annat"), None);
    }

    #[test]
    fn letter_spaced_and_inline_headings() {
        let t = "Protokol I santeckni ngar\nX (S) lät anteckna.\nSammanfattning Nämnden föreslår.\nBeslut i nämnden den 3 juni\n";
        let s = segment(t);
        let kinds: Vec<_> = s.sections.iter().map(|x| x.kind).collect();
        assert_eq!(kinds, vec![SectionKind::Note, SectionKind::Summary]);
    }

    #[test]
    fn trailing_paragraph_heading_and_boundary() {
        let t = "Utdrag ur Protokoll Sammanträdesdatum: 2022-10-24\n\nFörvärv av fastigheten Gårda 1:2 § 210, 4610/22\n\nBeslut Enligt förslag.\n\nTjänsteutlåtande Utfärdat 2022-10-24\n\nMer text.\nBilaga handlingar 2022-10-24 § 210, 1/22\n";
        let s = segment(t);
        assert_eq!(s.paragraphs.len(), 1);
        let p = &s.paragraphs[0];
        assert_eq!((p.number.as_str(), p.case_numbers[0].as_str()), ("210", "4610/22"));
        assert!(t[p.range.clone()].contains("Enligt förslag"));
        assert!(!t[p.range.clone()].contains("Mer text"));
    }
}
