//! Normalization: the text the extractors see, with a map back to the source.
//!
//! Matching rules are far simpler on a uniform text, so before extraction the
//! source text is normalized (SPEC, last section): NFC; CRLF/CR and form feeds
//! to LF; no-break, thin and other fixed-width spaces to a plain space (so
//! "49 326" stays one number); soft hyphens and zero-width characters removed;
//! ligatures (ﬀ ﬁ ﬂ ﬃ ﬄ) expanded; the minus sign U+2212 to `-`; a word split
//! by a hyphen at a line end re-joined ("kommun-\nstyrelsen"), never a
//! suspended hyphen ("hälso- och sjukvård"); and page furniture lines
//! (signature boxes, page numbers, repeated page headers and footers) set
//! aside, so a heading and its text are adjacent again.
//!
//! Every change is recorded as a *piece* that maps a range of the normalized
//! text to a range of the source text; unchanged stretches are identity
//! pieces. [`Normalized::source_range`] maps any normalized range back to a
//! source range on char boundaries, which is how every record's span points
//! into the original source.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc, is_nfc_quick, IsNormalized, UnicodeNormalization};

/// What kind of page furniture a set-aside line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FurnitureKind {
    /// "Justerandes sign", "Utdragsbestyrkande", "Ordförandes signatur" …
    Signature,
    /// "3 (12)", "Sida 3 av 12", "- 3 -".
    PageNumber,
    /// "Protokoll nr 22", "Protokoll (nr 1)".
    ProtocolHeader,
    /// "Sammanträdesdatum: 2025-11-26" on a line of its own.
    MeetingDate,
    /// The body's name repeated in a page header ("Kommunstyrelsen").
    BodyHeader,
    /// "Göteborgs Stad Kommunfullmäktige, protokoll".
    Footer,
}

/// A line of page furniture that normalization set aside.
#[derive(Debug, Clone)]
pub struct FurnitureLine {
    pub kind: FurnitureKind,
    /// The line's range in the source text (without its line break).
    pub source: Range<usize>,
    /// The line's trimmed text.
    pub text: String,
}

#[derive(Debug, Clone, Copy)]
struct Piece {
    norm: usize,
    src: usize,
    norm_len: usize,
    src_len: usize,
    identity: bool,
}

/// The normalized text of a document and its map back to the source text.
#[derive(Debug, Clone)]
pub struct Normalized {
    pub text: String,
    pieces: Vec<Piece>,
    source_len: usize,
    pub furniture: Vec<FurnitureLine>,
}

impl Normalized {
    /// Source offset where a record starting at normalized `pos` starts.
    pub fn source_start(&self, pos: usize) -> usize {
        if pos >= self.text.len() {
            return self.pieces.last().map_or(self.source_len, |p| p.src + p.src_len);
        }
        let p = self.piece_at(pos);
        if p.identity {
            p.src + (pos - p.norm)
        } else {
            p.src
        }
    }

    /// Source offset where a record ending at normalized `pos` (exclusive) ends.
    pub fn source_end(&self, pos: usize) -> usize {
        if pos == 0 {
            return self.pieces.first().map_or(0, |p| p.src);
        }
        let pos = pos.min(self.text.len());
        let p = self.piece_at(pos - 1);
        if p.identity {
            p.src + (pos - p.norm)
        } else {
            p.src + p.src_len
        }
    }

    /// The source range of a normalized range.
    pub fn source_range(&self, r: Range<usize>) -> Range<usize> {
        let start = self.source_start(r.start);
        let end = self.source_end(r.end).max(start);
        start..end
    }

    fn piece_at(&self, pos: usize) -> Piece {
        let i = self.pieces.partition_point(|p| p.norm <= pos);
        self.pieces[i.saturating_sub(1)]
    }
}

