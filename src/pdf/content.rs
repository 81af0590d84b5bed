//! The content-stream interpreter: turns page and Form XObject content into
//! positioned glyphs.
//!
//! It tracks exactly the state that decides where text lands: the graphics
//! state stack (`q`/`Q`, `cm`), the text state (`Tf`, `Tc`, `Tw`, `Tz`, `TL`,
//! `Ts`) and the text and line matrices (`BT`, `Tm`, `Td`, `TD`, `T*`, `'`,
//! `"`, `Tj`, `TJ` with kerning). Every glyph is emitted with its baseline
//! origin, advance, effective size and rise in *reading* coordinates: page
//! space rotated by `/Rotate`, y growing downwards, and additionally rotated
//! into the frame of its own writing direction (so text set at 90 degrees is
//! laid out as lines of its own). Line assembly happens in [`crate::pdf::layout`].
//!
//! Form XObjects (`Do`) are followed with their own `/Resources` and
//! `/Matrix`, guarded by the nesting cap and by the chain of forms currently
//! being drawn, so a form that draws itself is skipped rather than looping.
//! Operators are counted against the per-page cap and the deadline is
//! checked regularly.

use crate::pdf::PdfError;
use crate::pdf::budget::Budget;
use crate::pdf::decode::decode_stream;
use crate::pdf::fonts::Font;
use crate::pdf::lexer::{Lexer, Token};
use crate::pdf::obj;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Affine matrix `[a b c d e f]`, row-vector convention (`p' = p * M`).
pub(crate) type Matrix = [f64; 6];

