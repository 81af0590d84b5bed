//! Line assembly: positioned glyphs in, reading-order text out.
//!
//! 1. Glyphs are chunked into *runs* in drawing order: consecutive glyphs on
//!    the same baseline, of similar size, moving rightwards without a big jump.
//! 2. Runs are clustered into *lines* by baseline (within a fraction of the
//!    font size), so table cells drawn separately still share a line, and
//!    lines are ordered top to bottom.
//! 3. Small runs sitting above (or below) the baseline of a bigger, adjacent
//!    line are merged into it as superscripts (subscripts): footnote markers
//!    set in a smaller raised font. Glyphs lifted with `Ts` relative to the
//!    rest of their line count as raised too. Raised digits become Unicode
//!    superscript digits (`⁵`), other raised glyphs stay as they are.
//! 4. Within a line, runs are ordered left to right and word gaps are judged
//!    from the geometry: a gap wider than a fraction of the font's space width
//!    (bounded by the font size) is a space, a very wide one (table columns)
//!    several spaces. Explicit space glyphs always give at least one space.
//! 5. Before lines are formed, a page of two prose columns is split at its
//!    gutter (a vertical strip in the middle that almost no run crosses,
//!    with runs on both sides that fill their column): between full-width
//!    lines, the left column is read top to bottom, then the right one, as
//!    pdftotext does. Narrow cells (tables) never make columns, so a table
//!    row stays one line.
//!
//! Text written in other directions is laid out the same way in its own
//! rotated frame and appended after the upright text.

use crate::pdf::content::{Glyph, PageGlyphs};

/// Baselines closer than this fraction of the font size share a line.
const LINE_TOL: f32 = 0.3;
/// A run continues while the baseline moves less than this fraction.
const RUN_TOL: f32 = 0.12;
/// Gap (fraction of space width) that makes a word break...
const SPACE_FRAC: f32 = 0.35;
/// ...but never less / more than these fractions of the font size.
const MIN_GAP_EM: f32 = 0.1;
const MAX_GAP_EM: f32 = 0.25;
/// Size ratio below which a raised run counts as a superscript.
const SUPER_SIZE: f32 = 0.85;
/// Relative text rise that makes a glyph raised.
const RISE_FRAC: f32 = 0.12;
/// Lines looked at, each way, when attaching a script run.
const SCRIPT_WINDOW: usize = 8;
/// Runs compared when looking for a line's duplicate runs.
const DUP_WINDOW: usize = 8;
/// Pages with more runs than this skip script attachment (hostile input).
const MAX_SCRIPT_RUNS: usize = 50_000;

#[derive(Debug, Clone)]
struct Run {
    /// Indices into the group's glyph index list.
    first: usize,
    last: usize,
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
    raised: bool,
    moved: bool,
}

struct Line {
    y: f32,
    size: f32,
    runs: Vec<Run>,
}

/// Lays a page out as text: lines separated by `'\n'`.
pub(crate) fn layout(page: &PageGlyphs) -> String {
    let mut out = String::new();
    for orient in 0..4u8 {
        let idx: Vec<usize> = page
            .glyphs
            .iter()
            .enumerate()
            .filter(|(_, g)| g.orient == orient)
            .map(|(i, _)| i)
            .collect();
        if idx.is_empty() {
            continue;
        }
        push_block(&mut out, &layout_group(page, &idx));
    }
    out
}

/// Appends a non-empty block of text, a blank line after what is there.
fn push_block(out: &mut String, text: &str) {
    if text.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push_str("\n\n");
    }
    out.push_str(text);
}

fn glyph_text<'p>(page: &'p PageGlyphs, g: &Glyph) -> &'p str {
    let start = g.start as usize;
    page.text.get(start..start + usize::from(g.len)).unwrap_or("")
}

fn is_blank(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_whitespace() || c == '\u{a0}')
}

