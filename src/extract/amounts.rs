//! Money amounts: "cirka 130 tkr", "19,5 mnkr per år", "1,95 kr per invånare".
//!
//! One regex finds every number followed by a currency unit (kr, kronor, tkr,
//! mkr, mnkr, Mkr, MSEK, miljoner kronor, mdkr, öre, `:-` …), with decimal
//! comma, space or dot thousands separators, a minus sign, a range
//! ("10–15 mnkr", "mellan 10 och 15 mnkr") and a line break between number
//! and unit. The words around the match then give the qualifier (cirka,
//! högst, minst …), the unit a sum is per ("per invånare"), the period
//! ("per år", "/år", "årligen") and a footnote marker glued to the amount
//! ("96 000 kronor.⁵", or "kronor1" where the superscript was lost and the
//! footnote exists). A bare "miljoner"/"miljarder" counts only in a sentence
//! plainly about money ("budgeten ökar med 5 miljoner").

use std::ops::Range;
use std::sync::LazyLock;

use super::Doc;
use super::place::Found;
use crate::grammar::FirstChars;
use crate::grammar::amounts::{
    AMOUNT, COUNT_NOUNS, DEFINITE_PERIODS, FOOTNOTE_AFTER, MONEY_WORDS, MULTIPLIERS, NEGATION_BEFORE, ORE, PAIR_WORDS,
    PER, PER_WORDS, PERIOD_ADVERBS, PERIOD_AFTER_PER, PERIOD_PREPOSITIONS, PERIODS, Pair, QUALIFIER, SCALE_WORDS,
    UNIT_AT_START,
};
use crate::model::{Amount, Currency, Period, Qualifier, Span};

/// Every money amount in the document, in document order.
pub fn extract(doc: &Doc<'_>) -> Vec<Found<Amount>> {
    let footnote_markers: Vec<&str> = doc.seg.footnotes.iter().map(|f| f.marker.as_str()).collect();
    let text = doc.text();
    let mut out = Vec::new();
    let mut room = sentence_room(text.len());
    for (i, c) in amount_matches(text).enumerate() {
        if i % 512 == 511 && doc.expired() {
            break; // the caller reports the timeout
        }
        let Some(unit) = Unit::of(text, &c) else { continue };
        let Some(numbers) = numbers(doc, &c, &unit, &mut room) else {
            continue;
        };
        let (span_start, qualifier) = qualifier_before(text, numbers.start);
        // footnote marker, then per-unit and period after the unit
        let mut end = unit.end;
        let (footnote, after_marker) = footnote_after(text, end, &footnote_markers);
        let after = if footnote.is_some() {
            &text[after_marker..]
        } else {
            &text[end..]
        };
        let (per, period, stop) = per_and_period(after);
        if footnote.is_none() {
            end += stop;
        }
        out.extend(numbers.extra);
        let amount = Amount {
            paragraph: None,
            text: String::new(),
            value: numbers.value,
            value_max: numbers.value_max,
            currency: Currency::SEK,
            qualifier,
            per,
            period,
            footnote,
            sentence: sentence_of(doc, span_start, &mut room),
            span: Span::default(),
        };
        out.push(Found::new(span_start..end, amount));
    }
    out
}

/// The unit of an amount match, when it is one: it ends its word, and a bare
/// scale word stands in a sentence about money.
struct Unit {
    /// Where the amount starts (its minus sign or number).
    start: usize,
    /// Where the unit ends.
    end: usize,
    /// The factor the unit multiplies by.
    mult: f64,
    /// Whether the unit is öre.
    ore: bool,
}

impl Unit {
    /// The unit of match `c` in `text`, if the match is an amount.
    fn of(text: &str, c: &regex::Captures<'_>) -> Option<Unit> {
        let (num, unit) = (c.name("num")?, c.name("unit")?);
        let unit_str = unit.as_str();
        // the unit must end the word: "krav" is not "kr"
        if text[unit.end()..].chars().next().is_some_and(char::is_alphabetic) && unit_str != ":-" {
            return None;
        }
        let start = c.name("neg").map_or(num.start(), |m| m.start());
        if is_scale_word(unit_str) && !money_context(text, start, unit.end()) {
            return None;
        }
        Some(Unit {
            start,
            end: unit.end(),
            mult: multiplier(unit_str)?,
            ore: unit_str.eq_ignore_ascii_case(ORE),
        })
    }

