//! Hostile and damaged input: never panic, never overflow the stack, respect
//! the limits, and recover what can be recovered.

#[path = "pdfcommon/mod.rs"]
mod common;

use common::*;
use flate2::{Compression, write::ZlibEncoder};
use lopdf::{Object, dictionary};
use protokoll::stages::pdf::{Limits, PdfError, extract};
use std::io::Write;
use std::time::Instant;

/// Assembles a PDF from raw object bodies with a correct xref table.
fn raw_pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn stream_obj(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut v = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    v.extend_from_slice(data);
    v.extend_from_slice(b"\nendstream");
    v
}

fn zlib(data: &[u8]) -> Vec<u8> {
    let mut e = ZlibEncoder::new(Vec::new(), Compression::fast());
    e.write_all(data).expect("compress");
    e.finish().expect("compress")
}

/// catalog, pages, page (content = obj 4, font = obj 5), content, font.
fn basic_objects(content: &[u8]) -> Vec<Vec<u8>> {
    vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
           /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_vec(),
        stream_obj("", content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec(),
    ]
}

fn not_a_panic(r: &Result<protokoll::stages::pdf::PdfText, PdfError>) -> bool {
    !matches!(r, Err(PdfError::Damaged(m)) if m.contains("internal panic"))
}

#[test]
fn raw_builder_works() {
    let pdf = raw_pdf(&basic_objects(b"BT /F1 12 Tf 72 700 Td (Raw) Tj ET"));
    assert_eq!(text_of(&pdf), "Raw");
}

#[test]
fn truncated_file_does_not_panic() {
    let mut pdf = TestPdf::new();
    let font = pdf.add(helvetica());
    for i in 0..3 {
        let c = format!("BT /F1 12 Tf 72 700 Td (Sida {i} med text) Tj ET");
        pdf.page(c.as_bytes(), fonts(vec![("F1", font.into())]));
    }
    let full = pdf.finish();
    for frac in [0.3, 0.5, 0.7, 0.9, 0.99] {
        let cut = full.get(..(full.len() as f64 * frac) as usize).unwrap_or(&[]);
        let r = extract(cut, &Limits::default());
        assert!(not_a_panic(&r));
        assert!(
            matches!(r, Ok(_) | Err(PdfError::Damaged(_)) | Err(PdfError::NoText(_))),
            "{frac}: {r:?}"
        );
    }
    // Cut just before the xref: the objects are all there, recovery finds them.
    let raw = raw_pdf(&basic_objects(b"BT /F1 12 Tf 72 700 Td (Recovered) Tj ET"));
    let xref = raw.windows(5).rposition(|w| w == b"xref\n").unwrap_or(raw.len());
    assert_eq!(text_of(raw.get(..xref).unwrap_or(&[])), "Recovered");
}

