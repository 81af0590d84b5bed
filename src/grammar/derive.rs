//! What can be known of a rule from its pattern alone, to run it faster:
//! the words every match contains (a [`Prefilter`]), and how many words a
//! match can span around such a word (the window of a [`Windowed`] matcher).
//!
//! Both are read from the pattern's syntax tree (`regex-syntax`'s HIR), so
//! they follow the rule when it changes: nobody writes "every match has a
//! 'nej' with at most six words before it" beside a pattern and forgets to
//! change it with the pattern.

use std::ops::Range;

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

/// The texts that every match of `h` contains as written, in their case:
/// the runs of its mandatory literals (a case-insensitive letter ends one).
fn required_exact(h: &Hir) -> Vec<String> {
    fn walk(h: &Hir, run: &mut String, out: &mut Vec<String>) {
        match h.kind() {
            HirKind::Literal(l) => match std::str::from_utf8(&l.0) {
                Ok(s) => run.push_str(s),
                Err(_) => flush(run, out),
            },
            HirKind::Concat(parts) => parts.iter().for_each(|p| walk(p, run, out)),
            HirKind::Capture(c) => walk(&c.sub, run, out),
            HirKind::Look(_) | HirKind::Empty => {}
            HirKind::Repetition(r) => {
                flush(run, out);
                if r.min >= 1 {
                    let mut inner = String::new();
                    walk(&r.sub, &mut inner, out);
                    flush(&mut inner, out);
                }
            }
            HirKind::Class(_) | HirKind::Alternation(_) => flush(run, out),
        }
    }
    let mut out = Vec::new();
    let mut run = String::new();
    walk(h, &mut run, &mut out);
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

/// The runs of white space a match of `h` holds before and after `anchor`,
/// at most, when `h` is a sequence with a part that always holds the
/// anchor: that part's runs count to both sides. `None` otherwise (the
/// caller takes the whole match's runs each way).
fn reach_around(h: &Hir, anchor: &str) -> Option<(usize, usize)> {
    let mut h = h;
    while let HirKind::Capture(c) = h.kind() {
        h = &c.sub;
    }
    let HirKind::Concat(parts) = h.kind() else { return None };
    // the parts' fixed texts run on from one part into the next, so the
    // anchor's part is the one where the text read so far first holds it
    let mut read = String::new();
    let mut run = String::new();
    let mut found = None;
    for (i, p) in parts.iter().enumerate() {
        let mut out = Vec::new();
        collect(p, &mut run, &mut out);
        read.extend(out);
        if read.contains(anchor) || run.contains(anchor) {
            // the anchor may have started in the parts just before, back
            // to the last one that ends a run of fixed text
            let ends_run = |q: &Hir| match q.kind() {
                HirKind::Repetition(_) | HirKind::Alternation(_) => true,
                HirKind::Class(c) => single_letter(c).is_none(),
                HirKind::Literal(l) => std::str::from_utf8(&l.0).is_err(),
                _ => false,
            };
            let from = parts[..i].iter().rposition(ends_run).map_or(0, |k| k + 1);
            found = Some((from, i));
            break;
        }
    }
    let (from, to) = found?;
    let before: usize = parts[..=to].iter().map(space_runs).sum::<Option<usize>>()?;
    let after: usize = parts[from..].iter().map(space_runs).sum::<Option<usize>>()?;
    Some((before, after))
}

/// Whether `h` has a look that `is` says yes to.
fn looks(h: &Hir, is: fn(&Look) -> bool) -> bool {
    match h.kind() {
        HirKind::Look(l) => is(l),
        HirKind::Capture(c) => looks(&c.sub, is),
        HirKind::Repetition(r) => looks(&r.sub, is),
        HirKind::Concat(p) | HirKind::Alternation(p) => p.iter().any(|h| looks(h, is)),
        _ => false,
    }
}

/// Whether `h` looks at the end of the text (`\z`, `$` without `(?m)`),
/// which a window that cuts the text would fake.
fn looks_at_end(h: &Hir) -> bool {
    looks(h, |l| matches!(l, Look::End | Look::EndCRLF))
}

/// Whether `h` looks at the end of a line (`(?m)$`): its window then ends
/// at a line's end, where the cut text and the whole text agree.
fn looks_at_line_end(h: &Hir) -> bool {
    looks(h, |l| matches!(l, Look::EndLF))
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

    /// The longest text every match of `rule` holds as the pattern writes
    /// it (in its case), to look for with a plain substring search; `None`
    /// when the pattern has none.
    pub fn anchor(rule: &Rule) -> Option<String> {
        required_exact(&hir(rule)).into_iter().max_by_key(|w| w.chars().count())
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
/// the text (`\z`, or `$` without `(?m)`): the window cuts the text
/// there; a line's end (`(?m)$`) it may, and its window then runs on to
/// the end of its last line.
///
/// Why the result is the same: every match holds an anchor and lies inside
/// that anchor's window (the bounds); windows that touch are merged into
/// one region, so a match lies inside one region, and the regions do not
/// touch. The full scan's matches inside a region are what a scan of the
/// region finds (the text before it is seen by the pattern's look-behind,
/// and the region ends where the text holds no part of a match).
pub struct Windowed {
    rule: &'static Rule,
    anchor: Regex,
    /// How many runs of white space a match holds before the anchor, at most.
    reach_back: usize,
    /// How many a match holds after it, at most.
    reach: usize,
    /// Whether the window runs on to the end of its last line (the rule
    /// looks at line ends).
    to_line_end: bool,
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
        let (reach_back, reach) = reach_around(&h, &anchor).unwrap_or((reach, reach));
        // an anchor the pattern writes in one case is looked for in that
        // case: "förslag" of a memo lead, not every "Förslag till beslut"
        let exact = required_exact(&h).into_iter().find(|w| *w == anchor);
        Windowed {
            rule,
            anchor: exact.map_or_else(
                || word_ignoring_case(&anchor),
                |w| Regex::new(&regex::escape(&w)).expect("a literal word is a valid pattern"),
            ),
            reach_back,
            reach,
            to_line_end: looks_at_line_end(&h),
        }
    }

    /// The anchor word (lower case) and the reach in words.
    pub fn bounds(&self) -> (&str, usize) {
        let a = self.anchor.as_str();
        (a.strip_prefix("(?i)").unwrap_or(a), self.reach)
    }

    /// The rule's matches in `text`, as `captures_iter` finds them.
    pub fn captures_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Captures<'t>> + 't {
        let pattern = self.rule.regex();
        let mut regions = self.regions(text).into_iter();
        let mut current: Option<Range<usize>> = None;
        let mut pos = 0; // where the last match ended
        std::iter::from_fn(move || {
            loop {
                let region = match &current {
                    Some(r) => r.clone(),
                    None => {
                        let r = regions.next()?;
                        pos = pos.max(r.start);
                        current = Some(r.clone());
                        r
                    }
                };
                if pos <= region.end
                    && let Some(c) = pattern.captures_at(&text[..region.end], pos)
                {
                    let m = c.get(0).expect("a match has group 0");
                    pos = if m.is_empty() {
                        m.end() + text[m.end()..].chars().next().map_or(1, char::len_utf8)
                    } else {
                        m.end()
                    };
                    return Some(c);
                }
                current = None;
            }
        })
    }

    /// The windows of every anchor in `text`, those that touch merged into
    /// one region: each match lies in one region, and one search per region
    /// (not per anchor) finds them.
    fn regions(&self, text: &str) -> Vec<Range<usize>> {
        let not_space = |c: char| !c.is_whitespace();
        let mut out: Vec<Range<usize>> = Vec::new();
        for a in self.anchor.find_iter(text) {
            // no need to look back past the last region: it merges anyway
            let floor = out.last().map_or(0, |r| r.end.min(a.start()));
            let mut back = text[floor..a.start()].trim_end_matches(not_space);
            for _ in 0..self.reach_back {
                back = back.trim_end_matches(char::is_whitespace).trim_end_matches(not_space);
            }
            let start = floor + back.len();
            let mut on = text[a.start()..].trim_start_matches(not_space);
            for _ in 0..self.reach {
                on = on.trim_start_matches(char::is_whitespace).trim_start_matches(not_space);
            }
            let mut limit = text.len() - on.len() + on.chars().next().map_or(0, char::len_utf8);
            if self.to_line_end {
                // a `(?m)$` at the cut is true where the line ends there
                limit = memchr::memchr(b'\n', &text.as_bytes()[limit..]).map_or(text.len(), |p| limit + p);
            }
            match out.last_mut() {
                Some(last) if start <= last.end => last.end = last.end.max(limit),
                _ => out.push(start..limit),
            }
        }
        out
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
    fn reach_on_each_side_of_the_anchor() {
        static R: Rule = Rule::new(
            "t_sides",
            r"(?m)^[ \t]*(?P<by>\w+\s+\w+)\s+förslag\s+till\s+(?P<to>\w+)[ \t]*$",
            &[],
        );
        let h = hir(&R);
        assert_eq!(space_runs(&h), Some(6));
        assert_eq!(reach_around(&h, "förslag"), Some((3, 3)));
        // a capture before the anchor's part keeps its runs on the after side
        static C: Rule = Rule::new("t_straddle", r"a\s(b c)förslag\s+x", &[]);
        let h = hir(&C);
        assert_eq!(reach_around(&h, "b cförslag"), Some((2, 2)));
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