    /// The value in kronor of number `s` in this unit.
    fn value(&self, s: &str) -> Option<f64> {
        let v = parse_number(s)?;
        // "21:12 öre" is kronor:öre notation, already in kronor
        Some(round_money(if s.contains(':') {
            v
        } else if self.ore {
            v / 100.0
        } else {
            v * self.mult
        }))
        .filter(|v| v.is_finite())
    }
}

/// The sums of an amount match: its value, a range's maximum, and a first
/// sum of its own ("från 5 till 7 mnkr").
struct Numbers {
    value: f64,
    value_max: Option<f64>,
    extra: Option<Found<Amount>>,
    /// Where the (last) number starts, with its minus sign.
    start: usize,
}

/// The sums of match `c`: one number, or two ("10–15 mnkr", "mellan 10 och
/// 15 mnkr", "från 5 till 7 mnkr", "under 2024 och 5 mnkr"); none when a
/// number is beyond what a sum holds.
fn numbers(doc: &Doc<'_>, c: &regex::Captures<'_>, unit: &Unit, room: &mut usize) -> Option<Numbers> {
    let text = doc.text();
    let num = c.name("num")?;
    let mut value = unit.value(num.as_str())?;
    if c.name("neg").is_some() {
        value = -value;
    }
    let mut n = Numbers {
        value,
        value_max: None,
        extra: None,
        start: unit.start,
    };
    let (Some(sep), Some(num2)) = (c.name("sep"), c.name("num2")) else {
        return Some(n);
    };
    let v2 = unit.value(num2.as_str())?;
    let word_before = last_word(&text[..unit.start]).to_lowercase();
    let mode = if is_year(num.as_str()) && !is_year(num2.as_str()) {
        Pair::SecondOnly
    } else {
        PAIR_WORDS
            .iter()
            .find(|(w, (before, _))| *w == sep.as_str() && (before.is_empty() || *before == word_before))
            .map_or(Pair::Range, |(_, (_, pair))| *pair)
    };
    // a range whose low end is above its high end ("5 000 till 47,0
    // mdkr": the first number has a unit of its own, left out) is
    // not a range of this unit: only the second number is a sum
    let mode = match mode {
        Pair::Range if value > v2 => Pair::SecondOnly,
        m => m,
    };
    match mode {
        Pair::Range => {
            n.value_max = Some(v2);
            return Some(n);
        }
        Pair::Two => n.extra = Some(first_of_two(doc, unit.start..num.end(), value, room)),
        Pair::SecondOnly => {}
    }
    n.value = v2;
    n.start = num2.start();
    Some(n)
}

/// "från 5 till 7 mnkr": the first of two sums sharing one unit, at `range`.
fn first_of_two(doc: &Doc<'_>, range: Range<usize>, value: f64, room: &mut usize) -> Found<Amount> {
    let amount = Amount {
        paragraph: None,
        text: String::new(),
        value,
        value_max: None,
        currency: Currency::SEK,
        qualifier: None,
        per: None,
        period: None,
        footnote: None,
        sentence: sentence_of(doc, range.start, room),
        span: Span::default(),
    };
    Found::new(range, amount)
}

/// The qualifier before an amount starting at `amount_start` ("cirka",
/// "högst", "minst", "inte … mer än"), and where the amount's text starts.
fn qualifier_before(text: &str, amount_start: usize) -> (usize, Option<Qualifier>) {
    let mut span_start = amount_start;
    let window = floor_boundary(text, amount_start.saturating_sub(48));
    let Some(q) = QUALIFIER.captures(&text[window..amount_start]) else {
        return (span_start, None);
    };
    if let Some(w) = q.name("about").or(q.name("most")).or(q.name("least")) {
        span_start = window + w.start();
    }
    let qualifier = if q.name("about").is_some() {
        Qualifier::About
    } else if q.name("most").is_some() {
        Qualifier::AtMost
    } else if NEGATION_BEFORE.is_match(&text[floor_boundary(text, span_start.saturating_sub(48))..span_start])
        && within_clause(&text[..span_start])
    {
        // "bör inte uppgå till mer än 2,5 mnkr"
        Qualifier::AtMost
    } else {
        Qualifier::AtLeast
    };
    (span_start, Some(qualifier))
}

