//! Extracts the text layer of PDF files, one string per page.
//!
//! Built for Swedish municipal meeting minutes (the "protokoll" tool), where
//! the text must come out in reading order with correct å ä ö, word spacing,
//! table rows kept on one line and footnote markers kept as superscripts.
//!
//! lopdf (0.47) parses the file structure and decrypts files that open with
//! the empty user password; everything from there on is ours: stream decoding
//! under a byte budget (`decode.rs`), a content-stream tokenizer (`lexer.rs`)
//! and interpreter (`content.rs`), font handling (`fonts.rs`, `cmap.rs`,
//! `encoding.rs`, `glyphlist.rs`, `tables.rs`) and line assembly (`layout.rs`).
//!
//! Untrusted input is the norm: [`extract`] never panics (a last-resort
//! `catch_unwind` turns a panic into [`PdfError::Damaged`]), and the
//! [`Limits`] bound decoded bytes, operators per page, nesting and time.
//!
//! How the decoded-bytes cap is enforced: lopdf 0.47 decodes object streams
//! and cross-reference streams while loading, each bounded by
//! `LoadOptions::max_decompressed_size` (set here to the cap) but not counted
//! across streams; it does not decode content streams at load. We pass a
//! load filter that decodes every object stream itself, charging the per-file
//! budget, and hands lopdf the plain data; page and form content is decoded
//! on demand by `decode.rs`, also charged. Encrypted files bypass lopdf's load
//! filter, so for them only lopdf's per-stream bound applies at load time.
//!
//! Deep nesting: lopdf 0.47's object parser stops at 100 levels of arrays or
//! dictionaries (`reader::MAX_NESTING_DEPTH`), so 10 000 nested arrays do not
//! overflow even a 2 MiB thread stack (tested); the offending object is
//! dropped. No byte pre-scan is needed. Our own content lexer builds arrays
//! iteratively and refuses nesting beyond `max_depth` with
//! [`PdfError::Nesting`]; Form XObjects are bounded the same way.

#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic,
        clippy::unreachable,
        clippy::todo,
        clippy::print_stdout,
        clippy::print_stderr
    )
)]

mod budget;
mod cmap;
mod content;
mod decode;
mod encoding;
mod fonts;
mod glyphlist;
mod layout;
mod lexer;
mod obj;
mod tables;

use budget::Budget;
use content::{DocCtx, Interp};
use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId};
use rayon::prelude::*;
use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

/// Resource limits for one [`extract`] call.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Cap on total decoded (decompressed) stream bytes per file.
    pub max_decoded_bytes: u64,
    /// Cap on content-stream operators per page (including forms it draws).
    pub max_ops_per_page: usize,
    /// Cap on Form XObject / array nesting depth.
    pub max_depth: usize,
    /// Per-file time budget; checked regularly, exceeding it gives `Timeout`.
    pub deadline: Option<std::time::Instant>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_decoded_bytes: 256 * 1024 * 1024,
            max_ops_per_page: 2_000_000,
            max_depth: 32,
            deadline: None,
        }
    }
}

/// The text of a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PdfText {
    /// One string per page, in page order; lines separated by `'\n'`.
    pub pages: Vec<String>,
}

/// Why no text could be extracted.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// Encrypted and cannot be opened with an empty user password.
    #[error("encrypted PDF: {0}")]
    Encrypted(String),
    /// No text layer at all (a scan): OCR is needed.
    #[error("no text layer: {0}")]
    NoText(String),
    /// Cannot be parsed even with recovery.
    #[error("damaged PDF: {0}")]
    Damaged(String),
    /// The decoded-bytes cap was hit.
    #[error("too large: {0}")]
    TooLarge(String),
    /// The deadline passed.
    #[error("timeout: {0}")]
    Timeout(String),
    /// Nesting or operator caps were hit.
    #[error("nesting limit: {0}")]
    Nesting(String),
}

/// Counters from one extraction, for diagnostics and logging.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Glyphs shown on the pages (including unmapped ones).
    pub glyphs: usize,
    /// Glyphs whose font gives no Unicode (e.g. Identity-H without ToUnicode);
    /// they produce no text.
    pub unmapped_glyphs: usize,
    /// Images drawn (XObjects and inline).
    pub images: usize,
    /// Stream bytes decoded (charged against `max_decoded_bytes`).
    pub decoded_bytes: u64,
    /// Content streams whose data could not be decoded to the end.
    pub damaged_streams: u64,
}

