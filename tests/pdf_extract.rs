//! Feature tests: each builds a small PDF with lopdf and checks the text.

#[path = "pdfcommon/mod.rs"]
mod common;

use common::*;
use lopdf::{Object, dictionary};
use protokoll::stages::pdf::{Limits, PdfError, extract, extract_with_stats};

#[test]
fn lines_come_out_top_to_bottom() {
    // The lower line is drawn first.
    let pdf = one_page(
        "BT /F1 12 Tf 72 686 Td (Second line) Tj ET BT /F1 12 Tf 72 700 Td (First line) Tj ET \
         BT /F1 12 Tf 72 600 Td (After a gap) Tj ET",
    );
    assert_eq!(text_of(&pdf), "First line\nSecond line\n\nAfter a gap");
}

#[test]
fn td_tstar_and_quote_operators_break_lines() {
    let pdf = one_page(
        "BT /F1 12 Tf 14 TL 72 700 Td (one) Tj T* (two) Tj (three) ' 0 -14 Td (four) Tj \
         2 0 (five) \" 0 -14 TD (six) Tj ET",
    );
    assert_eq!(text_of(&pdf), "one\ntwo\nthree\nfour\nfive\nsix");
}

#[test]
fn tm_and_cm_position_text() {
    let pdf = one_page(
        "q 1 0 0 1 0 -14 cm BT /F1 12 Tf 1 0 0 1 72 700 Tm (lower) Tj ET Q \
         BT /F1 12 Tf 1 0 0 1 72 700 Tm (upper) Tj ET",
    );
    assert_eq!(text_of(&pdf), "upper\nlower");
}

#[test]
fn tj_kerning_small_is_no_space_large_is_space() {
    let pdf = one_page("BT /F1 12 Tf 72 700 Td [(Hel) -20 (lo) 30 (,) -400 (W) 80 (orld)] TJ ET");
    assert_eq!(text_of(&pdf), "Hello, World");
}

#[test]
fn glyph_by_glyph_positioning_keeps_words_together() {
    // Each glyph placed with its own Td at exactly its advance (Helvetica:
    // H=722, e=556, j=222), then a word gap of 0.3 em.
    let pdf = one_page(
        "BT /F1 10 Tf 72 700 Td (H) Tj 7.22 0 Td (e) Tj 5.56 0 Td (j) Tj 2.22 0 Td ( ) Tj \
         2.78 0 Td (d) Tj 5.56 0 Td (i) Tj 2.22 0 Td (g) Tj ET \
         BT /F1 10 Tf 72 680 Td (a) Tj 8.56 0 Td (b) Tj ET",
    );
    assert_eq!(text_of(&pdf), "Hej dig\na b");
}

#[test]
fn differences_with_swedish_glyph_names() {
    let mut pdf = TestPdf::new();
    let font = pdf.add(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "ABCDEF+Garamond",
        "FirstChar" => 32,
        "LastChar" => 133,
        "Widths" => (32..=133).map(|_| Object::Integer(500)).collect::<Vec<_>>(),
        "Encoding" => dictionary! {
            "Type" => "Encoding",
            "BaseEncoding" => "WinAnsiEncoding",
            "Differences" => vec![
                128.into(), "aring".into(), "adieresis".into(), "odieresis".into(),
                "Aring".into(), "Adieresis".into(), "Odieresis".into(),
                65.into(), "uni00E9".into(), "quotedblleft".into(), "endash".into(),
            ],
        },
    });
    pdf.page(
        b"BT /F1 12 Tf 72 700 Td (\\200\\201\\202 \\203\\204\\205 ABC) Tj ET",
        fonts(vec![("F1", font.into())]),
    );
    assert_eq!(text_of(&pdf.finish()), "åäö ÅÄÖ é“–");
}

#[test]
fn winansi_bytes_decode_to_latin1() {
    let pdf = one_page("BT /F1 12 Tf 72 700 Td (G\\366teborgs \\345r \\226 bra) Tj ET");
    assert_eq!(text_of(&pdf), "Göteborgs år – bra");
}

const TOUNICODE: &str = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Test-UCS def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar <0001> <0020> <0010> <00660069> <0011> <D83DDE00> endbfchar
2 beginbfrange <0020> <0039> <0041> <0040> <0042> [<00E5> <00E4> <00F6>] endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end";