/// The footnote marker glued to a unit ending at `end` ("kronor.⁵", or
/// "kronor1" for a footnote that exists), and where the text after it starts.
fn footnote_after(text: &str, end: usize, footnote_markers: &[&str]) -> (Option<String>, usize) {
    if let Some(f) = FOOTNOTE_AFTER.captures(&text[end..]) {
        if let Some(sup) = f.name("sup") {
            let marker = sup.as_str().chars().filter_map(superscript_digit).collect::<String>();
            return (Some(marker), end + f.get(0).map_or(0, |m| m.end()));
        } else if let Some(d) = f.name("digits")
            && footnote_markers.contains(&d.as_str())
        {
            return (Some(d.as_str().to_string()), end + d.end());
        }
    }
    (None, end)
}

/// The unit a sum is per and its period, read from the text `after` the
/// unit ("per invånare och år", "/år", "årligen"), and how much of it they take.
fn per_and_period(after: &str) -> (Option<String>, Option<Period>, usize) {
    let mut per = None;
    let mut period = None;
    let Some(p) = PER.captures(after) else {
        return (None, None, 0);
    };
    let consumed = p.get(0).map_or(0, |m| m.end());
    if let Some(adv) = p.name("adv") {
        period = period_word(adv.as_str());
    } else if let (Some(sep), Some(word)) = (p.name("sep"), p.name("word")) {
        let w = word.as_str().to_lowercase();
        if let Some(pd) = period_word(&w) {
            let fits = !PERIOD_PREPOSITIONS.contains(&sep.as_str()) || DEFINITE_PERIODS.contains(&w.as_str());
            if fits {
                period = Some(pd);
            }
        } else if PER_WORDS.contains(&sep.as_str()) {
            per = Some(w);
        }
    }
    if per.is_none() && period.is_none() {
        return (None, None, 0);
    }
    let mut stop = consumed;
    if per.is_some()
        && let Some(pp) = PERIOD_AFTER_PER.captures(&after[consumed..])
        && let Some(pd) = pp.name("word").and_then(|w| period_word(&w.as_str().to_lowercase()))
    {
        period = Some(pd);
        stop = consumed + pp.get(0).map_or(0, |m| m.end());
    }
    (per, period, stop)
}

/// The matches of [`AMOUNT`] in `text`, exactly as `AMOUNT.captures_iter`
/// finds them, without running the pattern over the whole text.
///
/// Every match ends in a unit that follows the last digit of a number after
/// at most blanks and one line break. So the places where a unit could
/// start right after a digit ("candidates") are found first: digits are
/// rare (blocks of 32 bytes without one are skipped at once), and a unit
/// starts with one of a few letters. For each candidate the pattern runs
/// on a small window only: from where a match with its unit there could
/// start (back over what a match holds before its unit — digits, spaces,
/// punctuation, "till", "och" — and one character of context) to past the
/// unit's words. A window's match is taken only when its unit starts at the
/// candidate: such a match fits its window, and no earlier match exists,
/// since every match's unit is a candidate and the candidates before had
/// none (the argument needs that a unit never starts inside what a match
/// holds before its unit, which holds: "till" and `\d+:\d{2}` start no unit).
fn amount_matches(text: &str) -> impl Iterator<Item = regex::Captures<'_>> {
    let mut pos = 0; // where the last match ended
    let mut from = 0; // where to look for the next candidate
    std::iter::from_fn(move || {
        while let Some(candidate) = next_unit_candidate(text, from.max(pos)) {
            from = candidate + 1;
            let start = match_start_bound(text, pos, candidate);
            let limit = unit_words_end(text, candidate);
            if let Some(c) = AMOUNT.captures_at(&text[..limit], start)
                && c.name("unit").is_some_and(|u| u.start() == candidate)
            {
                pos = c.get(0).map_or(candidate + 1, |m| m.end());
                return Some(c);
            }
        }
        None
    })
}

/// The characters a unit can start with, as `(?i)` sees them (the Kelvin
/// sign and the long s among them), derived from [`UNIT_AT_START`].
static UNIT_FIRST: LazyLock<FirstChars> = LazyLock::new(|| FirstChars::of(&[&UNIT_AT_START]));

