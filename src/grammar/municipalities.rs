//! How a document names the municipality that issued it: the words after
//! a municipality's name that make it the document's own ("Lomma kommun",
//! "Göteborgs Stad"), its organs ("Nacka kommunstyrelse"), the names that
//! are also common words, and the words of a list of municipalities. The
//! names themselves are SCB's list (`data/kommuner.tsv`).

/// Names that are also common words, first names or surnames: only a strong
/// mention counts for them.
pub static AMBIGUOUS_NAMES: &[&str] = &[
    "Ale", "Berg", "Boden", "Bjuv", "Habo", "Hjo", "Kil", "Lund", "Mark", "Mora", "Nora", "Sala", "Salem", "Vara",
    "Åre", "Falun", "Tanum", "Ludvika", "Laxå",
];

/// Words after a name that make it the name of the document's own
/// municipality: "Norrtälje kommun", "Göteborgs Stad", "i Nacka storlek"
/// (its organs, "Göteborgs kommunfullmäktige", count more: [`ORGAN_AFTER`]).
pub static OWN_NAME_AFTER: &[&str] = &[
    "kommun",
    "kommuns",
    "kommunkoncern",
    "kommunkoncerns",
    "stad",
    "stads",
    "Stad",
    "Stads",
    "storlek",
];

/// The municipality's own organs after its name: "Till Göteborgs
/// kommunfullmäktige", "Nacka kommunstyrelse". A document names the
/// assembly or board it goes to or comes from; a municipality it only
/// writes about ("samarbetet med Ale kommun") is named with `kommun`.
pub static ORGAN_AFTER: &[&str] = &[
    "kommunfullmäktige",
    "kommunfullmäktiges",
    "kommunstyrelse",
    "kommunstyrelsen",
    "kommunstyrelses",
    "stadsfullmäktige",
    "stadsfullmäktiges",
];

/// Words shortly before a name that make it one of a list of municipalities
/// ("kommunerna Ale, Lerum och Partille", "till exempel Borås"): no
/// mention of the document's own.
pub static LIST_CONTEXT: &[&str] = &[
    "bland annat",
    "kommunerna",
    "exempelvis",
    "såsom",
    "till exempel",
    "t.ex.",
    "bl.a.",
];

/// Words right before a strong mention that make it a place the matter is
/// about, not the issuer: "fastigheten X i Härryda kommun", "rörande
/// Bollebygds kommuns hantering", "avtal med Ale kommun". Such a mention
/// counts as a weak one (it still names the issuer when nothing else does),
/// unless an organ ([`ORGAN_AFTER`]) stands before the word: "Kommun-
/// fullmäktige i Göteborgs kommun".
pub static ABOUT_BEFORE: &[&str] = &[
    "i",
    "inom",
    "rörande",
    "avseende",
    "angående",
    "med",
    "mellan",
    "mot",
    "från",
    "hos",
    "åt",
    "utanför",
    "gentemot",
];

/// The conjunction that makes a name next to it one of a list ("Mölndal
/// och Partille"), no mention of the document's own; "samt" is not among
/// them: "Göteborgs Stad samt regionen" names the issuer with a partner.
pub static LIST_AND: &[&str] = &["och"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_after_a_name_are_single_words_and_the_organs_lower_case() {
        for w in OWN_NAME_AFTER.iter().chain(ORGAN_AFTER) {
            assert!(!w.contains(' '), "{w}: one word, as the next word is compared");
        }
        for w in ORGAN_AFTER.iter().chain(LIST_CONTEXT).chain(ABOUT_BEFORE) {
            assert_eq!(w.to_lowercase(), *w, "{w}");
        }
    }

    #[test]
    fn every_ambiguous_name_is_a_municipality() {
        for n in AMBIGUOUS_NAMES {
            assert!(crate::kommuner::by_name(n).is_some(), "{n}");
        }
    }
}
