//! Amounts of money (belopp) and what is said around them, read by
//! [`crate::extract::amounts`]: the number and its unit ("49 326 kronor",
//! "5–7 mnkr" — mnkr, miljoner kronor; tkr, tusen kronor), a qualifier just
//! before it ("cirka", "högst", "minst"), a negation before that, a footnote
//! marker after the unit, and what the sum is per ("per invånare och år");
//! and the word tables around them: what each unit multiplies by, the words
//! that join two numbers, the periods, and the words that make a bare
//! "miljoner" a sum of money or a count.

use super::{Rule, Words, alternation, finds, groups, rejects};
use crate::model::Period;

/// A number as amounts are written: "49 326", "1.950", "19,5", "13:50", "130".
pub static NUMBER: Rule = Rule::new(
    "number",
    r"\d{1,3}(?:\x20\d{3})+(?:,\d+)?|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+:\d{2}|\d+",
    &[
        finds("49 326 invånare", "49 326"),
        finds("19,5 mnkr", "19,5"),
        finds("1.950 kr", "1.950"),
        finds("13:50 kr", "13:50"),
    ],
);

/// The unit of a sum: "kronor", "kr", "tkr", "mnkr", "miljoner kronor",
/// "öre", ":-", or a bare scale word of [`SCALE_WORDS`] ("miljoner").
pub static UNIT: Rule = Rule::built(
    "unit",
    || {
        format!(
            r"(?i:miljarder\s+kronor|miljard\s+kronor|miljoner\s+kronor|miljon\s+kronor|tusen\s+kronor|miljarder\s+kr|miljoner\s+kr|md\s?kr|mdr\s+kr|mn\s?kr|mkr|milj\.?\s?kr|msek|mn\s+sek|tkr|tsek|ksek|kkr|kronor|kr|sek|öre|{scale_words})|:-",
            scale_words = alternation(SCALE_WORDS.iter().copied()),
        )
    },
    &[
        finds("19,5 mnkr", "mnkr"),
        finds("5 miljoner kronor", "miljoner kronor"),
        finds("500:-", ":-"),
        finds("20 öre", "öre"),
    ],
);

/// A unit where a text starts: what the amount matcher looks for right
/// after a digit ([`FirstChars`](super::FirstChars) of this rule are the
/// characters it can start with).
pub static UNIT_AT_START: Rule = Rule::new(
    "unit_at_start",
    r"^(?&unit)",
    &[finds("tkr för 2025", "tkr"), finds("Öre", "Öre"), rejects(" kronor")],
);

/// A sum with its unit, perhaps negative or a range: "49 326 kronor", "5–7
/// mnkr", "-2,5 miljoner kronor", "500:-"; `neg`, `num`, `sep`, `num2`, `unit`.
/// The words of a range are those of [`PAIR_WORDS`], the bare scale words
/// those of [`SCALE_WORDS`].
pub static AMOUNT: Rule = Rule::built(
    "amount",
    || {
        format!(
            r"(?x)
        (?:^|[^\p{{L}}\d,.:\-/])
        (?P<neg>-\s?)?
        (?P<num>(?&number))
        (?:\s*(?P<sep>[-–—]|{separators})\s*(?P<num2>(?&number)))?
        [\ \t]*\n?[\ \t]*
        (?P<unit>(?&unit))",
            separators = alternation(pair_separators()),
        )
    },
    &[
        groups(
            "kostnaden beräknas till 49 326 kronor",
            &[("neg", ""), ("num", "49 326"), ("num2", ""), ("unit", "kronor")],
        ),
        groups(
            "en ram på 5–7 mnkr",
            &[("num", "5"), ("sep", "–"), ("num2", "7"), ("unit", "mnkr")],
        ),
        groups(
            "mellan 10 och 15 miljoner kronor",
            &[
                ("num", "10"),
                ("sep", "och"),
                ("num2", "15"),
                ("unit", "miljoner kronor"),
            ],
        ),
        groups(
            "ett underskott på -2,5 miljoner kronor",
            &[("neg", "-"), ("num", "2,5"), ("unit", "miljoner kronor")],
        ),
        groups("budgeten ökar med 5 milj. till", &[("num", "5"), ("unit", "milj.")]),
        groups("Avgiften höjs till 500:- per månad", &[("num", "500"), ("unit", ":-")]),
    ],
);

