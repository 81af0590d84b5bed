//! Font dictionaries: how shown bytes become codes, text and advance widths.
//!
//! Two families are handled:
//! * simple fonts (Type1, MMType1, TrueType, Type3): one byte per code, text
//!   from `/ToUnicode` or else the encoding (see [`crate::pdf::encoding`]), widths
//!   from `/FirstChar` + `/Widths`, `/MissingWidth`, or approximate
//!   standard-14 metrics when `/Widths` is missing;
//! * composite fonts (Type0): codes split by the encoding CMap's codespace
//!   (`Identity-H/V` = two bytes), text from `/ToUnicode`, widths from the
//!   descendant's `/W` and `/DW`. Without `/ToUnicode` there is no reliable
//!   text for an Identity font; such glyphs produce no text and are counted
//!   by the caller as unmapped.
//!
//! Widths are returned in text-space units per unit font size (glyph units
//! /1000, or scaled by `/FontMatrix` for Type3), which is what the content
//! interpreter needs to advance the text matrix and to judge word gaps.

use crate::pdf::PdfError;
use crate::pdf::budget::Budget;
use crate::pdf::cmap::{self, CMap};
use crate::pdf::decode::decode_stream;
use crate::pdf::encoding::{self, BaseEncoding};
use crate::pdf::obj;
use crate::pdf::tables;
use lopdf::{Dictionary, Document, Object};
use std::borrow::Cow;

/// Cap on explicit width entries read from a `/W` array.
const MAX_W_ENTRIES: usize = 1 << 20;

/// Default space width (fraction of the font size) when a font has none.
const DEFAULT_SPACE: f64 = 0.25;

enum Kind {
    Simple {
        /// Code -> text from the encoding (ToUnicode is consulted first).
        table: Vec<Option<Box<str>>>,
        /// Code -> width in text space per unit size.
        widths: Vec<f64>,
    },
    Composite {
        /// Encoding CMap (`None` = Identity).
        encoding: Option<CMap>,
        /// Codes are UTF-16 (predefined Uni*-UCS2/UTF16 CMaps).
        utf16_codes: bool,
        default_width: f64,
        /// Sorted, non-overlapping (first CID, last CID, width).
        widths: Vec<(u32, u32, f64)>,
    },
}

pub(crate) struct Font {
    kind: Kind,
    to_unicode: Option<CMap>,
    /// Glyph height relative to the font size (Type3 font matrices).
    pub(crate) height_scale: f64,
    /// Width of a space, text space per unit font size.
    pub(crate) space_width: f64,
}

/// One decoded glyph of a shown string.
pub(crate) struct GlyphInfo<'f> {
    /// Advance width in text space per unit font size.
    pub(crate) width: f64,
    /// Single-byte code 32: word spacing (`Tw`) applies.
    pub(crate) is_space_code: bool,
    /// Unicode text, or `None` if the font gives no way to know it.
    pub(crate) text: Option<Cow<'f, str>>,
}

fn std14_widths(base: &[u8]) -> Option<Std14> {
    let name: String = String::from_utf8_lossy(obj::strip_subset(base))
        .to_ascii_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    let bold = name.contains("bold") || name.contains("black") || name.contains("heavy");
    let italic = name.contains("italic") || name.contains("oblique");
    if name.contains("courier") || name.contains("mono") {
        return Some(Std14::Fixed(600.0));
    }
    if name.contains("symbol") {
        return Some(Std14::ByCode(&tables::SYMBOL_WIDTHS));
    }
    if name.contains("dingbats") {
        return Some(Std14::ByCode(&tables::ZAPF_DINGBATS_WIDTHS));
    }
    if name.contains("times") || name.contains("roman") || name.contains("serif") && !name.contains("sans") {
        let t = match (bold, italic) {
            (false, false) => tables::TIMES_ROMAN_WIDTHS,
            (true, false) => tables::TIMES_BOLD_WIDTHS,
            (false, true) => tables::TIMES_ITALIC_WIDTHS,
            (true, true) => tables::TIMES_BOLD_ITALIC_WIDTHS,
        };
        return Some(Std14::ByChar(t));
    }
    // Helvetica, Arial and anything unknown: Helvetica metrics are a better
    // guess than a constant.
    Some(Std14::ByChar(if bold {
        tables::HELVETICA_BOLD_WIDTHS
    } else {
        tables::HELVETICA_WIDTHS
    }))
}

