//! Sweden's 290 municipalities (SCB codes) and how a document names its own.
//!
//! The list ships inside the binary (`data/kommuner.tsv`, public SCB data).
//! A document's municipality is set only when the text names it — never
//! guessed. A name followed by "kommun", "stad", "kommunfullmäktige" …
//! ("Norrtälje kommuns beslut", "Göteborgs Stads riktlinje") or in the idiom
//! "i Nacka storlek" is a strong mention; a bare name ("Mölndal Vision 2040")
//! is a weak one, and does not count inside a list of several municipalities
//! ("bland annat Stockholm och andra kommuner", "kommunerna Mölndal,
//! Partille …"), after a first name (a surname such as "Lund"), or for names
//! that are also ordinary words (Vara, Mark, Ale …).

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::grammar::municipalities::{
    ABOUT_BEFORE, AMBIGUOUS_NAMES, LIST_AND, LIST_CONTEXT, ORGAN_AFTER, OWN_NAME_AFTER,
};
use crate::model::Municipality;

const KOMMUNER_TSV: &str = include_str!("../data/kommuner.tsv");

/// How many times a strong mention weighs: an issuer's organ
/// ([`ORGAN_AFTER`]) outweighs any number of mentions of a municipality
/// written about, and a mention in the document's head (its first
/// [`HEAD_BYTES`]: letterhead, addressee, title) three times one further on.
const ISSUER_SCORE: u32 = 10_000;
const HEAD_BYTES: usize = 1500;

struct Index {
    list: Vec<Municipality>,
    /// Anchored: run only where a name can start (see [`find_municipality`]).
    matcher: AhoCorasick,
    /// The pairs of bytes a name can start with ("Gö", "St" …), as a bit
    /// set indexed by `first << 8 | second`: most capitalized words
    /// ("Det", "SD", "Förslag") are rejected by one look-up.
    first_pairs: Box<[u64; 1024]>,
    /// The first four bytes of every name of four bytes or more, sorted,
    /// and the shorter names whole ("Ale", "Hjo" …): a place whose first
    /// two bytes pass is tried only when these match too.
    first_fours: Vec<[u8; 4]>,
    short_names: Vec<String>,
    /// pattern id → index into `list`
    pattern_to_kommun: Vec<usize>,
    by_name: HashMap<String, usize>,
}

static INDEX: LazyLock<Index> = LazyLock::new(|| {
    let mut list = Vec::new();
    for line in KOMMUNER_TSV.lines().skip(1) {
        let mut cols = line.split('\t');
        if let (Some(code), Some(name)) = (cols.next(), cols.next()) {
            list.push(Municipality {
                name: name.trim().to_string(),
                code: code.trim().to_string(),
            });
        }
    }
    let mut patterns = Vec::new();
    let mut pattern_to_kommun = Vec::new();
    for (i, k) in list.iter().enumerate() {
        patterns.push(k.name.clone());
        pattern_to_kommun.push(i);
    }
    let matcher = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .start_kind(aho_corasick::StartKind::Anchored)
        .build(&patterns)
        .expect("municipality matcher");
    let mut first_fours: Vec<[u8; 4]> = list
        .iter()
        .filter_map(|k| k.name.as_bytes().first_chunk::<4>().copied())
        .collect();
    first_fours.sort_unstable();
    first_fours.dedup();
    let short_names = list
        .iter()
        .map(|k| k.name.clone())
        .filter(|name| name.len() < 4)
        .collect();
    let mut first_pairs = Box::new([0u64; 1024]);
    for p in &patterns {
        if let [a, b, ..] = p.as_bytes() {
            let pair = usize::from(*a) << 8 | usize::from(*b);
            first_pairs[pair / 64] |= 1 << (pair % 64);
        }
    }
    let by_name = list
        .iter()
        .enumerate()
        .map(|(i, k)| (k.name.to_lowercase(), i))
        .collect();
    Index {
        list,
        matcher,
        first_pairs,
        first_fours,
        short_names,
        pattern_to_kommun,
        by_name,
    }
});

/// All 290 municipalities.
pub fn all() -> &'static [Municipality] {
    &INDEX.list
}

