//! Footnote lines and the population counts (folkmängd, invånare) they
//! often state, read by [`crate::extract::footnotes`]. Each line rule runs
//! on one line: its marker `m`, superscript or bare, and its text `t`.

use super::{Rule, groups, rejects};

/// A footnote line opening with a superscript marker: "⁵ 49 326 invånare
/// 2022-06-30"; `m` is the marker, `t` the text.
pub static SUPERSCRIPT_LINE: Rule = Rule::new(
    "superscript_line",
    r"^[ \t]*(?P<m>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)[ \t]*(?P<t>\S.*?)\s*$",
    &[
        groups(
            "⁵ 49 326 invånare 2022-06-30",
            &[("m", "⁵"), ("t", "49 326 invånare 2022-06-30")],
        ),
        groups("¹²Källa: SCB ", &[("m", "¹²"), ("t", "Källa: SCB")]),
        rejects("5 49 326 invånare"),
    ],
);

/// A footnote line whose superscript was lost: "1 49 173 invånare den 31
/// december 2023"; `m` is the marker (1–99), `t` the text.
pub static BARE_LINE: Rule = Rule::new(
    "bare_line",
    r"^[ \t]*(?P<m>[1-9]\d?)[ \t]+(?P<t>\S.*?)\s*$",
    &[
        groups(
            "1 49 173 invånare den 31 december 2023",
            &[("m", "1"), ("t", "49 173 invånare den 31 december 2023")],
        ),
        rejects("2024 Årsredovisning"),
        rejects("0 Inledning"),
    ],
);

/// A population count: "49 326 invånare" (`n1`) or "Folkmängd: 67 412" (`n2`).
pub static POPULATION: Rule = Rule::new(
    "population",
    r"(?i)(?:(?P<n1>\d{1,3}(?: \d{3})+|\d{3,})\s+(?:invånare|kommuninvånare|folkbokförda)(?-u:\b)|(?:invånare|invånarantal|folkmängd)\s*:?\s*(?P<n2>\d{1,3}(?: \d{3})+|\d{3,}))",
    &[
        groups("49 326 invånare 2022-06-30", &[("n1", "49 326"), ("n2", "")]),
        groups("Folkmängd: 67 412", &[("n1", ""), ("n2", "67 412")]),
        rejects("8 invånare per bostad"),
        rejects("288 av landets 290 kommuner"),
    ],
);

/// Every rule of this family.
pub static RULES: &[&Rule] = &[&SUPERSCRIPT_LINE, &BARE_LINE, &POPULATION];
