//! `protokoll show`: one self-contained HTML page that puts every record of
//! a document next to its source text, for auditing a record where it
//! stands.
//!
//! The page holds the text `protokoll text` prints (the text spans index
//! into), cut into segments at every record's span start and end; each
//! segment covered by records names them (`data-r="3 7"`), so a record's
//! span is exactly the segments that name it. A list of the records by kind
//! scrolls to and highlights a record when clicked; clicking highlighted
//! text selects the innermost record there; the selected record's fields
//! show in a panel, and each segment's records in its tooltip. Styles and
//! script are inline: the page works offline, from a file, with no CDN.
//!
//! For tests and scripts, opening the page as `page.html#select=N,M,…`
//! clicks the list entries of records N, M, … on load and writes the text
//! then highlighted to the `data-selected-N` attribute of `<body>`, which a
//! headless browser's dumped DOM shows (`tests/show.rs`).

use serde_json::Value;

use crate::model::ExtractResult;

/// One record of the page: its kind, span and fields.
struct Record {
    kind: String,
    start: usize,
    end: usize,
    label: String,
    fields: Value,
}

/// The records of a result that have a span, in the contract's kind order.
fn records(result: &ExtractResult) -> Vec<Record> {
    let value = serde_json::to_value(result).unwrap_or_default();
    let mut out = Vec::new();
    for kind in crate::model::RECORD_KINDS {
        for r in value[*kind].as_array().into_iter().flatten() {
            let (Some(start), Some(end)) = (r["span"]["start"].as_u64(), r["span"]["end"].as_u64()) else {
                continue;
            };
            let label = ["text", "name", "title", "number"]
                .iter()
                .find_map(|k| r[*k].as_str())
                .unwrap_or_default();
            out.push(Record {
                kind: kind.to_string(),
                start: start as usize,
                end: end as usize,
                label: label.chars().take(90).collect(),
                fields: r.clone(),
            });
        }
    }
    out
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// The text cut at every span boundary, each piece with the records that
/// cover it (innermost first).
fn segments<'t>(text: &'t str, records: &[Record]) -> Vec<(&'t str, Vec<usize>)> {
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for r in records {
        cuts.extend([r.start.min(text.len()), r.end.min(text.len())]);
    }
    cuts.retain(|&c| text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    // records by start, swept once: each joins the active set at its start
    let mut by_start: Vec<usize> = (0..records.len()).collect();
    by_start.sort_by_key(|&i| (records[i].start, std::cmp::Reverse(records[i].end)));
    let mut next = 0;
    let mut active: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        while next < by_start.len() && records[by_start[next]].start <= a {
            active.push(by_start[next]);
            next += 1;
        }
        active.retain(|&i| records[i].end > a);
        let mut covering: Vec<usize> = active.iter().copied().filter(|&i| records[i].end >= b).collect();
        covering.sort_by_key(|&i| records[i].end - records[i].start);
        out.push((&text[a..b], covering));
    }
    out
}

