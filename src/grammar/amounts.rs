//! Amounts of money (belopp) and what is said around them, read by
//! [`crate::extract::amounts`]: the number and its unit ("49 326 kronor",
//! "5–7 mnkr" — mnkr, miljoner kronor; tkr, tusen kronor), a qualifier just
//! before it ("cirka", "högst", "minst"), a negation before that, a footnote
//! marker after the unit, and what the sum is per ("per invånare och år").

use super::{Rule, finds, groups, rejects};

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

/// A sum with its unit, perhaps negative or a range: "49 326 kronor", "5–7
/// mnkr", "-2,5 miljoner kronor", "500:-"; `neg`, `num`, `sep`, `num2`, `unit`.
pub static AMOUNT: Rule = Rule::new(
    "amount",
    r"(?x)
        (?:^|[^\p{L}\d,.:\-/])
        (?P<neg>-\s?)?
        (?P<num>(?&number))
        (?:\s*(?P<sep>[-–—]|till|och)\s*(?P<num2>(?&number)))?
        [\ \t]*\n?[\ \t]*
        (?P<unit>(?i:miljarder\s+kronor|miljard\s+kronor|miljoner\s+kronor|miljon\s+kronor|tusen\s+kronor
            |miljarder\s+kr|miljoner\s+kr|md\s?kr|mdr\s+kr|mn\s?kr|mkr|milj\.?\s?kr|msek|mn\s+sek
            |tkr|tsek|ksek|kkr|kronor|kr|sek|öre
            |miljarder|miljard|miljoner|miljon|mdr|milj\.)|:-)",
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
            "ett underskott på -2,5 miljoner kronor",
            &[("neg", "-"), ("num", "2,5"), ("unit", "miljoner kronor")],
        ),
        groups("Avgiften höjs till 500:- per månad", &[("num", "500"), ("unit", ":-")]),
    ],
);

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

/// What a sum is per, right after its unit: " per invånare", "/år", " i
/// månaden" (`sep` and `word`), or an adverb " årligen" (`adv`).
pub static PER: Rule = Rule::new(
    "per",
    r"^(?:\s*(?P<sep>per|/|i|om)\s*)(?P<word>\p{L}+)|^\s+(?P<adv>årligen|månadsvis|dagligen|veckovis)",
    &[
        groups(
            " per invånare och år",
            &[("sep", "per"), ("word", "invånare"), ("adv", "")],
        ),
        groups("/år", &[("sep", "/"), ("word", "år")]),
        groups(" årligen", &[("sep", ""), ("adv", "årligen")]),
        rejects(". Beloppet"),
    ],
);

/// A period after the per-unit: "(per invånare) och år", "(per elev) i
/// kommunen per år"; `word` is the period.
pub static PERIOD_AFTER_PER: Rule = Rule::new(
    "period_after_per",
    r"^(?:\s+i\s+\p{L}+)?\s*,?\s*(?:och|per|/)\s*(?P<word>\p{L}+)",
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
    &AMOUNT,
    &QUALIFIER,
    &NEGATION_BEFORE,
    &PER,
    &PERIOD_AFTER_PER,
    &FOOTNOTE_AFTER,
];
