//! What can be known of a rule from its pattern alone, to run it faster:
//! the words every match contains (a [`Prefilter`]), and how many words a
//! match can span around such a word (the window of a [`Windowed`] matcher).
//!
//! Both are read from the pattern's syntax tree (`regex-syntax`'s HIR), so
//! they follow the rule when it changes: nobody writes "every match has a
//! 'nej' with at most six words before it" beside a pattern and forgets to
//! change it with the pattern.

use regex::{Captures, Regex};
use regex_syntax::hir::{Class, Hir, HirKind, Look};

use super::Rule;

/// The pattern's syntax tree.
fn hir(rule: &Rule) -> Hir {
    regex_syntax::parse(&rule.pattern()).unwrap_or_else(|e| panic!("grammar rule `{}`: {e}", rule.name))
}

/// The one character a class stands for when it is a letter in its case
/// variants (`[Nn]` of a `(?i)` pattern, `[Kk\u{212A}]`), as lower case.
fn single_letter(class: &Class) -> Option<char> {
    let Class::Unicode(u) = class else {
        let Class::Bytes(b) = class else { return None };
        let r = b.ranges();
        return (r.iter().all(|r| r.start() == r.end()) && !r.is_empty())
            .then(|| fold(r[0].start() as char))
            .filter(|c| r.iter().all(|x| fold(x.start() as char) == *c));
    };
    let mut letter = None;
    for r in u.ranges() {
        if (r.end() as u32) - (r.start() as u32) > 2 {
            return None;
        }
        for c in r.start()..=r.end() {
            let f = fold(c);
            if *letter.get_or_insert(f) != f {
                return None;
            }
        }
    }
    letter
}

/// `c` folded as a case-insensitive match folds it (ſ and S to s, K to k).
fn fold(c: char) -> char {
    let mut up = c.to_uppercase();
    let u = if up.len() == 1 { up.next().unwrap_or(c) } else { c };
    let mut low = u.to_lowercase();
    if low.len() == 1 { low.next().unwrap_or(c) } else { c }
}

/// The texts (lower case) that every match of `h` contains: the maximal
/// runs of fixed letters of its mandatory parts.
fn required(h: &Hir) -> Vec<String> {
    let mut out = Vec::new();
    let mut run = String::new();
    collect(h, &mut run, &mut out);
    flush(&mut run, &mut out);
    out
}

fn flush(run: &mut String, out: &mut Vec<String>) {
    if !run.is_empty() {
        out.push(std::mem::take(run));
    }
}

/// Adds to `run` what `h` always matches as fixed text, and ends the run
/// (pushing it to `out`) where `h` matches something variable; the runs of
/// `h`'s mandatory sub-patterns go to `out` too.
fn collect(h: &Hir, run: &mut String, out: &mut Vec<String>) {
    match h.kind() {
        HirKind::Literal(l) => match std::str::from_utf8(&l.0) {
            Ok(s) => run.extend(s.chars().map(fold)),
            Err(_) => flush(run, out),
        },
        HirKind::Class(c) => match single_letter(c) {
            Some(ch) => run.push(ch),
            None => flush(run, out),
        },
        HirKind::Concat(parts) => parts.iter().for_each(|p| collect(p, run, out)),
        HirKind::Capture(c) => collect(&c.sub, run, out),
        HirKind::Look(_) | HirKind::Empty => {}
        HirKind::Repetition(r) => {
            flush(run, out);
            if r.min >= 1 {
                let mut inner = String::new();
                collect(&r.sub, &mut inner, out);
                flush(&mut inner, out);
            }
        }
        HirKind::Alternation(branches) => {
            flush(run, out);
            out.extend(common_text(branches));
        }
    }
}

/// The longest text (of three characters or more) that every branch of an
/// alternation must contain: "anteckn" of "antecknar|(?:lät|får)\s+anteckna".
fn common_text(branches: &[Hir]) -> Option<String> {
    let sets: Vec<Vec<String>> = branches.iter().map(required).collect();
    let (first, others) = sets.split_first()?;
    let mut best: Option<String> = None;
    for word in first {
        let chars: Vec<char> = word.chars().collect();
        for i in 0..chars.len() {
            for j in (i + 3..=chars.len()).rev() {
                if best.as_ref().is_some_and(|b| b.chars().count() >= j - i) {
                    break;
                }
                let piece: String = chars[i..j].iter().collect();
                if others.iter().all(|set| set.iter().any(|w| w.contains(&piece))) {
                    best = Some(piece);
                    break;
                }
            }
        }
    }
    best
}