const STYLE: &str = "\
body{margin:0;font:14px/1.45 system-ui,sans-serif;display:grid;grid-template-columns:22rem 1fr;height:100vh}
#list{overflow:auto;border-right:1px solid #ccc;padding:.5rem}
#list summary{font-weight:600;cursor:pointer;margin-top:.4rem}
#list li{cursor:pointer;padding:.1rem .3rem;list-style:none;border-radius:3px}
#list li:hover{background:#eef}
#list li.sel{background:#ffd54f}
#list ul{padding-left:.5rem;margin:.2rem 0}
main{overflow:auto;display:grid;grid-template-rows:1fr auto}
pre{margin:0;padding:1rem;white-space:pre-wrap;font:13px/1.5 ui-monospace,monospace}
.r{background:#e3f2fd;cursor:pointer}
.r.n2{background:#bbdefb}
.r.active{background:#ffd54f;outline:1px solid #f9a825}
#fields{margin:0;max-height:14rem;overflow:auto;border-top:1px solid #ccc;background:#fafafa;padding:.5rem 1rem}
";

const SCRIPT: &str = r#"
const recs = JSON.parse(document.getElementById('records').textContent);
function segs(id) { return document.querySelectorAll('[data-r~="' + id + '"]'); }
function select(id) {
  document.querySelectorAll('.active').forEach(e => e.classList.remove('active'));
  document.querySelectorAll('#list li.sel').forEach(e => e.classList.remove('sel'));
  const s = segs(id);
  s.forEach(e => e.classList.add('active'));
  if (s.length) s[0].scrollIntoView({block: 'center'});
  const li = document.getElementById('rec-' + id);
  if (li) li.classList.add('sel');
  document.getElementById('fields').textContent = recs[id].kind + ' #' + id + '\n' + JSON.stringify(recs[id].fields, null, 2);
  return Array.from(s).map(e => e.textContent).join('');
}
document.getElementById('list').addEventListener('click', e => {
  const li = e.target.closest('li[data-id]');
  if (li) select(+li.dataset.id);
});
document.getElementById('text').addEventListener('click', e => {
  const seg = e.target.closest('[data-r]');
  if (seg) select(+seg.dataset.r.split(' ')[0]);
});
const m = location.hash.match(/^#select=([\d,]+)$/);
if (m) for (const id of m[1].split(',')) {
  document.getElementById('rec-' + id).click();
  const shown = Array.from(document.querySelectorAll('#text .active')).map(e => e.textContent).join('');
  document.body.setAttribute('data-selected-' + id, shown);
}
"#;

/// The page for one document: `result` extracted from it, `text` the
/// source text its spans index into.
pub fn page(result: &ExtractResult, text: &str) -> String {
    let recs = records(result);
    let mut html = String::with_capacity(text.len() * 2 + 4096);
    html.push_str("<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">\n<title>");
    html.push_str(&escape(&result.source.path));
    html.push_str(" · protokoll</title>\n<style>");
    html.push_str(STYLE);
    html.push_str("</style></head>\n<body>\n<nav id=\"list\">\n<strong>");
    html.push_str(&escape(&result.source.path));
    html.push_str(&format!("</strong><br>{} records", recs.len()));
    for kind in crate::model::RECORD_KINDS {
        let of_kind: Vec<(usize, &Record)> = recs.iter().enumerate().filter(|(_, r)| r.kind == *kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        html.push_str(&format!(
            "\n<details open><summary>{kind} ({})</summary><ul>",
            of_kind.len()
        ));
        for (id, r) in of_kind {
            html.push_str(&format!(
                "\n<li id=\"rec-{id}\" data-id=\"{id}\">{}</li>",
                escape(&r.label)
            ));
        }
        html.push_str("</ul></details>");
    }
    html.push_str("\n</nav>\n<main><pre id=\"text\">");
    for (piece, covering) in segments(text, &recs) {
        if covering.is_empty() {
            html.push_str(&escape(piece));
            continue;
        }
        let ids: Vec<String> = covering.iter().map(usize::to_string).collect();
        let tip: Vec<String> = covering
            .iter()
            .map(|&i| format!("{}: {}", recs[i].kind, recs[i].label))
            .collect();
        html.push_str(&format!(
            "<span class=\"r{}\" data-r=\"{}\" title=\"{}\">{}</span>",
            if covering.len() > 1 { " n2" } else { "" },
            ids.join(" "),
            escape(&tip.join("\n")),
            escape(piece)
        ));
    }
    html.push_str("</pre>\n<pre id=\"fields\">Click a record in the list or in the text.</pre></main>\n");
    let data: Vec<Value> = recs
        .iter()
        .map(|r| serde_json::json!({"kind": r.kind, "fields": r.fields}))
        .collect();
    let json = serde_json::to_string(&data).unwrap_or_else(|_| "[]".into());
    html.push_str("<script type=\"application/json\" id=\"records\">");
    // a `</script>` inside the data would end the element
    html.push_str(&json.replace("</", "<\\/"));
    html.push_str("</script>\n<script>");
    html.push_str(SCRIPT);
    html.push_str("</script>\n</body></html>\n");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(start: usize, end: usize) -> Record {
        Record {
            kind: "amounts".into(),
            start,
            end,
            label: String::new(),
            fields: Value::Null,
        }
    }

    #[test]
    fn segments_name_the_records_that_cover_them_innermost_first() {
        let text = "aa bb cc dd";
        let recs = [record(3, 8), record(6, 8)];
        let segs = segments(text, &recs);
        let named: Vec<(&str, Vec<usize>)> = segs.into_iter().collect();
        assert_eq!(
            named,
            vec![("aa ", vec![]), ("bb ", vec![0]), ("cc", vec![1, 0]), (" dd", vec![])]
        );
    }

    #[test]
    fn the_segments_of_each_record_are_exactly_its_span() {
        let text = "Kostnaden är cirka 130 tkr.\nÅ ä ö: 5 mnkr, 7 kr";
        let at = |s: &str| text.find(s).unwrap();
        // a sentence, an amount inside it, a line and two amounts in that line
        let recs = [
            record(0, at("\n")),
            record(at("cirka"), at(".")),
            record(at("Å"), text.len()),
            record(at("5 mnkr"), at(", 7")),
            record(at("7 kr"), text.len()),
        ];
        let segs = segments(text, &recs);
        assert_eq!(segs.iter().map(|(t, _)| *t).collect::<String>(), text, "nothing lost");
        for (id, r) in recs.iter().enumerate() {
            let shown: String = segs.iter().filter(|(_, c)| c.contains(&id)).map(|(t, _)| *t).collect();
            assert_eq!(shown, &text[r.start..r.end], "record {id}");
        }
    }

    #[test]
    fn markup_in_the_text_is_escaped() {
        assert_eq!(escape("<b>&\"</b>"), "&lt;b&gt;&amp;&quot;&lt;/b&gt;");
    }
}