fn type0_font(pdf: &mut TestPdf, with_tounicode: bool) -> lopdf::ObjectId {
    let cid_font = pdf.add(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType2",
        "BaseFont" => "ABCDEF+Calibri",
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"),
            "Supplement" => 0,
        },
        "DW" => 600,
        "W" => vec![1.into(), vec![Object::Integer(250)].into(), 16.into(), 17.into(), 900.into()],
    });
    let mut font = dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => "ABCDEF+Calibri",
        "Encoding" => "Identity-H",
        "DescendantFonts" => vec![cid_font.into()],
    };
    if with_tounicode {
        let tu = pdf.stream(dictionary! {}, TOUNICODE.as_bytes(), true);
        font.set("ToUnicode", tu);
    }
    pdf.add(font)
}

#[test]
fn type0_identity_h_with_tounicode_bfrange_and_array_form() {
    let mut pdf = TestPdf::new();
    let font = type0_font(&mut pdf, true);
    pdf.page(
        b"BT /F2 12 Tf 72 700 Td <0027 0024 002B 0001 0040 0041 0042 0001 0010 0001 0011> Tj ET",
        fonts(vec![("F2", font.into())]),
    );
    assert_eq!(text_of(&pdf.finish()), "HEL åäö fi 😀");
}

#[test]
fn identity_h_without_tounicode_is_not_garbage() {
    let mut pdf = TestPdf::new();
    let font = type0_font(&mut pdf, false);
    let helv = pdf.add(helvetica());
    pdf.page(
        b"BT /F2 12 Tf 72 700 Td <0027 0024 002B> Tj ET BT /F1 12 Tf 72 650 Td (readable) Tj ET",
        fonts(vec![("F2", font.into()), ("F1", helv.into())]),
    );
    let bytes = pdf.finish();
    let (text, stats) = extract_with_stats(&bytes, &Limits::default()).expect("text");
    assert_eq!(text.pages, vec!["readable".to_string()]);
    assert_eq!(stats.unmapped_glyphs, 3);

    // Only unmapped text: NoText that says why.
    let mut pdf = TestPdf::new();
    let font = type0_font(&mut pdf, false);
    pdf.page(
        b"BT /F2 12 Tf 72 700 Td <0027 0024> Tj ET",
        fonts(vec![("F2", font.into())]),
    );
    match extract(&pdf.finish(), &Limits::default()) {
        Err(PdfError::NoText(m)) => assert!(m.contains("ToUnicode"), "{m}"),
        other => panic!("expected NoText, got {other:?}"),
    }
}

#[test]
fn superscript_by_text_rise() {
    let pdf = one_page(
        "BT /F1 12 Tf 72 700 Td (96 000 kronor.) Tj 4 Ts (5) Tj 0 Ts ( Sedan) Tj ET \
         BT /F1 9 Tf 72 100 Td 3 Ts (5) Tj 0 Ts ( 49 326 inv\\345nare) Tj ET",
    );
    assert_eq!(text_of(&pdf), "96 000 kronor.⁵ Sedan\n\n⁵ 49 326 invånare");
}

#[test]
fn superscript_by_smaller_raised_font() {
    // "kronor." in Helvetica 12 is 37.34 wide; the marker follows at +4.
    let pdf = one_page(
        "BT /F1 12 Tf 72 700 Td (kronor.) Tj ET BT /F1 7 Tf 109.4 704 Td (12) Tj ET \
         BT /F1 12 Tf 119 700 Td (Mer) Tj ET \
         BT /F1 12 Tf 72 680 Td (1) Tj ET BT /F1 7 Tf 78.8 684.5 Td (a) Tj ET \
         BT /F1 6 Tf 72 104 Td (3) Tj ET BT /F1 9 Tf 77.5 100 Td (Fotnot) Tj ET",
    );
    // A raised letter stays a letter.
    assert_eq!(text_of(&pdf), "kronor.¹² Mer\n1a\n\n³ Fotnot");
}

#[test]
fn table_row_stays_on_one_line() {
    let pdf = one_page(
        "BT /F1 10 Tf 300 700 Td (373,6) Tj ET BT /F1 10 Tf 72 700 Td (Int\\344kter) Tj ET \
         BT /F1 10 Tf 400 700.6 Td (375,7) Tj ET BT /F1 10 Tf 72 686 Td (Kostnader) Tj ET \
         BT /F1 10 Tf 300 686 Td (-360,5) Tj ET",
    );
    let text = text_of(&pdf);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    let first = lines.first().copied().unwrap_or_default();
    assert_eq!(
        first.split_whitespace().collect::<Vec<_>>(),
        ["Intäkter", "373,6", "375,7"]
    );
    assert!(first.contains("Intäkter  "), "wide gaps give several spaces: {first:?}");
    assert_eq!(lines.get(1).map(|l| l.split_whitespace().count()), Some(2));
}