/// Pages from which work is spread over rayon's thread pool.
const PARALLEL_MIN_PAGES: usize = 8;
/// Most pages read from a page tree.
const MAX_PAGES: usize = 100_000;
/// Memory lopdf needs per indirect object it loads (its object map, the
/// object and the cross-reference entry), measured on a file of 4 million
/// tiny objects (5.9 GB).
const BYTES_PER_LOADED_OBJECT: u64 = 1_500;
/// The memory a file may take: this many times its size...
const MEMORY_PER_INPUT_BYTE: u64 = 20;
/// ...plus this much.
const MEMORY_BASE: u64 = 64 << 20;

/// Refuses, before lopdf loads it, a file of so many objects for its size
/// that loading them would take more than [`MEMORY_PER_INPUT_BYTE`] times
/// the file plus [`MEMORY_BASE`]. Objects are counted by their `obj`
/// keyword (one linear scan); real documents have hundreds of bytes per
/// object, far from the limit (a file of 25-byte objects is not a minute).
fn check_object_count(bytes: &[u8]) -> Result<(), PdfError> {
    let objects = memchr::memmem::find_iter(bytes, b" obj").count() as u64;
    let allowed = (bytes.len() as u64)
        .saturating_mul(MEMORY_PER_INPUT_BYTE)
        .saturating_add(MEMORY_BASE);
    if objects.saturating_mul(BYTES_PER_LOADED_OBJECT) > allowed {
        return Err(PdfError::TooLarge(format!(
            "{objects} objects in {} bytes: loading them would need about {} MB",
            bytes.len(),
            objects.saturating_mul(BYTES_PER_LOADED_OBJECT) >> 20
        )));
    }
    Ok(())
}

/// Extracts the text layer of a PDF held in memory.
pub fn extract(bytes: &[u8], limits: &Limits) -> Result<PdfText, PdfError> {
    extract_with_stats(bytes, limits).map(|(text, _)| text)
}

/// Like [`extract`], also returning [`Stats`].
pub fn extract_with_stats(bytes: &[u8], limits: &Limits) -> Result<(PdfText, Stats), PdfError> {
    match catch_unwind(AssertUnwindSafe(|| extract_inner(bytes, limits))) {
        Ok(r) => r,
        Err(payload) => {
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown".to_string());
            Err(PdfError::Damaged(format!("internal panic: {msg}")))
        }
    }
}

thread_local! {
    /// Budget used by the load filter (lopdf's filter is a plain `fn`).
    static LOAD_BUDGET: RefCell<Option<Arc<Budget>>> = const { RefCell::new(None) };
    /// Set by the load filter when the budget ran out.
    static LOAD_EXCEEDED: Cell<bool> = const { Cell::new(false) };
}

/// lopdf load filter: decodes object streams under our budget and hands
/// lopdf the plain data, so that their size is counted per file.
///
/// lopdf 0.47 ignores the returned object for top-level objects (it keeps the
/// one mutated in place) and uses it for members of object streams (never
/// streams themselves); so streams return `Null` there to avoid a copy.
fn load_filter(id: ObjectId, object: &mut Object) -> Option<(ObjectId, Object)> {
    if let Object::Stream(stream) = object {
        let is_objstm = matches!(stream.dict.get(b"Type"), Ok(Object::Name(n)) if n == b"ObjStm");
        if is_objstm && stream.dict.has(b"Filter") {
            let decoded = LOAD_BUDGET.with(|cell| {
                let guard = cell.borrow();
                let budget = guard.as_ref()?;
                Some(decode::decode_stream(None, stream, budget).map(|d| d.into_owned()))
            });
            match decoded {
                Some(Ok(data)) => stream.set_plain_content(data),
                Some(Err(_)) => {
                    LOAD_EXCEEDED.with(|c| c.set(true));
                    return None;
                }
                None => {}
            }
        }
        return Some((id, Object::Null));
    }
    Some((id, object.clone()))
}

fn load_with(bytes: &[u8], budget: &Arc<Budget>, reconstruct: bool) -> Result<Document, PdfError> {
    LOAD_BUDGET.with(|c| *c.borrow_mut() = Some(budget.clone()));
    LOAD_EXCEEDED.with(|c| c.set(false));
    let options = LoadOptions {
        max_decompressed_size: Some(usize::try_from(budget.remaining()).unwrap_or(usize::MAX)),
        filter: Some(load_filter),
        force_reconstruct: reconstruct,
        ..LoadOptions::default()
    };
    let result = Document::load_mem_with_options(bytes, options);
    LOAD_BUDGET.with(|c| *c.borrow_mut() = None);
    if LOAD_EXCEEDED.with(Cell::get) {
        return Err(budget.too_large());
    }
    result.map_err(|e| map_load_error(e, budget))
}

