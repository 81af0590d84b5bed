//! The source text of a document and how to point into it.
//!
//! Spans in the output are byte offsets into the *source text*: the decoded
//! file for text inputs, the text `protokoll text` prints for PDFs (pages
//! separated by form feed). [`SourceText`] keeps the line and page starts so a
//! byte range becomes a [`Span`] with its 1-based line and page, and it
//! produces the `text` of a record exactly as the contract defines it: the
//! source slice with white space runs collapsed and NFC applied.

use unicode_normalization::UnicodeNormalization;

use crate::model::{Format, Span};

/// Decoded text of one input plus indexes for spans.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// The text (a PDF's pages separated by form feeds).
    pub text: String,
    /// What it was read from.
    pub format: Format,
    line_starts: Vec<usize>,
    /// Byte offsets where pages 2.. start (after each form feed), PDFs only.
    page_starts: Vec<usize>,
}

impl SourceText {
    /// The source text `text`, indexed for lines and pages.
    pub fn new(text: String, format: Format) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        let mut page_starts = Vec::new();
        for i in memchr::memchr3_iter(b'\n', b'\r', b'\x0c', bytes) {
            match bytes[i] {
                b'\n' => line_starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => line_starts.push(i + 1),
                b'\x0c' if format == Format::Pdf => page_starts.push(i + 1),
                _ => {}
            }
        }
        SourceText {
            text,
            format,
            line_starts,
            page_starts,
        }
    }

    /// 1-based line of byte offset `pos`.
    pub fn line_of(&self, pos: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= pos)
    }

    /// 1-based page of byte offset `pos` (PDF only).
    pub fn page_of(&self, pos: usize) -> Option<u32> {
        (self.format == Format::Pdf).then(|| self.page_starts.partition_point(|&s| s <= pos) as u32 + 1)
    }

    /// Number of pages (PDF only).
    pub fn page_count(&self) -> Option<u32> {
        (self.format == Format::Pdf).then(|| self.page_starts.len() as u32 + 1)
    }

    /// The span of a source byte range, trimmed of surrounding white space.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let (start, end) = self.trim(start, end);
        Span {
            start,
            end,
            line: self.line_of(start),
            page: self.page_of(start),
        }
    }

    /// The record `text` of a span: white space collapsed, NFC applied.
    pub fn span_text(&self, span: &Span) -> String {
        display_text(&self.text[span.start..span.end])
    }

    fn trim(&self, mut start: usize, mut end: usize) -> (usize, usize) {
        let t = &self.text;
        end = end.min(t.len());
        start = start.min(end);
        while start < end {
            match t[start..end].chars().next() {
                Some(c) if is_space(c) => start += c.len_utf8(),
                _ => break,
            }
        }
        while end > start {
            match t[start..end].chars().next_back() {
                Some(c) if is_space(c) => end -= c.len_utf8(),
                _ => break,
            }
        }
        (start, end)
    }
}

/// White space as the contract's `text` rule understands it (Unicode white
/// space plus the information separators U+001C–U+001F, which Python's `\s`
/// also matches).
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Whether `s` is certainly in NFC, cheaply: characters below U+0300 are
/// all NFC starters, so only the others need the quick check (a "no" here
/// only means "look closer").
pub fn surely_nfc(s: &str) -> bool {
    use unicode_normalization::char::canonical_combining_class;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // blocks of 32 bytes below 0xCC at once (vector instructions)
        if let Some(block) = bytes.get(i..i + 32)
            && block.iter().fold(true, |low, &b| low & (b < 0xcc))
        {
            i += 32;
            continue;
        }
        if bytes[i] < 0xcc {
            i += 1;
            continue;
        }
        // a character at or above U+0300 (a lead byte ≥ 0xCC never sits inside one)
        let Some(c) = s[i..].chars().next() else { return false };
        // general punctuation and currency signs (but the two singletons
        // U+2000, U+2001) are NFC starters
        if ('\u{2002}'..='\u{20cf}').contains(&c) {
            i += c.len_utf8();
            continue;
        }
        if canonical_combining_class(c) != 0
            || unicode_normalization::is_nfc_quick(std::iter::once(c)) != unicode_normalization::IsNormalized::Yes
        {
            return false;
        }
        i += c.len_utf8();
    }
    true
}

