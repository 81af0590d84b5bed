//! A small, allocation-light tokenizer for PDF content streams and CMaps.
//!
//! lopdf's `Content::decode` builds a `String` for every operator and an
//! `Object` for every operand, and gives up on the whole stream at the first
//! syntax error. Text extraction wants the opposite trade-off: speed, and
//! skipping over junk (a stray `)` or `}`) while still reading the rest.
//! The lexer never fails; it only yields tokens until the data ends. Its
//! hex-string decoding ([`unhex`]) also serves the ASCIIHex filter.

use std::borrow::Cow;

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Token<'a> {
    Num(f64),
    Name(Cow<'a, [u8]>),
    /// A literal `( )` or hex `< >` string, already unescaped.
    Str(Cow<'a, [u8]>),
    ArrayOpen,
    ArrayClose,
    DictOpen,
    DictClose,
    Bool(bool),
    Null,
    /// Any other bare word: an operator in content streams.
    Keyword(&'a [u8]),
}

pub(crate) struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
}

#[inline]
pub(crate) fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0c' | b'\0')
}

#[inline]
fn is_delim(b: u8) -> bool {
    matches!(b, b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%')
}

#[inline]
fn is_regular(b: u8) -> bool {
    !is_white(b) && !is_delim(b)
}

fn hex_val(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Decodes hexadecimal digits up to a `>` (or the end) into `out`, skipping
/// anything that is not a digit; an odd last digit is followed by 0. Returns
/// the bytes read, the `>` included.
pub(crate) fn unhex(data: &[u8], out: &mut Vec<u8>) -> usize {
    let mut hi: Option<u8> = None;
    let mut read = data.len();
    for (i, &b) in data.iter().enumerate() {
        if b == b'>' {
            read = i + 1;
            break;
        }
        let Some(v) = hex_val(b) else { continue };
        match hi.take() {
            Some(h) => out.push((h << 4) | v),
            None => hi = Some(v),
        }
    }
    if let Some(h) = hi {
        out.push(h << 4);
    }
    read
}

impl<'a> Lexer<'a> {
    pub(crate) fn new(data: &'a [u8]) -> Self {
        Lexer { data, pos: 0 }
    }

    #[inline]
    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    fn skip_white_and_comments(&mut self) {
        while let Some(b) = self.peek() {
            if is_white(b) {
                self.pos += 1;
            } else if b == b'%' {
                while let Some(c) = self.peek() {
                    if c == b'\n' || c == b'\r' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// Skips the data of an inline image; call right after the `BI` keyword.
    /// The image dictionary is skipped up to `ID`, then the binary data up to
    /// an `EI` that stands between white space and white space (or the end).
    pub(crate) fn skip_inline_image(&mut self) {
        // Find the ID keyword.
        loop {
            match self.next() {
                None => return,
                Some(Token::Keyword(b"ID")) => break,
                Some(Token::Keyword(b"EI")) => return,
                Some(_) => {}
            }
        }
        // One white-space byte follows ID.
        self.pos += 1;
        let data = self.data;
        let mut i = self.pos;
        while i + 1 < data.len() {
            if data.get(i) == Some(&b'E')
                && data.get(i + 1) == Some(&b'I')
                && i > 0
                && data.get(i - 1).is_some_and(|&b| is_white(b))
                && data.get(i + 2).is_none_or(|&b| is_white(b) || is_delim(b))
            {
                self.pos = i + 2;
                return;
            }
            i += 1;
        }
        self.pos = data.len();
    }

    fn literal_string(&mut self) -> Cow<'a, [u8]> {
        // self.pos is just after '('.
        let start = self.pos;
        let data = self.data;
        match plain_literal_end(data, start) {
            Ok(end) => {
                self.pos = (end + 1).min(data.len());
                Cow::Borrowed(data.get(start..end.min(data.len())).unwrap_or(&[]))
            }
            Err(stop) => {
                let (out, end) = unescape_literal(data, start, stop - start + 16);
                self.pos = end;
                Cow::Owned(out)
            }
        }
    }

    fn hex_string(&mut self) -> Cow<'a, [u8]> {
        let mut out = Vec::new();
        self.pos += unhex(self.data.get(self.pos..).unwrap_or(&[]), &mut out);
        Cow::Owned(out)
    }

    fn name(&mut self) -> Cow<'a, [u8]> {
        let start = self.pos;
        while self.peek().is_some_and(is_regular) {
            self.pos += 1;
        }
        let raw = self.data.get(start..self.pos).unwrap_or(&[]);
        if !raw.contains(&b'#') {
            return Cow::Borrowed(raw);
        }
        let mut out = Vec::with_capacity(raw.len());
        let mut i = 0;
        while let Some(&b) = raw.get(i) {
            if b == b'#'
                && let (Some(h), Some(l)) = (
                    raw.get(i + 1).copied().and_then(hex_val),
                    raw.get(i + 2).copied().and_then(hex_val),
                )
            {
                out.push((h << 4) | l);
                i += 3;
                continue;
            }
            out.push(b);
            i += 1;
        }
        Cow::Owned(out)
    }
}

/// Fast path of a literal string whose content starts at `start`: `Ok` with
/// the position of its closing `)` (or the end of the data) when it holds no
/// escape and no CR, so it can be borrowed; else `Err` with where one is.
fn plain_literal_end(data: &[u8], start: usize) -> Result<usize, usize> {
    let mut depth = 1usize;
    let mut i = start;
    while let Some(&b) = data.get(i) {
        match b {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            b'\\' | b'\r' => return Err(i),
            _ => {}
        }
        i += 1;
    }
    Ok(i)
}

/// The content of a literal string that starts at `start`, unescaped, with
/// line ends (CR, CR LF) read as LF; and the position after its closing `)`.
fn unescape_literal(data: &[u8], start: usize, capacity: usize) -> (Vec<u8>, usize) {
    let mut out = Vec::with_capacity(capacity);
    let mut depth = 1usize;
    let mut i = start;
    while let Some(&b) = data.get(i) {
        i += 1;
        match b {
            b'(' => {
                depth += 1;
                out.push(b);
            }
            b')' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
                out.push(b);
            }
            b'\r' => {
                out.push(b'\n');
                if data.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\\' => match unescape(data, i, &mut out) {
                Some(next) => i = next,
                None => break,
            },
            _ => out.push(b),
        }
    }
    (out, i)
}

/// Appends what the escape after a backslash stands for (the byte after the
/// backslash is at `i`) and returns where the string goes on; `None` when the
/// data ends at the backslash. A backslash before a line end continues the
/// line; one before any other byte stands for that byte.
fn unescape(data: &[u8], mut i: usize, out: &mut Vec<u8>) -> Option<usize> {
    let &e = data.get(i)?;
    i += 1;
    match e {
        b'n' => out.push(b'\n'),
        b'r' => out.push(b'\r'),
        b't' => out.push(b'\t'),
        b'b' => out.push(8),
        b'f' => out.push(12),
        b'0'..=b'7' => {
            let mut v = u32::from(e - b'0');
            for _ in 0..2 {
                match data.get(i) {
                    Some(&d @ b'0'..=b'7') => {
                        v = v * 8 + u32::from(d - b'0');
                        i += 1;
                    }
                    _ => break,
                }
            }
            out.push((v & 0xff) as u8);
        }
        b'\r' => {
            if data.get(i) == Some(&b'\n') {
                i += 1;
            }
        }
        b'\n' => {}
        other => out.push(other),
    }
    Some(i)
}

/// Parses a PDF number leniently (`-.5`, `3.`, `--2`, `1.2.3` -> 1.2).
fn parse_number(word: &[u8]) -> Option<f64> {
    let mut i = 0;
    let mut neg = false;
    while let Some(&b) = word.get(i) {
        match b {
            b'-' => neg = !neg,
            b'+' => {}
            _ => break,
        }
        i += 1;
    }
    let mut int: f64 = 0.0;
    let mut any = false;
    while let Some(&b) = word.get(i) {
        if b.is_ascii_digit() {
            int = int * 10.0 + f64::from(b - b'0');
            any = true;
            i += 1;
        } else {
            break;
        }
    }
    if word.get(i) == Some(&b'.') {
        i += 1;
        let mut scale = 0.1;
        while let Some(&b) = word.get(i) {
            if b.is_ascii_digit() {
                int += f64::from(b - b'0') * scale;
                scale *= 0.1;
                any = true;
                i += 1;
            } else {
                break;
            }
        }
    }
    if !any {
        return None;
    }
    let v = if neg { -int } else { int };
    v.is_finite().then_some(v)
}

impl<'a> Iterator for Lexer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            self.skip_white_and_comments();
            let b = self.peek()?;
            match b {
                b'(' => {
                    self.pos += 1;
                    return Some(Token::Str(self.literal_string()));
                }
                b'<' => {
                    if self.data.get(self.pos + 1) == Some(&b'<') {
                        self.pos += 2;
                        return Some(Token::DictOpen);
                    }
                    self.pos += 1;
                    return Some(Token::Str(self.hex_string()));
                }
                b'>' => {
                    self.pos += 1;
                    if self.peek() == Some(b'>') {
                        self.pos += 1;
                        return Some(Token::DictClose);
                    }
                    // Stray '>': skip.
                }
                b'[' => {
                    self.pos += 1;
                    return Some(Token::ArrayOpen);
                }
                b']' => {
                    self.pos += 1;
                    return Some(Token::ArrayClose);
                }
                b'/' => {
                    self.pos += 1;
                    return Some(Token::Name(self.name()));
                }
                b')' | b'{' | b'}' => {
                    self.pos += 1;
                }
                _ => {
                    let start = self.pos;
                    while self.peek().is_some_and(is_regular) {
                        self.pos += 1;
                    }
                    let word = self.data.get(start..self.pos).unwrap_or(&[]);
                    if word.is_empty() {
                        // Cannot happen (b is regular), but never loop forever.
                        self.pos += 1;
                        continue;
                    }
                    let first = word.first().copied().unwrap_or(0);
                    if first.is_ascii_digit() || matches!(first, b'+' | b'-' | b'.') {
                        if let Some(v) = parse_number(word) {
                            return Some(Token::Num(v));
                        }
                        continue;
                    }
                    return Some(match word {
                        b"true" => Token::Bool(true),
                        b"false" => Token::Bool(false),
                        b"null" => Token::Null,
                        _ => Token::Keyword(word),
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &[u8]) -> Vec<Token<'_>> {
        Lexer::new(s).collect()
    }

    #[test]
    fn basic_tokens() {
        let t = toks(b"BT /F1 12 Tf 1 0 0 1 72.5 -.5 Tm (a\\(b\\)c\\101) Tj <4142 4> Tj [(x) -250 (y)] TJ ET % c\n");
        assert_eq!(t.first(), Some(&Token::Keyword(b"BT")));
        assert!(t.contains(&Token::Name(Cow::Borrowed(b"F1"))));
        assert!(t.contains(&Token::Num(-0.5)));
        assert!(t.contains(&Token::Str(Cow::Owned(b"a(b)cA".to_vec()))));
        assert!(t.contains(&Token::Str(Cow::Owned(vec![0x41, 0x42, 0x40]))));
        assert_eq!(t.last(), Some(&Token::Keyword(b"ET")));
    }

    #[test]
    fn nested_parens_and_names() {
        let t = toks(b"(a(b)c) /A#20B");
        assert_eq!(t.first(), Some(&Token::Str(Cow::Borrowed(b"a(b)c"))));
        assert_eq!(t.get(1), Some(&Token::Name(Cow::Owned(b"A B".to_vec()))));
    }

    #[test]
    fn inline_image_skipped() {
        let mut l = Lexer::new(b"BI /W 1 /H 1 ID \x01EI\xff EI Q");
        assert_eq!(l.next(), Some(Token::Keyword(b"BI")));
        l.skip_inline_image();
        assert_eq!(l.next(), Some(Token::Keyword(b"Q")));
    }

    #[test]
    fn junk_never_panics() {
        let _ = toks(b")))}}{{>>><<(((\\");
        let _ = toks(b"<");
        let _ = toks(b"(\\");
        let _ = toks(b"/");
        let _ = toks(b"- + . -.");
    }
}
