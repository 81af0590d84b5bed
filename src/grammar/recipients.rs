//! The lines of a recipients list ("Beslutet skickas till", "Expedieras
//! till", "Sändlista": who receives the decision), read by
//! [`crate::extract::recipients`]: where the list stops, and the label or
//! bullet before an addressee's name that is not part of it.

use super::{Rule, finds, rejects};

/// A line that ends the list: justering (the signing of the minutes),
/// signatures, a date alone: "Justerare: Anna Berg", "Vid protokollet".
pub static STOP_LINE: Rule = Rule::new(
    "stop_line",
    r"(?i)^\s*(?:\*\*|---|dag för justering|vid protokollet|justerare|justerat|justerande|ordförande|sekreterare|paragrafen är justerad|underskrift|anslag|protokollet justera|\d{4}-\d{2}-\d{2}\s*$)",
    &[
        finds("Justerare: Anna Berg", "Justerare"),
        finds("Vid protokollet", "Vid protokollet"),
        finds("2024-05-14", "2024-05-14"),
        rejects("Stadsledningskontoret 2024-05-14"),
    ],
);

/// A document label before the addressee: "Skrivelse till
/// Justitiedepartementet", "Protokollsutdrag till Kulturnämnden".
pub static LABEL_PREFIX: Rule = Rule::new(
    "label_prefix",
    r"^(?i:skrivelse|yttrande|protokollsutdrag|beslut|kopia|remissvar|svar|beslutet)\s+till\s+",
    &[
        finds("Skrivelse till Justitiedepartementet", "Skrivelse till "),
        finds("Beslutet till Kulturnämnden", "Beslutet till "),
        rejects("Kopia av beslutet"),
    ],
);

/// A bullet or number before an addressee: "• ", "2) ".
pub static BULLET: Rule = Rule::new(
    "bullet",
    r"^(?:[-•–*·]|\d{1,2}[.)])\s+",
    &[
        finds("• Kulturnämnden", "• "),
        finds("2) Servicenämnden", "2) "),
        rejects("-Kulturnämnden"),
    ],
);

/// Words at a line's end that say the recipient's name goes on on the next
/// line: "Förvaltningen för ekonomi och" / "hållbarhet".
pub static CONTINUING_WORDS: &[&str] = &["och", "för"];

/// The most words an addressee's line has after a blank line in the list:
/// a longer line there is the text that follows the list ("Nämnden för
/// funktionsstöds yttrande till Kommunfullmäktige med anledning av"), not
/// one more recipient.
pub const MAX_WORDS_AFTER_BLANK: usize = 7;

/// Every rule of this family.
pub static RULES: &[&Rule] = &[&STOP_LINE, &LABEL_PREFIX, &BULLET];