enum Std14 {
    Fixed(f64),
    ByCode(&'static [u16; 256]),
    ByChar(&'static [(char, u16)]),
}

impl Std14 {
    fn width(&self, code: u8, text: Option<&str>) -> Option<f64> {
        match self {
            Std14::Fixed(w) => Some(*w),
            Std14::ByCode(t) => t.get(usize::from(code)).map(|&w| f64::from(w)).filter(|&w| w > 0.0),
            Std14::ByChar(t) => {
                let c = text?.chars().next()?;
                let c = if c == '\u{a0}' { ' ' } else { c };
                t.binary_search_by_key(&c, |&(ch, _)| ch)
                    .ok()
                    .and_then(|i| t.get(i))
                    .map(|&(_, w)| f64::from(w))
            }
        }
    }
}

fn load_cmap(doc: &Document, o: &Object, budget: &Budget) -> Result<Option<CMap>, PdfError> {
    match obj::resolve(doc, o) {
        Object::Stream(s) => {
            let data = decode_stream(Some(doc), s, budget)?;
            Ok(Some(CMap::parse(&data)))
        }
        _ => Ok(None),
    }
}

fn read_differences(doc: &Document, enc: &Dictionary) -> Vec<(u8, String)> {
    let mut out = Vec::new();
    let Some(diffs) = obj::get_array(doc, enc, b"Differences") else {
        return out;
    };
    let mut code: Option<i64> = None;
    for item in diffs {
        match obj::resolve(doc, item) {
            Object::Integer(i) => code = Some(*i),
            Object::Real(r) => code = Some(*r as i64),
            Object::Name(n) => {
                if let Some(c) = code {
                    if let Ok(b) = u8::try_from(c) {
                        out.push((b, String::from_utf8_lossy(n).into_owned()));
                    }
                    code = Some(c + 1);
                }
            }
            _ => {}
        }
    }
    out
}

fn descriptor_num(doc: &Document, font: &Dictionary, key: &[u8]) -> Option<f64> {
    let fd = obj::get_dict(doc, font, b"FontDescriptor")?;
    obj::get_num(doc, fd, key)
}

/// Text of a simple font's code: `/ToUnicode` first, then the encoding.
fn simple_text<'f>(to_unicode: Option<&'f CMap>, table: &'f [Option<Box<str>>], code: u8) -> Option<Cow<'f, str>> {
    to_unicode.and_then(|tu| tu.lookup(u32::from(code), 1)).or_else(|| {
        table
            .get(usize::from(code))
            .and_then(|t| t.as_deref())
            .map(Cow::Borrowed)
    })
}

/// A simple font's base encoding and `/Differences`. Without an
/// `/Encoding` the default follows the font's name and type.
fn simple_encoding(
    doc: &Document,
    dict: &Dictionary,
    subtype: &[u8],
    base_font: &[u8],
) -> (BaseEncoding, Vec<(u8, String)>) {
    let lower = String::from_utf8_lossy(obj::strip_subset(base_font)).to_ascii_lowercase();
    let default_base = if lower.contains("symbol") {
        BaseEncoding::Symbol
    } else if lower.contains("dingbats") || lower.contains("wingdings") || lower.contains("webdings") {
        BaseEncoding::None
    } else if subtype == b"TrueType" {
        BaseEncoding::WinAnsi
    } else {
        BaseEncoding::Standard
    };
    match dict.get(b"Encoding").ok().map(|e| obj::resolve(doc, e)) {
        Some(Object::Name(n)) => (BaseEncoding::from_name(n).unwrap_or(default_base), Vec::new()),
        Some(Object::Dictionary(d)) => {
            let base = obj::get_name(doc, d, b"BaseEncoding")
                .and_then(BaseEncoding::from_name)
                .unwrap_or(default_base);
            (base, read_differences(doc, d))
        }
        _ => (default_base, Vec::new()),
    }
}

/// (width scale, height scale) of a Type3 font from its `/FontMatrix` and
/// `/FontBBox`; other simple fonts are (1/1000, 1).
fn type3_scales(doc: &Document, dict: &Dictionary) -> (f64, f64) {
    match dict.get(b"FontMatrix").ok().and_then(|m| obj::num_array::<6>(doc, m)) {
        Some([a, _, _, d, _, _]) if a != 0.0 && d != 0.0 => {
            // Glyph height: the font box in text space; a zero box
            // says nothing, then assume 1 em.
            let bbox_h = dict
                .get(b"FontBBox")
                .ok()
                .and_then(|b| obj::num_array::<4>(doc, b))
                .map(|[_, y0, _, y1]| (y1 - y0).abs())
                .filter(|h| *h > 0.0);
            (a, bbox_h.map_or(1.0, |h| (h * d).abs().clamp(0.05, 20.0)))
        }
        _ => (0.001, 1.0),
    }
}

/// The `/Widths` array from `/FirstChar` on, in glyph units; codes it does
/// not give are NaN.
fn explicit_widths(doc: &Document, dict: &Dictionary, arr: &[Object]) -> Vec<f64> {
    let first_char = obj::get_num(doc, dict, b"FirstChar").unwrap_or(0.0);
    let mut widths = vec![f64::NAN; 256];
    for (i, w) in arr.iter().enumerate() {
        let code = first_char + i as f64;
        if !(0.0..256.0).contains(&code) {
            continue;
        }
        if let (Some(slot), Some(w)) = (widths.get_mut(code as usize), obj::as_num(obj::resolve(doc, w))) {
            *slot = w;
        }
    }
    widths
}

/// What a simple font's widths are made of.
struct SimpleFont<'f> {
    base_font: &'f [u8],
    is_type3: bool,
    width_scale: f64,
    to_unicode: Option<&'f CMap>,
    table: &'f [Option<Box<str>>],
}

impl SimpleFont<'_> {
    /// Code -> advance in text space per unit size, and the average width
    /// in glyph units. Codes without an explicit width take the standard-14
    /// metrics (when `/Widths` is missing), `/MissingWidth`, or the average.
    fn widths(&self, doc: &Document, dict: &Dictionary) -> (Vec<f64>, f64) {
        let explicit = obj::get_array(doc, dict, b"Widths");
        let missing = descriptor_num(doc, dict, b"MissingWidth").filter(|w| *w > 0.0);
        let std14 = if explicit.is_none() {
            std14_widths(self.base_font)
        } else {
            None
        };
        let mut widths = explicit.map_or_else(|| vec![f64::NAN; 256], |arr| explicit_widths(doc, dict, arr));
        let known: Vec<f64> = widths.iter().copied().filter(|w| w.is_finite() && *w > 0.0).collect();
        let avg = if known.is_empty() {
            descriptor_num(doc, dict, b"AvgWidth")
                .filter(|w| *w > 0.0)
                .unwrap_or(500.0)
        } else {
            known.iter().sum::<f64>() / known.len() as f64
        };
        for (code, slot) in widths.iter_mut().enumerate() {
            if slot.is_finite() {
                continue;
            }
            let code = code as u8;
            *slot = if self.is_type3 {
                0.0
            } else if let Some(s) = &std14 {
                s.width(code, self.text(code).as_deref())
                    .unwrap_or(missing.unwrap_or(avg))
            } else {
                missing.unwrap_or(if explicit.is_some() { 0.0 } else { avg })
            };
        }
        for w in widths.iter_mut() {
            *w = (*w * self.width_scale).abs();
        }
        (widths, avg)
    }

