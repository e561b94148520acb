"""How well publication dates are inferred from text alone (issue 16, "Text-only dating").

Each page of the article-extraction benchmark with ground truth gets its `articleBody` written to a
plain `.txt` (no title, no metadata); the files are ingested and exported with the project's CLI, and
the stored `published` is scored against the page's own date (`reference.json`):

    right      the day stored is the page's date
    wrong      a day is stored and it is another
    undated    no day stored (an interval in the basis counts as undated; whether the page's date
               lies inside that interval is reported apart)

Run from the project's root:

    PYTHONPATH=$PWD python tests/tools/text_dating.py [--corpus DIR] [--keep DIR] [--errors]
    PYTHONPATH=$PWD python tests/tools/text_dating.py --records ../shared/corpora/reuters21578.jsonl --every 40

`--records` takes a JSONL of records (`id`, `text`, `published`) instead: every Nth record's text, without
its date, is dated the same way (news text of another kind than the web pages).

SINORUS_CLI overrides the command (default: `python -m tui.cli` of this checkout).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora" / "article-extraction"
INTERVAL = re.compile(r"(\d{4}-\d\d-\d\d)\s*\.\.\s*(\d{4}-\d\d-\d\d)?|\.\.\s*(\d{4}-\d\d-\d\d)")


def write_texts(corpus: Path, out: Path) -> dict[str, str]:
    """Each page's articleBody as `<key>.txt`; returns key → the page's own date (pages without one left out)."""
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    ref = json.loads((corpus / "reference.json").read_text(encoding="utf-8"))
    out.mkdir(parents=True, exist_ok=True)
    dates = {}
    for key, page in sorted(truth.items()):
        body = (page.get("articleBody") or "").strip()
        published = (ref.get(key) or {}).get("published")
        if not body or not published:
            continue
        (out / f"{key}.txt").write_text(body + "\n", encoding="utf-8")
        dates[key] = published[:10]
    return dates


def write_record_texts(records: Path, every: int, out: Path) -> dict[str, str]:
    """Every `every`-th record's text as `<id>.txt`; returns id → its date (records without one left out)."""
    out.mkdir(parents=True, exist_ok=True)
    dates = {}
    with records.open(encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i % every:
                continue
            rec = json.loads(line)
            key, text, published = str(rec.get("id") or i), (rec.get("text") or "").strip(), rec.get("published")
            if not text or not published or not re.fullmatch(r"[\w.-]+", key):
                continue
            (out / f"{key}.txt").write_text(text + "\n", encoding="utf-8")
            dates[key] = published[:10]
    return dates


def run_cli(*args: str) -> None:
    cli = shlex.split(os.environ.get("SINORUS_CLI", f"{sys.executable} -m tui.cli"))
    subprocess.run([*cli, *args], check=True, stdout=subprocess.DEVNULL)


def interval_of(basis: str | None) -> tuple[str, str] | None:
    """'… the text allows 2019-03-01..2019-11-30' → ('2019-03-01', '2019-11-30'); an open end is ''."""
    m = INTERVAL.search(basis or "")
    if not m:
        return None
    if m.group(3):
        return "", m.group(3)
    return m.group(1), m.group(2) or ""


def score(dates: dict[str, str], articles: list[dict]) -> tuple[dict, list[dict]]:
    res = {"pages": len(dates), "right": 0, "wrong": 0, "undated": 0, "interval": 0, "truth_in_interval": 0}
    errors = []
    for a in articles:
        truth = dates.get(a["article"])
        if truth is None:
            continue
        got = (a.get("published") or "")[:10]
        if got == truth:
            res["right"] += 1
        elif got:
            res["wrong"] += 1
            errors.append(
                {"err": "wrong", "article": a["article"], "truth": truth, "sys": got, "basis": a["published_basis"]}
            )
        else:
            res["undated"] += 1
            iv = interval_of(a.get("published_basis"))
            if iv:
                res["interval"] += 1
                inside = (not iv[0] or iv[0] <= truth) and (not iv[1] or truth <= iv[1])
                res["truth_in_interval"] += inside
                if not inside:
                    errors.append(
                        {"err": "outside", "article": a["article"], "truth": truth, "basis": a["published_basis"]}
                    )
    inferred = res["right"] + res["wrong"]
    res["wrong_share"] = round(res["wrong"] / inferred, 3) if inferred else 0.0
    return res, errors


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--keep", type=Path, help="keep the texts, the database and the export here")
    ap.add_argument("--errors", action="store_true", help="print each wrong date and each interval missing the truth")
    ap.add_argument("--records", type=Path, help="a JSONL of records (id, text, published) to date instead")
    ap.add_argument("--every", type=int, default=40, help="with --records: every Nth record")
    args = ap.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="text-dating-"))
    if args.records:
        dates = write_record_texts(args.records, args.every, work / "txt")
    else:
        dates = write_texts(args.corpus, work / "txt")
    db = work / "dating.db"
    for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        p.unlink(missing_ok=True)
    run_cli("ingest", "--db", str(db), str(work / "txt"))
    run_cli("export", "articles", "--db", str(db), "--format", "jsonl", "-o", str(work / "articles.jsonl"))
    articles = [json.loads(line) for line in (work / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    res, errors = score(dates, articles)
    print(json.dumps(res))
    if args.errors:
        for e in errors:
            print(json.dumps(e, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
