//! CMap parsing: `/ToUnicode` maps and embedded encoding CMaps of Type0 fonts.
//!
//! Handles `begincodespacerange` (multi-byte codes, so strings can be split
//! into codes), `bfchar`, `bfrange` in both forms (incrementing destination
//! and explicit array), UTF-16 destinations with surrogate pairs and several
//! characters (ligatures), glyph-name destinations, and the `cidchar` /
//! `cidrange` sections of encoding CMaps. Large ranges are kept as ranges and
//! searched, never expanded, so `<0000> <FFFF>` costs nothing.

use crate::pdf::lexer::{Lexer, Token};
use std::borrow::Cow;
use std::collections::HashMap;

/// Cap on mapping entries read from one CMap (hostile files).
const MAX_ENTRIES: usize = 1 << 20;

#[derive(Debug, Clone)]
struct CodeRange {
    len: u8,
    lo: [u8; 4],
    hi: [u8; 4],
}

#[derive(Debug, Clone)]
enum RangeDst {
    /// UTF-16 code units; the last one is incremented along the range.
    Utf16(Vec<u16>),
    /// One destination string per code.
    List(Vec<Box<str>>),
}

#[derive(Debug, Clone)]
struct BfRange {
    len: u8,
    lo: u32,
    hi: u32,
    dst: RangeDst,
}

#[derive(Debug, Clone)]
struct CidRange {
    len: u8,
    lo: u32,
    hi: u32,
    cid: u32,
}

#[derive(Debug, Default, Clone)]
pub(crate) struct CMap {
    codespace: Vec<CodeRange>,
    chars: HashMap<u64, Box<str>>,
    ranges: Vec<BfRange>,
    cid_chars: HashMap<u64, u32>,
    cid_ranges: Vec<CidRange>,
    /// Code length used by the bf entries, when they all agree.
    bf_len: Option<u8>,
}

#[inline]
fn key(len: u8, code: u32) -> u64 {
    (u64::from(len) << 32) | u64::from(code)
}

/// The first `n` bytes of `bytes` (all of them if fewer) as a big-endian code.
pub(crate) fn be_code(bytes: &[u8], n: usize) -> u32 {
    bytes.iter().take(n).fold(0u32, |acc, &b| (acc << 8) | u32::from(b))
}

fn code_of(bytes: &[u8]) -> Option<(u8, u32)> {
    if bytes.is_empty() || bytes.len() > 4 {
        return None;
    }
    Some((bytes.len() as u8, be_code(bytes, 4)))
}

/// UTF-16BE code units of a ToUnicode destination; a lone last byte (so
/// also a single byte, taken as Latin-1) is a unit of its own.
fn units_of(bytes: &[u8]) -> impl Iterator<Item = u16> + '_ {
    bytes.chunks(2).map(|c| match c {
        [a, b] => u16::from_be_bytes([*a, *b]),
        [a] => u16::from(*a),
        _ => 0,
    })
}

/// Decodes UTF-16 code units, dropping unpaired surrogates.
fn utf16_to_string(units: impl IntoIterator<Item = u16>) -> String {
    char::decode_utf16(units).filter_map(Result::ok).collect()
}

fn dst_string(tok: &Token<'_>) -> Option<Box<str>> {
    match tok {
        Token::Str(s) => Some(utf16_to_string(units_of(s)).into_boxed_str()),
        Token::Name(n) => {
            let name = std::str::from_utf8(n).ok()?;
            crate::pdf::encoding::glyph_name_to_string(name).map(String::into_boxed_str)
        }
        Token::Num(v) => char::from_u32(*v as u32).map(|c| c.to_string().into_boxed_str()),
        _ => None,
    }
}

/// Entries read so far, and how many bf entries use each code length.
#[derive(Default)]
struct Counts {
    entries: usize,
    bf_lens: [usize; 5],
}

impl Counts {
    fn bf(&mut self, len: u8) {
        if let Some(c) = self.bf_lens.get_mut(usize::from(len)) {
            *c += 1;
        }
    }
}