/// The next place at or after `from` where a unit could start right after
/// a digit (any `\d`, Unicode digits included: they are looked at whenever
/// a block has a byte that can start one).
fn next_unit_candidate(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    // ASCII digits, and the lead bytes of every non-ASCII decimal digit
    let interesting =
        |b: u8| (b.wrapping_sub(b'0') < 10) | matches!(b, 0xd9 | 0xdb | 0xdf | 0xe0 | 0xe1 | 0xea | 0xef | 0xf0);
    let mut i = from;
    while i < bytes.len() {
        let end = bytes.len().min(i + 32);
        let mut hit = false;
        for &b in &bytes[i..end] {
            hit |= interesting(b);
        }
        if hit {
            for d in i..end {
                if !interesting(bytes[d]) || !text.is_char_boundary(d) {
                    continue;
                }
                // inside a run of ASCII digits: the unit can only follow its last
                if bytes[d].is_ascii_digit() && bytes.get(d + 1).is_some_and(u8::is_ascii_digit) {
                    continue;
                }
                let Some(digit) = text[d..].chars().next().filter(|c| c.is_numeric()) else {
                    continue;
                };
                // after the digit: blanks, at most one line break, blanks
                let rest = &text[d + digit.len_utf8()..];
                let mut after = rest.trim_start_matches([' ', '\t']);
                if let Some(r) = after.strip_prefix('\n') {
                    after = r.trim_start_matches([' ', '\t']);
                }
                if UNIT_FIRST.might_match(after) {
                    return Some(text.len() - after.len());
                }
            }
        }
        i = end;
    }
    None
}

/// The earliest place (not before `floor`) where a match whose unit starts
/// at `unit` can start: back over everything but letters (the letters of
/// the words of [`PAIR_WORDS`], "till" and "och", included), then one more
/// character for the context.
fn match_start_bound(text: &str, floor: usize, unit: usize) -> usize {
    let mut start = unit;
    let mut chars = text[floor..unit].char_indices().rev();
    for (i, c) in chars.by_ref() {
        if c.is_alphabetic() && !PAIR_WORDS.iter().any(|(w, _)| w.contains(c)) {
            return floor + i;
        }
        start = floor + i;
    }
    start
}

/// Past the words of a unit starting at `unit`: a word (with dots), white
/// space, a second word, and two more characters (`:-`).
fn unit_words_end(text: &str, unit: usize) -> usize {
    let rest = &text[unit..];
    let a = rest.trim_start_matches(|c: char| c.is_alphabetic() || c == '.');
    let b = a.trim_start_matches(char::is_whitespace);
    let c = b.trim_start_matches(char::is_alphabetic);
    let mut end = text.len() - c.len();
    for c in text[end..].chars().take(2) {
        end += c.len_utf8();
    }
    end.max(floor_boundary(text, (unit + 2).min(text.len())))
}

/// How far, each way, the sentence of an amount reaches once the
/// document's room for sentences is used up.
const SHORT_SENTENCE_REACH: usize = 24;

/// The room for amount sentences in a document of `len` bytes: their total
/// stays proportional to the text, however many amounts share a sentence
/// (300 000 amounts on one line would otherwise repeat its 1.6 KB around
/// each of them: 500 MB).
fn sentence_room(len: usize) -> usize {
    len.saturating_mul(2).saturating_add(64 * 1024)
}

/// The sentence around normalized position `pos`, as display text; cut to
/// [`SHORT_SENTENCE_REACH`] around `pos` once `room` is used up.
///
/// The sentence never reaches back over its §'s heading line (from a line
/// below it), and is taken
/// from the normalized text: page furniture between its parts (a page
/// header inside the sentence) is left out, where a record's span and
/// `text` end at it.
fn sentence_of(doc: &Doc<'_>, pos: usize, room: &mut usize) -> String {
    let text = doc.text();
    let mut start = super::running_sentence_start(doc, pos);
    // the heading floor matters only inside the sentence, within its reach
    // of `pos` (never a scan back to the line start: one line can hold
    // 300 000 amounts); an amount on the heading's own line keeps the line
    if let Some(heading_end) = doc
        .seg
        .paragraph_index_at(pos)
        .map(|i| doc.seg.paragraphs[i].heading.end)
        .filter(|&end| end > start && end <= pos)
        && memchr::memchr(b'\n', &text.as_bytes()[heading_end..pos]).is_some()
    {
        start = heading_end;
    }
    let mut end = super::sentence_end(doc, pos).max(pos);
    if end - start > *room {
        start = start.max(floor_boundary(text, pos.saturating_sub(SHORT_SENTENCE_REACH)));
        let mut short_end = (pos + SHORT_SENTENCE_REACH).min(text.len());
        while !text.is_char_boundary(short_end) {
            short_end += 1;
        }
        end = end.min(short_end).max(pos);
    }
    *room = room.saturating_sub(end - start);
    crate::source::display_text(&text[start..end])
}

