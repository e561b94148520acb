"""`python -m tests.bench`: the benchmarks of issue 6, a table on stdout and JSON in bench-results/.

    python -m tests.bench                      # the full Reuters corpus (19,043 articles)
    python -m tests.bench --limit 2000         # a slice, for development
    python -m tests.bench --only startup,nav --big-db bench-results/work/big.db

Phases (each figure is a ratio against a baseline run in the same invocation, or an
absolute figure with its CPU time beside it; see docs/performance.md):
  ingest   raw nlp.pipe vs `sinorus-tui ingest`, same texts and processes, interleaved
           in segments so drifting machine load hits both; then re-ingest of the
           unchanged corpus; peak RSS per process from /proc. With --cluster ADDRESS:
           `ingest --cluster ADDRESS` vs the local pool instead, interleaved the same way
  profile  where ingest time goes beyond spaCy, on a sample, one process
  bigdb    a 100,000-article database by re-keying the ingested rows (no NLP)
  startup  `sinorus-tui` and a bare Textual app in a pty, to the first frame with data
  nav      navigation latency and peak RSS of the TUI under Pilot on the big database
  queries  the read API query by query on the big database, worst-case entities (diagnosis)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

from . import procs

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpora" / "reuters21578.jsonl"
PY = sys.executable
_SCRIPT = Path(PY).parent / "sinorus-tui"
CLI = [str(_SCRIPT)] if _SCRIPT.exists() else [PY, "-c", "import sys; from tui.cli import main; sys.exit(main())"]
PHASES = ("ingest", "profile", "bigdb", "startup", "nav", "queries")
TARGETS = {
    "ingest_ratio": 0.85,
    "reingest_speedup": 50.0,
    "startup_ratio": 1.5,
    "nav_p95_ms": 50.0,
    "tui_peak_rss_mb": 200.0,
}


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def default_jobs() -> int:
    return len(os.sched_getaffinity(0))


# ---------------------------------------------------------------- machine


def machine() -> dict:
    def cmd(*a):
        try:
            return subprocess.run(a, capture_output=True, text=True, timeout=10).stdout.strip()
        except OSError:
            return ""

    import spacy
    import textual

    mem = Path("/proc/meminfo").read_text().split("\n")[0].split()[1]
    lscpu = cmd("lscpu")
    pick = {k: v.strip() for k, v in (ln.split(":", 1) for ln in lscpu.splitlines() if ":" in ln)}
    return {
        "cpu": pick.get("Model name"),
        "cpus": pick.get("CPU(s)"),
        "hypervisor": pick.get("Hypervisor vendor"),
        "mem_gb": round(int(mem) / 1024 / 1024, 1),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "sqlite": sqlite3.sqlite_version,
        "textual": textual.__version__,
        "kernel": platform.release(),
        "loadavg_start": os.getloadavg(),
        "lscpu": lscpu,
        "commit": cmd("git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"),
        "dirty": bool(cmd("git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no")),
    }


# ---------------------------------------------------------------- corpus


def slice_corpus(src: Path, work: Path, limit: int | None, segments: int) -> tuple[Path, list[Path]]:
    lines = [ln for ln in src.read_text(encoding="utf-8").splitlines(keepends=True) if ln.strip()]
    if limit:
        lines = lines[:limit]
    whole = work / "corpus.jsonl"
    whole.write_text("".join(lines), encoding="utf-8")
    segs = []
    size = -(-len(lines) // segments)
    for i in range(segments):
        p = work / f"segment-{i + 1}.jsonl"
        p.write_text("".join(lines[i * size : (i + 1) * size]), encoding="utf-8")
        segs.append(p)
    return whole, segs


# ---------------------------------------------------------------- 1, 2: ingest


def _ingest_words(stdout: str) -> int:
    m = re.search(r"\(([\d,]+) words in", stdout)
    return int(m.group(1).replace(",", "")) if m else 0


def phase_ingest(args, work: Path, res: dict) -> None:
    if args.cluster:
        phase_cluster_ingest(args, work, res)
        return
    whole, segs = slice_corpus(Path(args.corpus), work, args.limit, args.segments)
    db = work / "ingest.db"
    for p in work.glob("ingest.db*"):
        p.unlink()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    raw_runs, ing_runs = [], []
    for i, seg in enumerate(segs):
        order = ("raw", "ingest") if i % 2 == 0 else ("ingest", "raw")
        for what in order:
            if what == "raw":
                log(f"ingest: raw nlp.pipe, segment {i + 1}/{len(segs)}")
                r = procs.run_monitored(
                    [PY, "-m", "tests.bench.raw_pipe", str(seg), "--jobs", str(args.jobs)], env=env, cwd=ROOT
                )
                if r["returncode"]:
                    raise SystemExit(f"raw nlp.pipe failed:\n{r['stderr'][-2000:]}")
                r.update(json.loads(r.pop("stdout").strip().splitlines()[-1]))
                r.pop("stderr")
                raw_runs.append(r)
            else:
                log(f"ingest: sinorus-tui ingest, segment {i + 1}/{len(segs)}")
                r = procs.run_monitored(
                    [*CLI, "ingest", "--db", str(db), "-j", str(args.jobs), str(seg)], env=env, cwd=ROOT
                )
                if r["returncode"]:
                    raise SystemExit(f"ingest failed:\n{r['stderr'][-2000:]}")
                r["words"] = _ingest_words(r["stdout"])
                r["summary"] = r.pop("stdout").strip().splitlines()[-1]
                r["stderr"] = r["stderr"][-500:]
                ing_runs.append(r)
            log(f"  {r['words']:,} words in {r['wall_s']:.1f} s ({r['words'] / r['wall_s']:,.0f} words/s)")
    raw_wall = sum(r["wall_s"] for r in raw_runs)
    ing_wall = sum(r["wall_s"] for r in ing_runs)
    words = sum(r["words"] for r in raw_runs)
    ing_words = sum(r["words"] for r in ing_runs)
    raw_cpu = sum(r["tree_cpu_s"] for r in raw_runs)
    ing_cpu = sum(r["tree_cpu_s"] for r in ing_runs)
    res["ingest"] = {
        "articles": sum(r["docs"] for r in raw_runs),
        "words": words,
        "ingest_words": ing_words,
        "jobs": args.jobs,
        "segments": len(segs),
        "raw_wall_s": raw_wall,
        "ingest_wall_s": ing_wall,
        "raw_words_per_s": words / raw_wall,
        "ingest_words_per_s": ing_words / ing_wall,
        "ratio": (ing_words / ing_wall) / (words / raw_wall),
        "raw_cpu_s": raw_cpu,
        "ingest_cpu_s": ing_cpu,
        "cpu_ratio": raw_cpu / ing_cpu if ing_cpu else None,
        "raw_main_cpu_s": sum(r["main_cpu_s"] for r in raw_runs),
        "ingest_main_cpu_s": sum(r["main_cpu_s"] for r in ing_runs),
        "raw_workers_cpu_s": sum(r["workers_cpu_s"] for r in raw_runs),
        "ingest_workers_cpu_s": sum(r["workers_cpu_s"] for r in ing_runs),
        "ingest_main_peak_rss_mb": max(r["main_peak_rss_mb"] for r in ing_runs),
        "ingest_worker_peak_rss_mb": max(r["worker_peak_rss_mb"] for r in ing_runs),
        "raw_main_peak_rss_mb": max(r["main_peak_rss_mb"] for r in raw_runs),
        "raw_worker_peak_rss_mb": max(r["worker_peak_rss_mb"] for r in raw_runs),
        "raw_runs": raw_runs,
        "ingest_runs": ing_runs,
    }
    # 2: re-ingest of the unchanged corpus, the same command on the whole file
    re_runs = []
    for k in range(args.reingest_runs):
        log(f"re-ingest {k + 1}/{args.reingest_runs}")
        r = procs.run_monitored([*CLI, "ingest", "--db", str(db), "-j", str(args.jobs), str(whole)], env=env, cwd=ROOT)
        r["summary"] = r.pop("stdout").strip().splitlines()[-1] if r["returncode"] == 0 else r["stderr"][-500:]
        r.pop("stderr")
        re_runs.append(r)
    med = statistics.median(r["wall_s"] for r in re_runs)
    res["reingest"] = {
        "wall_s": med,
        "first_ingest_wall_s": ing_wall,
        "speedup": ing_wall / med,
        "summary": re_runs[0]["summary"],
        "peak_rss_mb": max(r["main_peak_rss_mb"] for r in re_runs),
        "runs": [r["wall_s"] for r in re_runs],
    }


def phase_profile(args, work: Path, res: dict) -> None:
    src = work / "corpus.jsonl" if (work / "corpus.jsonl").exists() else Path(args.corpus)
    log(f"profile: {args.profile_sample} articles in one process")
    r = subprocess.run(
        [PY, "-m", "tests.bench.profile_ingest", str(src), "--sample", str(args.profile_sample)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    if r.returncode:
        raise SystemExit(f"profile failed:\n{r.stderr[-2000:]}")
    res["profile"] = json.loads(r.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- 3: the big database


def phase_bigdb(args, work: Path, res: dict) -> None:
    from . import bigdb

    source = Path(args.base_db) if args.base_db else work / "ingest.db"
    out = Path(args.big_db) if args.big_db else work / "big.db"
    for p in out.parent.glob(out.name + "*"):
        p.unlink()
    log(f"bigdb: {args.articles:,} articles from {source}")
    src_n = sqlite3.connect(source).execute("SELECT COUNT(*) FROM article").fetchone()[0]
    info = bigdb.build(str(source), str(out), args.articles, log=lambda m: log(m))
    info.update(
        {
            "path": str(out),
            "source": str(source),
            "source_articles": src_n,
            "size_mb": round(out.stat().st_size / 1e6, 1),
        }
    )
    res["bigdb"] = info


def _big_db(args, work: Path) -> Path:
    return Path(args.big_db) if args.big_db else work / "big.db"


# ---------------------------------------------------------------- 3: start-up


def phase_startup(args, work: Path, res: dict) -> None:
    from . import bare_app, startup

    db = _big_db(args, work)
    total, app_ready = startup.app_ready_for(db)

    def bare_ready(screen: str) -> bool:
        return bare_app.MARKER in screen

    env = dict(os.environ, PYTHONPATH=str(ROOT), XDG_CONFIG_HOME=str(work / "config"))
    size = tuple(int(x) for x in args.size.split("x"))
    runs = {"bare": [], "app": []}
    cpu = {"bare": [], "app": []}  # CPU seconds to the same frame: what load leaves of the comparison
    first_frames: list[float] = []  # the app's first frame with its panes, before their data
    cmds = {"bare": [PY, "-m", "tests.bench.bare_app"], "app": [*CLI, "--db", str(db)]}
    readies = {"bare": bare_ready, "app": app_ready}
    for k in range(args.startup_runs + 1):  # the first round warms the page cache and is dropped
        for name in ("bare", "app") if k % 2 == 0 else ("app", "bare"):
            marks = {"first frame": lambda text: "Articles" in text} if name == "app" else None
            r = startup.time_to_frame(
                cmds[name], readies[name], size=size, env=env, cwd=str(ROOT), timeout=120, marks=marks
            )
            if r["seconds"] is None:
                raise SystemExit(f"startup: {name} never showed its first frame; screen:\n{r['screen']}")
            if k:
                runs[name].append(r["seconds"])
                if r["cpu_seconds"] is not None:
                    cpu[name].append(r["cpu_seconds"])
                if marks:
                    first_frames.append(r["marks"].get("first frame", r["seconds"]))
            log(f"startup: {name} {r['seconds']:.2f} s{'' if k else ' (warm-up, dropped)'}")
    bare, app = statistics.median(runs["bare"]), statistics.median(runs["app"])
    cpu_bare, cpu_app = (statistics.median(cpu[name]) if cpu[name] else None for name in ("bare", "app"))
    res["startup"] = {
        "articles": total,
        "bare_s": bare,
        "app_s": app,
        "ratio": app / bare,
        "runs": runs,
        "bare_cpu_s": cpu_bare,
        "app_cpu_s": cpu_app,
        "cpu_ratio": cpu_app / cpu_bare if cpu_bare else None,
        "cpu_runs": cpu,
        "app_first_frame_s": statistics.median(first_frames),
        "app_first_frame_runs": first_frames,
        "size": args.size,
        "ready": f"'Articles {total:,}' and the newest article in list and reader",
    }


# ---------------------------------------------------------------- 4, 5: navigation and memory


def phase_nav(args, work: Path, res: dict) -> None:
    db = _big_db(args, work)
    log(f"nav: {args.nav_reps} of each step on {db}")
    env = dict(os.environ, PYTHONPATH=str(ROOT), XDG_CONFIG_HOME=str(work / "config"))
    r = subprocess.run(
        [PY, "-m", "tests.bench.nav", str(db), "--reps", str(args.nav_reps), "--size", args.size],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    )
    if r.returncode:
        raise SystemExit(f"nav failed:\n{r.stderr[-3000:]}")
    res["nav"] = json.loads(r.stdout.strip().splitlines()[-1])


def phase_queries(args, work: Path, res: dict) -> None:
    db = _big_db(args, work)
    log(f"queries: the read API on {db}")
    r = subprocess.run(
        [PY, "-m", "tests.bench.queries", str(db)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    if r.returncode:
        raise SystemExit(f"queries failed:\n{r.stderr[-3000:]}")
    res["queries_ms"] = json.loads(r.stdout.strip().splitlines()[-1])


def phase_cluster_ingest(args, work: Path, res: dict) -> None:
    """`ingest --cluster ADDRESS` against the local pool (`-j JOBS`), the same segments interleaved, each into
    a database of its own: the ratio of their words/s."""
    _, segs = slice_corpus(Path(args.corpus), work, args.limit, args.segments)
    dbs = {"pool": work / "pool.db", "cluster": work / "cluster.db"}
    for db in dbs.values():
        for p in db.parent.glob(db.name + "*"):
            p.unlink()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    runs: dict[str, list[dict]] = {"pool": [], "cluster": []}
    for i, seg in enumerate(segs):
        for what in ("pool", "cluster") if i % 2 == 0 else ("cluster", "pool"):
            how = ["-j", str(args.jobs)] if what == "pool" else ["--cluster", args.cluster]
            log(f"ingest: {what}, segment {i + 1}/{len(segs)}")
            r = procs.run_monitored([*CLI, "ingest", "--db", str(dbs[what]), *how, str(seg)], env=env, cwd=ROOT)
            if r["returncode"]:
                raise SystemExit(f"ingest ({what}) failed:\n{r['stderr'][-2000:]}")
            r["words"] = _ingest_words(r["stdout"])
            r["summary"] = r.pop("stdout").strip().splitlines()[-1]
            r["stderr"] = r["stderr"][-500:]
            runs[what].append(r)
            log(f"  {r['words']:,} words in {r['wall_s']:.1f} s ({r['words'] / r['wall_s']:,.0f} words/s)")
    rate = {k: sum(r["words"] for r in v) / sum(r["wall_s"] for r in v) for k, v in runs.items()}
    res["cluster_ingest"] = {
        "cluster": args.cluster,
        "jobs": args.jobs,
        "segments": len(segs),
        "articles": args.limit,
        "words": sum(r["words"] for r in runs["pool"]),
        "pool_words_per_s": rate["pool"],
        "cluster_words_per_s": rate["cluster"],
        "ratio": rate["cluster"] / rate["pool"],
        "pool_main_peak_rss_mb": max(r["main_peak_rss_mb"] for r in runs["pool"]),
        "cluster_main_peak_rss_mb": max(r["main_peak_rss_mb"] for r in runs["cluster"]),
        "runs": runs,
    }


# ---------------------------------------------------------------- the table


def table(res: dict) -> str:
    rows = [("figure", "measured", "baseline / target", "met")]

    def ok(b):
        return "yes" if b else "NO"

    if "ingest" in res:
        i = res["ingest"]
        rows.append(
            (
                f"ingest throughput, {i['articles']:,} articles, {i['words']:,} words, {i['jobs']} processes",
                f"{i['ingest_words_per_s']:,.0f} words/s",
                f"raw nlp.pipe {i['raw_words_per_s']:,.0f} words/s; ratio {i['ratio']:.2f} ≥ 0.85",
                ok(i["ratio"] >= TARGETS["ingest_ratio"]),
            )
        )
        rows.append(
            (
                "  same, by CPU time (all processes)",
                f"{i['ingest_cpu_s']:,.0f} CPU s",
                f"raw {i['raw_cpu_s']:,.0f} CPU s; ratio {i['cpu_ratio']:.2f}",
                "",
            )
        )
        rows.append(
            (
                "ingest peak RSS per worker / main",
                f"{i['ingest_worker_peak_rss_mb']:.0f} / {i['ingest_main_peak_rss_mb']:.0f} MB",
                f"raw nlp.pipe: {i['raw_worker_peak_rss_mb']:.0f} / {i['raw_main_peak_rss_mb']:.0f} MB",
                "",
            )
        )
    if "cluster_ingest" in res:
        c = res["cluster_ingest"]
        rows.append(
            (
                f"ingest --cluster {c['cluster']}, {c['words']:,} words",
                f"{c['cluster_words_per_s']:,.0f} words/s",
                f"local pool -j {c['jobs']} {c['pool_words_per_s']:,.0f} words/s; ratio {c['ratio']:.2f} ≥ 0.85",
                ok(c["ratio"] >= TARGETS["ingest_ratio"]),
            )
        )
        rows.append(
            (
                "  client / main process peak RSS",
                f"{c['cluster_main_peak_rss_mb']:.0f} MB",
                f"local pool's main process {c['pool_main_peak_rss_mb']:.0f} MB",
                "",
            )
        )
    if "reingest" in res:
        r = res["reingest"]
        rows.append(
            (
                "re-ingest, unchanged corpus",
                f"{r['wall_s']:.2f} s",
                f"first ingest {r['first_ingest_wall_s']:.0f} s; {r['speedup']:.0f}× ≥ 50×",
                ok(r["speedup"] >= TARGETS["reingest_speedup"]),
            )
        )
    if "profile" in res:
        p = res["profile"]
        nlp = p["nlp_pipe_s"]
        parts = ", ".join(f"{k.split('.')[-1]} {v / nlp:.1%}" for k, v in p["extract_parts_s"].items())
        rows.append(
            (
                f"beyond spaCy, per cent of nlp.pipe time ({p['articles']} articles, 1 process)",
                f"extract {p['extract_s'] / nlp:.1%}, write_article {p['write_article_s'] / nlp:.1%}, "
                f"pickle {p['pickle_s'] / nlp:.1%}",
                parts,
                "",
            )
        )
    if "startup" in res:
        s = res["startup"]
        rows.append(
            (
                f"start-up to first data frame, {s['articles']:,} articles",
                f"{s['app_s']:.2f} s",
                f"bare Textual app {s['bare_s']:.2f} s; ratio {s['ratio']:.2f} ≤ 1.5",
                ok(s["ratio"] <= TARGETS["startup_ratio"]),
            )
        )
        if s.get("cpu_ratio"):
            rows.append(
                (
                    "  CPU time to that frame (all threads)",
                    f"{s['app_cpu_s']:.2f} s",
                    f"bare Textual app {s['bare_cpu_s']:.2f} s; ratio {s['cpu_ratio']:.2f}",
                    "",
                )
            )
        rows.append(
            (
                "  app's first frame, panes without data yet",
                f"{s['app_first_frame_s']:.2f} s",
                f"ratio {s['app_first_frame_s'] / s['bare_s']:.2f} to the bare app",
                "",
            )
        )
    if "nav" in res:
        n = res["nav"]
        for k, v in n["steps"].items():
            rows.append(
                (
                    f"nav: {k} (p95 of {v['n']})",
                    f"{v['p95_ms']:.0f} ms",
                    f"p50 {v['p50_ms']:.0f} ms; CPU p50/p95 {v['cpu_p50_ms']:.0f}/{v['cpu_p95_ms']:.0f} ms, of which "
                    f"SQL {v['sql_cpu_p50_ms']:.0f}/{v['sql_cpu_p95_ms']:.0f}; {v['frames_mean']:.0f} frames; ≤ 50 ms",
                    ok(v["n"] and v["p95_ms"] <= TARGETS["nav_p95_ms"]),
                )
            )
        rows.append(
            (
                "TUI peak RSS after the steps",
                f"{n['peak_rss_mb']:.0f} MB",
                "≤ 200 MB",
                ok(n["peak_rss_mb"] <= TARGETS["tui_peak_rss_mb"]),
            )
        )
    if "queries_ms" in res:
        slow = sorted(((v, k) for k, v in res["queries_ms"].items() if v > TARGETS["nav_p95_ms"]), reverse=True)
        for v, k in slow[:8]:
            rows.append((f"  query over 50 ms: {k}", f"{v:.0f} ms", "", ""))
    widths = [max(len(str(r[c])) for r in rows) for c in range(4)]
    lines = []
    for j, r in enumerate(rows):
        lines.append("| " + " | ".join(str(x).ljust(w) for x, w in zip(r, widths)) + " |")
        if j == 0:
            lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m tests.bench", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--limit", type=int, help="only the first N records (development)")
    ap.add_argument("--jobs", type=int, default=default_jobs(), help="processes for both ingest and raw nlp.pipe")
    ap.add_argument("--segments", type=int, help="interleaved raw/ingest segments (default 4, 2 with --limit)")
    ap.add_argument("--reingest-runs", type=int, default=3)
    ap.add_argument("--profile-sample", type=int, default=300)
    ap.add_argument("--articles", type=int, default=100_000, help="size of the big database")
    ap.add_argument("--base-db", help="build the big database from this ingested one instead of this run's")
    ap.add_argument("--big-db", help="where the big database is (or goes)")
    ap.add_argument("--startup-runs", type=int, default=5)
    ap.add_argument("--nav-reps", type=int, default=20)
    ap.add_argument("--size", default="120x35", help="terminal size for start-up and navigation")
    ap.add_argument("--only", help=f"comma-separated phases of {','.join(PHASES)}")
    ap.add_argument(
        "--cluster",
        metavar="ADDRESS",
        help="ingest phase: `ingest --cluster ADDRESS` (e.g. local:2) against the local pool instead of raw nlp.pipe",
    )
    ap.add_argument("--out", default=str(ROOT / "bench-results"))
    args = ap.parse_args(argv)
    args.segments = args.segments or (2 if args.limit else 4)
    phases = args.only.split(",") if args.only else list(PHASES)
    out = Path(args.out)
    work = out / "work"
    work.mkdir(parents=True, exist_ok=True)
    (work / "config").mkdir(exist_ok=True)  # an empty config dir: the user's keymap and theme play no part
    res: dict = {
        "started": dt.datetime.now().isoformat(timespec="seconds"),
        "argv": sys.argv[1:],
        "machine": machine(),
        "targets": TARGETS,
    }
    # Byte-compile the app as `pip install` does: this environment sets PYTHONDONTWRITEBYTECODE, which would
    # otherwise make every start of the CLI compile model/ and tui/ from source (the bare app has nothing to compile).
    subprocess.run([PY, "-m", "compileall", "-q", "model", "tui"], cwd=ROOT, capture_output=True)
    t0 = time.perf_counter()
    for ph in phases:
        {
            "ingest": phase_ingest,
            "profile": phase_profile,
            "bigdb": phase_bigdb,
            "startup": phase_startup,
            "nav": phase_nav,
            "queries": phase_queries,
        }[ph](args, work, res)
    res["seconds"] = time.perf_counter() - t0
    res["machine"]["loadavg_end"] = os.getloadavg()
    stamp = time.strftime("%Y%m%d-%H%M%S")
    text = table(res)
    res["table"] = text
    (out / f"bench-{stamp}.json").write_text(json.dumps(res, indent=1, default=str))
    shutil.copyfile(out / f"bench-{stamp}.json", out / "latest.json")
    print(text)
    print(f"\nJSON: {out / f'bench-{stamp}.json'} ({res['seconds'] / 60:.1f} min)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
