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

fn code_of(bytes: &[u8]) -> Option<(u8, u32)> {
    if bytes.is_empty() || bytes.len() > 4 {
        return None;
    }
    let v = bytes.iter().fold(0u32, |acc, &b| (acc << 8) | u32::from(b));
    Some((bytes.len() as u8, v))
}

/// Decodes UTF-16BE (as used by ToUnicode destinations) into a string.
/// A single byte is taken as Latin-1; unpaired surrogates are dropped.
pub(crate) fn utf16be_to_string(bytes: &[u8]) -> String {
    if bytes.len() == 1 {
        return bytes.first().map(|&b| char::from(b).to_string()).unwrap_or_default();
    }
    let units = bytes.chunks(2).map(|c| match c {
        [a, b] => u16::from_be_bytes([*a, *b]),
        [a] => u16::from(*a),
        _ => 0,
    });
    char::decode_utf16(units).filter_map(Result::ok).collect()
}

fn units_of(bytes: &[u8]) -> Vec<u16> {
    if bytes.len() == 1 {
        return bytes.iter().map(|&b| u16::from(b)).collect();
    }
    bytes
        .chunks(2)
        .map(|c| match c {
            [a, b] => u16::from_be_bytes([*a, *b]),
            [a] => u16::from(*a),
            _ => 0,
        })
        .collect()
}

fn dst_string(tok: &Token<'_>) -> Option<Box<str>> {
    match tok {
        Token::Str(s) => Some(utf16be_to_string(s).into_boxed_str()),
        Token::Name(n) => {
            let name = std::str::from_utf8(n).ok()?;
            crate::pdf::encoding::glyph_name_to_string(name).map(String::into_boxed_str)
        }
        Token::Num(v) => char::from_u32(*v as u32).map(|c| c.to_string().into_boxed_str()),
        _ => None,
    }
}

impl CMap {
    /// Parses CMap data. Never fails; unknown or broken parts are skipped.
    pub(crate) fn parse(data: &[u8]) -> CMap {
        let mut cmap = CMap::default();
        let mut lens: [usize; 5] = [0; 5];
        let mut toks: Vec<Token<'_>> = Vec::new();
        let lexer = Lexer::new(data);
        let mut entries = 0usize;
        let mut section: &[u8] = b"";
        for tok in lexer {
            if entries > MAX_ENTRIES {
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
                    b"endcodespacerange" => {
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
                                cmap.codespace.push(CodeRange {
                                    len: lo.len() as u8,
                                    lo: l,
                                    hi: h,
                                });
                            }
                        }
                        section = b"";
                        toks.clear();
                    }
                    b"endbfchar" => {
                        for pair in toks.chunks(2) {
                            if let [Token::Str(src), dst] = pair
                                && let Some((len, code)) = code_of(src)
                                && let Some(s) = dst_string(dst)
                            {
                                cmap.chars.insert(key(len, code), s);
                                if let Some(c) = lens.get_mut(usize::from(len)) {
                                    *c += 1;
                                }
                                entries += 1;
                            }
                        }
                        section = b"";
                        toks.clear();
                    }
                    b"endbfrange" => {
                        cmap.read_bfranges(&toks, &mut lens, &mut entries);
                        section = b"";
                        toks.clear();
                    }
                    b"endcidchar" => {
                        for pair in toks.chunks(2) {
                            if let [Token::Str(src), Token::Num(cid)] = pair
                                && let Some((len, code)) = code_of(src)
                            {
                                cmap.cid_chars.insert(key(len, code), *cid as u32);
                                entries += 1;
                            }
                        }
                        section = b"";
                        toks.clear();
                    }
                    b"endcidrange" => {
                        for triple in toks.chunks(3) {
                            if let [Token::Str(lo), Token::Str(hi), Token::Num(cid)] = triple
                                && let (Some((len, lo)), Some((_, hi))) = (code_of(lo), code_of(hi))
                                && lo <= hi
                            {
                                cmap.cid_ranges.push(CidRange {
                                    len,
                                    lo,
                                    hi,
                                    cid: *cid as u32,
                                });
                                entries += 1;
                            }
                        }
                        section = b"";
                        toks.clear();
                    }
                    b"endnotdefrange" | b"endnotdefchar" => {
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
        let used: Vec<usize> = (1..5).filter(|&l| lens.get(l).copied().unwrap_or(0) > 0).collect();
        if let [only] = used.as_slice() {
            cmap.bf_len = Some(*only as u8);
        }
        cmap
    }

    fn read_bfranges(&mut self, toks: &[Token<'_>], lens: &mut [usize; 5], entries: &mut usize) {
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
            match toks.get(i + 2) {
                Some(Token::Str(dst)) => {
                    if lo_c <= hi_c {
                        self.ranges.push(BfRange {
                            len,
                            lo: lo_c,
                            hi: hi_c,
                            dst: RangeDst::Utf16(units_of(dst)),
                        });
                        *entries += 1;
                    }
                    i += 3;
                }
                Some(Token::ArrayOpen) => {
                    let mut list = Vec::new();
                    let mut j = i + 3;
                    while let Some(t) = toks.get(j) {
                        j += 1;
                        match t {
                            Token::ArrayClose => break,
                            other => list.push(dst_string(other).unwrap_or_default()),
                        }
                    }
                    *entries += list.len();
                    if lo_c <= hi_c {
                        self.ranges.push(BfRange {
                            len,
                            lo: lo_c,
                            hi: hi_c,
                            dst: RangeDst::List(list),
                        });
                    }
                    i = j;
                }
                _ => {
                    i += 3;
                    continue;
                }
            }
            if let Some(c) = lens.get_mut(usize::from(len)) {
                *c += 1;
            }
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
                    let code = prefix.iter().fold(0u32, |acc, &b| (acc << 8) | u32::from(b));
                    return (code, n);
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
            let code = bytes.iter().take(n).fold(0u32, |acc, &b| (acc << 8) | u32::from(b));
            return (code, n);
        }
        let n = default_len.clamp(1, bytes.len().max(1));
        let code = bytes.iter().take(n).fold(0u32, |acc, &b| (acc << 8) | u32::from(b));
        (code, n)
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
            let s: String = char::decode_utf16(u).filter_map(Result::ok).collect();
            Some(Cow::Owned(s))
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
