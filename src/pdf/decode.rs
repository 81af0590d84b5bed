//! Stream decoding under the decoded-bytes budget.
//!
//! lopdf 0.47 does not inflate page content or Form XObject streams when it
//! loads a file (it only decodes object streams and cross-reference streams,
//! each bounded by `LoadOptions::max_decompressed_size`). Content streams are
//! decoded here, on demand, with the output capped by what is left of the
//! per-file budget, so a small stream that inflates to gigabytes stops at the
//! cap with [`PdfError::TooLarge`] instead of exhausting memory.
//!
//! The common filters (Flate without predictor, ASCIIHex, ASCII85,
//! RunLength) are decoded here; damaged Flate data yields whatever could be
//! inflated before the damage, like other readers do. Anything else (LZW,
//! predictors) is handed to lopdf's bounded decoder with the same cap.

use crate::pdf::PdfError;
use crate::pdf::budget::Budget;
use crate::pdf::lexer;
use crate::pdf::obj;
use lopdf::{Document, Object, Stream};
use std::borrow::Cow;
use std::io::Read;

/// Most filters applied to one stream.
const MAX_FILTERS: usize = 8;

/// Decodes a stream's data, charging the budget for every byte produced.
///
/// Unfiltered data is borrowed and not charged (it was never inflated).
/// Undecodable data yields an empty or partial result rather than an error
/// and is counted in the budget as damaged (so that a file whose every
/// stream is broken is reported as damaged, not as a scan); only the budget
/// (size, time) produces errors.
pub(crate) fn decode_stream<'a>(
    doc: Option<&'a Document>,
    stream: &'a Stream,
    budget: &Budget,
) -> Result<Cow<'a, [u8]>, PdfError> {
    budget.check_time()?;
    let filters: Vec<&[u8]> = match stream.dict.get(b"Filter").ok().map(|f| res(doc, f)) {
        None | Some(Object::Null) => return Ok(Cow::Borrowed(&stream.content)),
        Some(Object::Name(n)) => vec![n.as_slice()],
        Some(Object::Array(a)) => a.iter().filter_map(|f| obj::as_name(res(doc, f))).collect(),
        Some(_) => return Ok(Cow::Borrowed(&stream.content)),
    };
    if filters.is_empty() {
        return Ok(Cow::Borrowed(&stream.content));
    }
    if filters.len() > MAX_FILTERS {
        return Ok(Cow::Owned(Vec::new()));
    }
    let has_params = match stream.dict.get(b"DecodeParms").ok().map(|p| res(doc, p)) {
        None | Some(Object::Null) => false,
        Some(Object::Dictionary(d)) => d
            .get(b"Predictor")
            .ok()
            .and_then(|p| obj::as_num(res(doc, p)))
            .is_some_and(|p| p > 1.0),
        Some(Object::Array(a)) => a.iter().any(|p| !matches!(res(doc, p), Object::Null)),
        Some(_) => false,
    };
    let simple = !has_params && filters.iter().all(|f| is_simple_filter(f));
    if !simple {
        return lopdf_fallback(stream, budget);
    }
    let mut data: Cow<'a, [u8]> = Cow::Borrowed(&stream.content);
    for f in filters {
        let cap = budget.remaining();
        let out = match f {
            b"FlateDecode" | b"Fl" => inflate_noting_damage(&data, cap, budget),
            b"ASCIIHexDecode" | b"AHx" => Ok(ascii_hex(&data)),
            b"ASCII85Decode" | b"A85" => Ok(ascii85(&data)),
            b"RunLengthDecode" | b"RL" => run_length(&data, cap),
            _ => Ok(Vec::new()),
        };
        let out = out.map_err(|()| budget.too_large())?;
        budget.charge(out.len() as u64)?;
        data = Cow::Owned(out);
    }
    Ok(data)
}

/// Resolves a reference when the document is at hand (not while loading).
fn res<'a>(doc: Option<&'a Document>, o: &'a Object) -> &'a Object {
    match doc {
        Some(d) => obj::resolve(d, o),
        None => o,
    }
}

fn is_simple_filter(f: &[u8]) -> bool {
    matches!(
        f,
        b"FlateDecode" | b"Fl" | b"ASCIIHexDecode" | b"AHx" | b"ASCII85Decode" | b"A85" | b"RunLengthDecode" | b"RL"
    )
}

fn lopdf_fallback<'a>(stream: &Stream, budget: &Budget) -> Result<Cow<'a, [u8]>, PdfError> {
    let cap = usize::try_from(budget.remaining()).unwrap_or(usize::MAX);
    match stream.decompressed_content_with_limit(cap) {
        Ok(v) => {
            budget.charge(v.len() as u64)?;
            Ok(Cow::Owned(v))
        }
        Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => Err(budget.too_large()),
        Err(_) => {
            budget.note_damaged();
            Ok(Cow::Owned(Vec::new()))
        }
    }
}

/// [`inflate_prefix`], recording in the budget when the data is damaged.
fn inflate_noting_damage(data: &[u8], cap: u64, budget: &Budget) -> Result<Vec<u8>, ()> {
    let (out, complete) = inflate_prefix(data, cap)?;
    if !complete {
        budget.note_damaged();
    }
    Ok(out)
}

