//! Builders for the small PDFs the tests need, made with lopdf in code.
#![allow(dead_code)]

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, dictionary};

pub struct TestPdf {
    pub doc: Document,
    pages_id: ObjectId,
    kids: Vec<Object>,
}

impl Default for TestPdf {
    fn default() -> Self {
        Self::new()
    }
}

impl TestPdf {
    pub fn new() -> Self {
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        TestPdf {
            doc,
            pages_id,
            kids: Vec::new(),
        }
    }

    pub fn add(&mut self, o: impl Into<Object>) -> ObjectId {
        self.doc.add_object(o.into())
    }

    /// Adds a stream, Flate-compressed when `compress` is set.
    pub fn stream(&mut self, dict: Dictionary, content: &[u8], compress: bool) -> ObjectId {
        let mut s = Stream::new(dict, content.to_vec());
        if compress {
            let _ = s.compress();
        }
        self.add(s)
    }

    /// Adds a page with the given content, resources and extra page entries.
    pub fn page_with(&mut self, content: &[u8], resources: Dictionary, extra: Dictionary) {
        let content_id = self.stream(dictionary! {}, content, true);
        let mut page = dictionary! {
            "Type" => "Page",
            "Parent" => self.pages_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Contents" => content_id,
            "Resources" => resources,
        };
        for (k, v) in extra.iter() {
            page.set(k.clone(), v.clone());
        }
        let id = self.add(page);
        self.kids.push(id.into());
    }

    pub fn page(&mut self, content: &[u8], resources: Dictionary) {
        self.page_with(content, resources, dictionary! {});
    }

    /// Writes the file; `finish_doc` leaves the document for further changes.
    pub fn finish_doc(mut self) -> Document {
        let count = self.kids.len() as i64;
        self.doc.objects.insert(
            self.pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages",
                "Kids" => self.kids,
                "Count" => count,
            }),
        );
        let catalog = self.doc.add_object(dictionary! {
            "Type" => "Catalog",
            "Pages" => self.pages_id,
        });
        self.doc.trailer.set("Root", catalog);
        self.doc
    }

    pub fn finish(self) -> Vec<u8> {
        save(self.finish_doc())
    }
}

pub fn save(mut doc: Document) -> Vec<u8> {
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("save");
    out
}

/// Standard-14 Helvetica with WinAnsiEncoding (no /Widths: approximate metrics).
pub fn helvetica() -> Dictionary {
    dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    }
}

pub fn fonts(list: Vec<(&str, Object)>) -> Dictionary {
    let mut f = Dictionary::new();
    for (name, font) in list {
        f.set(name, font);
    }
    dictionary! { "Font" => f }
}

/// One page with Helvetica as /F1 and the given content.
pub fn one_page(content: &str) -> Vec<u8> {
    let mut pdf = TestPdf::new();
    let font = pdf.add(helvetica());
    pdf.page(content.as_bytes(), fonts(vec![("F1", font.into())]));
    pdf.finish()
}

pub fn text_of(bytes: &[u8]) -> String {
    match protokoll::stages::pdf::extract(bytes, &protokoll::stages::pdf::Limits::default()) {
        Ok(t) => t.pages.join("\u{c}"),
        Err(e) => panic!("extraction failed: {e}"),
    }
}