/// What a unit multiplies its number by: the unit starts with the entry's
/// word, or (`whole`) is that word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Multiplier {
    /// The factor: 10⁹ for "miljarder kronor", 1 for "kr".
    pub factor: f64,
    /// Whether the unit must be the word itself, not only start with it.
    pub whole: bool,
}

/// The units that start with a word ("miljard" for "miljarder kronor").
const fn starting(factor: f64) -> Multiplier {
    Multiplier { factor, whole: false }
}

/// The unit that is a word ("mkr").
const fn word(factor: f64) -> Multiplier {
    Multiplier { factor, whole: true }
}

/// The unit whose sums are in hundredths of a krona: "50 öre" is 0,50
/// kronor (matched as written, ASCII letters in any case).
pub const ORE: &str = "öre";

/// What each unit of [`AMOUNT`] multiplies by, tried in order on the unit in
/// lower case with its white space one space: "miljarder kronor", "md kr",
/// "mdr" (10⁹); "miljoner kr", "milj. kr", "mnkr", "mkr", "msek" (10⁶);
/// "tusen kronor", "tkr", "ksek" (10³); "kronor", "kr", "sek", ":-" and
/// [`ORE`] (1; öre is then divided by 100).
pub static MULTIPLIERS: Words<Multiplier> = &[
    ("miljard", starting(1e9)),
    ("md", starting(1e9)),
    ("miljon", starting(1e6)),
    ("milj", starting(1e6)),
    ("mn", starting(1e6)),
    ("mkr", word(1e6)),
    ("msek", word(1e6)),
    ("tusen", starting(1e3)),
    ("tkr", word(1e3)),
    ("tsek", word(1e3)),
    ("ksek", word(1e3)),
    ("kkr", word(1e3)),
    ("kronor", word(1.0)),
    ("kr", word(1.0)),
    ("sek", word(1.0)),
    (":-", word(1.0)),
    (ORE, word(1.0)),
];

/// The scale words a unit can be on their own, without "kronor": a sum only
/// in a sentence about money ([`MONEY_WORDS`]) and before no counted noun
/// ([`COUNT_NOUNS`]): "budgeten ökar med 5 miljoner" (lower case).
pub static SCALE_WORDS: &[&str] = &["miljarder", "miljard", "miljoner", "miljon", "mdr", "milj."];

/// Words (parts of words, lower case) that make a sentence about money, in
/// the sentence before a bare scale word ([`SCALE_WORDS`]): "budgeten ökar
/// med 5 miljoner", "en kostnad på cirka 1,7 miljarder", "driftkostnaden",
/// "investeringsramen".
pub static MONEY_WORDS: &[&str] = &[
    "kostnad",
    "kostar",
    "budget",
    "intäkt",
    "utgift",
    "belopp",
    "anslag",
    "investering",
    "ram",
    "finansier",
    "bidrag",
    "överskott",
    "underskott",
    "resultat",
    "pris",
    "avgift",
    "lån",
    "skuld",
    "medel",
    "sparkrav",
    "besparing",
    "kronor",
    "omsättning",
    "värde",
    "tillskott",
    "kapital",
    "ersättning",
    "lön",
    "driftkostnad",
    "statsbidrag",
    "skatt",
];

/// Nouns that make a bare scale word a count, not a sum, when they follow
/// it: "2 miljoner människor", "3 miljoner ton", "1,5 miljoner resor"
/// (whole words, lower case).
pub static COUNT_NOUNS: &[&str] = &[
    "invånare",
    "människor",
    "personer",
    "resor",
    "besök",
    "besökare",
    "ton",
    "liter",
    "kubikmeter",
    "kvadratmeter",
    "elever",
    "barn",
    "bostäder",
    "kilometer",
    "timmar",
    "uppdrag",
    "år",
];

/// What two numbers sharing one unit are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pair {
    /// "10–15 mnkr", "mellan 10 och 15 mnkr": one amount with a maximum.
    Range,
    /// "från 5 till 7 mnkr": two amounts.
    Two,
    /// "under 2024 och 5 mnkr": the first number is not a sum.
    SecondOnly,
}