/// Collapse every run of white space to one space, trim, and apply NFC.
pub fn display_text(s: &str) -> String {
    if surely_nfc(s) {
        collapse_spaces_in_bytes(s)
    } else {
        collapse_spaces(s.nfc(), s.len())
    }
}

/// The byte length of the white space character ([`is_space`]) at byte
/// `i` of `b`, or 0: a control byte, the space, or one of a few multi-byte
/// sequences (U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029,
/// U+202F, U+205F, U+3000).
fn space_len(b: &[u8], i: usize) -> usize {
    let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
    match b[i] {
        0x09..=0x0d | 0x1c..=0x20 => 1,
        0xc2 if matches!(at(1), 0x85 | 0xa0) => 2,
        0xe1 if at(1) == 0x9a && at(2) == 0x80 => 3,
        0xe2 if at(1) == 0x80 && matches!(at(2), 0x80..=0x8a | 0xa8 | 0xa9 | 0xaf) => 3,
        0xe2 if at(1) == 0x81 && at(2) == 0x9f => 3,
        0xe3 if at(1) == 0x80 && at(2) == 0x80 => 3,
        _ => 0,
    }
}

/// [`collapse_spaces`] for text that needs no NFC: the runs between white
/// space are copied as they are instead of character by character.
fn collapse_spaces_in_bytes(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    let flush = |out: &mut String, run: &str, pending_space: &mut bool| {
        if run.is_empty() {
            return;
        }
        if *pending_space && !out.is_empty() {
            out.push(' ');
        }
        out.push_str(run);
        *pending_space = false;
    };
    let (mut i, mut run_start) = (0, 0);
    while i < b.len() {
        let w = space_len(b, i);
        if w == 0 {
            i += 1;
            continue;
        }
        flush(&mut out, &s[run_start..i], &mut pending_space);
        pending_space = true;
        i += w;
        run_start = i;
    }
    flush(&mut out, &s[run_start..], &mut pending_space);
    out
}

fn collapse_spaces(chars: impl Iterator<Item = char>, capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    let mut pending_space = false;
    for c in chars {
        if is_space(c) {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_pages() {
        let s = SourceText::new("a\nb\r\nc\rd\x0ce".into(), Format::Pdf);
        assert_eq!(s.line_of(0), 1);
        assert_eq!(s.line_of(2), 2);
        assert_eq!(s.line_of(5), 3);
        assert_eq!(s.line_of(7), 4);
        assert_eq!(s.page_of(7), Some(1));
        assert_eq!(s.page_of(9), Some(2));
        assert_eq!(s.page_count(), Some(2));
    }

    #[test]
    fn white_space_collapses_the_same_in_bytes_and_in_chars() {
        let by_chars = |s: &str| collapse_spaces(s.chars(), s.len());
        for s in [
            "96 000 kronor",
            "åäö – ”citat” §",
            "",
            "   ",
            " a",
            "a ",
            "a  b",
            "a\n \tb\r\n",
            "a\u{a0}b\u{2009}c\u{3000}d\u{85}e\u{1f}f\u{1680}g\u{205f}h\u{2028}",
            "\u{2013}\u{2014}\u{201d}\u{2026}\u{2022}",
        ] {
            assert_eq!(collapse_spaces_in_bytes(s), by_chars(s), "{s:?}");
        }
        // every character, white space or not, alone and between letters
        for c in (0..0x3100u32).filter_map(char::from_u32) {
            for s in [format!("a{c}b"), format!("{c}"), format!(" {c} {c}{c} ")] {
                assert_eq!(collapse_spaces_in_bytes(&s), by_chars(&s), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn span_trims_and_text_collapses() {
        let s = SourceText::new("x  96\u{a0}000\n kronor \n".into(), Format::Text);
        let sp = s.span(1, s.text.len());
        assert_eq!(&s.text[sp.start..sp.end], "96\u{a0}000\n kronor");
        assert_eq!(s.span_text(&sp), "96 000 kronor");
    }
}