#[test]
fn broken_xref_is_recovered() {
    let raw = raw_pdf(&basic_objects(b"BT /F1 12 Tf 72 700 Td (Trots trasig xref) Tj ET"));
    let xref = raw.windows(5).rposition(|w| w == b"xref\n").unwrap_or(0);
    // Wrong offsets for every object.
    let mut broken = raw.get(..xref).unwrap_or(&[]).to_vec();
    let tail = String::from_utf8_lossy(raw.get(xref..).unwrap_or(&[])).to_string();
    let tail: String = tail
        .lines()
        .map(|l| {
            if l.ends_with(" n") && l.len() == 18 {
                format!("{:010} 00000 n ", 7)
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    broken.extend_from_slice(tail.as_bytes());
    assert_eq!(text_of(&broken), "Trots trasig xref");
    // A startxref that points nowhere.
    let s = String::from_utf8_lossy(&raw).replace(&format!("startxref\n{xref}"), "startxref\n99999");
    assert_eq!(text_of(s.as_bytes()), "Trots trasig xref");
}

#[test]
fn not_a_pdf_is_damaged() {
    for junk in [
        &b""[..],
        b"hello",
        b"%PDF-1.7\n",
        b"%PDF-1.4\n1 0 obj << >> endobj trailer << /Root 1 0 R >>",
    ] {
        let r = extract(junk, &Limits::default());
        assert!(matches!(r, Err(PdfError::Damaged(_))), "{r:?}");
    }
}

fn run_with_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(f)
        .expect("thread")
        .join()
        .expect("no stack overflow or panic")
}

#[test]
fn ten_thousand_nested_arrays_in_an_object() {
    let r = run_with_small_stack(|| {
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        let mut objs = basic_objects(b"BT /F1 12 Tf 72 700 Td (Djup) Tj ET");
        if let Some(page) = objs.get_mut(2) {
            *page = format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
                 /Resources << /Font << /F1 5 0 R >> >> /Junk {deep} >>"
            )
            .into_bytes();
        }
        let pdf = raw_pdf(&objs);
        extract(&pdf, &Limits::default()).map_err(|e| e.to_string())
    });
    // lopdf gives up on the over-deep object (its parser caps nesting at
    // 100), so the page is lost but nothing crashes.
    assert!(!matches!(&r, Err(m) if m.contains("internal panic")), "{r:?}");
}

#[test]
fn ten_thousand_nested_arrays_in_a_content_stream() {
    let r = run_with_small_stack(|| {
        let mut content = b"BT /F1 12 Tf 72 700 Td (Fore) Tj ".to_vec();
        content.extend(std::iter::repeat_n(b'[', 10_000));
        content.extend(std::iter::repeat_n(b']', 10_000));
        content.extend_from_slice(b" TJ ET");
        let pdf = raw_pdf(&basic_objects(&content));
        extract(&pdf, &Limits::default()).map_err(|e| e.to_string())
    });
    assert!(matches!(&r, Err(m) if m.contains("nesting")), "{r:?}");
}

#[test]
fn millions_of_tiny_objects_are_refused_before_loading() {
    // 3 million one-number objects (≈70 MB): lopdf would need ≈4.5 GB for them
    let mut objs = basic_objects(b"BT /F1 12 Tf 72 700 Td (Text) Tj ET");
    objs.extend((0..3_000_000).map(|i| format!("{i}").into_bytes()));
    let pdf = raw_pdf(&objs);
    let started = Instant::now();
    let r = extract(&pdf, &Limits::default());
    assert!(
        matches!(&r, Err(PdfError::TooLarge(m)) if m.contains("objects")),
        "{r:?}"
    );
    assert!(started.elapsed().as_secs() < 10);
    // the same page with a few thousand objects loads
    let mut objs = basic_objects(b"BT /F1 12 Tf 72 700 Td (Text) Tj ET");
    objs.extend((0..5_000).map(|i| format!("{i}").into_bytes()));
    let text = extract(&raw_pdf(&objs), &Limits::default()).map(|t| t.pages.join("\n"));
    assert_eq!(text.ok().as_deref(), Some("Text"));
}

#[test]
fn flate_bomb_in_content_stream_hits_the_cap() {
    let bomb = zlib(&vec![b' '; 8 * 1024 * 1024]);
    let mut objs = basic_objects(b"");
    if let Some(c) = objs.get_mut(3) {
        *c = stream_obj("/Filter /FlateDecode", &bomb);
    }
    let pdf = raw_pdf(&objs);
    let small = Limits {
        max_decoded_bytes: 1024 * 1024,
        ..Limits::default()
    };
    assert!(matches!(extract(&pdf, &small), Err(PdfError::TooLarge(_))));
    // Within the default cap the same file is just a page without text.
    assert!(matches!(extract(&pdf, &Limits::default()), Err(PdfError::NoText(_))));
}

#[test]
fn many_streams_add_up_against_the_cap() {
    // Ten pages of 300 KiB decoded content each: under a 1 MiB cap per
    // stream, but not per file.
    let mut pdf = TestPdf::new();
    let font = pdf.add(helvetica());
    let mut content = b"BT /F1 12 Tf 72 700 Td (x) Tj ET ".to_vec();
    content.extend(std::iter::repeat_n(b' ', 300 * 1024));
    for _ in 0..10 {
        pdf.page(&content, fonts(vec![("F1", font.into())]));
    }
    let limits = Limits {
        max_decoded_bytes: 1024 * 1024,
        ..Limits::default()
    };
    assert!(matches!(extract(&pdf.finish(), &limits), Err(PdfError::TooLarge(_))));
}

/// A file whose page (object 3) lives in object stream 8 and two filler
/// objects (4, 5) in object stream 10, each stream padded with `pad` bytes of
/// compressible spaces; cross-reference stream 9.
fn objstm_pdf(pad: usize) -> Vec<u8> {
    let objstm = |objs: &[(u32, &[u8])]| -> Vec<u8> {
        let mut header = String::new();
        let mut bodies = Vec::new();
        for (n, b) in objs {
            header.push_str(&format!("{n} {} ", bodies.len()));
            bodies.extend_from_slice(b);
            bodies.push(b' ');
        }
        let mut data = header.into_bytes();
        let first = data.len();
        data.extend_from_slice(&bodies);
        data.extend(std::iter::repeat_n(b' ', pad));
        stream_obj(
            &format!("/Type /ObjStm /N {} /First {first} /Filter /FlateDecode", objs.len()),
            &zlib(&data),
        )
    };
    let page: &[u8] = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 6 0 R /Resources << /Font << /F1 7 0 R >> >> >>";
    let bodies: Vec<(u32, Vec<u8>)> = vec![
        (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
        (2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec()),
        (6, stream_obj("", b"BT /F1 12 Tf 72 700 Td (x) Tj ET")),
        (7, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec()),
        (8, objstm(&[(3, page)])),
        (10, objstm(&[(4, b"<< /Foo 1 >>"), (5, b"<< /Bar 2 >>")])),
    ];
    let mut out = b"%PDF-1.5\n".to_vec();
    let mut offsets = std::collections::BTreeMap::new();
    for (n, b) in &bodies {
        offsets.insert(*n, out.len());
        out.extend_from_slice(format!("{n} 0 obj\n").as_bytes());
        out.extend_from_slice(b);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref_off = out.len();
    let mut rows = Vec::new();
    for n in 0u32..11 {
        let row: [u8; 5] = match n {
            3 => [2, 0, 0, 8, 0],
            4 | 5 => [2, 0, 0, 10, (n - 4) as u8],
            9 => [1, (xref_off >> 16) as u8, (xref_off >> 8) as u8, xref_off as u8, 0],
            _ => match offsets.get(&n) {
                Some(&o) => [1, (o >> 16) as u8, (o >> 8) as u8, o as u8, 0],
                None => [0, 0, 0, 0, 0],
            },
        };
        rows.extend_from_slice(&row);
    }
    let xref_body = stream_obj("/Type /XRef /Size 11 /W [1 3 1] /Root 1 0 R", &rows);
    out.extend_from_slice(b"9 0 obj\n");
    out.extend_from_slice(&xref_body);
    out.extend_from_slice(format!("\nendobj\nstartxref\n{xref_off}\n%%EOF\n").as_bytes());
    out
}

#[test]
fn object_stream_bomb_hits_the_cap_at_load() {
    let limits = Limits {
        max_decoded_bytes: 1024 * 1024,
        ..Limits::default()
    };
    // One stream over the cap.
    let r = extract(&objstm_pdf(4 * 1024 * 1024), &limits);
    assert!(matches!(r, Err(PdfError::TooLarge(_))), "{r:?}");
    // Two streams, each under the cap, together over it: counted per file.
    let r = extract(&objstm_pdf(600 * 1024), &limits);
    assert!(matches!(r, Err(PdfError::TooLarge(_))), "{r:?}");
    // With room to spare the file loads.
    assert_eq!(text_of(&objstm_pdf(600 * 1024)), "x");
    assert_eq!(text_of(&objstm_pdf(0)), "x");
}

#[test]
fn deadline_in_the_past_is_timeout() {
    let pdf = one_page("BT /F1 12 Tf 72 700 Td (x) Tj ET");
    let limits = Limits {
        deadline: Some(Instant::now()),
        ..Limits::default()
    };
    assert!(matches!(extract(&pdf, &limits), Err(PdfError::Timeout(_))));
}

#[test]
fn operator_cap_is_enforced() {
    let content = "BT /F1 12 Tf 72 700 Td (x) Tj ET ".to_string() + &"q Q ".repeat(100);
    let pdf = one_page(&content);
    let limits = Limits {
        max_ops_per_page: 50,
        ..Limits::default()
    };
    assert!(matches!(extract(&pdf, &limits), Err(PdfError::Nesting(_))));
    assert_eq!(text_of(&pdf), "x");
}

#[test]
fn junk_in_content_stream_is_skipped() {
    let pdf = one_page(
        "BT /F1 12 Tf 72 700 Td ) } { >> (Hej) Tj 1 2 3 4 5 6 7 8 Tm [1 2 (a) /x] TJ Tj TJ Tf \
         /NoSuchFont 12 Tf (kvar) Tj ET Q Q Q cm Do /X Do BI ID EI",
    );
    let r = extract(&pdf, &Limits::default());
    assert!(not_a_panic(&r));
    assert!(r.map(|t| t.pages.join("").contains("Hej")).unwrap_or(false));
}

fn sample_for_fuzzing() -> Vec<u8> {
    let mut pdf = TestPdf::new();
    let font = pdf.add(helvetica());
    let tu = pdf.stream(
        dictionary! {},
        b"1 begincodespacerange <0000> <FFFF> endcodespacerange \
          1 beginbfrange <0020> <0039> <0041> endbfrange 1 beginbfchar <0001> <0020> endbfchar",
        true,
    );
    let cid = pdf.add(dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "X", "DW" => 500,
        "W" => vec![1.into(), vec![Object::Integer(250)].into()],
    });
    let t0 = pdf.add(dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "X", "Encoding" => "Identity-H",
        "DescendantFonts" => vec![cid.into()], "ToUnicode" => tu,
    });
    let form_res = fonts(vec![("F1", font.into())]);
    let form = pdf.stream(
        dictionary! { "Type" => "XObject", "Subtype" => "Form", "Resources" => form_res },
        b"BT /F1 9 Tf 72 100 Td 3 Ts (1) Tj 0 Ts ( Fotnot) Tj ET",
        true,
    );
    let mut res = fonts(vec![("F1", font.into()), ("F2", t0.into())]);
    res.set("XObject", dictionary! { "X" => form });
    pdf.page(
        b"BT /F1 12 Tf 72 700 Td [(Hej) -300 (p\\345) -250 (dig)] TJ 0 -14 Td /F2 10 Tf <0027 0001 0028> Tj ET /X Do",
        res.clone(),
    );
    pdf.page_with(
        b"BT /F1 12 Tf 0 1 -1 0 100 100 Tm (Roterad) Tj ET",
        res,
        dictionary! { "Rotate" => 90 },
    );
    pdf.finish()
}

/// xorshift64*: deterministic, dependency-free randomness.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(rng: &mut Rng, data: &mut Vec<u8>) {
    let len = data.len().max(1);
    match rng.below(7) {
        0 => {
            for _ in 0..1 + rng.below(8) {
                let i = rng.below(len);
                if let Some(b) = data.get_mut(i) {
                    *b = rng.next() as u8;
                }
            }
        }
        1 => data.truncate(rng.below(len)),
        2 => {
            let a = rng.below(len);
            let b = (a + rng.below(64)).min(data.len());
            data.drain(a.min(b)..b);
        }
        3 => {
            let a = rng.below(len);
            let b = (a + rng.below(256)).min(data.len());
            let chunk: Vec<u8> = data.get(a.min(b)..b).unwrap_or(&[]).to_vec();
            let at = rng.below(len).min(data.len());
            data.splice(at..at, chunk);
        }
        4 => {
            // Replace a digit: breaks offsets, lengths, numbers.
            let digits: Vec<usize> = data
                .iter()
                .enumerate()
                .filter(|(_, b)| b.is_ascii_digit())
                .map(|(i, _)| i)
                .collect();
            if !digits.is_empty()
                && let Some(&i) = digits.get(rng.below(digits.len()))
                && let Some(b) = data.get_mut(i)
            {
                *b = b'0' + rng.below(10) as u8;
            }
        }
        5 => {
            let tokens: [&[u8]; 8] = [b"[", b"<<", b"(", b"R", b"obj", b"stream", b"9999999999", b"-1"];
            let t = tokens.get(rng.below(tokens.len())).copied().unwrap_or(b"[");
            let at = rng.below(len).min(data.len());
            data.splice(at..at, t.iter().copied());
        }
        _ => {
            let at = rng.below(len).min(data.len());
            let n = rng.below(32);
            let junk: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
            data.splice(at..at, junk);
        }
    }
}