fn build_runs(page: &PageGlyphs, idx: &[usize]) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for (k, &gi) in idx.iter().enumerate() {
        let Some(g) = page.glyphs.get(gi) else {
            continue;
        };
        let size = g.size.max(0.01);
        let end = g.x + g.w;
        if let Some(r) = runs.last_mut() {
            let big = r.size.max(size);
            let small = r.size.min(size);
            let same_line = (g.y - r.y).abs() <= RUN_TOL * big;
            let forward = g.x >= r.x1 - 0.5 * big && g.x <= r.x1 + 3.0 * big;
            let similar = small >= 0.8 * big;
            if same_line && forward && similar {
                r.last = k;
                r.x0 = r.x0.min(g.x);
                r.x1 = r.x1.max(end);
                r.size = big;
                continue;
            }
        }
        runs.push(Run {
            first: k,
            last: k,
            x0: g.x,
            x1: end.max(g.x),
            y: g.y,
            size,
            raised: false,
            moved: false,
        });
    }
    runs
}

fn cluster_lines(mut runs: Vec<Run>) -> Vec<Line> {
    runs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let mut lines: Vec<Line> = Vec::new();
    for r in runs {
        if let Some(l) = lines.last_mut()
            && (r.y - l.y).abs() <= LINE_TOL * l.size.min(r.size)
        {
            l.size = l.size.max(r.size);
            l.runs.push(r);
            continue;
        }
        lines.push(Line {
            y: r.y,
            size: r.size,
            runs: vec![r],
        });
    }
    lines
}

/// Whether run `r` is a script of line `m`, `dy` = m.y - r.y (> 0: raised).
/// Returns `Some(raised)`.
fn script_of(r: &Run, m: &Line, dy: f32) -> Option<bool> {
    if r.size > SUPER_SIZE * m.size {
        return None;
    }
    let raised = (0.15 * m.size..=0.8 * m.size).contains(&dy);
    let lowered = (-0.6 * m.size..=-0.1 * m.size).contains(&dy);
    if !(raised || lowered) {
        return None;
    }
    let near = m.runs.iter().any(|s| {
        !s.moved && s.size * SUPER_SIZE >= r.size && r.x0 <= s.x1 + 0.8 * m.size && r.x1 >= s.x0 - 0.8 * m.size
    });
    near.then_some(raised)
}

/// The line that run `r` of line `i` (of size `line_size`) joins as a
/// script, and whether it is raised: a line below whose baseline is a bit
/// lower (superscript) or else one above whose baseline is a bit higher
/// (subscript).
fn script_target(lines: &[Line], i: usize, r: &Run, line_size: f32) -> Option<(usize, bool)> {
    let reach = 4.0 * r.size;
    let below = (i + 1..lines.len()).take(SCRIPT_WINDOW);
    let above = (0..i).rev().take(SCRIPT_WINDOW);
    script_among(lines, below, r, line_size, |dy| dy > reach)
        .or_else(|| script_among(lines, above, r, line_size, |dy| -dy > reach))
}

/// The first of the lines `js` (nearest first) that run `r` is a script of,
/// looking no further than the first line that is `too_far` away.
fn script_among(
    lines: &[Line],
    js: impl Iterator<Item = usize>,
    r: &Run,
    line_size: f32,
    too_far: impl Fn(f32) -> bool,
) -> Option<(usize, bool)> {
    for j in js {
        let m = lines.get(j)?;
        let dy = m.y - r.y;
        if too_far(dy) {
            return None;
        }
        if line_size <= SUPER_SIZE * m.size
            && let Some(raised) = script_of(r, m, dy)
        {
            return Some((j, raised));
        }
    }
    None
}

/// Moves small raised (or lowered) runs into the adjacent bigger line.
fn attach_scripts(lines: &mut Vec<Line>) {
    let n = lines.len();
    for i in 0..n {
        let Some(line_size) = lines.get(i).map(|l| l.size) else {
            continue;
        };
        let mut k = 0;
        while let Some(r) = lines.get(i).and_then(|l| l.runs.get(k)).cloned() {
            let target = if r.moved {
                None
            } else {
                script_target(lines, i, &r, line_size)
            };
            match target {
                Some((j, raised)) => {
                    if let Some(l) = lines.get_mut(i) {
                        l.runs.remove(k);
                    }
                    if let Some(m) = lines.get_mut(j) {
                        let mut r = r;
                        r.raised = raised;
                        r.moved = true;
                        m.runs.push(r);
                    }
                }
                None => k += 1,
            }
        }
    }
    lines.retain(|l| !l.runs.is_empty());
}

