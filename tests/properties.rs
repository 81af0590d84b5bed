//! Property tests of the whole pipeline: for arbitrary input every span is
//! in bounds, on char boundaries, and its text matches the record's `text`;
//! amounts written in any supported form parse back to their value.
//! (Normalization's own properties — idempotence, the offset map landing on
//! char boundaries — are tested in `src/normalize.rs`.)

use std::path::Path;

use proptest::prelude::*;
use protokoll::model::Format;
use protokoll::stages::{decode, from_bytes};
use protokoll::{Config, process_bytes};
use serde_json::Value;

/// Text made of pieces of Swedish minutes and of characters that stress
/// normalization and the matchers.
fn minutes_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "§ 12 Dnr KS 2024/1\n",
        "Beslut\n",
        "Yrkanden\n",
        "Reservation\n",
        "Protokollsanteckning\n",
        "Omröstning\n",
        "Beslutsgång\n",
        "Expedieras till\n",
        "Ärendets behandling\n",
        "Kommunstyrelsen beslutar: ",
        "1. Anta planen. ",
        "Anna Berg (S) yrkar bifall till förslaget. ",
        "Per Ek (M) och Eva Ny (KD) reserverar sig. ",
        "röstar Ja (7). ",
        "43 Ja mot 38 Nej. ",
        "cirka 130 tkr ",
        "19,5 mnkr per år ",
        "−3 359 tkr ",
        "96 000 kronor.⁵ ",
        "1 49 173 invånare den 31 december 2023\n",
        "kronor1 ",
        "Bordlagt den 1 april 2026, § 249.\n",
        "Kommunstyrelsen har behandlat ärendet den 29 maj 2024, § 144.\n",
        "Protokoll nr 8\n",
        "Sammanträdesdatum: 2024-09-12\n",
        "Justerandes sign\n",
        "3 (12)\n",
        "kommun-\nstyrelsen ",
        "hälso- \noch ",
        "\u{a0}",
        "\u{ad}",
        "ﬁ",
        "\u{308}",
        "\r\n",
        "\n",
        "\n\n",
        " ",
        "\t",
        "\x0c",
        "”",
        "…",
        "😀",
        "-",
        ".",
        ":",
        "(",
        ")",
        "å",
        "Ä",
        "0",
        "9 ",
        "kr",
        "\u{feff}",
        "\u{2009}",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

fn display(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let s: String = s.nfc().collect();
    s.split(|c: char| c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn result_of(text: &str) -> Value {
    let raw = from_bytes(text.as_bytes().to_vec());
    let r = process_bytes("x.txt", Path::new("x.txt"), Format::Text, raw, &Config::default());
    serde_json::to_value(r).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn every_span_is_in_bounds_on_char_boundaries_and_matches_its_text(input in minutes_text()) {
        let result = result_of(&input);
        // spans index the source text: the decoded file (a leading BOM dropped)
        let text = decode(Path::new("x.txt"), input.as_bytes()).unwrap().text;
        prop_assert_ne!(result["status"].as_str(), Some("failed"));
        for (kind, records) in result.as_object().unwrap() {
            let Some(records) = records.as_array() else { continue };
            for r in records.iter().filter(|r| r.is_object()) {
                let span = &r["span"];
                let (s, e) = (span["start"].as_u64().unwrap() as usize, span["end"].as_u64().unwrap() as usize);
                prop_assert!(s <= e && e <= text.len(), "{kind}: span {s}..{e} out of bounds");
                prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "{kind}: span {s}..{e} not on char boundaries");
                let line = text[..s].matches('\n').count() + text[..s].matches('\r').count()
                    - text[..s].matches("\r\n").count() + 1;
                prop_assert_eq!(span["line"].as_u64().unwrap() as usize, line, "{}: line", kind);
                if let Some(t) = r["text"].as_str() {
                    prop_assert_eq!(display(&text[s..e]), t, "{}: text", kind);
                }
            }
        }
    }
}

/// An amount and how it is written.
fn written_amount() -> impl Strategy<Value = (String, f64)> {
    let units = prop::sample::select(vec![
        ("kr", 1.0),
        ("kronor", 1.0),
        ("SEK", 1.0),
        ("tkr", 1e3),
        ("tusen kronor", 1e3),
        ("mkr", 1e6),
        ("mnkr", 1e6),
        ("Mkr", 1e6),
        ("MSEK", 1e6),
        ("miljoner kronor", 1e6),
        ("mdkr", 1e9),
        ("miljarder kronor", 1e9),
    ]);
    let separators = prop::sample::select(vec![" ", "\u{a0}", "\u{2009}", "\u{202f}", "."]);
    (
        1u64..5_000_000,
        0u32..100,
        any::<bool>(),
        units,
        separators,
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(int, dec, with_dec, (unit, mult), sep, line_break, negative)| {
            // thousands groups
            let digits = int.to_string();
            let mut grouped = String::new();
            for (i, ch) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    grouped.push_str(sep);
                }
                grouped.push(ch);
            }
            let (number, value) = if with_dec && sep != "." {
                (format!("{grouped},{dec:02}"), int as f64 + dec as f64 / 100.0)
            } else {
                (grouped, int as f64)
            };
            let gap = if line_break { "\n" } else { " " };
            let sign = if negative { "-" } else { "" };
            let value = if negative { -value } else { value };
            (
                format!("Resultatet blev {sign}{number}{gap}{unit} för perioden."),
                value * mult,
            )
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn amounts_parse_back_to_their_value((text, value) in written_amount()) {
        let result = result_of(&text);
        let amounts = result["amounts"].as_array().unwrap();
        prop_assert_eq!(amounts.len(), 1, "{:?}: {:?}", text, amounts);
        let got = amounts[0]["value"].as_f64().unwrap();
        prop_assert!((got - value).abs() <= value.abs() * 1e-9 + 0.005, "{:?}: {} != {}", text, got, value);
    }
}
