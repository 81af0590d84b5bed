//! Simple-font encodings: base encodings, `/Differences`, and glyph names.
//!
//! A simple font (Type1, TrueType, Type3) maps one byte to a glyph. Without a
//! `/ToUnicode` map the text is recovered from the font's encoding: a base
//! encoding (Standard, WinAnsi, MacRoman, or the font's built-in one for
//! Symbol) overlaid with `/Differences`, whose glyph names are resolved via
//! the Adobe Glyph List plus the `uniXXXX` / `uXXXX` conventions, suffixes
//! (`a.sc`) and `_` ligature names (`f_f_i`).

use crate::pdf::glyphlist;
use crate::pdf::tables;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BaseEncoding {
    Standard,
    WinAnsi,
    MacRoman,
    Symbol,
    /// No known mapping (e.g. ZapfDingbats, unknown built-in encodings).
    None,
}

impl BaseEncoding {
    pub(crate) fn from_name(name: &[u8]) -> Option<BaseEncoding> {
        match name {
            b"WinAnsiEncoding" => Some(BaseEncoding::WinAnsi),
            b"MacRomanEncoding" | b"MacExpertEncoding" => Some(BaseEncoding::MacRoman),
            b"StandardEncoding" => Some(BaseEncoding::Standard),
            _ => None,
        }
    }

    /// Unicode of a code in this encoding.
    pub(crate) fn char_of(self, code: u8) -> Option<char> {
        let table: &[u16; 256] = match self {
            BaseEncoding::Standard => &tables::STANDARD_ENCODING,
            BaseEncoding::WinAnsi => &tables::WIN_ANSI_ENCODING,
            BaseEncoding::MacRoman => &tables::MAC_ROMAN_ENCODING,
            BaseEncoding::Symbol => &tables::SYMBOL_ENCODING,
            BaseEncoding::None => return None,
        };
        match table.get(usize::from(code)).copied() {
            Some(0) | None => None,
            Some(u) => char::from_u32(u32::from(u)),
        }
    }
}

fn hex_char(s: &str) -> Option<char> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let v = u32::from_str_radix(s, 16).ok()?;
    char::from_u32(v)
}

/// Resolves a glyph name to text (usually one character; `uniXXXXYYYY` and
/// ligature names give several). Returns `None` for unknown names.
pub(crate) fn glyph_name_to_string(name: &str) -> Option<String> {
    if let Some(c) = glyphlist::lookup(name) {
        return Some(c.to_string());
    }
    // Strip a suffix: "a.sc", "one.oldstyle", "T.swash".
    let base = match name.split_once('.') {
        Some((b, _)) if !b.is_empty() => b,
        _ => name,
    };
    if base != name
        && let Some(c) = glyphlist::lookup(base)
    {
        return Some(c.to_string());
    }
    // Ligatures by component: "f_f_i".
    if base.contains('_') {
        let mut out = String::new();
        for part in base.split('_') {
            out.push_str(&glyph_name_to_string(part)?);
        }
        return Some(out);
    }
    // uniXXXX (one or more 4-digit groups).
    if let Some(hex) = base.strip_prefix("uni")
        && !hex.is_empty()
        && hex.len() % 4 == 0
    {
        let mut out = String::new();
        for i in (0..hex.len()).step_by(4) {
            out.push(hex_char(hex.get(i..i + 4)?)?);
        }
        return Some(out);
    }
    // uXXXX .. uXXXXXX
    if let Some(hex) = base.strip_prefix('u')
        && (4..=6).contains(&hex.len())
    {
        return hex_char(hex).map(|c| c.to_string());
    }
    None
}

/// Builds the 256-entry code -> text table of a simple font.
pub(crate) fn simple_table(base: BaseEncoding, differences: &[(u8, String)]) -> Vec<Option<Box<str>>> {
    let mut table: Vec<Option<Box<str>>> = (0..=255u8)
        .map(|c| base.char_of(c).map(|ch| ch.to_string().into_boxed_str()))
        .collect();
    for (code, name) in differences {
        if let Some(slot) = table.get_mut(usize::from(*code)) {
            *slot = glyph_name_to_string(name).map(String::into_boxed_str);
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(glyph_name_to_string("aring").as_deref(), Some("å"));
        assert_eq!(glyph_name_to_string("Odieresis").as_deref(), Some("Ö"));
        assert_eq!(glyph_name_to_string("endash").as_deref(), Some("–"));
        assert_eq!(glyph_name_to_string("fi").as_deref(), Some("ﬁ"));
        assert_eq!(glyph_name_to_string("uni00E4").as_deref(), Some("ä"));
        assert_eq!(glyph_name_to_string("uni00660069").as_deref(), Some("fi"));
        assert_eq!(glyph_name_to_string("u1F600").as_deref(), Some("😀"));
        assert_eq!(glyph_name_to_string("f_f_i").as_deref(), Some("ffi"));
        assert_eq!(glyph_name_to_string("a.sc").as_deref(), Some("a"));
        assert_eq!(glyph_name_to_string("g123"), None);
    }

    #[test]
    fn base_tables() {
        assert_eq!(BaseEncoding::WinAnsi.char_of(0xe5), Some('å'));
        assert_eq!(BaseEncoding::WinAnsi.char_of(0x96), Some('–'));
        assert_eq!(BaseEncoding::MacRoman.char_of(0x8c), Some('å'));
        assert_eq!(BaseEncoding::Standard.char_of(0x27), Some('’'));
        assert_eq!(BaseEncoding::Symbol.char_of(0x61), Some('α'));
    }
}