/// Whether a class matches white space, and whether it matches only that.
fn class_space(class: &Class) -> (bool, bool) {
    let spaces = |c: char| c.is_whitespace();
    match class {
        Class::Unicode(u) => {
            let any = u.ranges().iter().any(|r| (r.start()..=r.end()).any(spaces));
            let only = u.ranges().iter().all(|r| (r.start()..=r.end()).all(spaces));
            (any, only)
        }
        Class::Bytes(b) => {
            let any = b
                .ranges()
                .iter()
                .any(|r| (r.start()..=r.end()).any(|x| spaces(x as char)));
            let only = b
                .ranges()
                .iter()
                .all(|r| (r.start()..=r.end()).all(|x| spaces(x as char)));
            (any, only)
        }
    }
}

/// At most how many runs of white space a match of `h` holds (runs that
/// touch counted apart, so this bounds from above), or `None` when there is
/// no bound (`.+` over white space).
fn space_runs(h: &Hir) -> Option<usize> {
    match h.kind() {
        HirKind::Empty | HirKind::Look(_) => Some(0),
        HirKind::Literal(l) => {
            let s = String::from_utf8_lossy(&l.0);
            let mut runs = 0;
            let mut in_space = false;
            for c in s.chars() {
                if c.is_whitespace() && !in_space {
                    runs += 1;
                }
                in_space = c.is_whitespace();
            }
            Some(runs)
        }
        HirKind::Class(c) => Some(usize::from(class_space(c).0)),
        HirKind::Capture(c) => space_runs(&c.sub),
        HirKind::Concat(parts) => parts.iter().map(space_runs).sum(),
        HirKind::Alternation(parts) => parts.iter().map(space_runs).try_fold(0, |m, r| r.map(|r| m.max(r))),
        HirKind::Repetition(r) => {
            if let HirKind::Class(c) = r.sub.kind()
                && class_space(c).1
            {
                return Some(1); // one run, however long
            }
            match (space_runs(&r.sub)?, r.max) {
                (0, _) => Some(0),
                (n, Some(max)) => Some(n * max as usize),
                (_, None) => None,
            }
        }
    }
}

/// Whether `h` looks at the end of the text or line (a `$`), which a window
/// that cuts the text would fake.
fn looks_at_end(h: &Hir) -> bool {
    match h.kind() {
        HirKind::Look(l) => matches!(l, Look::End | Look::EndLF | Look::EndCRLF),
        HirKind::Capture(c) => looks_at_end(&c.sub),
        HirKind::Repetition(r) => looks_at_end(&r.sub),
        HirKind::Concat(p) | HirKind::Alternation(p) => p.iter().any(looks_at_end),
        _ => false,
    }
}

/// `word` as a pattern that ignores case as `(?i)` does.
fn word_ignoring_case(word: &str) -> Regex {
    Regex::new(&format!("(?i){}", regex::escape(word))).expect("a literal word is a valid pattern")
}

/// The words every match of a rule contains, looked for before the rule
/// runs, so that texts without them are not run through it at all. A
/// `(?i)` pattern has too many case variants for the regex engine to build
/// such a prefilter from its literals itself; a single `(?i)` word it can
/// (with SIMD), and with the same case folding.
pub struct Prefilter {
    words: Vec<Regex>,
}

impl Prefilter {
    /// The prefilter of a rule: every fixed text of its mandatory parts.
    pub fn of(rule: &Rule) -> Prefilter {
        let mut words = required(&hir(rule));
        words.sort();
        words.dedup();
        Prefilter {
            words: words.iter().map(|w| word_ignoring_case(w)).collect(),
        }
    }

    /// Whether the rule can match in `text`.
    pub fn might_match(&self, text: &str) -> bool {
        self.words.iter().all(|w| w.is_match(text))
    }

    /// The words looked for, lower case.
    pub fn words(&self) -> Vec<&str> {
        self.words.iter().map(|w| &w.as_str()[4..]).collect()
    }
}

/// The matches of a rule that every match of which contains a word (the
/// anchor), found as the rule's own `captures_iter` would find them, but
/// without running it over the whole text: it runs on a small window
/// around each anchor. A window reaches `reach` words back and on from the
/// word the anchor starts in (a word: a run of white space and the run of
/// other characters before or after it), one character more for context.
///
/// The anchor is the longest fixed text every match holds, and `reach` the
/// most runs of white space a match can hold, both read from the pattern;
/// a rule without such a text or bound cannot be windowed (a panic at
/// start-up, caught by the tests). The pattern must not look at the end of
/// the text (`$`): the window cuts the text there.
///
/// Why the result is the same: the anchors are taken in order; a match
/// that holds an anchor's start lies inside that anchor's window (the
/// bounds), so the leftmost match of the window that holds the anchor is
/// the leftmost match of the text after the previous one; and if the
/// window's leftmost match does not hold the anchor, no match does.
pub struct Windowed {
    rule: &'static Rule,
    anchor: Regex,
    reach: usize,
}

