//! Loading: the bytes of one input and its decoded source text.
//!
//! Text inputs are decoded to UTF-8: UTF-8 (a byte-order mark is dropped and
//! is not part of the source text), UTF-16 with a byte-order mark, UTF-16
//! without one when the byte pattern is unmistakable, and Windows-1252 as the
//! fallback for files that are not valid UTF-8 (older municipal exports often
//! are), with a warning. Binary files are refused with an `encoding` error
//! rather than producing garbage records. This is the only stage besides
//! writing that touches the file system.

use std::fs;
use std::io::Read;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::model::ErrorKind;

/// Raw bytes of an input and their hash.
pub struct RawInput {
    /// The bytes.
    pub bytes: Vec<u8>,
    /// Their SHA-256, in hex (`source.sha256`).
    pub sha256: String,
}

/// Read a file (`-`: standard input), refusing it when it is larger than
/// `max_bytes`.
pub fn read(path: &Path, max_bytes: u64) -> Result<RawInput> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    if path == Path::new("-") {
        return read_capped(path, std::io::stdin().lock(), 0, max_bytes);
    }
    // a FIFO would block the open until someone writes to it, a device
    // may never end: only regular files (or links to them) are read
    let kind = fs::metadata(path).map_err(io)?.file_type();
    if !kind.is_file() {
        return Err(io(std::io::Error::other(format!(
            "not a regular file ({}); only files and folders are read",
            file_kind_name(&kind)
        ))));
    }
    let file = fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > max_bytes {
        return Err(too_large(path, size, max_bytes));
    }
    read_capped(path, file, size as usize, max_bytes)
}

/// Reads `reader` to its end, refusing more than `max_bytes` (a file may
/// grow after its size was asked).
fn read_capped(path: &Path, reader: impl Read, capacity: usize, max_bytes: u64) -> Result<RawInput> {
    let mut bytes = Vec::with_capacity(capacity);
    reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_large(path, bytes.len() as u64, max_bytes));
    }
    Ok(from_bytes(bytes))
}

fn too_large(path: &Path, size: u64, limit: u64) -> Error {
    Error::TooLarge {
        path: path.to_path_buf(),
        size,
        limit,
    }
}

/// Wrap bytes already in memory (e.g. read from stdin).
pub fn from_bytes(bytes: Vec<u8>) -> RawInput {
    let sha256 = hex(&Sha256::digest(&bytes));
    RawInput { bytes, sha256 }
}

/// Lower-case hexadecimal digits of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// The failure of a PDF as the typed error of the library.
pub fn pdf_error(path: &Path, e: crate::pdf::PdfError, config: &crate::Config) -> Error {
    use crate::pdf::PdfError as P;
    let path = path.to_path_buf();
    let (kind, message) = match e {
        P::Encrypted(m) => (
            ErrorKind::Encrypted,
            format!("encrypted PDF that does not open without a password: {m}"),
        ),
        P::NoText(m) => (ErrorKind::NoText, m),
        P::Damaged(m) => (ErrorKind::Pdf, format!("damaged PDF: {m}")),
        P::Nesting(m) => (ErrorKind::Pdf, format!("PDF exceeds a structural limit: {m}")),
        P::TooLarge(m) => (
            ErrorKind::TooLarge,
            format!("{m}; raise it with --max-pdf-decoded-bytes"),
        ),
        P::Timeout(_) => {
            return Error::Timeout {
                path,
                seconds: config.time_budget.map_or(0.0, |d| d.as_secs_f64()),
            };
        }
    };
    Error::Pdf { path, kind, message }
}

/// A decoded text and what was noticed on the way.
#[derive(Debug)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding it was read in (`utf-8`, `utf-16le`, `windows-1252`, …).
    pub encoding: &'static str,
    /// What was doubtful (a fallback encoding, replaced bytes).
    pub warnings: Vec<String>,
}

/// Decode the bytes of a text input.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<Decoded> {
    decode_owned(path, bytes.to_vec())
}