/// Inflates zlib (or, if the header is missing, raw deflate) data, keeping
/// whatever was produced before an error. `Err(())` means the output would
/// exceed `cap` bytes.
/// The flag says whether the data inflated without an error.
fn inflate_prefix(data: &[u8], cap: u64) -> Result<(Vec<u8>, bool), ()> {
    let zlib = match data {
        [cmf, flg, ..] => cmf & 0x0f == 8 && ((u16::from(*cmf) << 8) | u16::from(*flg)) % 31 == 0,
        _ => false,
    };
    let hint = (data.len() as u64).saturating_mul(4).min(cap).min(1 << 22);
    let mut out = Vec::with_capacity(usize::try_from(hint).unwrap_or(0));
    let limit = cap.saturating_add(1);
    // Errors are deliberately ignored: `read_to_end` keeps the bytes read so
    // far, which is the best that can be recovered from damaged data.
    let read = if zlib {
        flate2::bufread::ZlibDecoder::new(data)
            .take(limit)
            .read_to_end(&mut out)
    } else {
        flate2::bufread::DeflateDecoder::new(data)
            .take(limit)
            .read_to_end(&mut out)
    };
    if out.len() as u64 > cap {
        return Err(());
    }
    if zlib && read.is_err() {
        // Writers that cut or miscompute the Adler-32 checksum after a
        // complete deflate stream are common; the data itself is whole when
        // the raw deflate stream after the two header bytes ends cleanly.
        let mut raw = Vec::with_capacity(out.len());
        let whole = flate2::bufread::DeflateDecoder::new(data.get(2..).unwrap_or_default())
            .take(limit)
            .read_to_end(&mut raw)
            .is_ok();
        if whole && raw.len() as u64 <= cap && raw.len() >= out.len() {
            return Ok((raw, true));
        }
    }
    Ok((out, read.is_ok()))
}

fn ascii_hex(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() / 2);
    lexer::unhex(data, &mut out);
    out
}

fn ascii85(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() * 4 / 5 + 4);
    let mut group = [0u8; 5];
    let mut n = 0usize;
    let mut iter = data.iter();
    if data.starts_with(b"<~") {
        iter.next();
        iter.next();
    }
    for &b in iter {
        match b {
            b'~' => break,
            b'z' if n == 0 => out.extend_from_slice(&[0, 0, 0, 0]),
            b'!'..=b'u' => {
                if let Some(slot) = group.get_mut(n) {
                    *slot = b - b'!';
                }
                n += 1;
                if n == 5 {
                    let v = group.iter().fold(0u64, |acc, &d| acc * 85 + u64::from(d));
                    let v = u32::try_from(v).unwrap_or(u32::MAX);
                    out.extend_from_slice(&v.to_be_bytes());
                    n = 0;
                }
            }
            _ => {}
        }
    }
    if n > 1 {
        for slot in group.iter_mut().skip(n) {
            *slot = 84;
        }
        let v = group.iter().fold(0u64, |acc, &d| acc * 85 + u64::from(d));
        let v = u32::try_from(v).unwrap_or(u32::MAX);
        out.extend_from_slice(v.to_be_bytes().get(..n - 1).unwrap_or(&[]));
    }
    out
}

fn run_length(data: &[u8], cap: u64) -> Result<Vec<u8>, ()> {
    let mut out = Vec::new();
    let mut i = 0usize;
    while let Some(&len) = data.get(i) {
        i += 1;
        match len {
            128 => break,
            0..=127 => {
                let n = usize::from(len) + 1;
                let end = (i + n).min(data.len());
                out.extend_from_slice(data.get(i..end).unwrap_or(&[]));
                i = end;
            }
            _ => {
                let n = 257 - usize::from(len);
                let Some(&b) = data.get(i) else { break };
                i += 1;
                out.extend(std::iter::repeat_n(b, n));
            }
        }
        if out.len() as u64 > cap {
            return Err(());
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_and_85() {
        assert_eq!(ascii_hex(b"48 65 6c6C6f>"), b"Hello");
        assert_eq!(ascii_hex(b"414"), b"A@");
        assert_eq!(ascii85(b"87cURD]i,\"Ebo7~>"), b"Hello World");
        assert_eq!(
            run_length(&[2, b'a', b'b', b'c', 254, b'x', 128], 100),
            Ok(b"abcxxx".to_vec())
        );
    }

    #[test]
    fn inflate_cap() {
        use flate2::{Compression, write::ZlibEncoder};
        use std::io::Write;
        let mut e = ZlibEncoder::new(Vec::new(), Compression::default());
        let _ = e.write_all(&vec![b'a'; 100_000]);
        let z = e.finish().unwrap_or_default();
        assert_eq!(
            inflate_prefix(&z, 200_000).map(|(v, ok)| (v.len(), ok)),
            Ok((100_000, true))
        );
        assert_eq!(inflate_prefix(&z, 1000), Err(()));
        // Truncated data still yields a prefix.
        let (part, complete) = inflate_prefix(z.get(..z.len() / 2).unwrap_or(&[]), 200_000).unwrap_or_default();
        assert!(!part.is_empty() && !complete);
        // a complete deflate stream with its checksum cut is whole
        let (all, complete) = inflate_prefix(z.get(..z.len() - 2).unwrap_or(&[]), 200_000).unwrap_or_default();
        assert!(all.len() == 100_000 && complete);
    }
}