    fn text(&self, code: u8) -> Option<Cow<'_, str>> {
        simple_text(self.to_unicode, self.table, code)
    }

    /// Space width: code 32 if it is a space, else any code that is one,
    /// else half the average width.
    fn space_width(&self, widths: &[f64], avg: f64) -> f64 {
        let mut space_width = None;
        for code in std::iter::once(32u8).chain(0..=255u8) {
            let is_space = self.text(code).is_some_and(|t| t == " " || t == "\u{a0}");
            let w = widths.get(usize::from(code)).copied().unwrap_or(0.0);
            if is_space && w > 0.0 {
                space_width = Some(w);
                break;
            }
        }
        space_width
            .unwrap_or_else(|| (avg * self.width_scale.abs() * 0.5).max(DEFAULT_SPACE * 0.5))
            .clamp(0.05, 1.5)
    }
}

/// The encoding of a composite font: an embedded CMap (`None` = Identity or
/// a predefined CMap), and whether codes are UTF-16 (predefined Uni*-UCS2 /
/// UTF16 CMaps). Vertical writing (Identity-V) is laid out like horizontal
/// text.
fn composite_encoding(doc: &Document, dict: &Dictionary, budget: &Budget) -> Result<(Option<CMap>, bool), PdfError> {
    Ok(match dict.get(b"Encoding").ok().map(|e| obj::resolve(doc, e)) {
        Some(Object::Name(n)) => {
            let n = n.as_slice();
            let utf16 =
                n.starts_with(b"Uni") && (n.windows(4).any(|w| w == b"UCS2") || n.windows(5).any(|w| w == b"UTF16"));
            (None, utf16)
        }
        Some(o @ Object::Stream(_)) => {
            let cm = load_cmap(doc, o, budget)?;
            (cm.filter(CMap::has_codespace), false)
        }
        _ => (None, false),
    })
}