/// The words that join two numbers sharing one unit ([`AMOUNT`]'s `sep`),
/// each with the word before the first number that must go with it ("" for
/// any word) and what the two numbers then are; the first entry that fits
/// is taken, and a dash or a word no entry fits makes a range: "från 5
/// till 7 mnkr" (two sums), "mellan 10 och 15 mnkr" (a range), "under 2024
/// och 5 mnkr" (only the second is a sum).
pub static PAIR_WORDS: Words<(&str, Pair)> = &[
    ("till", ("från", Pair::Two)),
    ("och", ("mellan", Pair::Range)),
    ("och", ("", Pair::SecondOnly)),
];

/// The words of [`PAIR_WORDS`], each once, in table order.
pub fn pair_separators() -> Vec<&'static str> {
    let mut words: Vec<&'static str> = Vec::new();
    for (w, _) in PAIR_WORDS {
        if !words.contains(w) {
            words.push(w);
        }
    }
    words
}

/// A qualifier ending the text before a number: "cirka" (`about`),
/// "högst" (`most`), "minst", "mer än" (`least`).
pub static QUALIFIER: Rule = Rule::new(
    "qualifier",
    r"(?i)(?:^|[^\p{L}])(?:(?P<about>cirka|ca\.?|c:a|ungefär|omkring|drygt|knappt|runt|närmare|nästan|uppskattningsvis|i\s+storleksordningen|kring)|(?P<most>max\.?|maximalt|högst|upp\s+till|som\s+mest|under|mindre\s+än|understiger)|(?P<least>minst|lägst|över|åtminstone|som\s+minst|mer\s+än|överstiger|överstigande))\s*$",
    &[
        groups(
            "kostnaden beräknas till cirka ",
            &[("about", "cirka"), ("most", ""), ("least", "")],
        ),
        groups("får uppgå till högst ", &[("about", ""), ("most", "högst")]),
        groups("kostar mer än ", &[("least", "mer än")]),
        rejects("cirka hälften kostar "),
    ],
);

/// A negation at most three words before the end of the text: "bör inte
/// uppgå till (mer än …)", which makes "mer än" an upper bound.
pub static NEGATION_BEFORE: Rule = Rule::new(
    "negation_before",
    r"(?i)(?:^|[^\p{L}])(?:inte|ej|icke)(?:[^\p{L}]+\p{L}+){0,3}[^\p{L}]*$",
    &[
        finds("kostnaden bör inte uppgå till ", " inte uppgå till "),
        finds("ej ", "ej "),
        rejects("kostnaden bör inte i något fall uppgå till "),
    ],
);

/// The words between a sum and what it is per: "1,95 kr per invånare",
/// "200 000 kr/år".
pub static PER_WORDS: &[&str] = &["per", "/"];

/// The prepositions before a period that take only the periods of
/// [`DEFINITE_PERIODS`]: "500 kr i månaden", "10 000 kr om året".
pub static PERIOD_PREPOSITIONS: &[&str] = &["i", "om"];

/// The periods after [`PERIOD_PREPOSITIONS`]: "i månaden", "om året" ("i
/// dagen" is not one).
pub static DEFINITE_PERIODS: &[&str] = &["året", "månaden", "veckan", "timmen", "dygnet"];

/// The words of a period a sum is per, lower case: "per år", "/mån", "i
/// veckan", "per invånare och år", "519 kronor per timma".
pub static PERIODS: Words<Period> = &[
    ("år", Period::Year),
    ("året", Period::Year),
    ("års", Period::Year),
    ("månad", Period::Month),
    ("månaden", Period::Month),
    ("mån", Period::Month),
    ("månader", Period::Month),
    ("vecka", Period::Week),
    ("veckan", Period::Week),
    ("dag", Period::Day),
    ("dagen", Period::Day),
    ("dygn", Period::Day),
    ("dygnet", Period::Day),
    ("timme", Period::Hour),
    ("timma", Period::Hour),
    ("timmen", Period::Hour),
    ("tim", Period::Hour),
    ("h", Period::Hour),
];

/// The adverbs of a period right after a sum: "19,5 mkr årligen" (also read
/// where [`PERIODS`] are).
pub static PERIOD_ADVERBS: Words<Period> = &[
    ("årligen", Period::Year),
    ("månadsvis", Period::Month),
    ("dagligen", Period::Day),
    ("veckovis", Period::Week),
];