fn form_resources(pdf: &mut TestPdf) -> lopdf::Dictionary {
    let font = pdf.add(helvetica());
    fonts(vec![("F1", font.into())])
}

#[test]
fn form_xobject_with_own_resources_and_matrix() {
    let mut pdf = TestPdf::new();
    let res = form_resources(&mut pdf);
    let form = pdf.stream(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 0.into(), (-28).into()],
            "Resources" => res,
        },
        b"BT /F1 12 Tf 72 700 Td (Inside the form) Tj ET",
        true,
    );
    let page_font = pdf.add(helvetica());
    let mut resources = fonts(vec![("F1", page_font.into())]);
    resources.set("XObject", dictionary! { "X1" => form });
    pdf.page(
        b"/X1 Do BT /F1 12 Tf 72 686 Td (Between) Tj ET BT /F1 12 Tf 72 700 Td (Page text) Tj ET",
        resources,
    );
    assert_eq!(text_of(&pdf.finish()), "Page text\nBetween\nInside the form");
}

#[test]
fn self_referencing_form_terminates() {
    let mut pdf = TestPdf::new();
    let res = form_resources(&mut pdf);
    let form_id = pdf.doc.new_object_id();
    let mut form_res = res.clone();
    form_res.set("XObject", dictionary! { "Me" => form_id });
    let form = lopdf::Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Resources" => form_res,
        },
        b"BT /F1 12 Tf 72 700 Td (Loop) Tj ET /Me Do".to_vec(),
    );
    pdf.doc.objects.insert(form_id, Object::Stream(form));
    let mut resources = res;
    resources.set("XObject", dictionary! { "X" => form_id });
    pdf.page(b"/X Do /X Do", resources);
    // Drawn twice by the page at the same spot: duplicate text is dropped.
    assert_eq!(text_of(&pdf.finish()), "Loop");
}

#[test]
fn deep_form_chain_hits_the_nesting_cap() {
    let mut pdf = TestPdf::new();
    let res = form_resources(&mut pdf);
    let mut next: Option<lopdf::ObjectId> = None;
    for _ in 0..40 {
        let mut r = res.clone();
        let content: &[u8] = match next {
            Some(id) => {
                r.set("XObject", dictionary! { "N" => id });
                b"/N Do"
            }
            None => b"BT /F1 12 Tf 72 700 Td (deep) Tj ET",
        };
        let id = pdf.stream(
            dictionary! { "Type" => "XObject", "Subtype" => "Form", "Resources" => r },
            content,
            false,
        );
        next = Some(id);
    }
    let mut resources = res;
    if let Some(id) = next {
        resources.set("XObject", dictionary! { "N" => id });
    }
    pdf.page(b"/N Do", resources);
    let bytes = pdf.finish();
    assert!(matches!(extract(&bytes, &Limits::default()), Err(PdfError::Nesting(_))));
    let deep = Limits {
        max_depth: 64,
        ..Limits::default()
    };
    assert_eq!(
        extract(&bytes, &deep).ok().map(|t| t.pages),
        Some(vec!["deep".to_string()])
    );
}

#[test]
fn rotated_page_reads_in_display_order() {
    for rotate in [90i64, 180, 270] {
        // Text drawn so that it reads upright once the page is rotated.
        let (a, b, c, d) = match rotate {
            90 => (0, 1, -1, 0),
            180 => (-1, 0, 0, -1),
            _ => (0, -1, 1, 0),
        };
        // Line 2 sits 20 units "below" line 1 in display terms.
        let (x1, y1, x2, y2) = match rotate {
            90 => (100, 100, 120, 100),
            180 => (500, 700, 500, 720),
            _ => (500, 700, 480, 700),
        };
        let content = format!(
            "BT /F1 12 Tf {a} {b} {c} {d} {x2} {y2} Tm (Second line) Tj \
             {a} {b} {c} {d} {x1} {y1} Tm (First line) Tj ET"
        );
        let mut pdf = TestPdf::new();
        let font = pdf.add(helvetica());
        pdf.page_with(
            content.as_bytes(),
            fonts(vec![("F1", font.into())]),
            dictionary! { "Rotate" => rotate },
        );
        assert_eq!(text_of(&pdf.finish()), "First line\nSecond line", "rotate {rotate}");
    }
}