/// Look a municipality up by its name (case-insensitive).
pub fn by_name(name: &str) -> Option<&'static Municipality> {
    INDEX.by_name.get(&name.to_lowercase()).map(|&i| &INDEX.list[i])
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// The names mentioned in `text` at the start of a word, left to right and
/// not overlapping, the longest at each place ("Upplands Väsby", not
/// "Upplands"). The automaton runs, anchored, only where a word starts with
/// the first two bytes of a name; capital letters are found 32 bytes at a
/// time.
fn mentions<'t>(idx: &'t Index, text: &'t str) -> impl Iterator<Item = aho_corasick::Match> + 't {
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        while pos < bytes.len() {
            // skip blocks without a capital A–Z and without the second byte
            // of Ä, Å, Ö (U+00C4, U+00C5, U+00D6: C3 84, C3 85, C3 96)
            let block = &bytes[pos..bytes.len().min(pos + 32)];
            let capital = |b: u8| b.wrapping_sub(b'A') < 26 || matches!(b, 0x84 | 0x85 | 0x96);
            let mut hits = capital_mask(block, capital);
            let block_start = pos;
            pos += block.len();
            while hits != 0 {
                let mut i = block_start + hits.trailing_zeros() as usize;
                hits &= hits - 1;
                if bytes[i] >= 0x80 {
                    // the name starts at the lead byte
                    if i == 0 || bytes[i - 1] != 0xC3 {
                        continue;
                    }
                    i -= 1;
                }
                let pair = usize::from(bytes[i]) << 8 | usize::from(bytes.get(i + 1).copied().unwrap_or(0));
                let name_can_start = idx.first_pairs[pair / 64] & (1 << (pair % 64)) != 0
                    && (bytes[i..]
                        .first_chunk::<4>()
                        .is_some_and(|f| idx.first_fours.binary_search(f).is_ok())
                        || idx.short_names.iter().any(|n| bytes[i..].starts_with(n.as_bytes())));
                if !name_can_start || text[..i].chars().next_back().is_some_and(is_word_char) {
                    continue;
                }
                let input = aho_corasick::Input::new(text)
                    .span(i..text.len())
                    .anchored(aho_corasick::Anchored::Yes);
                if let Some(m) = idx.matcher.find(input) {
                    pos = m.end();
                    return Some(m);
                }
            }
        }
        None
    })
}

/// Bit `j` set where `test(block[j])` holds, for a block of up to 32 bytes:
/// the tests run on all bytes at once (vector instructions), and each 8
/// flags of 0 or 1 become 8 bits through one multiplication.
fn capital_mask(block: &[u8], test: impl Fn(u8) -> bool) -> u32 {
    let mut flags = [0u8; 32];
    for (f, &b) in flags.iter_mut().zip(block) {
        *f = u8::from(test(b));
    }
    let mut mask = 0u32;
    for (k, eight) in flags.chunks_exact(8).enumerate() {
        let x = u64::from_le_bytes(eight.try_into().unwrap_or_default());
        mask |= ((x.wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32) << (8 * k);
    }
    mask
}

/// The municipality the text names as its own, if any.
pub fn find_municipality(text: &str) -> Option<Municipality> {
    let idx = &*INDEX;
    let mut scores: HashMap<usize, (u32, usize)> = HashMap::new();
    for m in mentions(idx, text) {
        let k = idx.pattern_to_kommun[m.pattern().as_usize()];
        let name = &idx.list[k].name;
        let before = &text[..m.start()];
        let mut after = &text[m.end()..];
        if after.starts_with('s') && !name.ends_with('s') {
            after = &after[1..];
        }
        if after.chars().next().is_some_and(is_word_char) {
            continue;
        }
        let next_word: &str = after
            .trim_start()
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let gap_ok = after.len() - after.trim_start().len() <= 2;
        let mut words_before = before.rsplit(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
        let word_before = words_before.next().unwrap_or("").to_lowercase();
        let organ_before = words_before
            .next()
            .is_some_and(|w| ORGAN_AFTER.contains(&w.to_lowercase().as_str()));
        // "i Härryda kommun": a place the matter is about, counted as weak
        // (but "Kommunfullmäktige i Göteborgs kommun" is the issuer: an
        // organ before "i" names its own municipality, as after a name)
        let about = ABOUT_BEFORE.contains(&word_before.as_str()) && !organ_before;
        let strong = gap_ok && OWN_NAME_AFTER.contains(&next_word) && !about;
        let head = if m.start() < HEAD_BYTES { 3 } else { 1 };
        let score = if gap_ok && ORGAN_AFTER.contains(&next_word) {
            ISSUER_SCORE * head
        } else if strong {
            10 * head
        } else if about && gap_ok && OWN_NAME_AFTER.contains(&next_word) || weak_mention_counts(name, before, after) {
            1
        } else {
            0
        };
        if score > 0 {
            let e = scores.entry(k).or_insert((0, m.start()));
            e.0 += score;
        }
    }
    let best = scores.iter().max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)))?;
    let top = best.1.0;
    // two different municipalities with the same weak score: do not guess
    if top < 10 && scores.values().filter(|v| v.0 == top).count() > 1 {
        return None;
    }
    Some(idx.list[*best.0].clone())
}