/// What a sum is per, right after its unit: " per invånare", "/år", " i
/// månaden" (`sep`, of [`PER_WORDS`] or [`PERIOD_PREPOSITIONS`], and
/// `word`), or an adverb of [`PERIOD_ADVERBS`], " årligen" (`adv`).
pub static PER: Rule = Rule::built(
    "per",
    || {
        format!(
            r"^(?:\s*(?P<sep>{separators})\s*)(?P<word>\p{{L}}+)|^\s+(?P<adv>{adverbs})",
            separators = alternation(PER_WORDS.iter().chain(PERIOD_PREPOSITIONS).copied()),
            adverbs = alternation(PERIOD_ADVERBS.iter().map(|(w, _)| *w)),
        )
    },
    &[
        groups(
            " per invånare och år",
            &[("sep", "per"), ("word", "invånare"), ("adv", "")],
        ),
        groups("/år", &[("sep", "/"), ("word", "år")]),
        groups(" i månaden", &[("sep", "i"), ("word", "månaden")]),
        groups(" årligen", &[("sep", ""), ("adv", "årligen")]),
        rejects(". Beloppet"),
    ],
);

/// A period after the per-unit: "(per invånare) och år", "(per elev) i
/// kommunen per år"; `word` is the period.
pub static PERIOD_AFTER_PER: Rule = Rule::built(
    "period_after_per",
    || {
        format!(
            r"^(?:\s+i\s+\p{{L}}+)?\s*,?\s*(?:och|{per})\s*(?P<word>\p{{L}}+)",
            per = alternation(PER_WORDS.iter().copied()),
        )
    },
    &[
        groups(" och år", &[("word", "år")]),
        groups(" i kommunen per år", &[("word", "år")]),
        groups("/månad", &[("word", "månad")]),
        rejects(" till staten"),
    ],
);

/// A footnote marker right after the unit: "kronor³" (`sup`), or digits
/// where the superscript was lost, "kronor1" (`digits`).
pub static FOOTNOTE_AFTER: Rule = Rule::new(
    "footnote_after",
    r"^[.,]?(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)|^(?P<digits>\d{1,2})(?:[^\d]|$)",
    &[
        groups("³ per år", &[("sup", "³"), ("digits", "")]),
        groups(".² Beloppet", &[("sup", "²")]),
        groups("1 per år", &[("sup", ""), ("digits", "1")]),
        rejects("123 per år"),
    ],
);

/// Every rule of this family.
pub static RULES: &[&Rule] = &[
    &NUMBER,
    &UNIT,
    &UNIT_AT_START,
    &AMOUNT,
    &QUALIFIER,
    &NEGATION_BEFORE,
    &PER,
    &PERIOD_AFTER_PER,
    &FOOTNOTE_AFTER,
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The extractor compares these words with lower-cased text.
    #[test]
    fn the_word_tables_are_lower_case() {
        let words = MULTIPLIERS
            .iter()
            .map(|(w, _)| *w)
            .chain(SCALE_WORDS.iter().copied())
            .chain(MONEY_WORDS.iter().copied())
            .chain(COUNT_NOUNS.iter().copied())
            .chain(PAIR_WORDS.iter().flat_map(|(w, (before, _))| [*w, *before]))
            .chain(
                PER_WORDS
                    .iter()
                    .chain(PERIOD_PREPOSITIONS)
                    .chain(DEFINITE_PERIODS)
                    .copied(),
            )
            .chain(PERIODS.iter().chain(PERIOD_ADVERBS).map(|(w, _)| *w));
        for w in words {
            assert_eq!(w, w.to_lowercase(), "{w:?}");
        }
    }

    #[test]
    fn every_scale_word_is_a_unit_of_the_amount_rule() {
        for w in SCALE_WORDS {
            let text = format!("budgeten ökar med 5 {w}");
            let c = AMOUNT.captures(&text).unwrap_or_else(|| panic!("{text:?}"));
            assert_eq!(&c["unit"], *w);
            assert!(MULTIPLIERS.iter().any(|(m, _)| w.starts_with(m)), "{w:?}");
        }
    }

    #[test]
    fn the_periods_after_a_preposition_are_periods() {
        for w in DEFINITE_PERIODS {
            assert!(PERIODS.iter().any(|(p, _)| p == w), "{w:?}");
        }
    }

    #[test]
    fn pair_separators_are_each_word_once() {
        assert_eq!(pair_separators(), ["till", "och"]);
    }
}