/// Words after a line-end hyphen that mark it as a suspended hyphen
/// ("hälso- och sjukvård"), which must stay.
const SUSPENDED_NEXT: &[&str] = &[
    "och",
    "eller",
    "samt",
    "respektive",
    "resp",
    "liksom",
    "som",
    "men",
    "till",
    "än",
    "både",
    "såväl",
    "plus",
    "alternativt",
];

struct Builder<'a> {
    src: &'a str,
    out: String,
    pieces: Vec<Piece>,
}

impl Builder<'_> {
    fn same(&mut self, r: Range<usize>) {
        if r.is_empty() {
            return;
        }
        let norm = self.out.len();
        self.out.push_str(&self.src[r.clone()]);
        if let Some(last) = self.pieces.last_mut() {
            if last.identity && last.norm + last.norm_len == norm && last.src + last.src_len == r.start {
                last.norm_len += r.len();
                last.src_len += r.len();
                return;
            }
        }
        self.pieces.push(Piece {
            norm,
            src: r.start,
            norm_len: r.len(),
            src_len: r.len(),
            identity: true,
        });
    }

    fn edit(&mut self, r: Range<usize>, replacement: &str) {
        if replacement.is_empty() {
            return; // a deletion: nothing in the normalized text points here
        }
        let norm = self.out.len();
        self.out.push_str(replacement);
        self.pieces.push(Piece {
            norm,
            src: r.start,
            norm_len: replacement.len(),
            src_len: r.len(),
            identity: false,
        });
    }
}

/// Normalize a document's source text.
pub fn normalize(src: &str) -> Normalized {
    let furniture = find_furniture(src);
    let check_nfc = is_nfc_quick(src.chars()) != IsNormalized::Yes;
    let mut b = Builder {
        src,
        out: String::with_capacity(src.len()),
        pieces: Vec::new(),
    };
    let bytes = src.as_bytes();
    let mut run = 0; // start of the pending identity run
    let mut i = 0;
    let mut furn = furniture.iter().peekable();
    let mut at_line_start = true;
    while i < bytes.len() {
        if at_line_start {
            at_line_start = false;
            if let Some(f) = furn.peek() {
                if f.source.start == i {
                    b.same(run..i);
                    // drop the line and its line break
                    let mut end = f.source.end;
                    if bytes.get(end) == Some(&b'\r') {
                        end += 1;
                    }
                    if bytes.get(end) == Some(&b'\n') {
                        end += 1;
                    }
                    b.edit(i..end, "");
                    i = end;
                    run = i;
                    at_line_start = true;
                    furn.next();
                    continue;
                }
            }
        }
        let byte = bytes[i];
        if byte.is_ascii() {
            match byte {
                b'\n' => {
                    at_line_start = true;
                    i += 1;
                }
                b'\r' => {
                    b.same(run..i);
                    let end = if bytes.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
                    b.edit(i..end, "\n");
                    i = end;
                    run = i;
                    at_line_start = true;
                }
                b'\x0c' | b'\x0b' => {
                    b.same(run..i);
                    b.edit(i..i + 1, "\n");
                    i += 1;
                    run = i;
                    at_line_start = true;
                }
                b'-' => {
                    if let Some((end, keep_hyphen)) = line_end_hyphen(src, i, 1) {
                        b.same(run..i);
                        b.edit(i..end, if keep_hyphen { "-" } else { "" });
                        i = end;
                        run = i;
                    } else {
                        i += 1;
                    }
                }
                b'\t' => i += 1,
                0..=0x1f | 0x7f => {
                    b.same(run..i);
                    b.edit(i..i + 1, " ");
                    i += 1;
                    run = i;
                }
                _ if check_nfc && bytes.get(i + 1).is_some_and(|&n| n >= 0x80) => {
                    if let Some(end) = compose_cluster_from(&mut b, src, i, run) {
                        run = end;
                        i = end;
                    } else {
                        i += 1;
                    }
                }
                _ => i += 1,
            }
            continue;
        }
        let c = src[i..].chars().next().unwrap_or('\u{fffd}');
        let clen = c.len_utf8();
        let replacement: Option<&str> = match c {
            '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => Some(" "),
            '\u{85}' | '\u{2028}' | '\u{2029}' => Some("\n"),
            '\u{200b}' | '\u{2060}' | '\u{feff}' => Some(""),
            '\u{ad}' => {
                // soft hyphen: gone; at a line end it also re-joins the word
                let end = line_end_hyphen(src, i, clen).map_or(i + clen, |(end, _)| end);
                b.same(run..i);
                b.edit(i..end, "");
                i = end;
                run = i;
                continue;
            }
            '\u{fb00}' => Some("ff"),
            '\u{fb01}' => Some("fi"),
            '\u{fb02}' => Some("fl"),
            '\u{fb03}' => Some("ffi"),
            '\u{fb04}' => Some("ffl"),
            '\u{fb05}' | '\u{fb06}' => Some("st"),
            '\u{2212}' => Some("-"),
            _ => None,
        };
        if let Some(rep) = replacement {
            b.same(run..i);
            b.edit(i..i + clen, rep);
            i += clen;
            run = i;
            if rep == "\n" {
                at_line_start = true;
            }
            continue;
        }
        if check_nfc {
            if let Some(end) = compose_cluster_from(&mut b, src, i, run) {
                run = end;
                i = end;
                continue;
            }
        }
        i += clen;
    }
    b.same(run..bytes.len());
    Normalized {
        text: b.out,
        pieces: b.pieces,
        source_len: src.len(),
        furniture,
    }
}

