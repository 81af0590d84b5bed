//! Footnotes, and the population counts they often state.
//!
//! Which lines are footnotes is layout, found by segmentation
//! ([`crate::segment::footnotes`]), since amounts need it too; this turns
//! each into a record, with the population count its text states ("⁵ 49
//! 326 invånare 2022-06-30": 49 326 on 2022-06-30; in "1 49 173 invånare"
//! the `1` is the marker and the count is 49 173).

use super::Doc;
use super::place::Found;
use crate::grammar::footnotes::POPULATION;
use crate::model::{Footnote, Population, Span};
use crate::swedish::parse_date;

use crate::grammar::fragments::DATE;

/// Every footnote of the document, in document order: the layout's
/// footnote lines (`segment::FootnoteLine`) as records.
pub fn extract(doc: &Doc<'_>) -> Vec<Found<Footnote>> {
    let text = doc.text();
    doc.seg
        .footnotes
        .iter()
        .map(|f| {
            let footnote = Footnote {
                paragraph: None,
                marker: f.marker.clone(),
                text: String::new(),
                population: population(&text[f.range.clone()]),
                span: Span::default(),
            };
            Found::new(f.range.clone(), footnote)
        })
        .collect()
}

/// A population count stated in a footnote text, with its date if given.
pub fn population(text: &str) -> Option<Population> {
    let c = POPULATION.captures(text)?;
    let n = c.name("n1").or(c.name("n2"))?;
    let count: u64 = n.as_str().replace(' ', "").parse().ok()?;
    let date = DATE.find(text).and_then(|d| parse_date(d.as_str()));
    Some(Population { count, date })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn population_forms() {
        let p = population("49 326 invånare 2022-06-30").unwrap();
        assert_eq!((p.count, p.date.as_deref()), (49326, Some("2022-06-30")));
        let p = population("49 173 invånare den 31 december 2023").unwrap();
        assert_eq!((p.count, p.date.as_deref()), (49173, Some("2023-12-31")));
        assert_eq!(population("288 av landets 290 kommuner"), None);
        assert_eq!(population("Tidigare SKL, Sveriges Kommuner och Landsting"), None);
    }
}