fn superscript(c: char) -> char {
    match c {
        '0' => '⁰',
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        '4' => '⁴',
        '5' => '⁵',
        '6' => '⁶',
        '7' => '⁷',
        '8' => '⁸',
        '9' => '⁹',
        other => other,
    }
}

fn push_text(out: &mut String, t: &str, raised: bool) {
    for c in t.chars() {
        match c {
            '\u{0}'..='\u{1f}' | '\u{7f}' => {}
            '\u{a0}' => out.push(' '),
            c if raised => out.push(superscript(c)),
            c => out.push(c),
        }
    }
}

fn run_text(page: &PageGlyphs, idx: &[usize], r: &Run) -> String {
    let mut s = String::new();
    for k in r.first..=r.last {
        if let Some(g) = idx.get(k).and_then(|&gi| page.glyphs.get(gi)) {
            s.push_str(glyph_text(page, g));
        }
    }
    s
}

/// Drops runs that repeat an earlier run's text at (almost) the same place:
/// text drawn twice for a bold effect, or a form drawn twice.
fn drop_duplicate_runs(page: &PageGlyphs, idx: &[usize], line: &mut Line) {
    if line.runs.len() < 2 {
        return;
    }
    let mut kept: Vec<(Run, String)> = Vec::with_capacity(line.runs.len());
    for r in line.runs.drain(..) {
        let t = run_text(page, idx, &r);
        let tol = 0.1 * r.size.max(0.01);
        let dup = !t.trim().is_empty()
            && kept
                .iter()
                .rev()
                .take(DUP_WINDOW)
                .any(|(k, kt)| *kt == t && (k.x0 - r.x0).abs() < tol && (k.y - r.y).abs() < tol);
        if !dup {
            kept.push((r, t));
        }
    }
    line.runs = kept.into_iter().map(|(r, _)| r).collect();
}