/// Compose the cluster at `i` (a char and the combining marks after it) if
/// it is not in NFC; the pending identity run `run..i` is flushed first.
/// Returns the end of the cluster when it was rewritten.
fn compose_cluster_from(b: &mut Builder<'_>, src: &str, i: usize, run: usize) -> Option<usize> {
    let first = src[i..].chars().next()?;
    let mut end = i + first.len_utf8();
    for m in src[end..].chars() {
        if canonical_combining_class(m) == 0 {
            break;
        }
        end += m.len_utf8();
    }
    let cluster = &src[i..end];
    if is_nfc(cluster) {
        return None;
    }
    let composed: String = cluster.nfc().collect();
    b.same(run..i);
    b.edit(i..end, &composed);
    Some(end)
}

/// A hyphen (or soft hyphen) of `hlen` bytes at `i`: if it ends a line and
/// splits a word, return where the word continues and whether the hyphen
/// stays (compounds such as "IT-\nsystem", names such as "Dan-\nOve").
fn line_end_hyphen(src: &str, i: usize, hlen: usize) -> Option<(usize, bool)> {
    let before = &src[..i];
    let word_before: String = before.chars().rev().take_while(|c| c.is_alphabetic()).collect();
    if word_before.is_empty() {
        return None;
    }
    let rest = &src[i + hlen..];
    let after_spaces = rest.trim_start_matches([' ', '\t']);
    let after_break = after_spaces
        .strip_prefix("\r\n")
        .or_else(|| after_spaces.strip_prefix('\n'))
        .or_else(|| after_spaces.strip_prefix('\r'))?;
    let next = after_break.trim_start_matches([' ', '\t']);
    let first = next.chars().next()?;
    if !first.is_alphabetic() {
        return None;
    }
    let end = src.len() - next.len();
    let next_word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
    let lower = next_word.to_lowercase();
    if SUSPENDED_NEXT.contains(&lower.as_str()) {
        return None;
    }
    // word_before is reversed; its first char is the last letter before the hyphen
    let last_before = word_before.chars().next()?;
    let keep = first.is_uppercase() || word_before.chars().count() < 3 || last_before.is_uppercase();
    if hlen > 1 {
        // a soft hyphen never stays
        return Some((end, false));
    }
    Some((end, keep))
}