#[test]
fn image_only_page_is_no_text() {
    let mut pdf = TestPdf::new();
    let img = pdf.stream(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => 2, "Height" => 2,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
        },
        &[0, 255, 255, 0],
        false,
    );
    pdf.page(
        b"q 595 0 0 842 0 0 cm /Im0 Do Q",
        dictionary! { "XObject" => dictionary! { "Im0" => img } },
    );
    pdf.page(
        b"q 10 0 0 10 0 0 cm BI /W 1 /H 1 /CS /G /BPC 8 ID \x80 EI Q",
        dictionary! {},
    );
    match extract(&pdf.finish(), &Limits::default()) {
        Err(PdfError::NoText(m)) => assert!(m.contains("scanned") && m.contains("OCR"), "{m}"),
        other => panic!("expected NoText, got {other:?}"),
    }
}

fn encrypted(user_password: &str) -> Vec<u8> {
    let mut pdf = TestPdf::new();
    let font = pdf.add(helvetica());
    pdf.page(
        b"BT /F1 12 Tf 72 700 Td (Hemlig text) Tj ET",
        fonts(vec![("F1", font.into())]),
    );
    let mut doc = pdf.finish_doc();
    doc.trailer.set(
        "ID",
        Object::Array(vec![
            Object::string_literal(b"0123456789abcdef".to_vec()),
            Object::string_literal(b"fedcba9876543210".to_vec()),
        ]),
    );
    let state = lopdf::EncryptionState::try_from(lopdf::EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password,
        key_length: 128,
        permissions: lopdf::Permissions::all(),
    })
    .expect("encryption state");
    doc.encrypt(&state).expect("encrypt");
    save(doc)
}

#[test]
fn encrypted_with_user_password_is_reported() {
    let bytes = encrypted("secret");
    assert!(!bytes.windows(11).any(|w| w == b"Hemlig text"));
    assert!(matches!(
        extract(&bytes, &Limits::default()),
        Err(PdfError::Encrypted(_))
    ));
}

#[test]
fn encrypted_with_empty_user_password_opens() {
    assert_eq!(text_of(&encrypted("")), "Hemlig text");
}

#[test]
fn unsupported_security_handler_is_encrypted() {
    let mut doc = {
        let mut pdf = TestPdf::new();
        let font = pdf.add(helvetica());
        pdf.page(b"BT /F1 12 Tf 72 700 Td (x) Tj ET", fonts(vec![("F1", font.into())]));
        pdf.finish_doc()
    };
    let enc = doc.add_object(dictionary! {
        "Filter" => "Adobe.PubSec", "V" => 4, "R" => 4, "Length" => 128,
        "Recipients" => vec![Object::string_literal(vec![1u8, 2, 3])],
    });
    doc.trailer.set("Encrypt", enc);
    doc.trailer.set(
        "ID",
        Object::Array(vec![Object::string_literal(b"0123456789abcdef".to_vec()); 2]),
    );
    assert!(matches!(
        extract(&save(doc), &Limits::default()),
        Err(PdfError::Encrypted(_))
    ));
}

#[test]
fn many_pages_keep_their_order() {
    let mut pdf = TestPdf::new();
    let font = pdf.add(helvetica());
    for i in 1..=20 {
        let content = format!("BT /F1 12 Tf 72 700 Td (Sida {i}) Tj ET");
        pdf.page(content.as_bytes(), fonts(vec![("F1", font.into())]));
    }
    let text = extract(&pdf.finish(), &Limits::default()).expect("text");
    let expected: Vec<String> = (1..=20).map(|i| format!("Sida {i}")).collect();
    assert_eq!(text.pages, expected);
}

#[test]
fn empty_page_gives_empty_string_but_others_text() {
    let mut pdf = TestPdf::new();
    let font = pdf.add(helvetica());
    pdf.page(b"", dictionary! {});
    pdf.page(b"BT /F1 12 Tf 72 700 Td (Text) Tj ET", fonts(vec![("F1", font.into())]));
    let text = extract(&pdf.finish(), &Limits::default()).expect("text");
    assert_eq!(text.pages, vec![String::new(), "Text".to_string()]);
}

#[test]
fn ligature_glyph_names_give_ligature_code_points() {
    let mut pdf = TestPdf::new();
    let font = pdf.add(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Times-Roman",
        "Encoding" => dictionary! { "Differences" => vec![1.into(), "fi".into(), "fl".into(), "bullet".into()] },
    });
    pdf.page(
        b"BT /F1 12 Tf 72 700 Td (\\001nns \\002yg \\003) Tj ET",
        fonts(vec![("F1", font.into())]),
    );
    assert_eq!(text_of(&pdf.finish()), "ﬁnns ﬂyg •");
}

