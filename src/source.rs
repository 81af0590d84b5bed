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
    pub text: String,
    pub format: Format,
    line_starts: Vec<usize>,
    /// Byte offsets where pages 2.. start (after each form feed), PDFs only.
    page_starts: Vec<usize>,
}

impl SourceText {
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
        if spaces_collapsed(s) {
            return s.to_string(); // most record texts: nothing to do
        }
        collapse_spaces(s.chars(), s.len())
    } else {
        collapse_spaces(s.nfc(), s.len())
    }
}

/// Whether `s` has no white space but single spaces between other
/// characters (so collapsing and trimming would not change it). Looks at
/// bytes: white space other than the space is a control byte or one of a
/// few multi-byte sequences (U+0085, U+00A0, U+1680, U+2000–U+200A,
/// U+2028, U+2029, U+202F, U+205F, U+3000).
fn spaces_collapsed(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while i < b.len() {
        let white = match b[i] {
            b' ' => at(i + 1) == b' ',
            0..=0x1f => true,
            0xc2 => matches!(at(i + 1), 0x85 | 0xa0),
            0xe1 => at(i + 1) == 0x9a && at(i + 2) == 0x80,
            0xe2 => match at(i + 1) {
                0x80 => matches!(at(i + 2), 0x80..=0x8a | 0xa8 | 0xa9 | 0xaf),
                0x81 => at(i + 2) == 0x9f,
                _ => false,
            },
            0xe3 => at(i + 1) == 0x80 && at(i + 2) == 0x80,
            _ => false,
        };
        if white {
            return false;
        }
        i += 1;
    }
    true
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
    fn collapsed_text_is_recognized() {
        for (s, collapsed) in [
            ("96 000 kronor", true),
            ("åäö – ”citat” §", true),
            ("", true),
            (" a", false),
            ("a ", false),
            ("a  b", false),
            ("a\nb", false),
            ("a\tb", false),
            ("a\u{a0}b", false),
            ("a\u{2009}b", false),
            ("a\u{3000}b", false),
            ("a\u{85}b", false),
            ("a\u{1f}b", false),
        ] {
            assert_eq!(spaces_collapsed(s), collapsed, "{s:?}");
            if collapsed {
                assert_eq!(display_text(s), s);
            }
        }
        // every white space character is caught
        for c in (0..0x3001u32)
            .filter_map(char::from_u32)
            .filter(|&c| c != ' ' && is_space(c))
        {
            assert!(!spaces_collapsed(&format!("a{c}b")), "U+{:04X}", c as u32);
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