/// Decode the bytes of a text input, reusing the buffer when it is UTF-8.
pub fn decode_owned(path: &Path, owned: Vec<u8>) -> Result<Decoded> {
    let encoding_error = |message: String| Error::Encoding {
        path: path.to_path_buf(),
        message,
    };
    let mut warnings = Vec::new();
    let (text, encoding) = to_text(owned, &mut warnings).map_err(encoding_error)?;
    if looks_binary(text.as_bytes()) {
        return Err(encoding_error(BINARY.to_string()));
    }
    warn_about_content(&text, &mut warnings);
    Ok(Decoded {
        text,
        encoding,
        warnings,
    })
}

const BINARY: &str = "binary data: not a text file";

/// Decoded text and the name of its encoding, or why the bytes are no text.
type Decoding = std::result::Result<(String, &'static str), String>;

/// The text of the bytes and the name of their encoding, told by a
/// byte-order mark, by the look of UTF-16, or by being valid UTF-8; the
/// error message when they cannot be text.
fn to_text(owned: Vec<u8>, warnings: &mut Vec<String>) -> Decoding {
    let bytes = owned.as_slice();
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let t = std::str::from_utf8(rest).map_err(|e| format!("UTF-8 byte-order mark but invalid UTF-8: {e}"))?;
        Ok((t.to_string(), "utf-8"))
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        Ok(utf16(&bytes[2..], bytes.starts_with(b"\xFF\xFE"), warnings))
    } else if let Some(le) = looks_like_utf16(bytes) {
        warnings.push(format!(
            "no byte-order mark, but the bytes look like UTF-16{}; decoded as such",
            if le { "LE" } else { "BE" }
        ));
        Ok(utf16(bytes, le, warnings))
    } else if simdutf8::basic::from_utf8(bytes).is_ok() {
        // validated with SIMD (several times faster than the standard
        // library on Swedish text); the standard check below runs only to
        // report where invalid bytes start
        // SAFETY: `owned` was just validated as UTF-8 and is not changed.
        Ok((unsafe { String::from_utf8_unchecked(owned) }, "utf-8"))
    } else {
        match String::from_utf8(owned) {
            Ok(text) => Ok((text, "utf-8")),
            Err(e) => {
                let valid_up_to = e.utf8_error().valid_up_to();
                not_utf8(&e.into_bytes(), valid_up_to, warnings)
            }
        }
    }
}

/// UTF-16 text and the name of its byte order.
fn utf16(bytes: &[u8], le: bool, warnings: &mut Vec<String>) -> (String, &'static str) {
    (
        decode_utf16(bytes, le, warnings),
        if le { "utf-16le" } else { "utf-16be" },
    )
}

/// Bytes that are not valid UTF-8 from `valid_up_to` on: damaged UTF-8 (see
/// [`mostly_utf8`]) or else Windows-1252, unless they are binary.
fn not_utf8(bytes: &[u8], valid_up_to: usize, warnings: &mut Vec<String>) -> Decoding {
    if looks_binary(bytes) {
        return Err(BINARY.to_string());
    }
    if let Some(invalid) = mostly_utf8(bytes) {
        warnings.push(format!(
            "{invalid} invalid UTF-8 sequence{} (the first at offset {valid_up_to}) replaced by U+FFFD",
            if invalid == 1 { "" } else { "s" }
        ));
        Ok((String::from_utf8_lossy(bytes).into_owned(), "utf-8"))
    } else {
        let (t, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
        warnings.push(format!(
            "not valid UTF-8 (first bad byte at offset {valid_up_to}); decoded as Windows-1252"
        ));
        Ok((t.into_owned(), "windows-1252"))
    }
}

/// Warnings about decoded text: NUL bytes, an empty or blank file.
fn warn_about_content(text: &str, warnings: &mut Vec<String>) {
    let nul = match memchr::memchr(0, text.as_bytes()) {
        Some(first) => memchr::memchr_iter(0, &text.as_bytes()[first..]).count(),
        None => 0,
    };
    if nul > 0 {
        warnings.push(format!("{nul} NUL bytes in the text"));
    }
    if text.trim().is_empty() {
        warnings.push(
            if text.is_empty() {
                "the file is empty"
            } else {
                "the file contains only white space"
            }
            .to_string(),
        );
    }
}

/// Whether bytes that are not valid UTF-8 are still UTF-8 text with a few
/// damaged sequences (a stray or cut byte) rather than Windows-1252: the
/// number of invalid sequences when the valid multi-byte characters (å, ä,
/// ö, §, – …) outnumber them at least two to one, or when the only damage is
/// a sequence cut off at the end of the file. Windows-1252 text almost never
/// holds valid UTF-8 multi-byte sequences, since its letters are single bytes
/// followed by ASCII.
fn mostly_utf8(bytes: &[u8]) -> Option<usize> {
    let (mut multibyte, mut invalid, mut cut_at_end) = (0usize, 0usize, false);
    let mut chunks = bytes.utf8_chunks().peekable();
    while let Some(chunk) = chunks.next() {
        multibyte += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
            cut_at_end =
                chunks.peek().is_none() && std::str::from_utf8(chunk.invalid()).is_err_and(|e| e.error_len().is_none());
        }
    }
    (multibyte >= 2 * invalid || (invalid == 1 && cut_at_end)).then_some(invalid)
}

