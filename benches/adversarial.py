#!/usr/bin/env python3
"""Time and peak memory of `protokoll extract` on generated adversarial inputs.

usage: benches/adversarial.py [--bin target/release/protokoll] [--only NAME] [--big]

Each case is generated in a temporary folder (nothing is committed), run
once with `/usr/bin/time` and reported as: input bytes, wall time, maximum
resident set size, the limit the issue set (20 x input + 64 MB), the
result's status (and error kind) and the exit code. `--timeout` is the one
each case names (1 s for the cases about the time budget, none otherwise).
`--big` adds the 200 MB text file and the PDF of 4 million objects (a few
minutes and several GB of disk). Needs a release build and GNU time.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

args = sys.argv[1:]
binary = os.path.abspath(args[args.index("--bin") + 1]) if "--bin" in args else os.path.abspath("target/release/protokoll")
only = args[args.index("--only") + 1] if "--only" in args else None
big = "--big" in args


def text(s):
    return s.encode("utf-8")


HEAD = "§ 1 Dnr KS 2024/1\nÄrende\n\nYrkanden\n"


def vote_phrases(n):
    return text(HEAD + "".join(f"Med {i % 50} ja-röster mot {i % 40} nej-röster beslutar nämnden.\n" for i in range(n)))


def motion_lines(n):
    return text(HEAD + "".join(f"Anna Andersson (S) yrkar bifall till förslag {i}.\n" for i in range(n)))


def amounts_line(n):
    return text(" ".join(f"{i} kr" for i in range(n)) + "\n")


def footnote_markers(n):
    return text("Beslut\n" + " ".join(f"anslå 5 mnkr.{i % 9 + 1}" for i in range(n)) + "\n")


def budget_table(rows):
    head = "Beslut\nKommunfullmäktige beslutar att fastställa budgeten enligt tabellen\n"
    return text(head + "".join(f"Verksamhet {i}   {i * 13 % 9000} tkr   {i * 7 % 800},5 mnkr   {i % 100} %\n" for i in range(rows)))


def big_text(mb):
    para = (
        "§ 12 Dnr KS 2024/118\nBudget för äldreomsorgen\n\nBeslut\nKommunstyrelsen beslutar att anslå "
        "19,5 mnkr till äldreomsorgen.\nAnna Andersson (S) yrkar bifall till förslaget.\n"
        "Med 8 ja-röster mot 5 nej-röster beslutar nämnden enligt förslaget.\n\n"
    )
    return text(para * (mb * 1_000_000 // len(para.encode())))


def many_objects_pdf(n):
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i in range(1, n + 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n[%d]\nendobj\n" % (i, i)
    offsets.append(len(out))
    out += b"%d 0 obj\n<< /Type /Catalog /Pages %d 0 R >>\nendobj\n" % (n + 1, n + 2)
    offsets.append(len(out))
    out += b"%d 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n" % (n + 2)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (n + 3)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (n + 3, n + 1, xref)
    return bytes(out)


# (name, file name, generator, --timeout)
CASES = [
    ("10 000 lines 'ab-'", "hyphens.txt", lambda: text("ab-\n" * 10_000), "0"),
    ("10 000 soft-hyphen lines", "soft.txt", lambda: text("ab\u00ad\n" * 10_000), "0"),
    ("1 000 000 lines 'ab-'", "million.txt", lambda: text("ab-\n" * 1_000_000), "0"),
    ("200 000 vote phrases, --timeout 1", "votes.txt", lambda: vote_phrases(200_000), "1"),
    ("200 000 'X (S) yrkar' lines, --timeout 1", "motions.txt", lambda: motion_lines(200_000), "1"),
    ("200 000 'X (S) yrkar' lines, no budget", "motions-all.txt", lambda: motion_lines(200_000), "0"),
    ("20 000 'N kr' on one line", "amounts20k.txt", lambda: amounts_line(20_000), "0"),
    ("300 000 'N kr' on one line", "amounts300k.txt", lambda: amounts_line(300_000), "0"),
    ("100 000 footnote markers", "footnotes.txt", lambda: footnote_markers(100_000), "0"),
    ("10 MB of CRLF", "crlf.txt", lambda: b"\r\n" * 5_000_000, "0"),
    ("budget table of 5 000 rows", "budget.txt", lambda: budget_table(5_000), "0"),
]
if big:
    CASES += [
        ("200 MB text file", "big.txt", lambda: big_text(200), "0"),
        ("PDF of 4 000 000 objects", "objects.pdf", lambda: many_objects_pdf(4_000_000), "0"),
    ]

print(f"{'case':<44}{'bytes':>12}{'time s':>9}{'RSS MB':>9}{'limit MB':>10}  result")
with tempfile.TemporaryDirectory() as tmp:
    for name, file_name, make, timeout in CASES:
        if only and only not in name and only != file_name:
            continue
        path = os.path.join(tmp, file_name)
        with open(path, "wb") as f:
            f.write(make())
        size = os.path.getsize(path)
        out_path = os.path.join(tmp, "out.jsonl")
        t0 = time.perf_counter()
        r = subprocess.run(
            ["/usr/bin/time", "-f", "%M", binary, "extract", "-q", "--timeout", timeout, "-f", "jsonl", "-o", out_path, path],
            capture_output=True,
            text=True,
        )
        took = time.perf_counter() - t0
        rss_kb = int(r.stderr.strip().splitlines()[-1]) if r.stderr.strip() else 0
        try:
            with open(out_path, encoding="utf-8") as f:
                result = json.loads(f.readline())
            status = result["status"] + (f" ({result['error']['kind']})" if result.get("error") else "")
        except (OSError, ValueError):
            status = "no result"
        limit = (20 * size + 64_000_000) / 1e6
        print(f"{name:<44}{size:>12}{took:>9.2f}{rss_kb / 1000:>9.0f}{limit:>10.0f}  {status}, exit {r.returncode}")
        os.remove(path)
        if os.path.exists(out_path):
            os.remove(out_path)
