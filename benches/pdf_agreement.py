#!/usr/bin/env python3
"""Compare `protokoll text` with poppler's `pdftotext` on a folder of PDFs.

usage: benches/pdf_agreement.py [PDF_DIR] [--bin target/release/protokoll] [--plain]

For every PDF: word-level F1 of the two texts (multisets of words after NFC
and white-space folding; page breaks count as white space), per file and
overall; mojibake checks on our output (U+FFFD, stray glyph names such as
"/uni00E5" or "glyph123"); and speed measured side by side in one run: both
tools run sequentially, one file after another, and pages per second are
reported for each. The reference is `pdftotext -layout` (which, like us, keeps
table rows on one line); `--plain` compares with plain `pdftotext` instead.

Word F1 does not see reading order (a page whose two columns are merged line
by line has the same words). The `order` column does: F1 of word *bigrams*
(pairs of consecutive words) against plain `pdftotext`, which reads a page
of two columns column by column; line-end hyphens are joined in both texts
first, since plain pdftotext joins them.
Needs poppler-utils (pdftotext, pdfinfo) and a release build.
"""
import collections
import os
import re
import subprocess
import sys
import time
import unicodedata

args = sys.argv[1:]
binary = "target/release/protokoll"
if "--bin" in args:
    binary = args[args.index("--bin") + 1]
plain = "--plain" in args
pos = [a for i, a in enumerate(args) if not a.startswith("--") and (i == 0 or args[i - 1] != "--bin")]
pdf_dir = pos[0] if pos else "../shared/pdf"

files = sorted(f for f in os.listdir(pdf_dir) if f.lower().endswith(".pdf"))
if not files:
    sys.exit(f"no PDFs in {pdf_dir}")


def words(text):
    text = unicodedata.normalize("NFC", text)
    return collections.Counter(text.split())


def bigrams(text):
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)
    w = text.split()
    return collections.Counter(zip(w, w[1:]))


def f1(a, b):
    inter = sum((a & b).values())
    pa, pb = sum(a.values()), sum(b.values())
    if pa == 0 and pb == 0:
        return 1.0
    if pa == 0 or pb == 0:
        return 0.0
    p, r = inter / pa, inter / pb
    return 2 * p * r / (p + r) if p + r else 0.0


def run(cmd, env=None):
    t0 = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, env=env)
    return time.perf_counter() - t0, r


def pages_of(path):
    r = subprocess.run(["pdfinfo", path], capture_output=True, text=True)
    m = re.search(r"^Pages:\s+(\d+)", r.stdout, re.M)
    return int(m.group(1)) if m else 0


garbage = re.compile(r"\ufffd|/uni[0-9A-Fa-f]{4}|\bglyph\d+\b|\bg\d{2,}\b")
ref_cmd = ["pdftotext"] + ([] if plain else ["-layout"])
rows = []
ours_time = ref_time = 0.0
tot_ours = collections.Counter()
tot_ref = collections.Counter()
tot_order_ours = collections.Counter()
tot_order_ref = collections.Counter()
total_pages = 0
for f in files:
    path = os.path.join(pdf_dir, f)
    pages = pages_of(path)
    total_pages += pages
    # one thread: pages of a large PDF are otherwise read in parallel
    t_ours, r_ours = run([binary, "text", path], env=dict(os.environ, RAYON_NUM_THREADS="1"))
    t_ref, r_ref = run(ref_cmd + [path, "-"])
    ours_time += t_ours
    ref_time += t_ref
    ours_text = r_ours.stdout.decode("utf-8", "replace")
    ref_text = r_ref.stdout.decode("utf-8", "replace")
    if r_ours.returncode != 0:
        note = r_ours.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
        rows.append((f, pages, None, None, f"protokoll failed: {note}"))
        continue
    a, b = words(ours_text), words(ref_text)
    tot_ours += a
    tot_ref += b
    order_text = ref_text if plain else run(["pdftotext", path, "-"])[1].stdout.decode("utf-8", "replace")
    oa, ob = bigrams(ours_text), bigrams(order_text)
    tot_order_ours += oa
    tot_order_ref += ob
    bad = len(garbage.findall(ours_text))
    rows.append((f, pages, f1(a, b), f1(oa, ob), f"{bad} mojibake" if bad else ""))

print(f"{'file':<70}{'pages':>6}{'F1':>8}{'order':>8}  note")
for f, pages, score, order, note in rows:
    s = "-" if score is None else f"{score:.4f}"
    o = "-" if order is None else f"{order:.4f}"
    print(f"{f[:69]:<70}{pages:>6}{s:>8}{o:>8}  {note}")
scored = [r for r in rows if r[2] is not None]
print()
print(f"files: {len(files)}, scored: {len(scored)}, pages: {total_pages}")
print(f"reference: {' '.join(ref_cmd)}")
print(f"overall word F1: {f1(tot_ours, tot_ref):.4f}; lowest file: {min(r[2] for r in scored):.4f}")
print(
    f"reading order (bigram F1 against plain pdftotext): {f1(tot_order_ours, tot_order_ref):.4f}; "
    f"lowest file: {min(r[3] for r in scored):.4f}"
)
print(f"protokoll text: {ours_time:.2f} s, {total_pages / ours_time:.0f} pages/s (sequential, one thread, one process per file)")
print(f"pdftotext:      {ref_time:.2f} s, {total_pages / ref_time:.0f} pages/s (sequential, one process per file)")
print(f"speed ratio: {ref_time / ours_time:.2f}x")