/// The destinations of a `bfrange` array whose first item is at `start`,
/// and the position after its `]`.
fn dst_list(toks: &[Token<'_>], start: usize) -> (Vec<Box<str>>, usize) {
    let mut list = Vec::new();
    let mut j = start;
    while let Some(t) = toks.get(j) {
        j += 1;
        match t {
            Token::ArrayClose => break,
            other => list.push(dst_string(other).unwrap_or_default()),
        }
    }
    (list, j)
}

impl CMap {
    /// Parses CMap data. Never fails; unknown or broken parts are skipped.
    pub(crate) fn parse(data: &[u8]) -> CMap {
        let mut cmap = CMap::default();
        let mut counts = Counts::default();
        let mut toks: Vec<Token<'_>> = Vec::new();
        let mut section: &[u8] = b"";
        for tok in Lexer::new(data) {
            if counts.entries > MAX_ENTRIES {
                break;
            }
            match tok {
                Token::Keyword(k) => match k {
                    b"begincodespacerange"
                    | b"beginbfchar"
                    | b"beginbfrange"
                    | b"begincidchar"
                    | b"begincidrange"
                    | b"beginnotdefrange"
                    | b"beginnotdefchar" => {
                        section = k;
                        toks.clear();
                    }
                    b"endcodespacerange" | b"endbfchar" | b"endbfrange" | b"endcidchar" | b"endcidrange"
                    | b"endnotdefrange" | b"endnotdefchar" => {
                        cmap.read_section(k, &toks, &mut counts);
                        section = b"";
                        toks.clear();
                    }
                    _ => {
                        if section.is_empty() {
                            toks.clear();
                        }
                    }
                },
                Token::ArrayOpen | Token::ArrayClose => toks.push(tok),
                Token::DictOpen | Token::DictClose => {}
                other => {
                    if toks.len() < MAX_ENTRIES {
                        toks.push(other);
                    }
                }
            }
        }
        cmap.ranges.sort_by_key(|r| (r.len, r.lo));
        cmap.cid_ranges.sort_by_key(|r| (r.len, r.lo));
        let used: Vec<usize> = (1..5)
            .filter(|&l| counts.bf_lens.get(l).copied().unwrap_or(0) > 0)
            .collect();
        if let [only] = used.as_slice() {
            cmap.bf_len = Some(*only as u8);
        }
        cmap
    }

    /// Reads the operands of a section that `end` closes (`notdef`
    /// sections are ignored).
    fn read_section(&mut self, end: &[u8], toks: &[Token<'_>], counts: &mut Counts) {
        match end {
            b"endcodespacerange" => self.read_codespace(toks),
            b"endbfchar" => self.read_bfchars(toks, counts),
            b"endbfrange" => self.read_bfranges(toks, counts),
            b"endcidchar" => self.read_cidchars(toks, counts),
            b"endcidrange" => self.read_cidranges(toks, counts),
            _ => {}
        }
    }

    fn read_codespace(&mut self, toks: &[Token<'_>]) {
        for pair in toks.chunks(2) {
            if let [Token::Str(lo), Token::Str(hi)] = pair
                && !lo.is_empty()
                && lo.len() == hi.len()
                && lo.len() <= 4
            {
                let mut l = [0u8; 4];
                let mut h = [0u8; 4];
                for (i, (a, b)) in lo.iter().zip(hi.iter()).enumerate() {
                    if let (Some(x), Some(y)) = (l.get_mut(i), h.get_mut(i)) {
                        *x = *a;
                        *y = *b;
                    }
                }
                self.codespace.push(CodeRange {
                    len: lo.len() as u8,
                    lo: l,
                    hi: h,
                });
            }
        }
    }

    fn read_bfchars(&mut self, toks: &[Token<'_>], counts: &mut Counts) {
        for pair in toks.chunks(2) {
            if let [Token::Str(src), dst] = pair
                && let Some((len, code)) = code_of(src)
                && let Some(s) = dst_string(dst)
            {
                self.chars.insert(key(len, code), s);
                counts.bf(len);
                counts.entries += 1;
            }
        }
    }

    fn read_cidchars(&mut self, toks: &[Token<'_>], counts: &mut Counts) {
        for pair in toks.chunks(2) {
            if let [Token::Str(src), Token::Num(cid)] = pair
                && let Some((len, code)) = code_of(src)
            {
                self.cid_chars.insert(key(len, code), *cid as u32);
                counts.entries += 1;
            }
        }
    }

    fn read_cidranges(&mut self, toks: &[Token<'_>], counts: &mut Counts) {
        for triple in toks.chunks(3) {
            if let [Token::Str(lo), Token::Str(hi), Token::Num(cid)] = triple
                && let (Some((len, lo)), Some((_, hi))) = (code_of(lo), code_of(hi))
                && lo <= hi
            {
                self.cid_ranges.push(CidRange {
                    len,
                    lo,
                    hi,
                    cid: *cid as u32,
                });
                counts.entries += 1;
            }
        }
    }

    fn read_bfranges(&mut self, toks: &[Token<'_>], counts: &mut Counts) {
        let mut i = 0;
        while i + 2 < toks.len() {
            let (Some(Token::Str(lo)), Some(Token::Str(hi))) = (toks.get(i), toks.get(i + 1)) else {
                i += 1;
                continue;
            };
            let (Some((len, lo_c)), Some((_, hi_c))) = (code_of(lo), code_of(hi)) else {
                i += 2;
                continue;
            };
            let (dst, entries, next) = match toks.get(i + 2) {
                Some(Token::Str(dst)) => (
                    RangeDst::Utf16(units_of(dst).collect()),
                    usize::from(lo_c <= hi_c),
                    i + 3,
                ),
                Some(Token::ArrayOpen) => {
                    let (list, next) = dst_list(toks, i + 3);
                    let n = list.len();
                    (RangeDst::List(list), n, next)
                }
                _ => {
                    i += 3;
                    continue;
                }
            };
            counts.entries += entries;
            if lo_c <= hi_c {
                self.ranges.push(BfRange {
                    len,
                    lo: lo_c,
                    hi: hi_c,
                    dst,
                });
            }
            counts.bf(len);
            i = next;
        }
    }

    pub(crate) fn has_codespace(&self) -> bool {
        !self.codespace.is_empty()
    }

    pub(crate) fn has_unicode(&self) -> bool {
        !self.chars.is_empty() || !self.ranges.is_empty()
    }

    /// Splits the next code off `bytes` using the codespace ranges.
    /// Returns (code, byte length). Falls back to `default_len` bytes.
    pub(crate) fn next_code(&self, bytes: &[u8], default_len: usize) -> (u32, usize) {
        if !self.codespace.is_empty() {
            for n in 1..=4usize {
                let Some(prefix) = bytes.get(..n) else { break };
                let matched = self.codespace.iter().any(|r| {
                    usize::from(r.len) == n
                        && prefix.iter().enumerate().all(|(i, b)| {
                            r.lo.get(i).is_some_and(|lo| b >= lo) && r.hi.get(i).is_some_and(|hi| b <= hi)
                        })
                });
                if matched {
                    return (be_code(prefix, n), n);
                }
            }
            // No range matched: use the shortest length a range has.
            let n = self
                .codespace
                .iter()
                .map(|r| usize::from(r.len))
                .min()
                .unwrap_or(default_len);
            let n = n.clamp(1, bytes.len().max(1));
            return (be_code(bytes, n), n);
        }
        let n = default_len.clamp(1, bytes.len().max(1));
        (be_code(bytes, n), n)
    }

    /// Unicode text of a code, if this CMap maps it.
    pub(crate) fn lookup(&self, code: u32, len: usize) -> Option<Cow<'_, str>> {
        let len = len as u8;
        if let Some(s) = self.lookup_len(code, len) {
            return Some(s);
        }
        match self.bf_len {
            Some(l) if l != len => self.lookup_len(code, l),
            _ => None,
        }
    }

    fn lookup_len(&self, code: u32, len: u8) -> Option<Cow<'_, str>> {
        if let Some(s) = self.chars.get(&key(len, code)) {
            return Some(Cow::Borrowed(s));
        }
        if self.ranges.is_empty() {
            return None;
        }
        // Last range with (len, lo) <= (len, code).
        let idx = self.ranges.partition_point(|r| (r.len, r.lo) <= (len, code));
        let r = self.ranges.get(idx.checked_sub(1)?)?;
        if r.len != len || code > r.hi {
            // Overlapping ranges are rare; fall back to a scan.
            return self
                .ranges
                .iter()
                .rev()
                .find(|r| r.len == len && r.lo <= code && code <= r.hi)
                .and_then(|r| range_text(r, code));
        }
        range_text(r, code)
    }

    /// CID of a code in an encoding CMap.
    pub(crate) fn cid(&self, code: u32, len: usize) -> Option<u32> {
        let len = len as u8;
        if let Some(&c) = self.cid_chars.get(&key(len, code)) {
            return Some(c);
        }
        let idx = self.cid_ranges.partition_point(|r| (r.len, r.lo) <= (len, code));
        let r = self.cid_ranges.get(idx.checked_sub(1)?)?;
        (r.len == len && code <= r.hi).then(|| r.cid.saturating_add(code - r.lo))
    }

    /// A code that maps to a single space, if any (to learn a space width).
    pub(crate) fn code_for_space(&self) -> Option<(u32, usize)> {
        for (k, v) in &self.chars {
            if v.as_ref() == " " {
                return Some(((k & 0xffff_ffff) as u32, (k >> 32) as usize));
            }
        }
        for r in &self.ranges {
            if let RangeDst::Utf16(u) = &r.dst
                && let [single] = u.as_slice()
                && *single <= 0x20
                && u32::from(0x20 - single) <= r.hi - r.lo
            {
                return Some((r.lo + u32::from(0x20 - single), usize::from(r.len)));
            }
        }
        None
    }
}

fn range_text(r: &BfRange, code: u32) -> Option<Cow<'_, str>> {
    let off = code.checked_sub(r.lo)?;
    match &r.dst {
        RangeDst::List(list) => list.get(off as usize).map(|s| Cow::Borrowed(s.as_ref())),
        RangeDst::Utf16(units) => {
            let mut u = units.clone();
            if let Some(last) = u.last_mut() {
                *last = last.wrapping_add(off as u16);
            } else {
                return None;
            }
            Some(Cow::Owned(utf16_to_string(u)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOUNICODE: &[u8] = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar <0003> <0020> <0010> <D835DC00> <0011> <00660069> endbfchar
2 beginbfrange <0020> <0022> <0041> <0030> <0032> [<00E5> <00E4> <00F6>] endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end";

    #[test]
    fn tounicode_forms() {
        let c = CMap::parse(TOUNICODE);
        assert_eq!(c.lookup(3, 2).as_deref(), Some(" "));
        assert_eq!(c.lookup(0x10, 2).as_deref(), Some("\u{1D400}"));
        assert_eq!(c.lookup(0x11, 2).as_deref(), Some("fi"));
        assert_eq!(c.lookup(0x21, 2).as_deref(), Some("B"));
        assert_eq!(c.lookup(0x31, 2).as_deref(), Some("ä"));
        assert_eq!(c.lookup(0x40, 2), None);
        assert_eq!(c.next_code(&[0, 0x21, 5], 1), (0x21, 2));
        assert_eq!(c.code_for_space(), Some((3, 2)));
    }

    #[test]
    fn mixed_codespace() {
        let c = CMap::parse(
            b"2 begincodespacerange <00> <80> <8140> <FFFC> endcodespacerange
              1 begincidrange <8140> <817e> 633 endcidrange",
        );
        assert_eq!(c.next_code(&[0x41, 0x81, 0x40], 2), (0x41, 1));
        assert_eq!(c.next_code(&[0x81, 0x41], 2), (0x8141, 2));
        assert_eq!(c.cid(0x8141, 2), Some(634));
    }
}