static SIGNATURE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:\s*(?:(?:ordförandes?|justerandes?|justerares|sekreterares?|protokollförarens?)\s+sign(?:atur|\.)?|utdrags\s*bestyrkande|justerare|signatur|sign\.?)\s*[:_.]*)+\s*$",
    )
    .expect("signature regex")
});
static PAGE_NUMBER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:sida|sid\.?)\s*)?\d{1,4}\s*(?:\(\s*\d{1,4}\s*\)|av\s+\d{1,4})\s*$|^\s*-\s*\d{1,4}\s*-\s*$|^\s*(?:sida|sid\.?)\s*\d{1,4}\s*$")
        .expect("page number regex")
});
static PROTOCOL_HEADER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*protokoll\s*\(?\s*(?:nr|nummer)\.?\s*\d+\s*\)?\s*$").expect("protocol header regex")
});
static MEETING_DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*sammanträdesdatum\s*:?\s*(?:\d{4}-\d{2}-\d{2}|\d{1,2}\s+\p{L}+\s+\d{4})\s*$")
        .expect("meeting date regex")
});
static FOOTER_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\S.{2,80}, protokoll(?:sutdrag)?\s*$").expect("footer regex"));
static BODY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*[A-ZÅÄÖ][\p{L}-]*(?:s)?(?:\s+[\p{L}-]+){0,3}?\s*(?:styrelse|styrelsen|fullmäktige|nämnd|nämnden|utskott|utskottet|beredningen|direktionen|förvaltningen|kontoret|revisionen)\s*$")
        .expect("body line regex")
});