fn is_year(s: &str) -> bool {
    s.len() == 4 && s.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
}

fn is_scale_word(unit: &str) -> bool {
    SCALE_WORDS.contains(&unit.to_lowercase().as_str())
}

/// The factor a unit multiplies by ([`MULTIPLIERS`]).
fn multiplier(unit: &str) -> Option<f64> {
    let u: String = unit.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
    MULTIPLIERS
        .iter()
        .find(|(w, m)| if m.whole { u == *w } else { u.starts_with(w) })
        .map(|(_, m)| m.factor)
}

/// Parse "96 000", "1.200.000", "19,5", "21:12" (kronor:öre) to a number;
/// none for digits beyond what a number holds (a JSON number is finite).
pub fn parse_number(s: &str) -> Option<f64> {
    if let Some((kr, ore)) = s.split_once(':') {
        let kr: f64 = kr.parse().ok()?;
        let ore: f64 = ore.parse().ok()?;
        return Some(kr + ore / 100.0).filter(|v| v.is_finite());
    }
    let mut clean = String::with_capacity(s.len());
    let dot_thousands = s.contains('.');
    for ch in s.chars() {
        match ch {
            ' ' => {}
            '.' if dot_thousands => {}
            ',' => clean.push('.'),
            d => clean.push(d),
        }
    }
    clean.parse().ok().filter(|v: &f64| v.is_finite())
}