#[test]
fn type3_font_with_font_matrix_and_differences() {
    let mut pdf = TestPdf::new();
    let proc_id = pdf.stream(dictionary! {}, b"50 0 d0", false);
    let font = pdf.add(dictionary! {
        "Type" => "Font", "Subtype" => "Type3",
        "FontBBox" => vec![0.into(), 0.into(), 100.into(), 100.into()],
        "FontMatrix" => vec![0.01.into(), 0.into(), 0.into(), 0.01.into(), 0.into(), 0.into()],
        "CharProcs" => dictionary! { "a" => proc_id, "b" => proc_id, "aring" => proc_id, "space" => proc_id },
        "Encoding" => dictionary! { "Type" => "Encoding", "Differences" => vec![
            1.into(), "a".into(), "b".into(), "aring".into(), "space".into()] },
        "FirstChar" => 1, "LastChar" => 4,
        "Widths" => vec![50.into(), 50.into(), 50.into(), 25.into()],
        "Resources" => dictionary! {},
    });
    pdf.page(
        b"BT /T3 12 Tf 72 700 Td (\\001\\002\\003\\004\\003\\002\\001) Tj ET \
          BT /T3 12 Tf 72 686 Td (\\001\\001) Tj ET",
        fonts(vec![("T3", font.into())]),
    );
    assert_eq!(text_of(&pdf.finish()), "abå åba\naa");
}

#[test]
fn mac_roman_and_standard_encodings() {
    let mut pdf = TestPdf::new();
    let mac = pdf.add(dictionary! {
        "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "Arial",
        "Encoding" => "MacRomanEncoding",
    });
    let std = pdf.add(dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Times-Roman" });
    pdf.page(
        b"BT /M 12 Tf 72 700 Td (\\214\\212\\232 \\201\\200\\205) Tj ET \
          BT /S 12 Tf 72 686 Td (It\\251s \\252quoted\\272) Tj ET",
        fonts(vec![("M", mac.into()), ("S", std.into())]),
    );
    assert_eq!(text_of(&pdf.finish()), "åäö ÅÄÖ\nIt's “quoted”");
}

/// Two columns of prose under a full-width heading, the right column's
/// baselines a little off the left one's (as real layouts are).
fn two_column_page() -> Vec<u8> {
    let mut ops =
        String::from("BT /F1 14 Tf 72 740 Td (Rubrik som g\\345r \\366ver hela sidans bredd och l\\344ngre) Tj ET ");
    for i in 0..8 {
        let y = 700 - 14 * i;
        ops.push_str(&format!(
            "BT /F1 10 Tf 72 {y} Td (V\\344nster spalt rad {i} med en hel del text) Tj ET \
             BT /F1 10 Tf 320 {}.6 Td (H\\366ger spalt rad {i} med lika mycket text) Tj ET ",
            y - 1
        ));
    }
    ops.push_str("BT /F1 10 Tf 72 500 Td (Sidfot som ocks\\345 g\\345r \\366ver b\\345da spalterna p\\345 sidan, hela v\\344gen) Tj ET");
    one_page(&ops)
}

#[test]
fn two_text_columns_are_read_column_by_column() {
    let text = text_of(&two_column_page());
    let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 18, "{text}");
    assert!(lines[0].starts_with("Rubrik"), "{text}");
    for i in 0..8 {
        assert_eq!(
            lines[1 + i],
            format!("Vänster spalt rad {i} med en hel del text"),
            "{text}"
        );
        assert_eq!(
            lines[9 + i],
            format!("Höger spalt rad {i} med lika mycket text"),
            "{text}"
        );
    }
    assert!(lines[17].starts_with("Sidfot"), "{text}");
}

#[test]
fn a_long_table_with_a_wide_gap_stays_row_by_row() {
    let mut ops = String::new();
    for i in 0..12 {
        let y = 700 - 14 * i;
        ops.push_str(&format!(
            "BT /F1 10 Tf 72 {y} Td (Kostnader f\\366r verksamhet {i}) Tj ET BT /F1 10 Tf 420 {y} Td ({i}4 567) Tj ET "
        ));
    }
    let text = text_of(&one_page(&ops));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 12, "{text}");
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(
            line.split_whitespace().collect::<Vec<_>>().join(" "),
            format!("Kostnader för verksamhet {i} {i}4 567")
        );
    }
}
