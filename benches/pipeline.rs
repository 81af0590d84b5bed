//! Throughput of each pipeline stage and of the whole pipeline (also with
//! JSON Lines serialization), in bytes/s and documents/s, on the sample
//! documents (`corpus/`) and on the real Göteborg corpus
//! (`../shared/corpora/goteborg.tar.gz`, read in memory; skipped with a
//! message when it is absent), plus PDF text extraction on the PDF fixtures
//! and, in pages/s, on the real PDFs of `../shared/pdf/` (skipped when
//! absent).
//!
//!     cargo bench --bench pipeline
//!     cargo bench --bench pipeline -- goteborg     # one group

use std::io::Read;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use protokoll::SourceText;
use protokoll::model::{ExtractResult, Format, Source};
use protokoll::stages::{Doc, classify, extractors, normalize, pdf, segment};

/// A named set of documents (decoded text).
struct Set {
    name: &'static str,
    docs: Vec<String>,
}

impl Set {
    fn bytes(&self) -> u64 {
        self.docs.iter().map(|d| d.len() as u64).sum()
    }
}

fn corpus() -> Set {
    let mut docs = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir("corpus")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for p in paths {
        docs.push(std::fs::read_to_string(p).unwrap());
    }
    Set { name: "corpus", docs }
}

fn goteborg() -> Option<Set> {
    let path = Path::new("../shared/corpora/goteborg.tar.gz");
    let file = std::fs::File::open(path).ok()?;
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(file));
    let mut docs = Vec::new();
    for entry in archive.entries().ok()? {
        let mut entry = entry.ok()?;
        if !entry.header().entry_type().is_file() {
            continue;
        }
        let mut s = String::new();
        if entry.read_to_string(&mut s).is_ok() {
            docs.push(s);
        }
    }
    Some(Set { name: "goteborg", docs })
}

fn sets() -> Vec<Set> {
    let mut v = vec![corpus()];
    match goteborg() {
        Some(g) => v.push(g),
        None => eprintln!("../shared/corpora/goteborg.tar.gz not found: skipping the Göteborg benchmarks"),
    }
    v
}

fn empty_result() -> ExtractResult {
    ExtractResult::new(Source {
        path: "bench".into(),
        format: Format::Text,
        sha256: String::new(),
        bytes: 0,
        pages: None,
        encoding: None,
    })
}