fn map_load_error(e: lopdf::Error, budget: &Budget) -> PdfError {
    use lopdf::Error as E;
    match e {
        E::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => budget.too_large(),
        E::InvalidPassword | E::Decryption(_) | E::AlreadyEncrypted => {
            PdfError::Encrypted(format!("cannot decrypt with an empty password: {e}"))
        }
        E::Unimplemented(msg) if msg.contains("encrypt") => PdfError::Encrypted(msg.to_string()),
        other => PdfError::Damaged(format!("cannot parse the file: {other}")),
    }
}

fn extract_inner(bytes: &[u8], limits: &Limits) -> Result<(PdfText, Stats), PdfError> {
    let budget = Arc::new(Budget::new(limits));
    budget.check_time()?;
    if !bytes.windows(5).any(|w| w == b"%PDF-") {
        return Err(PdfError::Damaged("not a PDF file (no %PDF- header)".to_string()));
    }
    check_object_count(bytes)?;
    let mut doc = load_with(bytes, &budget, false)?;
    if doc.is_encrypted() {
        return Err(PdfError::Encrypted(
            "the file is encrypted and does not open with an empty user password".to_string(),
        ));
    }
    let mut pages = collect_pages(&doc);
    if pages.is_empty() {
        // The page tree did not load: rebuild the cross-reference table.
        budget.check_time()?;
        if let Ok(rebuilt) = load_with(bytes, &budget, true)
            && !rebuilt.is_encrypted()
            && !collect_pages(&rebuilt).is_empty()
        {
            doc = rebuilt;
            pages = collect_pages(&doc);
        }
    }
    if pages.is_empty() {
        return Err(PdfError::Damaged("no pages could be found".to_string()));
    }
    let ctx = DocCtx::new(&doc, &budget);
    let results: Vec<Result<PageOut, PdfError>> =
        if pages.len() >= PARALLEL_MIN_PAGES && rayon::current_num_threads() > 1 {
            pages.par_iter().map(|p| page_text(&ctx, p)).collect()
        } else {
            pages.iter().map(|p| page_text(&ctx, p)).collect()
        };
    let mut text = PdfText::default();
    let mut stats = Stats::default();
    for r in results {
        let p = r?;
        stats.glyphs += p.glyphs;
        stats.unmapped_glyphs += p.unmapped;
        stats.images += p.images;
        text.pages.push(p.text);
    }
    stats.decoded_bytes = budget.decoded();
    stats.damaged_streams = budget.damaged();
    let has_text = text.pages.iter().any(|p| p.chars().any(|c| !c.is_whitespace()));
    if !has_text {
        return Err(if stats.damaged_streams > 0 && stats.glyphs == 0 {
            PdfError::Damaged(format!(
                "{} could not be decoded (damaged data) and no text remains on {}",
                count(stats.damaged_streams as usize, "content stream"),
                count(text.pages.len(), "page")
            ))
        } else if stats.unmapped_glyphs > 0 {
            PdfError::NoText(format!(
                "the file draws {} glyphs but its fonts give no Unicode mapping for them \
                 (no ToUnicode); it needs OCR",
                stats.unmapped_glyphs
            ))
        } else {
            PdfError::NoText(format!(
                "no text on any of the {} pages ({} images): the file looks scanned and needs OCR",
                text.pages.len(),
                stats.images
            ))
        });
    }
    Ok((text, stats))
}

/// "1 page", "2 pages".
fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

struct PageOut {
    text: String,
    glyphs: usize,
    unmapped: usize,
    images: usize,
}

fn page_text(ctx: &DocCtx<'_>, page: &PageInfo<'_>) -> Result<PageOut, PdfError> {
    ctx.budget.check_time()?;
    let content = page_content(ctx, page.dict)?;
    let mut interp = Interp::new(ctx, page.media_box, page.rotate);
    interp.run(&content, page.resources, 0)?;
    let glyphs = interp.finish();
    ctx.budget.check_time()?;
    let text = layout::layout(&glyphs);
    Ok(PageOut {
        text,
        glyphs: glyphs.glyphs.len(),
        unmapped: glyphs.unmapped,
        images: glyphs.images,
    })
}