fn round_money(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// The period of a word of [`PERIODS`] or [`PERIOD_ADVERBS`].
fn period_word(w: &str) -> Option<Period> {
    PERIODS
        .iter()
        .chain(PERIOD_ADVERBS)
        .find(|(p, _)| *p == w)
        .map(|(_, period)| *period)
}

fn superscript_digit(c: char) -> Option<char> {
    Some(match c {
        '⁰' => '0',
        '¹' => '1',
        '²' => '2',
        '³' => '3',
        '⁴' => '4',
        '⁵' => '5',
        '⁶' => '6',
        '⁷' => '7',
        '⁸' => '8',
        '⁹' => '9',
        _ => return None,
    })
}

/// The nearest char boundary at or after `pos`.
fn floor_boundary(text: &str, mut pos: usize) -> usize {
    while !text.is_char_boundary(pos) {
        pos += 1;
    }
    pos
}

fn last_word(s: &str) -> &str {
    s.trim_end().rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("")
}

/// Whether the negation found before stays in the same clause.
fn within_clause(before: &str) -> bool {
    let tail: String = before.chars().rev().take(30).collect();
    !tail.contains(['.', ';', ':'])
}

/// A bare "miljoner"/"miljarder" counts when the sentence is about money and
/// no counted noun follows.
fn money_context(text: &str, start: usize, end: usize) -> bool {
    let next_word: String = text[end..]
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    if COUNT_NOUNS.contains(&next_word.as_str()) {
        return false;
    }
    let sentence_start = text[..start].rfind(['.', '\n', ';']).map_or(0, |p| p + 1);
    let ws = floor_boundary(text, sentence_start.max(start.saturating_sub(120)));
    let window = text[ws..start].to_lowercase();
    MONEY_WORDS.iter().any(|w| window.contains(w))
}

#[cfg(test)]
mod matches_tests {
    use super::*;
    use crate::extract::capture_spans;
    use proptest::prelude::*;

    fn same_as_the_whole_text_scan(text: &str) {
        assert_eq!(
            capture_spans(amount_matches(text)),
            capture_spans(AMOUNT.captures_iter(text)),
            "{text:?}"
        );
    }

    #[test]
    fn candidate_windows_find_what_the_whole_text_scan_finds() {
        for t in [
            "cirka 130 tkr och 19,5 mnkr per år",
            "5 till 7 kr, från 5 till 7 mnkr, mellan 10 och 15 miljoner kronor",
            "21:12 öre, 100:-, 1 000 000 kr, 1.000,50 SEK, -5 kr, - 5 kr",
            "96 000\n kronor, 5\n\nkr, 5 \t\n\t kr",
            "a5 kr, 5,kr, 2023 Kommunstyrelsen, 12 september, 3 krav, 1 tkr2",
            "５ kr, ٣ kr, 7 \u{212a}r, 8 ſek, 9 milj. kr, 10 milj.kr, 11 md kr, 12 mn sek",
            "5 - \n 7 tkr; 5\n\n- 7 kr; 2020–2024 mnkr",
            "",
            "kr 5",
        ] {
            same_as_the_whole_text_scan(t);
        }
    }

    fn amountish_text() -> impl Strategy<Value = String> {
        let pieces = proptest::sample::select(vec![
            "1",
            "5",
            "12",
            "000",
            "2023",
            "５",
            " ",
            " ",
            "\t",
            "\n",
            "\n\n",
            ",",
            ".",
            ":",
            "-",
            "–",
            "/",
            "kr",
            "Kr",
            "KR",
            "tkr",
            "mnkr",
            "MSEK",
            "sek",
            "öre",
            "Öre",
            "kronor",
            "miljoner",
            "miljarder",
            "milj.",
            "md",
            "mn",
            ":-",
            "till",
            "och",
            "mellan",
            "från",
            "krav",
            "a",
            "Ä",
            "§",
            "(",
            "\u{212a}",
            "ſ",
            "tusen",
        ]);
        proptest::collection::vec(pieces, 0..30).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn candidate_windows_match_the_whole_text_scan(text in amountish_text()) {
            same_as_the_whole_text_scan(&text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Format;
    use crate::normalize::normalize;
    use crate::segment::segment;
    use crate::source::SourceText;

    fn amounts(t: &str) -> Vec<Amount> {
        let source = SourceText::new(t.to_string(), Format::Text);
        let norm = normalize(&source.text);
        let seg = segment(&norm.text);
        let class = crate::classify::classify(&norm, &seg);
        let doc = Doc {
            source: &source,
            norm: &norm,
            seg: &seg,
            class: &class,
            deadline: None,
        };
        crate::extract::place::place(&doc, extract(&doc))
    }

    fn one(t: &str) -> Amount {
        let a = amounts(t);
        assert_eq!(a.len(), 1, "{t}: {a:?}");
        a.into_iter().next().unwrap()
    }

    #[test]
    fn sentences_of_many_amounts_stay_proportional_to_the_text() {
        let line: Vec<String> = (0..20_000).map(|i| format!("{i} kr")).collect();
        let text = line.join(" ") + ".\n";
        let found = amounts(&text);
        assert_eq!(found.len(), 20_000);
        let total: usize = found.iter().map(|a| a.sentence.len()).sum();
        assert!(
            total <= sentence_room(text.len()) + 20_000 * 2 * SHORT_SENTENCE_REACH,
            "{total}"
        );
        // the first ones keep their whole (800-byte) reach, the last ones a short one
        assert!(found[0].sentence.len() > 700);
        let last = &found[19_999].sentence;
        assert!(
            last.len() <= 2 * SHORT_SENTENCE_REACH + 20 && last.contains("19999 kr"),
            "{last}"
        );
    }

    #[test]
    fn digits_beyond_a_number_are_no_amount() {
        let huge = format!("beviljar {} kronor och 5 kr", "9".repeat(400));
        let found = amounts(&huge);
        assert_eq!(found.iter().map(|a| a.value).collect::<Vec<_>>(), vec![5.0]);
        assert!(parse_number(&"9".repeat(400)).is_none());
        // finite but multiplied past the largest number
        assert!(amounts(&format!("{} mdkr", "9".repeat(300))).is_empty());
    }

    #[test]
    fn units_and_values() {
        assert_eq!(one("kostar cirka 130 tkr under 2025").value, 130_000.0);
        assert_eq!(one("om sammanlagt 19,5 mnkr per år").value, 19_500_000.0);
        assert_eq!(one("totalt 138,3 mnkr.").value, 138_300_000.0);
        assert_eq!(one("köpeskilling 33 725 000 kr varför").value, 33_725_000.0);
        assert_eq!(one("pris 1.200.000 kronor").value, 1_200_000.0);
        assert_eq!(one("en kostnad på 2,5\nmnkr").value, 2_500_000.0);
        assert_eq!(one("5 MSEK").value, 5_000_000.0);
        assert_eq!(one("3 Mkr").value, 3_000_000.0);
        assert_eq!(one("2 miljarder kronor").value, 2e9);
        assert_eq!(one("4 mdkr").value, 4e9);
        assert_eq!(one("50 öre").value, 0.5);
        assert_eq!(one("Priset är 25:-").value, 25.0);
        assert_eq!(one("resultat -3 359 tkr").value, -3_359_000.0);
    }

    #[test]
    fn tax_rate_in_ore_notation() {
        let a = one("skattesatsen 21:12 öre per skattekrona");
        assert_eq!(a.value, 21.12);
        assert_eq!(a.per.as_deref(), Some("skattekrona"));
    }

    #[test]
    fn qualifiers_per_and_period() {
        let a = one("(dvs. max 1,95 kr per invånare)");
        assert_eq!(
            (a.qualifier, a.per.as_deref(), a.text.as_str()),
            (Some(Qualifier::AtMost), Some("invånare"), "max 1,95 kr per invånare")
        );
        let a = one("1,95 kronor per invånare och år.");
        assert_eq!((a.per.as_deref(), a.period), (Some("invånare"), Some(Period::Year)));
        let a = one("1,95 kronor per invånare i kommunen, per år.");
        assert_eq!((a.per.as_deref(), a.period), (Some("invånare"), Some(Period::Year)));
        let a = one("cirka 200 000 kr/ år.");
        assert_eq!((a.qualifier, a.period), (Some(Qualifier::About), Some(Period::Year)));
        let a = one("högst 19,5 mkr årligen.");
        assert_eq!((a.qualifier, a.period), (Some(Qualifier::AtMost), Some(Period::Year)));
        let a = one("drygt 300 tkr");
        assert_eq!(a.qualifier, Some(Qualifier::About));
        let a = one("bör det inte uppgå till mer än 2,5\nmnkr.");
        assert_eq!(a.qualifier, Some(Qualifier::AtMost));
        let a = one("minst 5 000 kr");
        assert_eq!(a.qualifier, Some(Qualifier::AtLeast));
        let a = one("519 kronor per timma");
        assert_eq!(a.period, Some(Period::Hour));
    }

    #[test]
    fn ranges() {
        let a = one("10–15 mnkr");
        assert_eq!((a.value, a.value_max), (10e6, Some(15e6)));
        let a = one("mellan 10 och 15 mnkr");
        assert_eq!((a.value, a.value_max), (10e6, Some(15e6)));
        let two = amounts("ökar från 5 till 7 mnkr");
        assert_eq!(two.iter().map(|a| a.value).collect::<Vec<_>>(), vec![5e6, 7e6]);
    }

    #[test]
    fn footnote_markers() {
        let a = one("cirka 96 000 kronor.⁵ Det");
        assert_eq!(a.footnote.as_deref(), Some("5"));
        assert_eq!(a.text, "cirka 96 000 kronor");
        // a bare marker refers to a footnote only when there is one
        let a = amounts("cirka 96 000 kronor1. I\n\n1 49 173 invånare den 31 december 2023");
        assert_eq!(a[0].footnote.as_deref(), Some("1"));
        let a = amounts("cirka 96 000 kronor1. I");
        assert_eq!(a[0].footnote, None);
    }

    #[test]
    fn not_amounts() {
        for t in [
            "70 procent",
            "10% rabatt",
            "Kommuner med över 200 000 invånare",
            "under åren 2025-2028",
            "329 000 uppdrag",
            "5 200 prisbasbelopp",
            "SKR2023_01554-6",
            "fler än 5 krav",
            "ökade med 3 miljoner invånare",
        ] {
            assert!(amounts(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn every_scale_word_is_a_sum_in_a_sentence_about_money() {
        for w in SCALE_WORDS {
            assert!(is_scale_word(w) && multiplier(w).is_some(), "{w:?}");
            assert!(one(&format!("budgeten ökar med 5 {w} i år")).value >= 1e6, "{w:?}");
            assert!(amounts(&format!("det bor 2 {w} invånare där")).is_empty(), "{w:?}");
        }
    }

    #[test]
    fn bare_scale_words_need_money_context() {
        assert_eq!(one("en kostnad på cirka 1,7 miljarder").value, 1.7e9);
        assert_eq!(one("budgeten ökar med 5 miljoner").value, 5e6);
        assert!(amounts("det bor 2 miljoner människor där").is_empty());
    }
}