fn stages(c: &mut Criterion) {
    for set in sets() {
        let sources: Vec<SourceText> = set
            .docs
            .iter()
            .map(|d| SourceText::new(d.clone(), Format::Text))
            .collect();
        let norms: Vec<_> = sources.iter().map(|s| normalize(&s.text)).collect();
        let segs: Vec<_> = norms.iter().map(|n| segment(&n.text)).collect();
        let classes: Vec<_> = norms.iter().zip(&segs).map(|(n, s)| classify(n, s)).collect();
        let docs: Vec<Doc<'_>> = sources
            .iter()
            .zip(&norms)
            .zip(&segs)
            .zip(&classes)
            .map(|(((source, norm), seg), class)| Doc {
                source,
                norm,
                seg,
                class,
                deadline: None,
            })
            .collect();

        // every stage in both units: bytes/s and documents/s
        let units = [
            ("bytes", Throughput::Bytes(set.bytes())),
            ("documents", Throughput::Elements(set.docs.len() as u64)),
        ];
        for (unit, throughput) in units {
            let mut g = c.benchmark_group(format!("{}-{unit}", set.name));
            g.throughput(throughput);
            g.sample_size(10);
            g.bench_function("decode+normalize", |b| {
                b.iter(|| {
                    for d in &set.docs {
                        let decoded = protokoll::stages::decode(Path::new("x.txt"), d.as_bytes()).unwrap();
                        std::hint::black_box(normalize(&decoded.text));
                    }
                })
            });
            g.bench_function("segment", |b| {
                b.iter(|| norms.iter().map(|n| segment(&n.text).lines.len()).sum::<usize>())
            });
            macro_rules! extractor {
                ($name:literal, $f:expr) => {
                    g.bench_function(BenchmarkId::new("extract", $name), |b| {
                        b.iter(|| docs.iter().map(|d| $f(d)).sum::<usize>())
                    });
                };
            }
            extractor!("paragraphs", |d: &Doc<'_>| extractors::paragraphs(d).len());
            extractor!("footnotes", |d: &Doc<'_>| extractors::footnotes(d).len());
            extractor!("amounts", |d: &Doc<'_>| extractors::amounts(d).len());
            extractor!("recipients", |d: &Doc<'_>| extractors::recipients(d).len());
            extractor!("document", |d: &Doc<'_>| usize::from(
                extractors::document(d).body.is_some()
            ));
            extractor!("votes", |d: &Doc<'_>| extractors::votes(d).len());
            extractor!("decisions", |d: &Doc<'_>| extractors::decisions(d).len());
            extractor!("motions", |d: &Doc<'_>| extractors::motions(d).len());
            extractor!("reservations", |d: &Doc<'_>| extractors::reservations(d).len());
            extractor!("notes", |d: &Doc<'_>| extractors::notes(d).len());
            g.bench_function("end-to-end", |b| {
                b.iter(|| {
                    for s in &sources {
                        let mut r = empty_result();
                        protokoll::extract_source(s, &mut r, None).unwrap();
                        std::hint::black_box(r);
                    }
                })
            });
            // and each result serialized as a JSON line into a buffered writer
            g.bench_function("end-to-end+jsonl", |b| {
                b.iter(|| {
                    let mut out = std::io::BufWriter::new(std::io::sink());
                    for s in &sources {
                        let mut r = empty_result();
                        protokoll::extract_source(s, &mut r, None).unwrap();
                        protokoll::output::write_jsonl(&mut out, &r).unwrap();
                    }
                })
            });
            g.finish();
        }
    }
}

fn pdf(c: &mut Criterion) {
    let mut files: Vec<Vec<u8>> = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir("fixtures/pdf")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.retain(|p| p.extension().is_some_and(|e| e == "pdf"));
    paths.sort();
    for p in &paths {
        files.push(std::fs::read(p).unwrap());
    }
    let bytes: u64 = files.iter().map(|f| f.len() as u64).sum();
    let mut g = c.benchmark_group("pdf-text");
    g.throughput(Throughput::Bytes(bytes));
    g.sample_size(20);
    g.bench_function("fixtures/pdf", |b| {
        b.iter(|| {
            for f in &files {
                std::hint::black_box(pdf::extract(f, &pdf::Limits::default()).unwrap());
            }
        })
    });
    g.finish();
}

/// The real municipal PDFs of `../shared/pdf/` (Word/PDFMaker, Print to
/// PDF, InDesign, LibreOffice): text extraction in pages/s and bytes/s, one
/// thread, as `protokoll text` does it. Skipped with a message when absent.
fn pdf_real(c: &mut Criterion) {
    let Ok(dir) = std::fs::read_dir("../shared/pdf") else {
        eprintln!("../shared/pdf not found: skipping the real-PDF benchmarks");
        return;
    };
    let mut paths: Vec<_> = dir.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.retain(|p| p.extension().is_some_and(|e| e == "pdf"));
    paths.sort();
    let files: Vec<Vec<u8>> = paths.iter().filter_map(|p| std::fs::read(p).ok()).collect();
    let limits = pdf::Limits::default();
    let pages: u64 = files
        .iter()
        .filter_map(|f| pdf::extract(f, &limits).ok())
        .map(|t| t.pages.len() as u64)
        .sum();
    let bytes: u64 = files.iter().map(|f| f.len() as u64).sum();
    let run = |b: &mut criterion::Bencher<'_>| {
        b.iter(|| {
            for f in &files {
                let _ = std::hint::black_box(pdf::extract(f, &limits));
            }
        })
    };
    let mut g = c.benchmark_group("pdf-real-pages");
    g.throughput(Throughput::Elements(pages));
    g.sample_size(10);
    g.bench_function("shared/pdf", run);
    g.finish();
    let mut g = c.benchmark_group("pdf-real-bytes");
    g.throughput(Throughput::Bytes(bytes));
    g.sample_size(10);
    g.bench_function("shared/pdf", run);
    g.finish();
}

criterion_group!(benches, stages, pdf, pdf_real);
criterion_main!(benches);