/// The page's content streams, decoded and joined.
fn page_content(ctx: &DocCtx<'_>, page: &Dictionary) -> Result<Vec<u8>, PdfError> {
    let doc = ctx.doc;
    let mut out = Vec::new();
    let Some(contents) = obj::get(doc, page, b"Contents") else {
        return Ok(out);
    };
    let parts: Vec<&Object> = match contents {
        Object::Array(a) => a.iter().map(|o| obj::resolve(doc, o)).collect(),
        other => vec![other],
    };
    for part in parts {
        if let Object::Stream(s) = part {
            let data = decode::decode_stream(Some(doc), s, ctx.budget)?;
            out.extend_from_slice(&data);
            out.push(b'\n');
        }
    }
    Ok(out)
}

/// What a page needs for interpretation, with inherited attributes resolved.
struct PageInfo<'a> {
    dict: &'a Dictionary,
    resources: Option<&'a Dictionary>,
    media_box: [f64; 4],
    rotate: i64,
}

#[derive(Clone, Copy)]
struct Inherited<'a> {
    resources: Option<&'a Dictionary>,
    media_box: Option<[f64; 4]>,
    rotate: Option<i64>,
}

fn read_box(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<[f64; 4]> {
    let [a, b, c, d] = obj::num_array::<4>(doc, dict.get(key).ok()?)?;
    let (x0, x1) = (a.min(c), a.max(c));
    let (y0, y1) = (b.min(d), b.max(d));
    (x1 - x0 > 0.0 && y1 - y0 > 0.0).then_some([x0, y0, x1, y1])
}

fn inherit<'a>(doc: &'a Document, dict: &'a Dictionary, parent: Inherited<'a>) -> Inherited<'a> {
    Inherited {
        resources: obj::get_dict(doc, dict, b"Resources").or(parent.resources),
        media_box: read_box(doc, dict, b"MediaBox").or(parent.media_box),
        rotate: obj::get_num(doc, dict, b"Rotate").map(|r| r as i64).or(parent.rotate),
    }
}

fn page_info<'a>(dict: &'a Dictionary, inh: Inherited<'a>) -> PageInfo<'a> {
    let rotate = inh.rotate.unwrap_or(0).rem_euclid(360);
    PageInfo {
        dict,
        resources: inh.resources,
        media_box: inh.media_box.unwrap_or([0.0, 0.0, 612.0, 792.0]),
        rotate: (rotate + 45) / 90 * 90 % 360,
    }
}

/// Walks the page tree iteratively (no recursion, cycles skipped).
fn collect_pages(doc: &Document) -> Vec<PageInfo<'_>> {
    let mut pages = Vec::new();
    let root = doc
        .trailer
        .get(b"Root")
        .ok()
        .map(|r| obj::resolve(doc, r))
        .and_then(obj::as_dict)
        .and_then(|cat| cat.get(b"Pages").ok());
    let mut seen: HashSet<ObjectId> = HashSet::new();
    let none = Inherited {
        resources: None,
        media_box: None,
        rotate: None,
    };
    let mut stack: Vec<(&Object, Inherited<'_>)> = root.map(|r| (r, none)).into_iter().collect();
    while let Some((node, inh)) = stack.pop() {
        if pages.len() >= MAX_PAGES {
            break;
        }
        let (id, target) = obj::resolve_with_id(doc, node);
        if let Some(id) = id
            && !seen.insert(id)
        {
            continue;
        }
        let Some(dict) = obj::as_dict(target) else {
            continue;
        };
        let inh = inherit(doc, dict, inh);
        let is_page = obj::get_name(doc, dict, b"Type") == Some(b"Page");
        match obj::get_array(doc, dict, b"Kids") {
            Some(kids) if !is_page => {
                for kid in kids.iter().rev() {
                    stack.push((kid, inh));
                }
            }
            _ => pages.push(page_info(dict, inh)),
        }
    }
    if pages.is_empty() {
        // No usable page tree: take every page object, in object order.
        for (_, o) in doc.objects.iter() {
            if let Some(dict) = obj::as_dict(o)
                && obj::get_name(doc, dict, b"Type") == Some(b"Page")
            {
                let mut inh = none;
                let mut chain = vec![dict];
                let mut cur = dict;
                for _ in 0..32 {
                    match obj::get_dict(doc, cur, b"Parent") {
                        Some(p) => {
                            chain.push(p);
                            cur = p;
                        }
                        None => break,
                    }
                }
                for d in chain.into_iter().rev() {
                    inh = inherit(doc, d, inh);
                }
                pages.push(page_info(dict, inh));
                if pages.len() >= MAX_PAGES {
                    break;
                }
            }
        }
    }
    pages
}