fn line_text(page: &PageGlyphs, idx: &[usize], line: &mut Line) -> String {
    line.runs.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    drop_duplicate_runs(page, idx, line);
    let glyph_at = |k: usize| idx.get(k).and_then(|&gi| page.glyphs.get(gi));
    // Baseline rise of the line: the smallest rise among its glyphs.
    let mut base_rise = f32::INFINITY;
    for r in &line.runs {
        for k in r.first..=r.last {
            if let Some(g) = glyph_at(k) {
                base_rise = base_rise.min(g.rise);
            }
        }
    }
    let mut out = String::new();
    let mut prev: Option<(f32, f32, f32)> = None; // (end x, size, space width)
    let mut last: Option<(usize, f32, f32)> = None; // (glyph index, x, y) of last emitted
    let mut pending_space = false;
    for r in &line.runs {
        let mut first_in_run = true;
        for k in r.first..=r.last {
            let Some(g) = glyph_at(k) else { continue };
            let t = glyph_text(page, g);
            if is_blank(t) {
                if prev.is_some() {
                    pending_space = true;
                }
                continue;
            }
            // Text drawn twice at (almost) the same spot (fake bold).
            if let Some((li, lx, ly)) = last
                && let Some(lg) = page.glyphs.get(li)
                && glyph_text(page, lg) == t
                && !t.is_empty()
                && (g.x - lx).abs() < 0.1 * g.size.max(0.01)
                && (g.y - ly).abs() < 0.1 * g.size.max(0.01)
            {
                continue;
            }
            if let Some((end, psize, psw)) = prev {
                let gap = g.x - end;
                let size = psize.max(g.size).max(0.01);
                let sw = psw.max(g.space_w).max(0.05 * size);
                let thresh = (SPACE_FRAC * sw).clamp(MIN_GAP_EM * size, MAX_GAP_EM * size);
                if gap > thresh || pending_space {
                    let n = if gap >= 3.0 * sw && gap >= 1.0 * size {
                        ((gap / sw).round() as usize).clamp(2, 20)
                    } else {
                        1
                    };
                    out.extend(std::iter::repeat_n(' ', n));
                } else if first_in_run && gap < -0.5 * size && !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            let raised = r.raised || g.rise - base_rise > RISE_FRAC * g.size;
            push_text(&mut out, t, raised);
            let end = g.x + g.w;
            prev = Some((end, g.size, g.space_w));
            if let Some(&gi) = idx.get(k) {
                last = Some((gi, g.x, g.y));
            }
            pending_space = false;
            first_in_run = false;
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out
}

fn layout_group(page: &PageGlyphs, idx: &[usize]) -> String {
    let runs = build_runs(page, idx);
    let many = runs.len() > MAX_SCRIPT_RUNS;
    let mut out = String::new();
    for piece in reading_pieces(runs) {
        push_block(&mut out, &lay_lines(page, idx, piece, many));
    }
    out
}

/// Clusters runs into lines and writes them top to bottom.
fn lay_lines(page: &PageGlyphs, idx: &[usize], runs: Vec<Run>, many: bool) -> String {
    let mut lines = cluster_lines(runs);
    if !many {
        attach_scripts(&mut lines);
    }
    lines.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut out = String::new();
    let mut prev: Option<(f32, f32)> = None;
    for line in lines.iter_mut() {
        let text = line_text(page, idx, line);
        if text.trim().is_empty() {
            continue;
        }
        if let Some((py, psize)) = prev {
            out.push('\n');
            if line.y - py > 2.0 * psize.max(line.size) {
                out.push('\n');
            }
        }
        out.push_str(&text);
        prev = Some((line.y, line.size));
    }
    out
}

/// Most bins of the horizontal coverage profile used to find a gutter.
const MAX_BINS: usize = 4096;
/// The gutter is looked for in the middle of the text's width: not nearer
/// to either edge than this fraction.
const GUTTER_MARGIN: f32 = 0.2;
/// A gutter is at least this wide (in ems of the median font size).
const MIN_GUTTER_EM: f32 = 0.8;
/// Runs that may cross a gutter (full-width headings), as a fraction of all.
const MAX_CROSSING: f32 = 0.08;
/// ...but always a heading and a footer.
const MIN_CROSSING: f32 = 2.0;
/// Each column holds at least this many runs...
const MIN_COLUMN_RUNS: usize = 6;
/// ...and its median run fills at least this fraction of the column's width
/// (prose; table cells are narrow, so tables stay row by row).
const MIN_COLUMN_FILL: f32 = 0.6;

/// Where a run goes in reading order.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
    Full,
}

/// Splits a page's runs into pieces in reading order. A page of two text
/// columns (a vertical gutter that almost no run crosses, prose on both
/// sides) is read as pdftotext reads it: between full-width lines, the left
/// column top to bottom, then the right one. Anything else is one piece, so
/// table rows stay on one line.
fn reading_pieces(mut runs: Vec<Run>) -> Vec<Vec<Run>> {
    let Some(gutter) = find_gutter(&runs) else {
        return vec![runs];
    };
    runs.sort_by(|a, b| a.y.total_cmp(&b.y));
    let side_of = |r: &Run| {
        if r.x1 <= gutter {
            Side::Left
        } else if r.x0 >= gutter {
            Side::Right
        } else {
            Side::Full
        }
    };
    // runs on the baseline of a crossing run belong to its full-width line
    let crossing: Vec<(f32, f32)> = runs
        .iter()
        .filter(|r| side_of(r) == Side::Full)
        .map(|r| (r.y, r.size))
        .collect();
    let on_full_line = |r: &Run| {
        // a baseline within LINE_TOL of the smaller size is within LINE_TOL of r's
        let reach = LINE_TOL * r.size;
        let from = crossing.partition_point(|&(y, _)| y < r.y - reach);
        crossing
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&(y, _)| y <= r.y + reach)
            .take(SCRIPT_WINDOW)
            .any(|&(y, size)| (y - r.y).abs() <= LINE_TOL * size.min(r.size))
    };
    let mut pieces: Vec<Vec<Run>> = Vec::new();
    let (mut left, mut right, mut full) = (Vec::new(), Vec::new(), Vec::new());
    for r in runs {
        let side = if on_full_line(&r) { Side::Full } else { side_of(&r) };
        if side == Side::Full {
            flush(&mut pieces, &mut left);
            flush(&mut pieces, &mut right);
            full.push(r);
        } else {
            flush(&mut pieces, &mut full);
            if side == Side::Left {
                left.push(r)
            } else {
                right.push(r)
            }
        }
    }
    flush(&mut pieces, &mut full);
    flush(&mut pieces, &mut left);
    flush(&mut pieces, &mut right);
    pieces
}

fn flush(pieces: &mut Vec<Vec<Run>>, piece: &mut Vec<Run>) {
    if !piece.is_empty() {
        pieces.push(std::mem::take(piece));
    }
}

/// The x of a gutter between two columns of prose, if the page has one.
fn find_gutter(runs: &[Run]) -> Option<f32> {
    if runs.len() < 2 * MIN_COLUMN_RUNS {
        return None;
    }
    let x0 = runs.iter().map(|r| r.x0).fold(f32::INFINITY, f32::min);
    let x1 = runs.iter().map(|r| r.x1).fold(f32::NEG_INFINITY, f32::max);
    let width = x1 - x0;
    if !width.is_finite() || width <= 0.0 {
        return None;
    }
    let bins = (width.ceil() as usize).clamp(1, MAX_BINS);
    let scale = bins as f32 / width;
    let bin = |x: f32| (((x - x0) * scale) as usize).min(bins - 1);
    // coverage profile: how many runs cover each bin (a difference array)
    let mut diff = vec![0i64; bins + 1];
    for r in runs {
        if let Some(d) = diff.get_mut(bin(r.x0)) {
            *d += 1;
        }
        if let Some(d) = diff.get_mut(bin(r.x1) + 1) {
            *d -= 1;
        }
    }
    let allowed = (MAX_CROSSING * runs.len() as f32).max(MIN_CROSSING) as i64;
    let mut sizes: Vec<f32> = runs.iter().map(|r| r.size).collect();
    sizes.sort_by(f32::total_cmp);
    let em = sizes.get(sizes.len() / 2).copied().unwrap_or(10.0);
    let (lo, hi) = (bin(x0 + GUTTER_MARGIN * width), bin(x1 - GUTTER_MARGIN * width));
    // the widest stretch of the middle that few runs cover
    let (mut best, mut start, mut cover) = (None::<(usize, usize)>, None, 0i64);
    for (i, d) in diff.iter().enumerate().take(hi + 1) {
        cover += d;
        let open = i >= lo && cover <= allowed;
        match (open, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                if best.is_none_or(|(bs, be)| i - s > be - bs) {
                    best = Some((s, i));
                }
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start
        && best.is_none_or(|(bs, be)| hi + 1 - s > be - bs)
    {
        best = Some((s, hi + 1));
    }
    let (s, e) = best?;
    let (gap_x0, gap_x1) = (x0 + s as f32 / scale, x0 + e as f32 / scale);
    if gap_x1 - gap_x0 < MIN_GUTTER_EM * em {
        return None;
    }
    let gutter = (gap_x0 + gap_x1) / 2.0;
    let prose = |widths: Vec<f32>, column: f32| {
        let mut widths = widths;
        widths.sort_by(f32::total_cmp);
        widths.len() >= MIN_COLUMN_RUNS
            && widths
                .get(widths.len() / 2)
                .is_some_and(|&w| w >= MIN_COLUMN_FILL * column)
    };
    let left: Vec<f32> = runs.iter().filter(|r| r.x1 <= gutter).map(|r| r.x1 - r.x0).collect();
    let right: Vec<f32> = runs.iter().filter(|r| r.x0 >= gutter).map(|r| r.x1 - r.x0).collect();
    (prose(left, gap_x0 - x0) && prose(right, x1 - gap_x1)).then_some(gutter)
}