#[test]
fn random_mutations_never_panic() {
    let base = sample_for_fuzzing();
    let t = text_of(&base);
    assert!(t.contains("Hej på dig"), "{t}");
    // Also mutate the decompressed form, so content streams get hit.
    let plain = {
        let mut doc = lopdf::Document::load_mem(&base).expect("load");
        doc.decompress();
        save(doc)
    };
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let iterations = std::env::var("PDFTEXT_FUZZ_ITERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1500usize);
    for i in 0..iterations {
        let mut data = if i % 2 == 0 { base.clone() } else { plain.clone() };
        for _ in 0..1 + rng.below(4) {
            mutate(&mut rng, &mut data);
        }
        let r = extract(&data, &Limits::default());
        assert!(not_a_panic(&r), "iteration {i}: {r:?}");
    }
}

/// Mutation fuzzing of real files: `PDFTEXT_FUZZ_DIR=/path/to/pdfs
/// PDFTEXT_FUZZ_ITERS=200 cargo test --release -- --ignored fuzz_real_files`
/// (iterations per file). The files are only read.
#[test]
#[ignore]
fn fuzz_real_files() {
    let Ok(dir) = std::env::var("PDFTEXT_FUZZ_DIR") else {
        return;
    };
    let iterations = std::env::var("PDFTEXT_FUZZ_ITERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100usize);
    let mut rng = Rng(0x1234_5678_9abc_def1);
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect();
    entries.sort();
    for path in entries {
        let base = std::fs::read(&path).expect("read");
        for i in 0..iterations {
            let mut data = base.clone();
            for _ in 0..1 + rng.below(6) {
                mutate(&mut rng, &mut data);
            }
            let limits = Limits {
                deadline: Some(Instant::now() + std::time::Duration::from_secs(10)),
                ..Limits::default()
            };
            let r = extract(&data, &limits);
            assert!(not_a_panic(&r), "{} iteration {i}: {r:?}", path.display());
        }
    }
}