/// The entries of a CIDFont's `/W` array as (first CID, last CID, width),
/// in glyph units: `c [w1 w2 …]` and `first last w`.
fn read_w(doc: &Document, w: &[Object]) -> Vec<(u32, u32, f64)> {
    let items: Vec<&Object> = w.iter().map(|o| obj::resolve(doc, o)).collect();
    let mut widths = Vec::new();
    let mut i = 0;
    while i < items.len() && widths.len() < MAX_W_ENTRIES {
        let Some(first) = items.get(i).and_then(|o| obj::as_num(o)) else {
            i += 1;
            continue;
        };
        match items.get(i + 1) {
            Some(Object::Array(list)) => {
                for (k, wv) in list.iter().enumerate() {
                    if let Some(wv) = obj::as_num(obj::resolve(doc, wv)) {
                        let cid = first + k as f64;
                        if (0.0..=f64::from(u32::MAX)).contains(&cid) {
                            widths.push((cid as u32, cid as u32, wv));
                        }
                    }
                }
                i += 2;
            }
            Some(o) => {
                let last = obj::as_num(o);
                let wv = items.get(i + 2).and_then(|o| obj::as_num(o));
                if let (Some(last), Some(wv)) = (last, wv)
                    && first >= 0.0
                    && last >= first
                    && last <= f64::from(u32::MAX)
                {
                    widths.push((first as u32, last as u32, wv));
                }
                i += 3;
            }
            None => break,
        }
    }
    widths
}

impl Font {
    /// Reads a font dictionary. Broken parts degrade to defaults; only the
    /// budget (decoding embedded CMaps) can fail.
    pub(crate) fn load(doc: &Document, dict: &Dictionary, budget: &Budget) -> Result<Font, PdfError> {
        let subtype = obj::get_name(doc, dict, b"Subtype").unwrap_or(b"Type1");
        let to_unicode = match dict.get(b"ToUnicode").ok() {
            Some(o) => load_cmap(doc, o, budget)?.filter(CMap::has_unicode),
            None => None,
        };
        if subtype == b"Type0" {
            Self::load_composite(doc, dict, to_unicode, budget)
        } else {
            Ok(Self::load_simple(doc, dict, subtype, to_unicode))
        }
    }

    fn load_simple(doc: &Document, dict: &Dictionary, subtype: &[u8], to_unicode: Option<CMap>) -> Font {
        let base_font = obj::get_name(doc, dict, b"BaseFont").unwrap_or(b"");
        let (base, diffs) = simple_encoding(doc, dict, subtype, base_font);
        let table = encoding::simple_table(base, &diffs);
        let is_type3 = subtype == b"Type3";
        let (width_scale, height_scale) = if is_type3 {
            type3_scales(doc, dict)
        } else {
            (0.001, 1.0)
        };
        let simple = SimpleFont {
            base_font,
            is_type3,
            width_scale,
            to_unicode: to_unicode.as_ref(),
            table: &table,
        };
        let (widths, avg) = simple.widths(doc, dict);
        let space_width = simple.space_width(&widths, avg);
        Font {
            kind: Kind::Simple { table, widths },
            to_unicode,
            height_scale,
            space_width,
        }
    }