impl Windowed {
    /// The windowed matcher of a rule.
    pub fn of(rule: &'static Rule) -> Windowed {
        let h = hir(rule);
        let anchor = required(&h)
            .into_iter()
            .max_by_key(|w| w.chars().count())
            .unwrap_or_else(|| panic!("grammar rule `{}` has no fixed text to window on", rule.name));
        let reach = space_runs(&h)
            .unwrap_or_else(|| panic!("grammar rule `{}` has no bound on its words to window on", rule.name));
        assert!(
            !looks_at_end(&h),
            "grammar rule `{}` looks at the end of the text",
            rule.name
        );
        Windowed {
            rule,
            anchor: word_ignoring_case(&anchor),
            reach,
        }
    }

    /// The anchor word (lower case) and the reach in words.
    pub fn bounds(&self) -> (&str, usize) {
        (&self.anchor.as_str()[4..], self.reach)
    }

    /// The rule's matches in `text`, as `captures_iter` finds them.
    pub fn captures_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Captures<'t>> + 't {
        let mut pos = 0; // where the last match ended
        let pattern = self.rule.regex();
        self.anchor.find_iter(text).filter_map(move |a| {
            if a.start() < pos {
                return None;
            }
            let not_space = |c: char| !c.is_whitespace();
            let mut back = text[pos..a.start()].trim_end_matches(not_space);
            for _ in 0..self.reach {
                back = back.trim_end_matches(char::is_whitespace).trim_end_matches(not_space);
            }
            let start = pos + back.len();
            let mut on = text[a.start()..].trim_start_matches(not_space);
            for _ in 0..self.reach {
                on = on.trim_start_matches(char::is_whitespace).trim_start_matches(not_space);
            }
            let limit = text.len() - on.len() + on.chars().next().map_or(0, char::len_utf8);
            let c = pattern.captures_at(&text[..limit], start)?;
            let m = c.get(0)?;
            (m.start() <= a.start() && a.start() < m.end()).then(|| {
                pos = m.end();
                c
            })
        })
    }
}

/// Every windowed rule, for the property test.
#[cfg(test)]
pub(crate) fn windowed_rules() -> Vec<&'static Rule> {
    super::families()
        .into_iter()
        .flat_map(|(_, rules)| rules.iter().copied())
        .filter(|r| r.windowed)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn spans<'t>(m: impl Iterator<Item = Captures<'t>>) -> Vec<Vec<Option<std::ops::Range<usize>>>> {
        m.map(|c| c.iter().map(|g| g.map(|m| m.range())).collect()).collect()
    }

    #[test]
    fn required_words_and_reach() {
        static R: Rule = Rule::new("t_required", r"(?i)(?-u:\b)ja\s*:\s*\d+\s*nej\b", &[]);
        assert_eq!(required(&hir(&R)), ["ja", ":", "nej"]);
        assert_eq!(space_runs(&hir(&R)), Some(3));
        static U: Rule = Rule::new("t_unbounded", r"(?s)ja.+nej", &[]);
        assert_eq!(space_runs(&hir(&U)), None);
        static A: Rule = Rule::new(
            "t_alternation",
            r"(?i)(?:antecknar|(?:lät|får)\s+anteckna|anmäler\s+protokollsanteckning)",
            &[],
        );
        assert_eq!(required(&hir(&A)), ["anteckn"]);
    }

    /// The words of a rule's examples, and a few others, to build texts
    /// that come near its matches.
    fn vocabulary(rule: &Rule) -> Vec<String> {
        let mut words: Vec<String> = rule
            .examples
            .iter()
            .flat_map(|e| {
                let text = match *e {
                    super::super::Example::Finds { text, .. }
                    | super::super::Example::Groups { text, .. }
                    | super::super::Example::Rejects { text } => text,
                };
                text.split_whitespace().map(str::to_string).collect::<Vec<_>>()
            })
            .collect();
        words.extend([" ", "\n", ", ", ".", "och", "att", "(", ")", "x", "7"].map(String::from));
        words.sort();
        words.dedup();
        words
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        /// Every windowed matcher finds what its rule's full scan finds.
        #[test]
        fn windowed_matchers_agree_with_the_full_scan(picks in proptest::collection::vec((0usize..1000, any::<bool>()), 0..40)) {
            for rule in windowed_rules() {
                let words = vocabulary(rule);
                let text: String = picks
                    .iter()
                    .map(|(i, space)| format!("{}{}", words[i % words.len()], if *space { " " } else { "" }))
                    .collect();
                let windowed = Windowed::of(rule);
                prop_assert_eq!(
                    spans(windowed.captures_iter(&text)),
                    spans(rule.captures_iter(&text)),
                    "rule {} on {:?}", rule.name, text
                );
            }
        }
    }
}
