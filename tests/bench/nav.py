"""Navigation latency and memory of the TUI on a big database, measured in the app.

    python -m tests.bench.nav DB [--reps 20] [--size 120x35]

The app runs headless under Textual's Pilot. Each timed step sends one key the way
Pilot does (a Key event through the driver) and ends at the last frame the app
composes before it is quiet again: no worker pending or running, no message queued
anywhere, the expected state reached (the article or entity in the reader, the
chip set, …) and no new frame for QUIET seconds. A frame is the moment the
compositor hands an update to `App._display`; headless Textual skips turning it
into terminal bytes, so the hook does that too, to keep the cost in. No sleeps in
the measured span: the harness polls every 2 ms and takes the frame's time.

Steps: open an article (enter on a row of Articles), follow an entity (enter on a
mention in the reader), filter quotes by a speaker (f on a quote), jump the
timeline to a date (enter in the date box), open an event (enter on a Timeline row)
and step to the next (j), search a word (enter in the search
box), search with fields (enter on a line of the search language, `queries.fielded_queries`:
a speaker and a kind, an entity in a date range, a phrase from a source, words with one left
out said in a month, an entity without reported speech), go back ([). Each step also reports the CPU time spent inside `model.corpus.query`
functions (thread time, in the worker threads), so SQL and UI work can be told
apart. Prints one JSON line; peak RSS is VmHWM of this process after
all steps (it imports only the app, never spaCy).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sqlite3
import time

PROFILE = None  # a cProfile.Profile with --profile FILE: the main thread during timed steps only
QUIET = 0.06  # seconds without a frame or any work before a step counts as done
POLL = 0.002


QUERY_CPU: dict[str, float] = {}  # model.corpus.query function -> thread CPU seconds spent in it (all threads)


def trace_queries() -> None:
    """Wrap the read API so each step can say how much of its CPU went to SQL (and which query)."""
    import functools
    import inspect

    from model.corpus import query as q

    for name, fn in list(vars(q).items()):
        if (
            not inspect.isfunction(fn)
            or not fn.__module__.startswith(q.__name__)
            or name.startswith("_")
            or name in ("connect", "fts_escape", "search_terms", "granularity")
        ):
            continue

        def wrap(fn=fn, name=name):
            @functools.wraps(fn)
            def wrapper(*a, **kw):
                c = time.thread_time()
                try:
                    return fn(*a, **kw)
                finally:
                    QUERY_CPU[name] = QUERY_CPU.get(name, 0.0) + time.thread_time() - c

            return wrapper

        setattr(q, name, wrap())


def rss_kb(field: str) -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    v = sorted(values)
    k = (len(v) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


class Harness:
    def __init__(self, app, pilot):
        self.app, self.pilot = app, pilot
        self.last_frame = 0.0
        self.last_frame_cpu = 0.0
        self.last_frame_main = 0.0
        self.frames = 0
        original = app._display

        def display(screen, renderable):
            original(screen, renderable)
            if renderable is not None:
                from textual._compositor import CompositorUpdate

                if isinstance(renderable, CompositorUpdate):
                    renderable.render_segments(app.console)  # what a real terminal driver would pay for
                self.frames += 1
                self.last_frame = time.perf_counter()
                self.last_frame_cpu = time.process_time()
                self.last_frame_main = time.thread_time()  # this is the event loop's thread

        app._display = display

    def busy(self) -> bool:
        from textual.worker import WorkerState

        app = self.app
        if any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers):
            return True
        if app._message_queue.qsize():
            return True
        nodes = [app, *app.screen_stack]
        for screen in app.screen_stack:
            nodes += list(screen.walk_children(with_self=False))
        return any(n._message_queue.qsize() for n in nodes)

    def why(self) -> str:
        from textual.worker import WorkerState

        app = self.app
        running = [w.name for w in app.workers if w.state in (WorkerState.PENDING, WorkerState.RUNNING)]
        nodes = [app, *app.screen_stack]
        for screen in app.screen_stack:
            nodes += list(screen.walk_children(with_self=False))
        queued = [repr(n) for n in nodes if n._message_queue.qsize()]
        return (
            f"workers {running}, queued {queued}, frames {self.frames}, screen {app.screen!r}, focused {app.focused!r}"
        )

    async def settle(self, expect=lambda: True, timeout: float = 60.0) -> None:
        start = time.perf_counter()
        quiet_since = None
        frames = self.frames
        while True:
            await asyncio.sleep(POLL)
            now = time.perf_counter()
            if now - start > timeout:
                raise TimeoutError(f"the app did not settle: {self.why()}; expected state: {expect()}")
            if self.busy() or not expect() or self.frames != frames:
                frames = self.frames
                quiet_since = None
                continue
            if quiet_since is None:
                quiet_since = now
            elif now - quiet_since >= QUIET:
                return

    async def timed(self, key: str, expect) -> tuple[float, float]:
        """Send `key`; seconds until the last frame of its effects, wall and CPU (all threads of the process,
        which includes the harness's polling: a little more than the app's own)."""
        from textual import events

        char = key if len(key) == 1 else None
        if key == "left_square_bracket":
            char = "["
        elif key == "enter":
            char = "\r"
        event = events.Key(key, char)
        event.set_sender(self.app)
        frames = self.frames
        if PROFILE is not None:
            PROFILE.enable()
        q0 = dict(QUERY_CPU)
        c0 = time.process_time()
        m0 = time.thread_time()
        t0 = time.perf_counter()
        self.app._driver.send_message(event)
        await self.settle(lambda: self.frames > frames and expect())
        if PROFILE is not None:
            PROFILE.disable()
        queries = {k: v - q0.get(k, 0.0) for k, v in QUERY_CPU.items() if v - q0.get(k, 0.0) > 0}
        queries["(frames)"] = self.frames - frames  # not a query: how many frames the step drew
        queries["(main)"] = self.last_frame_main - m0  # not a query: CPU of the event loop's thread
        return self.last_frame - t0, self.last_frame_cpu - c0, queries

    async def keys(self, *keys: str) -> None:
        await self.pilot.press(*keys)
        await self.settle()


def vocabulary(conn: sqlite3.Connection, low: int, high: int, n: int) -> list[str]:
    """Up to `n` plain words that between `low` and `high` articles contain (the article index's own
    counts, fts5vocab), spread over that range."""
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.article_vocab USING fts5vocab(main, article_fts, row)")
    rows = conn.execute(
        "SELECT term FROM temp.article_vocab WHERE doc BETWEEN ? AND ? AND length(term) >= 4 "
        "AND term NOT GLOB '*[^a-z]*' ORDER BY doc, term",
        (low, high),
    ).fetchall()
    step = max(1, len(rows) // max(n, 1))
    return [r[0] for r in rows[::step]][:n]


def sample_targets(db: str, reps: int) -> dict:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rare = vocabulary(conn, 1, 200, reps)  # (a corpus copied over and over has no word in fewer than its copies)
    under = vocabulary(conn, 900, 999, reps)
    over = vocabulary(conn, 1001, 1150, reps)
    dates = [
        r[0]
        for r in conn.execute(
            "SELECT value_start FROM timex WHERE value_start IS NOT NULL ORDER BY random() LIMIT ?", (reps,)
        )
    ]
    from .queries import fielded_queries

    fielded = fielded_queries(conn, reps)
    conn.close()
    words = [
        "oil",
        "tonnes",
        "dollar",
        "Japan",
        "wheat",
        "Soviet",
        "China",
        "bank",
        "profit",
        "Gorbachev",
        "OPEC",
        "merger",
        "shares",
        "Moscow",
        "Beijing",
        "trade deficit",
        "coffee",
        "interest rates",
        "Reagan",
        "gold",
        "yen",
        "export",
        "strike",
        "sugar",
        "Tokyo",
    ]
    return {
        "dates": dates,
        "words": (words * (reps // len(words) + 1))[:reps],
        "fielded": fielded,
        "rare": rare,
        "under 1,000": under,
        "over 1,000": over,
    }


STEPS = (
    "open article",
    "follow entity",
    "filter quotes by speaker",
    "jump timeline to date",
    "open event",
    "next event",
    "search a word",
    "search a rare word",
    "search just under 1,000",
    "search just over 1,000",
    "search with fields",
    "search with an entity filter",
    "go back",
    "sort articles by oldest",
    "sort articles by title",
    "sort articles by source",
    "sort articles by source_desc",
    "group quotes by speaker",
    "group every quote by speaker",
    "jump to end: articles",
    "jump to end: articles by oldest",
    "jump to end: articles by title",
    "jump to end: articles by source",
    "jump to end: entities",
    "jump to end: timeline",
    "jump to end: quotes",
    "jump to end: quotes by speaker",
    "jump to end: every quote",
    "jump to end: every quote by speaker",
)
QUIT_AFTER = ("search a word", "group quotes by speaker", "jump to end: quotes", "sort articles by title")


async def quote_speakers(h: Harness, s, reps: int, notes: list[str]) -> list[tuple[int, int]]:
    """(row, speaker) of up to `reps` quotes with a known speaker, each a different one, from the first 500."""
    await h.keys("X", "4")
    quotes = s.lst("quotes")
    speakers: list[tuple[int, int]] = []
    seen = set()
    for page in range(0, 5):
        quotes.move_to(page * 100, announce=False)
        await h.settle()
        for j in range(page * 100, min((page + 1) * 100, quotes.total or 0)):
            r = quotes.row(j)
            if r is not None and r.speaker_entity is not None and r.speaker_entity not in seen:
                seen.add(r.speaker_entity)
                speakers.append((j, r.speaker_entity))
        if len(speakers) >= reps:
            break
    if not speakers:
        notes.append("no quote with a known speaker in the first 500 quotes")
    return speakers


def machine_ms(rounds: int = 7) -> dict[str, float]:
    """How fast this machine runs now: the milliseconds of one fixed piece of work (Python objects and an in-memory
    SQLite table, one thread), the best and the median of `rounds`. The same code's steps cost more CPU when the
    machine is shared or throttled; a run's figures are read against this (docs/performance.md)."""

    def once() -> float:
        t0 = time.perf_counter()
        conn = sqlite3.connect(":memory:")
        conn.execute("CREATE TABLE t(a INTEGER, b TEXT)")
        conn.executemany("INSERT INTO t VALUES (?, ?)", ((i, f"row {i * 7919 % 10007}") for i in range(20_000)))
        conn.execute("CREATE INDEX t_b ON t(b)")
        rows = conn.execute("SELECT b, COUNT(*) FROM t WHERE a % 3 = 0 GROUP BY b ORDER BY b").fetchall()
        conn.close()
        sorted({str(r[0])[::-1]: r[1] for r in rows}.items())
        return (time.perf_counter() - t0) * 1000

    times = sorted(once() for _ in range(rounds))
    return {"best": round(times[0], 1), "median": round(times[len(times) // 2], 1)}


async def run(db: str, reps: int, size: tuple[int, int], only: tuple[str, ...] = ()) -> dict:
    from model.corpus import query as q
    from tui.app import SinorusApp
    from tui.browser import MainScreen
    from tui.config import Config

    trace_queries()
    machine_start = machine_ms()
    targets = sample_targets(db, reps)
    app = SinorusApp(db, config=Config(), theme="textual-dark")

    def want(*names: str) -> bool:
        return not only or any(n.startswith(o) for n in names for o in only)

    lat: dict[str, list[tuple[float, float, dict]]] = {k: [] for k in STEPS if want(k)}
    notes: list[str] = []
    t_start = time.perf_counter()
    async with app.run_test(size=size) as pilot:
        h = Harness(app, pilot)
        s = next(x for x in app.screen_stack if isinstance(x, MainScreen))
        await h.settle(lambda: s.lst("articles").total is not None and s.reader.doc.kind == "article")
        first_screen_s = h.last_frame - t_start
        rss_start = rss_kb("VmRSS")

        # 1, 2 and 6: open an article, follow an entity in it, go back to the article
        arts = s.lst("articles")
        for i in range(reps if want("open article", "follow entity") else 0):
            await h.keys("X", "1")
            idx = (i * 7) % min(arts.total or 1, 100)
            arts.move_to(idx, announce=False)
            await h.settle()
            row = arts.highlighted
            opened = await h.timed("enter", lambda: s.reader.doc.kind == "article" and s.reader.doc.ident == row.id)
            if want("open article"):  # (also run to follow an entity in it)
                lat["open article"].append(opened)
            links = [
                k
                for k, lk in enumerate(s.reader.doc.links)
                if lk.kind == "mention" and getattr(lk.target, "entity", None) is not None
            ]
            if not links:
                notes.append(f"article {row.id} has no entity links")
                continue
            k = links[i % len(links)]
            ent = s.reader.doc.links[k].target.entity
            s.reader.focus()
            s.reader.set_cursor(k)
            await h.settle()
            followed = await h.timed("enter", lambda: s.reader.doc.kind == "entity" and s.reader.doc.ident == ent)
            if want("follow entity"):
                lat["follow entity"].append(followed)
            lat.setdefault("go back", []).append(
                await h.timed(
                    "left_square_bracket", lambda: s.reader.doc.kind == "article" and s.reader.doc.ident == row.id
                )
            )

        # 3: filter quotes by a speaker
        speakers = [] if not want("filter quotes by speaker") else await quote_speakers(h, s, reps, notes)
        for j, sid in speakers[:reps]:
            await h.keys("X", "4")
            quotes = s.lst("quotes")
            quotes.move_to(j, announce=False)
            await h.settle(lambda: quotes.row(j) is not None)
            lat["filter quotes by speaker"].append(
                await h.timed(
                    "f",
                    lambda: (
                        s.state.chips.speaker is not None
                        and s.state.chips.speaker[0] == sid
                        and quotes.total is not None
                    ),
                )
            )

        # 4: jump the timeline to a date
        for date in targets["dates"] if want("jump timeline") else []:
            await h.keys("X", "3", "d")
            box = app.screen.query_one("#date")
            if not box.has_focus:  # the date box is not focused when the modal opens (reported)
                box.focus()
                notes.append("date box not focused on open") if "date box not focused on open" not in notes else None
            await h.keys(*date)
            lat["jump timeline to date"].append(
                await h.timed("enter", lambda: isinstance(app.screen, MainScreen) and app.focused is s.lst("timeline"))
            )

        # 4b: open an event (enter on a Timeline row: its page) and step to the next one (j: its page in the reader)
        timeline = s.lst("timeline")
        for i in range(reps if want("open event", "next event") else 0):
            await h.keys("X", "3")
            await h.settle(lambda: timeline.total is not None)
            if not timeline.total or timeline.total < 2:
                notes.append("the Timeline has fewer than two events")
                break
            idx = (i * 7919) % (timeline.total - 1)
            timeline.move_to(idx, announce=False)
            await h.settle(lambda: timeline.row(idx) is not None)
            row = timeline.row(idx)
            lat["open event"].append(
                await h.timed("enter", lambda: s.reader.doc.kind == "event" and s.reader.doc.ident == row.id)
            )
            await h.keys("3")
            await h.settle()
            lat["next event"].append(
                await h.timed(
                    "j",
                    lambda: (
                        timeline.row(idx + 1) is not None
                        and s.reader.doc.kind == "event"
                        and s.reader.doc.ident == timeline.row(idx + 1).id
                    ),
                )
            )

        # 5 and 6: search a word (common, rare, just under and just over 1,000 articles), go back
        for step, words in (
            ("search a word", targets["words"]),
            ("search a rare word", targets["rare"]),
            ("search just under 1,000", targets["under 1,000"]),
            ("search just over 1,000", targets["over 1,000"]),
        ):
            for word in words if want(step, "go back") else []:
                await h.keys("X", "1", "slash")
                await h.keys(*[("space" if c == " " else c) for c in word])
                lat.setdefault(step, []).append(
                    await h.timed(
                        "enter", lambda word=word: s.state.chips.search == word and s.lst("articles").total is not None
                    )
                )
                back = await h.timed("left_square_bracket", lambda: s.state.chips.search is None)
                if step == "search a word":
                    lat.setdefault("go back", []).append(back)

        # 7: search with fields (the line set at once: typing it is not what is measured)
        for line in targets["fielded"] if want("search with fields") else []:
            await h.keys("X", "1", "slash")
            app.screen.query_one("#search").value = line
            await h.settle()
            lat["search with fields"].append(
                await h.timed(
                    "enter",
                    lambda line=line: (
                        s.state.chips.search == line
                        and s.lst("articles").total is not None
                        and s.lst("quotes").total is not None
                    ),
                )
            )

        # 8: a word searched with an entity filter on (f on a row of Entities, the most mentioned first)
        ents = s.lst("entities")
        for i, word in enumerate(targets["words"] if want("search with an entity") else []):
            await h.keys("X", "2")
            await h.settle(lambda: ents.total is not None)
            ents.move_to(i % min(ents.total or 1, 10), announce=False)
            await h.settle(lambda: ents.highlighted is not None)
            eid = ents.highlighted.id
            await h.keys("f")
            await h.settle(lambda: s.state.chips.entity is not None and s.state.chips.entity[0] == eid)
            await h.keys("1", "slash")
            app.screen.query_one("#search").value = word
            await h.settle()
            lat["search with an entity filter"].append(
                await h.timed(
                    "enter",
                    lambda word=word: (
                        s.state.chips.search == word
                        and s.state.chips.entity is not None
                        and s.lst("articles").total is not None
                        and s.lst("quotes").total is not None
                    ),
                )
            )

        # 9: sorts (s on Articles steps through q.ARTICLE_SORTS from newest, back to newest; on Quotes: newest ->
        # said -> by speaker)
        for _ in range(reps if want("sort articles") else 0):
            await h.keys("X", "1")
            await h.settle(lambda: arts.total is not None and s.state.article_sort == "date")
            for sort in q.ARTICLE_SORTS[1:]:
                lat[f"sort articles by {sort}"].append(
                    await h.timed("s", lambda sort=sort: s.state.article_sort == sort and arts.total is not None)
                )
            await h.keys("s")
            await h.settle(lambda: s.state.article_sort == "date")
        quotes = s.lst("quotes")
        for view, step in (("statements", "group quotes by speaker"), ("quotes", "group every quote by speaker")):
            for _ in range(reps if want(step) else 0):
                await h.keys("X", "4")
                if s.state.quote_view != view:
                    await h.keys("v")
                await h.settle(lambda view=view: quotes.total is not None and s.state.quote_view == view)
                await h.settle(lambda: quotes.total is not None and s.state.quote_sort == "date")
                if view == "quotes":  # every quote: newest, when said, by speaker (statements: newest, by speaker)
                    await h.keys("s")
                    await h.settle(lambda: s.state.quote_sort == "said" and quotes.total is not None)
                lat[step].append(
                    await h.timed("s", lambda: s.state.quote_sort == "speaker" and quotes.total is not None)
                )
                await h.keys("s")
                await h.settle(lambda: s.state.quote_sort == "date")
                if view != "statements":
                    await h.keys("v")
                    await h.settle(lambda: s.state.quote_view == "statements")

        # 10: jump to the end (G) of each list, then back to the top (g) untimed
        for pane, sorts, name in (
            ("1", 0, "articles"),
            ("1", 1, "articles by oldest"),
            ("1", 2, "articles by title"),
            ("1", 3, "articles by source"),
            ("2", 0, "entities"),
            ("3", 0, "timeline"),
            ("4", 0, "quotes"),
            ("4", 1, "quotes by speaker"),  # grouped by statement: newest, by speaker
            ("4v", 0, "every quote"),
            ("4v", 2, "every quote by speaker"),
        ):
            step = f"jump to end: {name}"
            if not want(step):
                continue
            lst = s.lst({"1": "articles", "2": "entities", "3": "timeline", "4": "quotes"}[pane[0]])
            for _ in range(reps):
                await h.keys("X", pane[0])
                if pane == "4v":
                    await h.keys("v")
                    await h.settle(lambda: s.state.quote_view == "quotes")
                await h.keys(*["s"] * sorts)
                await h.settle(lambda lst=lst: lst.total is not None)
                lst.move_to(0, announce=False)  # (a list left at a date jumped to has no first page read)
                await h.settle(lambda lst=lst: lst.row(0) is not None)
                lat[step].append(
                    await h.timed(
                        "G",
                        lambda lst=lst: (
                            lst.total is not None and lst.cursor == lst.total - 1 and lst.row(lst.cursor) is not None
                        ),
                    )
                )
                cycle = len(q.ARTICLE_SORTS) if pane == "1" else len(q.QUOTE_SORTS) - (pane == "4")
                for _ in range((cycle - sorts) % cycle):
                    await h.keys("s")
                if pane == "4v":
                    await h.keys("v")
                await h.settle()
        rss_end = rss_kb("VmRSS")

    steps = {}
    for k, v in lat.items():
        frames = [x[2].pop("(frames)") for x in v]
        main = [x[2].pop("(main)") for x in v]
        wall, cpu, sql = [x[0] for x in v], [x[1] for x in v], [sum(x[2].values()) for x in v]
        by_query: dict[str, float] = {}
        for x in v:
            for name, sec in x[2].items():
                by_query[name] = by_query.get(name, 0.0) + sec
        steps[k] = {
            "n": len(v),
            "p50_ms": round(pct(wall, 50) * 1000, 1),
            "p95_ms": round(pct(wall, 95) * 1000, 1),
            "max_ms": round(max(wall) * 1000, 1) if v else None,
            "cpu_p50_ms": round(pct(cpu, 50) * 1000, 1),
            "cpu_p95_ms": round(pct(cpu, 95) * 1000, 1),
            "main_cpu_p50_ms": round(pct(main, 50) * 1000, 1),
            "main_cpu_p95_ms": round(pct(main, 95) * 1000, 1),
            "frames_mean": round(sum(frames) / len(frames), 1) if frames else None,
            "sql_cpu_p50_ms": round(pct(sql, 50) * 1000, 1),
            "sql_cpu_p95_ms": round(pct(sql, 95) * 1000, 1),
            "sql_cpu_by_query_mean_ms": {
                k: round(t / len(v) * 1000, 1) for k, t in sorted(by_query.items(), key=lambda kv: -kv[1])
            },
            "all_ms": [round(x * 1000, 1) for x in wall],
            "all_cpu_ms": [round(x * 1000, 1) for x in cpu],
        }
    return {
        "db": db,
        "size": list(size),
        "reps": reps,
        "first_screen_s": round(first_screen_s, 3),
        "steps": steps,
        "rss_after_first_screen_mb": round(rss_start / 1024, 1),
        "rss_end_mb": round(rss_end / 1024, 1),
        "peak_rss_mb": round(rss_kb("VmHWM") / 1024, 1),
        "notes": notes,
        "machine_ms": {"start": machine_start, "end": machine_ms()},
    }


QUIT_SETUPS = {
    "idle": ((), None),
    "search a word": (("X", "1", "slash"), "enter"),
    "group quotes by speaker": (("X", "4"), "s"),  # grouped by statement: newest, then by speaker
    "jump to end: quotes": (("X", "4"), "G"),
    "sort articles by title": (("X", "1", "s"), "s"),
}


async def quit_once(db: str, size: tuple[int, int], step: str, i: int) -> float:
    """Start an app, make ready for `step`, send its key and ctrl+q at once: the perf_counter of the send."""
    from textual import events

    from tui.app import SinorusApp
    from tui.browser import MainScreen
    from tui.config import Config

    before, key = QUIT_SETUPS[step]
    app = SinorusApp(db, config=Config(), theme="textual-dark")
    async with app.run_test(size=size) as pilot:
        h = Harness(app, pilot)
        s = next(x for x in app.screen_stack if isinstance(x, MainScreen))
        await h.settle(lambda: s.lst("articles").total is not None and s.reader.doc.kind == "article")
        await h.keys(*before)
        if step == "search a word":
            app.screen.query_one("#search").value = ("oil", "shares", "bank", "trade deficit")[i % 4]
            await h.settle()
        t0 = time.perf_counter()
        for k in (key, "ctrl+q") if key else ("ctrl+q",):
            event = events.Key(k, "\r" if k == "enter" else (k if len(k) == 1 else None))
            event.set_sender(app)
            app._driver.send_message(event)
        while app.is_running and time.perf_counter() - t0 < 30:
            await asyncio.sleep(POLL)
    return t0


def quit_times(db: str, reps: int, size: tuple[int, int], only: tuple[str, ...] = ()) -> dict:
    """Seconds from ctrl+q, sent right after a step's key (its queries running), until the event loop has
    closed, as `App.run` returns: asyncio.run waits for the worker threads there. "idle": ctrl+q with nothing
    running. A fresh app each time."""
    out: dict[str, list[float]] = {}
    for step in QUIT_SETUPS:
        if only and step != "idle" and not any(step.startswith(o) for o in only):
            continue
        for i in range(reps):
            t0 = asyncio.run(quit_once(db, size, step, i))
            out.setdefault(step, []).append(time.perf_counter() - t0)
    return {
        k: {"n": len(v), "p95_ms": round(pct(v, 95) * 1000, 1), "max_ms": round(max(v) * 1000, 1)}
        for k, v in out.items()
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--reps", type=int, default=20)
    ap.add_argument("--size", default="120x35")
    ap.add_argument("--profile", metavar="FILE", help="cProfile the timed steps (main thread) into FILE")
    ap.add_argument("--steps", default="", help="only the steps whose names start with one of these (comma-separated)")
    ap.add_argument("--quit-reps", type=int, default=3, help="fresh apps quit after each of a few steps (0: none)")
    args = ap.parse_args()
    only = tuple(x.strip() for x in args.steps.split(",") if x.strip())
    if args.profile:
        import cProfile

        global PROFILE
        PROFILE = cProfile.Profile()
    w, h = (int(x) for x in args.size.split("x"))
    result = asyncio.run(run(args.db, args.reps, (w, h), only))
    if args.quit_reps:
        result["quit_after_step"] = quit_times(args.db, args.quit_reps, (w, h), only)
    print(json.dumps(result))
    if PROFILE is not None:
        PROFILE.dump_stats(args.profile)


if __name__ == "__main__":
    main()