fn decode_utf16(bytes: &[u8], le: bool, warnings: &mut Vec<String>) -> String {
    let enc = if le {
        encoding_rs::UTF_16LE
    } else {
        encoding_rs::UTF_16BE
    };
    let (t, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        warnings.push("invalid UTF-16 sequences replaced by U+FFFD".to_string());
    }
    t.into_owned()
}

/// UTF-16 without a byte-order mark: most code units of Latin text have a
/// zero high byte. Returns `Some(little_endian)`.
fn looks_like_utf16(bytes: &[u8]) -> Option<bool> {
    if bytes.len() < 8 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    let even_zero = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = sample.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd_zero * 10 >= pairs * 7 && even_zero * 10 <= pairs {
        Some(true)
    } else if even_zero * 10 >= pairs * 7 && odd_zero * 10 <= pairs {
        Some(false)
    } else {
        None
    }
}

/// Binary data: many control bytes other than white space.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    if sample.is_empty() {
        return false;
    }
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    control * 100 > sample.len() * 5
}

/// What kind of file system object a non-regular file is, for messages.
pub fn file_kind_name(kind: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(b: &[u8]) -> Result<Decoded> {
        decode(Path::new("x.txt"), b)
    }

    #[test]
    fn utf8_bom_dropped() {
        let d = dec(b"\xEF\xBB\xBFabc").unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("abc", "utf-8"));
    }

    #[test]
    fn a_damaged_byte_in_utf8_text_stays_utf8() {
        let mut bytes = "Kommunstyrelsen beslutar att anslå 5 mnkr för äldreomsorg.\n"
            .as_bytes()
            .to_vec();
        bytes.push(0xFF);
        let d = decode(Path::new("x.txt"), &bytes).unwrap();
        assert_eq!(d.encoding, "utf-8");
        assert!(d.text.contains("anslå") && d.text.ends_with('\u{FFFD}'));
        assert!(d.warnings[0].contains("1 invalid UTF-8 sequence "), "{:?}", d.warnings);
        // a character cut off at the end of an ASCII file
        let d = decode(Path::new("x.txt"), b"Beslut\n\xC3").unwrap();
        assert_eq!(d.encoding, "utf-8");
        // Windows-1252 letters are single bytes: still Windows-1252
        let d = decode(Path::new("x.txt"), b"Beslut om \xE5tg\xE4rder f\xF6r \xA7 5\n").unwrap();
        assert_eq!(
            (d.encoding, d.text.as_str()),
            ("windows-1252", "Beslut om åtgärder för § 5\n")
        );
    }

    #[test]
    fn windows_1252_fallback_warns() {
        let d = dec(b"N\xe4mnden \x96 96\xa0000 kr").unwrap();
        assert_eq!(d.text, "Nämnden – 96\u{a0}000 kr");
        assert_eq!(d.encoding, "windows-1252");
        assert_eq!(d.warnings.len(), 1);
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("Nämnden".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(dec(&le).unwrap().text, "Nämnden");
        let be: Vec<u8> = "Kommunstyrelsen".encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        let d = dec(&be).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Kommunstyrelsen", "utf-16be"));
    }

    #[test]
    fn binary_is_refused() {
        let noise: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        assert!(matches!(dec(&noise), Err(Error::Encoding { .. })));
    }
}