pub(crate) const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m1 * m2`: apply `m1` first, then `m2`.
pub(crate) fn mul(m1: &Matrix, m2: &Matrix) -> Matrix {
    let [a1, b1, c1, d1, e1, f1] = *m1;
    let [a2, b2, c2, d2, e2, f2] = *m2;
    [
        a1 * a2 + b1 * c2,
        a1 * b2 + b1 * d2,
        c1 * a2 + d1 * c2,
        c1 * b2 + d1 * d2,
        e1 * a2 + f1 * c2 + e2,
        e1 * b2 + f1 * d2 + f2,
    ]
}

fn finite(m: &Matrix) -> bool {
    m.iter().all(|v| v.is_finite())
}

/// Moves `m` by `tx` along its baseline (text space), unless `tx` is not finite.
fn advance(m: &mut Matrix, tx: f64) {
    if tx.is_finite() {
        m[4] += tx * m[0];
        m[5] += tx * m[1];
    }
}

/// Most graphics states kept on the `q` stack.
const MAX_GSTATE_STACK: usize = 1024;
/// Most operands kept without an operator (junk).
const MAX_OPERANDS: usize = 4096;
/// Most glyphs recorded per page; a real page has a few thousand.
const MAX_GLYPHS: usize = 1 << 21;
/// Check the deadline every this many operators.
const TIME_CHECK_EVERY: usize = 2048;

/// A glyph placed on the page.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Glyph {
    /// Baseline origin (without text rise), in the glyph's orientation frame.
    pub(crate) x: f32,
    pub(crate) y: f32,
    /// Advance width along the baseline (without Tc/Tw), >= 0.
    pub(crate) w: f32,
    /// Effective font size (glyph height) in page units.
    pub(crate) size: f32,
    /// Width of a space in this font and size, in page units.
    pub(crate) space_w: f32,
    /// Text rise in page units (positive = raised).
    pub(crate) rise: f32,
    /// Byte range of the glyph's text in [`PageGlyphs::text`].
    pub(crate) start: u32,
    pub(crate) len: u16,
    /// Writing direction: 0 = left-to-right upright, 1..3 = quarter turns.
    pub(crate) orient: u8,
}

/// All glyphs of one page, in drawing order.
#[derive(Default)]
pub(crate) struct PageGlyphs {
    pub(crate) glyphs: Vec<Glyph>,
    pub(crate) text: String,
    /// Glyphs whose font gave no Unicode for them.
    pub(crate) unmapped: usize,
    /// Image XObjects and inline images drawn.
    pub(crate) images: usize,
}

/// Per-document caches shared by all pages (and threads).
pub(crate) struct DocCtx<'a> {
    pub(crate) doc: &'a Document,
    pub(crate) budget: &'a Budget,
    fonts: Mutex<HashMap<usize, Arc<Font>>>,
    forms: Mutex<HashMap<ObjectId, Arc<Vec<u8>>>>,
}

impl<'a> DocCtx<'a> {
    pub(crate) fn new(doc: &'a Document, budget: &'a Budget) -> Self {
        DocCtx {
            doc,
            budget,
            fonts: Mutex::new(HashMap::new()),
            forms: Mutex::new(HashMap::new()),
        }
    }

    fn font(&self, dict: &'a Dictionary) -> Result<Arc<Font>, PdfError> {
        let key = dict as *const Dictionary as usize;
        if let Ok(cache) = self.fonts.lock()
            && let Some(f) = cache.get(&key)
        {
            return Ok(f.clone());
        }
        let font = Arc::new(Font::load(self.doc, dict, self.budget)?);
        if let Ok(mut cache) = self.fonts.lock() {
            cache.insert(key, font.clone());
        }
        Ok(font)
    }

    fn form_content(&self, id: ObjectId, stream: &lopdf::Stream) -> Result<Arc<Vec<u8>>, PdfError> {
        if let Ok(cache) = self.forms.lock()
            && let Some(c) = cache.get(&id)
        {
            return Ok(c.clone());
        }
        let data = Arc::new(decode_stream(Some(self.doc), stream, self.budget)?.into_owned());
        if let Ok(mut cache) = self.forms.lock() {
            cache.insert(id, data.clone());
        }
        Ok(data)
    }
}

#[derive(Clone)]
struct GState {
    ctm: Matrix,
    font: Option<Arc<Font>>,
    font_size: f64,
    char_spacing: f64,
    word_spacing: f64,
    hscale: f64,
    leading: f64,
    rise: f64,
}

impl Default for GState {
    fn default() -> Self {
        GState {
            ctm: IDENTITY,
            font: None,
            font_size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            hscale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

/// Operand of a content-stream operator.
#[derive(Debug)]
enum Operand<'a> {
    Num(f64),
    Name(Cow<'a, [u8]>),
    Str(Cow<'a, [u8]>),
    Array(Vec<Operand<'a>>),
    Other,
}

impl Operand<'_> {
    fn num(&self) -> Option<f64> {
        match self {
            Operand::Num(v) => Some(*v),
            _ => None,
        }
    }
}

/// Interprets the content of one page.
pub(crate) struct Interp<'c, 'a> {
    ctx: &'c DocCtx<'a>,
    /// Maps default user space to reading coordinates (rotation, y down).
    page_xform: Matrix,
    /// Reading-space page size, for discarding text outside the page.
    page_w: f64,
    page_h: f64,
    gs: GState,
    stack: Vec<GState>,
    tm: Matrix,
    tlm: Matrix,
    ops: usize,
    /// Form XObjects currently being drawn (cycle guard).
    chain: Vec<ObjectId>,
    out: PageGlyphs,
    local_fonts: HashMap<usize, Arc<Font>>,
}

impl<'c, 'a> Interp<'c, 'a> {
    /// `media_box` is `[x0 y0 x1 y1]` (normalized), `rotate` a multiple of 90.
    pub(crate) fn new(ctx: &'c DocCtx<'a>, media_box: [f64; 4], rotate: i64) -> Self {
        let [x0, y0, x1, y1] = media_box;
        let (page_xform, page_w, page_h) = match rotate.rem_euclid(360) {
            90 => ([0.0, 1.0, 1.0, 0.0, -y0, -x0], y1 - y0, x1 - x0),
            180 => ([-1.0, 0.0, 0.0, 1.0, x1, -y0], x1 - x0, y1 - y0),
            270 => ([0.0, -1.0, -1.0, 0.0, y1, x1], y1 - y0, x1 - x0),
            _ => ([1.0, 0.0, 0.0, -1.0, -x0, y1], x1 - x0, y1 - y0),
        };
        Interp {
            ctx,
            page_xform,
            page_w,
            page_h,
            gs: GState::default(),
            stack: Vec::new(),
            tm: IDENTITY,
            tlm: IDENTITY,
            ops: 0,
            chain: Vec::new(),
            out: PageGlyphs::default(),
            local_fonts: HashMap::new(),
        }
    }

    pub(crate) fn finish(self) -> PageGlyphs {
        self.out
    }

    /// Runs a content stream with the given resources at nesting `depth`.
    pub(crate) fn run(
        &mut self,
        content: &[u8],
        resources: Option<&'a Dictionary>,
        depth: usize,
    ) -> Result<(), PdfError> {
        let budget = self.ctx.budget;
        let mut lexer = Lexer::new(content);
        let mut operands: Vec<Operand<'_>> = Vec::with_capacity(16);
        // Open arrays (and dictionaries, flattened) being built.
        let mut open: Vec<(bool, Vec<Operand<'_>>)> = Vec::new();
        while let Some(tok) = lexer.next() {
            let operand = match tok {
                Token::Num(v) => Operand::Num(v),
                Token::Name(n) => Operand::Name(n),
                Token::Str(s) => Operand::Str(s),
                Token::Bool(_) | Token::Null => Operand::Other,
                Token::ArrayOpen | Token::DictOpen => {
                    if open.len() >= budget.max_depth {
                        return Err(PdfError::Nesting(format!(
                            "arrays in a content stream are nested deeper than {}",
                            budget.max_depth
                        )));
                    }
                    open.push((matches!(tok, Token::DictOpen), Vec::new()));
                    continue;
                }
                Token::ArrayClose | Token::DictClose => {
                    let Some((is_dict, items)) = open.pop() else {
                        continue;
                    };
                    if is_dict { Operand::Other } else { Operand::Array(items) }
                }
                Token::Keyword(op) => {
                    if !open.is_empty() {
                        // An operator inside an array: junk. Drop the arrays.
                        open.clear();
                    }
                    self.ops += 1;
                    if self.ops > budget.max_ops_per_page {
                        return Err(PdfError::Nesting(format!(
                            "a page has more than {} content-stream operators",
                            budget.max_ops_per_page
                        )));
                    }
                    if self.ops.is_multiple_of(TIME_CHECK_EVERY) {
                        budget.check_time()?;
                    }
                    if op == b"BI" {
                        lexer.skip_inline_image();
                        self.out.images += 1;
                    } else {
                        self.op(op, &operands, resources, depth)?;
                    }
                    operands.clear();
                    continue;
                }
            };
            match open.last_mut() {
                Some((_, items)) => {
                    if items.len() < MAX_OPERANDS {
                        items.push(operand);
                    }
                }
                None => {
                    if operands.len() >= MAX_OPERANDS {
                        operands.clear();
                    }
                    operands.push(operand);
                }
            }
        }
        Ok(())
    }

    fn nums<const N: usize>(operands: &[Operand<'_>]) -> Option<[f64; N]> {
        let start = operands.len().checked_sub(N)?;
        let mut out = [0.0; N];
        for (slot, o) in out.iter_mut().zip(operands.get(start..)?) {
            *slot = o.num()?;
        }
        Some(out)
    }

    fn num1(operands: &[Operand<'_>]) -> Option<f64> {
        Self::nums::<1>(operands).map(|[v]| v)
    }

    /// Dispatches one operator by family; unknown operators are ignored.
    fn op(
        &mut self,
        op: &[u8],
        operands: &[Operand<'_>],
        resources: Option<&'a Dictionary>,
        depth: usize,
    ) -> Result<(), PdfError> {
        match op {
            b"q" | b"Q" | b"cm" => self.graphics_state_op(op, operands),
            b"Tf" => self.set_font(operands, resources)?,
            b"Tc" | b"Tw" | b"Tz" | b"TL" | b"Ts" => self.text_state_op(op, operands),
            b"BT" | b"Td" | b"TD" | b"Tm" | b"T*" => self.text_position_op(op, operands),
            b"Tj" | b"'" | b"\"" | b"TJ" => self.text_show_op(op, operands),
            b"Do" => {
                if let Some(Operand::Name(name)) = operands.last() {
                    self.do_xobject(resources, name, depth)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// `q`, `Q`, `cm`.
    fn graphics_state_op(&mut self, op: &[u8], operands: &[Operand<'_>]) {
        match op {
            b"q" if self.stack.len() < MAX_GSTATE_STACK => {
                self.stack.push(self.gs.clone());
            }
            b"Q" => {
                if let Some(g) = self.stack.pop() {
                    self.gs = g;
                }
            }
            b"cm" => {
                if let Some(m) = Self::nums::<6>(operands) {
                    self.concat_ctm(&m);
                }
            }
            _ => {}
        }
    }

    /// Prepends `m` to the CTM unless the result is not finite.
    fn concat_ctm(&mut self, m: &Matrix) {
        let ctm = mul(m, &self.gs.ctm);
        if finite(&ctm) {
            self.gs.ctm = ctm;
        }
    }

    /// `Tf`: font size and font (by resource name).
    fn set_font(&mut self, operands: &[Operand<'_>], resources: Option<&'a Dictionary>) -> Result<(), PdfError> {
        if let Some(size) = Self::num1(operands) {
            self.gs.font_size = size;
        }
        let name = operands.iter().rev().find_map(|o| match o {
            Operand::Name(n) => Some(n.as_ref()),
            _ => None,
        });
        if let Some(name) = name {
            self.gs.font = self.lookup_font(resources, name)?;
        }
        Ok(())
    }

    /// `Tc`, `Tw`, `Tz`, `TL`, `Ts`: one number each.
    fn text_state_op(&mut self, op: &[u8], operands: &[Operand<'_>]) {
        let Some(v) = Self::num1(operands) else {
            return;
        };
        match op {
            b"Tc" => self.gs.char_spacing = v,
            b"Tw" => self.gs.word_spacing = v,
            b"Tz" => self.gs.hscale = v / 100.0,
            b"TL" => self.gs.leading = v,
            b"Ts" => self.gs.rise = v,
            _ => {}
        }
    }

    /// `BT`, `Td`, `TD`, `Tm`, `T*`: the text and line matrices.
    fn text_position_op(&mut self, op: &[u8], operands: &[Operand<'_>]) {
        match op {
            b"BT" => {
                self.tm = IDENTITY;
                self.tlm = IDENTITY;
            }
            b"Td" => {
                if let Some([tx, ty]) = Self::nums::<2>(operands) {
                    self.next_line(tx, ty);
                }
            }
            b"TD" => {
                if let Some([tx, ty]) = Self::nums::<2>(operands) {
                    self.gs.leading = -ty;
                    self.next_line(tx, ty);
                }
            }
            b"Tm" => {
                if let Some(m) = Self::nums::<6>(operands)
                    && finite(&m)
                {
                    self.tm = m;
                    self.tlm = m;
                }
            }
            b"T*" => self.next_line(0.0, -self.gs.leading),
            _ => {}
        }
    }

    /// `Tj`, `'`, `"`, `TJ` (with kerning).
    fn text_show_op(&mut self, op: &[u8], operands: &[Operand<'_>]) {
        match op {
            b"Tj" => {
                if let Some(Operand::Str(s)) = operands.last() {
                    self.show(s);
                }
            }
            b"'" => {
                self.next_line(0.0, -self.gs.leading);
                if let Some(Operand::Str(s)) = operands.last() {
                    self.show(s);
                }
            }
            b"\"" => {
                if let [.., Operand::Num(aw), Operand::Num(ac), Operand::Str(s)] = operands {
                    self.gs.word_spacing = *aw;
                    self.gs.char_spacing = *ac;
                    self.next_line(0.0, -self.gs.leading);
                    self.show(s);
                }
            }
            b"TJ" => {
                if let Some(Operand::Array(items)) = operands.last() {
                    for item in items {
                        match item {
                            Operand::Str(s) => self.show(s),
                            Operand::Num(n) => {
                                let tx = -n / 1000.0 * self.gs.font_size * self.gs.hscale;
                                advance(&mut self.tm, tx);
                            }
                            _ => {}
                        }
                    }
                }
            }
            _ => {}
        }
    }

    fn next_line(&mut self, tx: f64, ty: f64) {
        let m = mul(&[1.0, 0.0, 0.0, 1.0, tx, ty], &self.tlm);
        if finite(&m) {
            self.tlm = m;
            self.tm = m;
        }
    }

    fn lookup_font(&mut self, resources: Option<&'a Dictionary>, name: &[u8]) -> Result<Option<Arc<Font>>, PdfError> {
        let doc = self.ctx.doc;
        let Some(dict) = resources
            .and_then(|r| obj::get_dict(doc, r, b"Font"))
            .and_then(|fonts| obj::get_dict(doc, fonts, name))
        else {
            return Ok(None);
        };
        let key = dict as *const Dictionary as usize;
        if let Some(f) = self.local_fonts.get(&key) {
            return Ok(Some(f.clone()));
        }
        let f = self.ctx.font(dict)?;
        self.local_fonts.insert(key, f.clone());
        Ok(Some(f))
    }

    fn show(&mut self, bytes: &[u8]) {
        let Some(font) = self.gs.font.clone() else {
            return;
        };
        let fs = self.gs.font_size;
        let th = self.gs.hscale;
        let tc = self.gs.char_spacing;
        let tw = self.gs.word_spacing;
        let rise = self.gs.rise;
        let base = mul(&self.gs.ctm, &self.page_xform);
        let mut m = mul(&self.tm, &base);
        if !finite(&m) {
            return;
        }
        let dir_len = m[0].hypot(m[1]);
        let up_len = m[2].hypot(m[3]);
        let size = (fs * up_len * font.height_scale).abs();
        let orient = orientation(m[0], m[1]);
        let space_w = font.space_width * fs.abs() * th.abs() * dir_len;
        let (pw, ph) = (self.page_w, self.page_h);
        let out = &mut self.out;
        let mut tm = self.tm;
        font.for_each_glyph(bytes, |g| {
            let (ox, oy) = (m[4], m[5]);
            let vis = g.width * fs * th;
            let mut tx = (g.width * fs + tc) * th;
            if g.is_space_code {
                tx += tw * th;
            }
            // Keep glyphs on (or near) the page.
            let margin = size.max(1.0);
            let inside = ox >= -margin && oy >= -margin && ox <= pw + margin && oy <= ph + margin;
            if inside && out.glyphs.len() < MAX_GLYPHS {
                let start = out.text.len();
                match &g.text {
                    Some(t) => out.text.push_str(t),
                    None => out.unmapped += 1,
                }
                let len = (out.text.len() - start).min(usize::from(u16::MAX));
                let (x, y) = rotate_frame(orient, ox, oy);
                out.glyphs.push(Glyph {
                    x: x as f32,
                    y: y as f32,
                    w: (vis * dir_len).abs() as f32,
                    size: size as f32,
                    space_w: space_w as f32,
                    rise: (rise * up_len) as f32,
                    start: u32::try_from(start).unwrap_or(u32::MAX),
                    len: len as u16,
                    orient,
                });
            }
            advance(&mut tm, tx);
            advance(&mut m, tx);
        });
        self.tm = tm;
    }

    fn do_xobject(&mut self, resources: Option<&'a Dictionary>, name: &[u8], depth: usize) -> Result<(), PdfError> {
        let doc = self.ctx.doc;
        let Some(entry) = resources
            .and_then(|r| obj::get_dict(doc, r, b"XObject"))
            .and_then(|x| x.get(name).ok())
        else {
            return Ok(());
        };
        let (id, target) = obj::resolve_with_id(doc, entry);
        let Object::Stream(stream) = target else {
            return Ok(());
        };
        match obj::get_name(doc, &stream.dict, b"Subtype") {
            Some(b"Form") => {}
            Some(b"Image") => {
                self.out.images += 1;
                return Ok(());
            }
            _ => return Ok(()),
        }
        let Some(id) = id else { return Ok(()) };
        if self.chain.contains(&id) {
            // A form that (indirectly) draws itself: skip the repetition.
            return Ok(());
        }
        if depth + 1 > self.ctx.budget.max_depth {
            return Err(PdfError::Nesting(format!(
                "Form XObjects are nested deeper than {}",
                self.ctx.budget.max_depth
            )));
        }
        let content = self.ctx.form_content(id, stream)?;
        let form_res = obj::get_dict(doc, &stream.dict, b"Resources").or(resources);
        let matrix = stream
            .dict
            .get(b"Matrix")
            .ok()
            .and_then(|m| obj::num_array::<6>(doc, m))
            .unwrap_or(IDENTITY);
        let saved_gs = self.gs.clone();
        let saved_stack = self.stack.len();
        let (saved_tm, saved_tlm) = (self.tm, self.tlm);
        self.concat_ctm(&matrix);
        self.chain.push(id);
        let result = self.run(&content, form_res, depth + 1);
        self.chain.pop();
        self.gs = saved_gs;
        self.stack.truncate(saved_stack);
        self.tm = saved_tm;
        self.tlm = saved_tlm;
        result
    }
}

/// Quarter-turn orientation of a writing direction in reading space.
fn orientation(dx: f64, dy: f64) -> u8 {
    if dx.abs() >= dy.abs() {
        if dx >= 0.0 { 0 } else { 2 }
    } else if dy > 0.0 {
        1
    } else {
        3
    }
}

/// Rotates a reading-space point into the frame of orientation `o`, where
/// that orientation's text runs left to right with lines stacking downwards.
fn rotate_frame(o: u8, x: f64, y: f64) -> (f64, f64) {
    match o {
        1 => (y, -x),
        2 => (-x, -y),
        3 => (-y, x),
        _ => (x, y),
    }
}
