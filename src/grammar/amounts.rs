//! FAMILY DOC

use super::{Rule, finds};

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
    &[],
);

pub static QUALIFIER: Rule = Rule::new(
    "qualifier",
    r"(?i)(?:^|[^\p{L}])(?:(?P<about>cirka|ca\.?|c:a|ungefär|omkring|drygt|knappt|runt|närmare|nästan|uppskattningsvis|i\s+storleksordningen|kring)|(?P<most>max\.?|maximalt|högst|upp\s+till|som\s+mest|under|mindre\s+än|understiger)|(?P<least>minst|lägst|över|åtminstone|som\s+minst|mer\s+än|överstiger|överstigande))\s*$",
    &[],
);

pub static NEGATION_BEFORE: Rule = Rule::new(
    "negation_before",
    r"(?i)(?:^|[^\p{L}])(?:inte|ej|icke)(?:[^\p{L}]+\p{L}+){0,3}[^\p{L}]*$",
    &[],
);

pub static PER: Rule = Rule::new(
    "per",
    r"^(?:\s*(?P<sep>per|/|i|om)\s*)(?P<word>\p{L}+)|^\s+(?P<adv>årligen|månadsvis|dagligen|veckovis)",
    &[],
);

pub static PERIOD_AFTER_PER: Rule = Rule::new(
    "period_after_per",
    r"^(?:\s+i\s+\p{L}+)?\s*,?\s*(?:och|per|/)\s*(?P<word>\p{L}+)",
    &[],
);

pub static FOOTNOTE_AFTER: Rule = Rule::new(
    "footnote_after",
    r"^[.,]?(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)|^(?P<digits>\d{1,2})(?:[^\d]|$)",
    &[],
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
