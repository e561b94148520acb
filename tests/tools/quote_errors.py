"""Print the quotes an eval run got wrong, each with its sentence and the rule that made it.

  python tests/tools/quote_errors.py seeds KEEPDIR             # KEEPDIR as left by KEEP=DIR ../shared/eval/run.sh seeds
  python tests/tools/quote_errors.py polnear KEEPDIR SPLITDIR  # ... run.sh polnear SPLITDIR
  options: --what spurious|missed|speaker (default spurious), --kind indirect,stance (system kinds to list)

Uses the scorer's own matching (../shared/eval/score.py, imported from the eval folder), so what it lists is what the
scorer counted. A development aid: it prints the corpus's sentences, so its output is never pasted into a test.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
from pathlib import Path

EVAL = Path(__file__).resolve().parents[2].parent / "shared" / "eval"


def load_scorer(eval_dir: Path):
    spec = importlib.util.spec_from_file_location("score", eval_dir / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sentence_around(text: str, start: int, end: int, width: int = 160) -> str:
    """The text from the sentence break before start to the one after end, clipped to width each side."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), start - width)
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(right_candidates + [end + width])
    return text[left + 1 : right + 1].strip().replace("\n", " ")


def describe(q: dict, text: str) -> str:
    s0, s1 = int(q["start"]), int(q["end"])
    return (
        f"  kind={q.get('kind')} speaker={q.get('speaker')!r} cue={q.get('cue')!r}\n"
        f"  basis={q.get('basis')!r} conf={q.get('confidence')}\n"
        f"  span=[{text[s0:s1][:120]}]\n"
        f"  sentence: {sentence_around(text, s0, s1)}"
    )


def spurious(golds: list[dict], systems: list[dict], scorer) -> list[tuple[dict, list[dict]]]:
    """System quotes the scorer did not match, each with the gold quotes it overlaps at all."""
    matched = {si for _, si in scorer.match_quotes(golds, systems)}
    out = []
    for si, s in enumerate(systems):
        if si in matched:
            continue
        near = [g for g in golds if scorer.overlap(g["start"], g["end"], s["start"], s["end"])]
        out.append((s, near))
    return out


def seeds_items(keep: Path, scorer, kinds: set[str]):
    arts = {a["article"]: a["text"] for a in scorer.load_jsonl(keep / "seeds" / "articles.jsonl")}
    quotes = scorer.by_article(scorer.load_jsonl(keep / "seeds" / "quotes.jsonl"))
    gold = scorer.load_jsonl(Path(scorer.GOLD) / "seeds-quotes.jsonl")
    for art, text in sorted(arts.items()):
        gs = []
        for g in (x for x in gold if x["article"] == art):
            for s0, s1 in scorer.locate(text, g["text"], g.get("context")):
                if not any(x["start"] == s0 for x in gs):
                    gs.append(dict(g, start=s0, end=s1))
                    break
        ss = [
            dict(q, start=int(q["start"]), end=int(q["end"]))
            for q in quotes.get(art, [])
            if q.get("kind") != "stance" and (not kinds or q.get("kind") in kinds)
        ]
        yield art, text, gs, ss


def polnear_items(keep: Path, split: Path, scorer, kinds: set[str]):
    arts = {a["article"]: a["text"] for a in scorer.load_jsonl(keep / "out" / "articles.jsonl")}
    quotes = scorer.by_article(scorer.load_jsonl(keep / "out" / "quotes.jsonl"))
    seen = set()
    for fn in sorted((split / "attributions").iterdir()):
        art = re.sub(r"(_[0-9a-f]{4})?\.ann$", "", fn.name)
        if art not in arts or art in seen:
            continue  # like the scorer: an article's first annotation file only
        seen.add(art)
        text = arts[art]
        src = (split / "text" / (art + ".txt")).read_text(encoding="utf-8")
        omap = scorer.OffsetMap(src, text)
        spans, rels = scorer.read_brat(str(fn))
        gs = []
        for r in rels:
            if "Content" not in r or "Source" not in r:
                continue
            _, segs, c_text = spans[r["Content"]]
            source = spans[r["Source"]][2]
            quoted = [m.span(1) for a, b in segs for m in scorer.QUOTE_RE.finditer(src, a, b)]
            # as the scorer reads it: each quoted piece of a content is a direct gold, a content with none indirect
            pieces = quoted or [(segs[0][0], segs[-1][1])]
            for a, b in pieces:
                a, b = omap(a), omap(b - 1)
                if a is not None and b is not None:
                    gs.append({"start": a, "end": b + 1, "text": c_text, "direct": bool(quoted), "source": source})
        ss = [
            dict(q, start=int(q["start"]), end=int(q["end"]))
            for q in quotes.get(art, [])
            if not kinds or q.get("kind") in kinds
        ]
        yield art, text, gs, ss


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", choices=["seeds", "polnear"])
    ap.add_argument("keep", type=Path)
    ap.add_argument("split", type=Path, nargs="?")
    ap.add_argument("--kind", default="", help="system kinds to list, comma-separated (default: all scored)")
    ap.add_argument("--eval", type=Path, default=EVAL)
    a = ap.parse_args(argv)
    scorer = load_scorer(a.eval)
    kinds = {k for k in a.kind.split(",") if k}
    items = seeds_items(a.keep, scorer, kinds) if a.gold == "seeds" else polnear_items(a.keep, a.split, scorer, kinds)
    total = 0
    for art, text, gs, ss in items:
        if a.gold == "polnear":  # the scorer matches direct to quoted gold strictly, the rest leniently
            direct = [s for s in ss if s["kind"] in ("direct", "partial")]
            other = [s for s in ss if s["kind"] not in ("direct", "partial")]
            found = spurious([g for g in gs if g["direct"]], direct, scorer)
            found += [(s, n) for s, n in spurious([g for g in gs if not g["direct"]], other, scorer)]
        else:
            found = spurious(gs, ss, scorer)
        for s, near in found:
            total += 1
            print(f"{art}\n{describe(s, text)}")
            for g in near:
                print(f"  overlaps gold: [{text[g['start'] : g['end']][:100]}]")
            print()
    print(json.dumps({"listed": total}))


if __name__ == "__main__":
    main()