/// Find the page-furniture lines of a source text, in source order.
pub fn find_furniture(src: &str) -> Vec<FurnitureLine> {
    let mut lines: Vec<(Range<usize>, &str)> = Vec::new();
    let mut start = 0;
    for (idx, b) in src.bytes().enumerate() {
        if b == b'\n' {
            let end = if idx > start && src.as_bytes()[idx - 1] == b'\r' {
                idx - 1
            } else {
                idx
            };
            lines.push((start..end, &src[start..end]));
            start = idx + 1;
        }
    }
    if start < src.len() {
        lines.push((start..src.len(), &src[start..]));
    }
    let kinds: Vec<Option<FurnitureKind>> = lines
        .iter()
        .map(|(_, l)| {
            let t = l.trim();
            if t.is_empty() || t.len() > 160 {
                None
            } else if SIGNATURE_LINE.is_match(t) {
                Some(FurnitureKind::Signature)
            } else if PAGE_NUMBER_LINE.is_match(t) {
                Some(FurnitureKind::PageNumber)
            } else if PROTOCOL_HEADER_LINE.is_match(t) {
                Some(FurnitureKind::ProtocolHeader)
            } else if MEETING_DATE_LINE.is_match(t) {
                Some(FurnitureKind::MeetingDate)
            } else if FOOTER_LINE.is_match(t) {
                Some(FurnitureKind::Footer)
            } else {
                None
            }
        })
        .collect();
    let mut out = Vec::new();
    for (n, (range, line)) in lines.iter().enumerate() {
        let kind = kinds[n].or_else(|| {
            // A body's name alone on a line is a page header when a protocol
            // header or meeting date follows within a few short lines.
            if !BODY_LINE.is_match(line) || line.trim().len() > 60 {
                return None;
            }
            let mut seen = 0;
            for (m, (_, next)) in lines.iter().enumerate().skip(n + 1) {
                let t = next.trim();
                if t.is_empty() {
                    continue;
                }
                if matches!(
                    kinds[m],
                    Some(FurnitureKind::ProtocolHeader | FurnitureKind::MeetingDate)
                ) {
                    return Some(FurnitureKind::BodyHeader);
                }
                seen += 1;
                if seen > 2 || t.len() > 40 {
                    return None;
                }
            }
            None
        });
        if let Some(kind) = kind {
            let t = line.trim();
            let lead = line.len() - line.trim_start().len();
            let s = range.start + lead;
            out.push(FurnitureLine {
                kind,
                source: s..s + t.len(),
                text: t.to_string(),
            });
        }
    }
    // set-aside ranges start at the line start, so the whole line goes
    for f in &mut out {
        let line_start = src[..f.source.start].rfind('\n').map_or(0, |p| p + 1);
        if src[line_start..f.source.start].trim().is_empty() {
            f.source.start = line_start;
        }
        let line_end = src[f.source.end..]
            .find(['\n', '\r'])
            .map_or(src.len(), |p| f.source.end + p);
        f.source.end = line_end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_map(src: &str) {
        let n = normalize(src);
        for (pos, _) in n.text.char_indices().chain(std::iter::once((n.text.len(), ' '))) {
            let s = n.source_start(pos);
            let e = n.source_end(pos);
            assert!(src.is_char_boundary(s), "start {pos}->{s} in {src:?}");
            assert!(src.is_char_boundary(e), "end {pos}->{e} in {src:?}");
        }
    }

    #[test]
    fn crlf_nbsp_ligature_soft_hyphen() {
        let src = "Kom\u{ad}mun\r\nstyrelsen ﬁnansierar 49\u{a0}326 kr";
        let n = normalize(src);
        assert_eq!(n.text, "Kommun\nstyrelsen finansierar 49 326 kr");
        let pos = n.text.find("finansierar").unwrap();
        let r = n.source_range(pos..pos + "finansierar".len());
        assert_eq!(&src[r], "ﬁnansierar");
        check_map(src);
    }

    #[test]
    fn nfd_becomes_nfc() {
        let src = "na\u{308}mnden a\u{30a}r";
        let n = normalize(src);
        assert_eq!(n.text, "nämnden år");
        let r = n.source_range(0..n.text.find(' ').unwrap());
        assert_eq!(&src[r], "na\u{308}mnden");
        check_map(src);
    }

    #[test]
    fn hyphenation_rejoined_but_not_suspended() {
        let n = normalize("kommun-\nstyrelsen och hälso- \noch sjukvård, IT-\nsystem, Dan-\nOve");
        assert_eq!(n.text, "kommunstyrelsen och hälso- \noch sjukvård, IT-system, Dan-Ove");
        check_map("kommun-\r\nstyrelsen");
    }

    #[test]
    fn furniture_is_set_aside() {
        let src = "Reservation\n\nProtokoll nr 22\nSammanträdesdatum: 2025-11-26\n\nAxel (M) reserverar sig.\nJusterandes sign\n\n3 (12)\n";
        let n = normalize(src);
        assert!(!n.text.contains("Protokoll nr"));
        assert!(!n.text.contains("Justerandes"));
        assert!(!n.text.contains("3 (12)"));
        assert!(n.text.contains("Reservation\n\n\nAxel"));
        let kinds: Vec<_> = n.furniture.iter().map(|f| f.kind).collect();
        assert_eq!(
            kinds,
            vec![
                FurnitureKind::ProtocolHeader,
                FurnitureKind::MeetingDate,
                FurnitureKind::Signature,
                FurnitureKind::PageNumber
            ]
        );
        let pos = n.text.find("Axel").unwrap();
        assert_eq!(&src[n.source_start(pos)..n.source_start(pos) + 4], "Axel");
    }

    #[test]
    fn body_header_only_before_protocol_header() {
        let src = "Protokollsutdrag skickas till\nKommunstyrelsen\n\n22 (102)\n\nKommunstyrelsen\n\nOmröstning\n\nProtokoll nr 8\n";
        let n = normalize(src);
        assert_eq!(n.text.matches("Kommunstyrelsen").count(), 1);
        assert!(n.furniture.iter().any(|f| f.kind == FurnitureKind::BodyHeader));
    }

    #[test]
    fn map_survives_edge_inputs() {
        for s in [
            "",
            "\r",
            "-\n",
            "a-\n",
            "ﬁ\r\n\u{ad}",
            "\u{feff}x",
            "é\u{301}\u{301}",
            "a\u{ad}\nb",
            "Justerandes sign",
        ] {
            check_map(s);
        }
    }
}