fn weak_mention_counts(name: &str, before: &str, after: &str) -> bool {
    if AMBIGUOUS_NAMES.contains(&name) {
        return false;
    }
    let after_t = after.trim_start();
    if after_t.starts_with('(')
        || after_t.starts_with(',')
        || LIST_AND
            .iter()
            .any(|c| after_t.strip_prefix(c).is_some_and(|r| r.starts_with(' ')))
    {
        return false; // a person "X Lund (S)" or a list "Mölndal, Partille"
    }
    let before_t = before.trim_end();
    if before_t.ends_with(',')
        || LIST_AND
            .iter()
            .any(|c| before_t.strip_suffix(c).is_some_and(|r| r.ends_with(' ')))
    {
        return false;
    }
    let prev_word = before_t.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    if prev_word.chars().next().is_some_and(char::is_uppercase) && before_t.ends_with(prev_word) && !before_t.is_empty()
    {
        // "Anna Lund": preceded by a capitalized word on the same phrase
        let sentence_start = before_t.len() == prev_word.len()
            || before_t[..before_t.len() - prev_word.len()]
                .trim_end()
                .ends_with(['.', '\n', ':']);
        if !sentence_start {
            return false;
        }
    }
    let window: String = before_t
        .chars()
        .rev()
        .take(40)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    !LIST_CONTEXT.iter().any(|w| window.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_municipality_after_a_preposition_is_the_matter_not_the_issuer() {
        let text = "Avtal med Kungälvs kommun om räddningstjänst i Kungälvs kommun\n\n\
                    Göteborgs Stad tecknar avtal med Kungälvs kommun.";
        assert_eq!(find_municipality(text).map(|m| m.name), Some("Göteborg".into()));
        // the organ before "i" names the issuer
        let own = "Protokoll från kommunfullmäktige i Lomma kommun, avtal med Lunds kommun";
        assert_eq!(find_municipality(own).map(|m| m.name), Some("Lomma".into()));
    }

    #[test]
    fn the_issuers_own_organs_outweigh_a_municipality_written_about() {
        let text = format!(
            "Kommunfullmäktige\n\nTill Göteborgs kommunfullmäktige\n\nYttrande över motionen.\n{}",
            "Samarbetet med Ale kommun fortsätter, och Ale kommuns del ökar. ".repeat(20)
        );
        assert_eq!(find_municipality(&text).map(|m| m.name), Some("Göteborg".into()));
        // without the organ, the municipality written about is all there is
        let about = "Samarbetet med Ale kommun fortsätter.";
        assert_eq!(find_municipality(about).map(|m| m.name), Some("Ale".into()));
    }

    #[test]
    fn list_loaded() {
        assert_eq!(all().len(), 290);
        assert_eq!(by_name("göteborg").map(|k| k.code.as_str()), Some("1480"));
    }

    #[test]
    fn capital_mask_sets_the_bit_of_each_hit() {
        let upper = |b: u8| b.is_ascii_uppercase();
        assert_eq!(capital_mask(b"aBcD", upper), 0b1010);
        let block = b"A......B.......C.......D......EF";
        assert_eq!(
            capital_mask(block, upper),
            1 | 1 << 7 | 1 << 15 | 1 << 23 | 1 << 30 | 1 << 31
        );
        assert_eq!(capital_mask(b"", upper), 0);
    }

    #[test]
    fn names_in_capitalized_words_only() {
        let f = |t: &str| find_municipality(t).map(|m| m.name);
        // a name inside a word, or lower-case, is no mention
        assert_eq!(f("NORRTÄLJE kommun och norrtälje kommun"), None);
        assert_eq!(f("Sydnorrtälje kommun"), None);
        // the longest name at a place, Å/Ä/Ö included
        assert_eq!(f("Upplands Väsby kommun").as_deref(), Some("Upplands Väsby"));
        assert_eq!(f("enligt Örebro kommuns plan").as_deref(), Some("Örebro"));
        assert_eq!(f("(Ängelholms kommun)").as_deref(), Some("Ängelholm"));
        // names shorter than four bytes
        assert_eq!(f("Hjo kommun").as_deref(), Some("Hjo"));
        assert_eq!(f("i Ale kommun.").as_deref(), Some("Ale"));
    }

    #[test]
    fn strong_and_weak_mentions() {
        let f = |t: &str| find_municipality(t).map(|m| m.name);
        assert_eq!(
            f("Norrtälje kommuns beslut meddelas SKR.").as_deref(),
            Some("Norrtälje")
        );
        assert_eq!(f("Göteborgs Stads riktlinje").as_deref(), Some("Göteborg"));
        assert_eq!(
            f("För en kommun i Nacka storlek. Bland annat Stockholm och andra kommuner sa nej.").as_deref(),
            Some("Nacka")
        );
        assert_eq!(f("med ledning av Mölndal Vision 2040").as_deref(), Some("Mölndal"));
        assert_eq!(
            f("bosatta i kommunerna Mölndal, Partille, Härryda, Lerum och Alingsås"),
            None
        );
        assert_eq!(f("Anna Lund (S) yrkar bifall."), None);
        assert_eq!(f("Sveriges kommuner och regioner"), None);
    }
}