    fn load_composite(
        doc: &Document,
        dict: &Dictionary,
        to_unicode: Option<CMap>,
        budget: &Budget,
    ) -> Result<Font, PdfError> {
        let (encoding, utf16_codes) = composite_encoding(doc, dict, budget)?;
        let descendant = obj::get_array(doc, dict, b"DescendantFonts")
            .and_then(|a| a.first())
            .and_then(|d| obj::as_dict(obj::resolve(doc, d)));
        let mut default_width = 1000.0;
        let mut widths: Vec<(u32, u32, f64)> = Vec::new();
        if let Some(desc) = descendant {
            if let Some(dw) = obj::get_num(doc, desc, b"DW") {
                default_width = dw;
            }
            if let Some(w) = obj::get_array(doc, desc, b"W") {
                widths = read_w(doc, w);
            }
        }
        widths.sort_by_key(|&(lo, _, _)| lo);
        let mut font = Font {
            kind: Kind::Composite {
                encoding,
                utf16_codes,
                default_width: default_width * 0.001,
                widths: widths.into_iter().map(|(a, b, w)| (a, b, w * 0.001)).collect(),
            },
            to_unicode,
            height_scale: 1.0,
            space_width: DEFAULT_SPACE,
        };
        let space = font
            .to_unicode
            .as_ref()
            .and_then(CMap::code_for_space)
            .map(|(code, len)| font.composite_width(code, len))
            .filter(|w| *w > 0.0);
        font.space_width = space.unwrap_or(DEFAULT_SPACE).clamp(0.05, 1.5);
        Ok(font)
    }

    fn composite_width(&self, code: u32, len: usize) -> f64 {
        let Kind::Composite {
            encoding,
            default_width,
            widths,
            ..
        } = &self.kind
        else {
            return 0.0;
        };
        let cid = match encoding {
            Some(cm) => cm.cid(code, len).unwrap_or(0),
            None => code,
        };
        let idx = widths.partition_point(|&(lo, _, _)| lo <= cid);
        match idx.checked_sub(1).and_then(|i| widths.get(i)) {
            Some(&(_, hi, w)) if cid <= hi => w,
            _ => *default_width,
        }
    }

    /// Splits `bytes` into glyphs and calls `f` for each.
    pub(crate) fn for_each_glyph<'f>(&'f self, bytes: &[u8], mut f: impl FnMut(GlyphInfo<'f>)) {
        match &self.kind {
            Kind::Simple { table, widths } => {
                for &b in bytes {
                    f(GlyphInfo {
                        width: widths.get(usize::from(b)).copied().unwrap_or(0.0),
                        is_space_code: b == 32,
                        text: simple_text(self.to_unicode.as_ref(), table, b),
                    });
                }
            }
            Kind::Composite {
                encoding, utf16_codes, ..
            } => {
                let mut rest = bytes;
                while !rest.is_empty() {
                    let (code, n) = match encoding {
                        Some(cm) => cm.next_code(rest, 2),
                        None => {
                            let n = 2.min(rest.len());
                            (cmap::be_code(rest, n), n)
                        }
                    };
                    rest = rest.get(n..).unwrap_or(&[]);
                    let mut text = self.to_unicode.as_ref().and_then(|tu| tu.lookup(code, n));
                    if text.is_none() && *utf16_codes {
                        text = char::from_u32(code).map(|c| Cow::Owned(c.to_string()));
                    }
                    f(GlyphInfo {
                        width: self.composite_width(code, n),
                        is_space_code: n == 1 && code == 32,
                        text,
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn std14_guess() {
        let Some(Std14::ByChar(t)) = std14_widths(b"Helvetica") else {
            panic!("no table");
        };
        assert!(t.iter().any(|&(c, w)| c == ' ' && w == 278));
        assert!(matches!(std14_widths(b"ABCDEF+CourierNew"), Some(Std14::Fixed(_))));
    }
}
