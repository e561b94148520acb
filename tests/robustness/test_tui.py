"""Hostile text in the browser: escape sequences, C0/C1 controls, bidi overrides and markup in
titles, article text, entity names, quotes and dates show literally, nothing is interpreted,
and no control byte reaches the terminal. Also: wide and combining Unicode keeps the layout,
the terminal shrinks to 20×5 and back, and any search string gives results or a message.

The rows are written straight into the database (ingest would sanitise them), so what is
tested is the browser's own defence. One test runs the real app in a pseudo-terminal and
checks the bytes it writes; the others run in this process with notifications on (Textual's
test default hides toasts, and with them any markup a toast would parse).
"""

from __future__ import annotations

import base64
import os
import re
import sqlite3
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.corpus import query as q
from tests.conftest import ROOT
from tests.robustness.hostile import ESCAPES, FORBIDDEN, LITERAL, PAYLOAD, poison
from tests.robustness.term import Pty, sequences
from tests.tui.conftest import screen_of, settle
from tests.tui.fixture_db import build
from tui.config import Config


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    db = build(tmp_path_factory.mktemp("hostile") / "hostile.db")
    poison(db)
    return db


def app_for(db):
    from tui.app import SinorusApp

    return SinorusApp(db, config=Config(), theme="textual-dark")


def screen_strips(app):
    """What the compositor would send to the terminal for the current screen."""
    return app.screen._compositor.render_strips()


def check_screen(app) -> str:
    """Assert that nothing on screen is a control character, a hyperlink or a click action
    that came from data; return the screen's text."""
    lines = []
    for strip in screen_strips(app):
        line = []
        for seg in strip:
            line.append(seg.text)
            style = seg.style
            if style is not None:
                assert not style.link, f"a hyperlink on {seg.text!r}: {style.link}"
                clicks = {v for k, v in (style.meta or {}).items() if k.startswith("@click")}
                assert not clicks, f"a click action on {seg.text!r}: {clicks}"
        text = "".join(line)
        assert not FORBIDDEN.search(text), f"control or bidi character on screen: {text!r}"
        lines.append(text)
    return "\n".join(lines)


# ---------------------------------------------------------------- in this process: every view

VIEWS = [  # (what, keys there, keys back)
    ("articles list and reader", [], []),
    ("entity page and entity chip", ["2", "enter"], ["X"]),
    ("timeline of events and event provenance", ["3", "p"], ["p"]),
    ("event page", ["3", "enter"], ["left_square_bracket"]),
    ("timeline of dates and date provenance", ["3", "v", "p"], ["p", "v"]),
    ("quotes and quote provenance", ["4", "p"], ["p"]),
    ("mention in the reader and its provenance", ["1", "enter", "tab", "e", "p"], ["p", "X"]),
]


async def test_hostile_rows_show_literally_in_every_view(hostile_db):
    app = app_for(hostile_db)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        r = screen_of(app).reader
        shown = "\n".join(r.render_line(y).text for y in range(r.size.height))
        for fragment in LITERAL:  # every fragment whole, as typed
            assert fragment in shown
        for name, keys, back in VIEWS:
            await pilot.press(*keys)
            await settle(pilot)
            assert app.is_running, name
            text = check_screen(app)
            assert "[bold]B[/bold]" in text, name  # markup shows as typed (longer fragments may be cut)
            assert "pwned" not in app.title and "pwned" not in (app.sub_title or "")
            await pilot.press(*back)


# Messages that quote data or what the user typed: `notify` parses markup unless told not to,
# so a `[/]` or `[link=…]` there would crash the app (MarkupError) or become a live click.
MESSAGES = [  # (what, keys, keys back)
    ("copy a hostile quote (tui/browser.py action_copy_quote)", ["4", "y"], []),
    ("search for [/] (tui/browser.py _search)", ["slash", "[", "/", "]", "enter"], []),
    ("date box given [/] (tui/browser.py date prompt)", ["D", "[", "/", "]", "enter"], ["escape"]),
    (
        "a date with no calendar value (tui/navigation.py, following a date link)",
        ["1", "G", "enter", "undated date link", "enter"],
        [],
    ),
]


def _to_undated_date_link(app) -> None:
    r = screen_of(app).reader
    index = next(i for i, lk in enumerate(r.doc.links) if lk.kind == "date" and not lk.target.value_start)
    r.focus()
    r.set_cursor(index)


def record_messages(monkeypatch) -> list[tuple[str, bool]]:
    """Every (message, markup) that reaches Textual's `App.notify` (toasts expire; this list does not)."""
    from textual.app import App

    seen, notify = [], App.notify

    def record(self, message, *args, **kw):
        seen.append((message, kw.get("markup", True)))
        return notify(self, message, *args, **kw)

    monkeypatch.setattr(App, "notify", record)
    return seen


def assert_messages_are_literal(messages) -> None:
    """Every message shows its text as given: a toast parses markup unless told not to, and a
    message quoting data would then crash the app (MarkupError) or run its markup."""
    from textual.content import Content

    for message, markup in messages:
        if markup:
            assert Content.from_markup(message).plain == message, f"markup in a message: {message!r}"


async def test_messages_quoting_hostile_text_show_it_literally(hostile_db, monkeypatch):
    app = app_for(hostile_db)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        seen = record_messages(monkeypatch)
        for name, keys, back in MESSAGES:
            before = len(seen)
            for key in keys:
                if key == "undated date link":
                    await settle(pilot)  # the article is loaded
                    _to_undated_date_link(app)
                else:
                    await pilot.press(key)
            await settle(pilot)
            assert app.is_running and len(seen) > before, name
            assert_messages_are_literal(seen)
            check_screen(app)
            await pilot.press(*back)
        assert not FORBIDDEN.search(app.clipboard or "") and "[@click=app.quit]Q[/]" in app.clipboard


async def test_command_palette_shows_names_literally(tmp_path):
    db = build(tmp_path / "c.db")
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE entity SET canonical='[@click=app.quit]Kremlin[/]' WHERE canonical='Kremlin'")
        conn.execute(
            "UPDATE entity SET canonical='[link=https://evil.example]Wang Yi[/link]' WHERE canonical='Wang Yi'"
        )
    conn.close()
    from textual.command import CommandList

    app = app_for(db)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        prompts = {}
        for typed in ("Kremlin", "Wang Yi"):
            await pilot.press("ctrl+p", *typed)
            options = app.screen.query_one(CommandList)
            for _ in range(500):  # the palette searches in a worker: poll for its answer
                await pilot.pause(0.02)
                texts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
                if any("Go to entity" in t or "No matches" in t for t in texts):
                    break
            prompts[typed] = texts
            check_screen(app)
            await pilot.press("escape")
        assert any("[@click=app.quit]Kremlin[/]" in t for t in prompts["Kremlin"]), prompts
        assert any("[link=https://evil.example]Wang Yi[/link]" in t for t in prompts["Wang Yi"]), prompts


# ---------------------------------------------------------------- the bytes a real terminal gets

# Escape sequences Textual itself writes: SGR, cursor position, private modes, mode queries,
# kitty keyboard protocol, cursor show/hide; OSC 22 (pointer shape).
OWN_CSI = re.compile(r"^(?:[\d;:]*[mHJKABCDGX]|\?[\d;]+[hl]|\?\d+\$p|[<>=]\d*u|\d*(?: q|t))$")
OWN_OSC = re.compile(r"^22;[\w-]+$")


def frame_rows(output: str) -> int:
    """How many rows the last frame drew: the highest row the cursor is sent to after the
    last move to row 1 column 1 (Textual redraws a resized screen from the top)."""
    moves = [(int(m.group(1)), int(m.group(2))) for m in re.finditer(r"\x1b\[(\d+);(\d+)H", output)]
    if moves and moves[-1] == (1, 1):  # the (hidden) cursor parked at the top left after a frame: no frame begun
        moves.pop()
    starts = [i for i, rc in enumerate(moves) if rc == (1, 1)]
    return max((r for r, _ in moves[starts[-1] :]), default=0) if starts else 0


def test_no_control_byte_reaches_the_terminal(hostile_db, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "COLUMNS", "LINES", "NO_COLOR"))}
    env.update(TERM="xterm-256color", LANG="C.UTF-8", XDG_CONFIG_HOME=str(tmp_path), HOME=str(tmp_path))
    term = Pty([sys.executable, "-m", "tui.cli", "--db", str(hostile_db)], size=(100, 30), env=env, cwd=str(ROOT))
    try:
        shown = lambda s: sequences(s)[1]  # noqa: E731
        term.wait_for(lambda s: "tab/e: next link" in shown(s) and "[bold]B[/bold]" in shown(s), what="the reader")
        # (keys, what the screen then shows, and one of these too: a list's rows, as `p` on a list still loading
        # has no row to show the provenance of)
        steps = [
            ("2\r", "Mentions (", ()),
            ("3", "Timeline", ()),
            ("v", "dated expressions", ("┄┄", "•")),  # the entity's dated sentences (it takes part in no event)
            ("p", "escape closes", ()),
            ("p", "Filter by", ()),
            ("4", "Quotes", ()),
            ("p", "escape closes", ()),
            ("p", "Filter by", ()),
            ("1\r", "tab/e: next link", ()),
            ("\tee", "p: provenance", ()),
            ("p", "escape closes", ()),
            ("p", "Filter by", ()),
        ]
        for keys, expect, rows in steps:
            mark = term.mark()
            term.send(keys)
            term.wait_for(
                lambda s: expect in shown(s) and s.strip() and (not rows or any(r in shown(s) for r in rows)),
                since=mark,
                what=f"{expect!r} after {keys!r}",
            )
        mark = term.mark()
        term.resize((20, 5))
        term.wait_for(lambda s: frame_rows(s) == 5, since=mark, what="a frame of 5 rows")
        mark = term.mark()
        term.resize((100, 30))
        term.wait_for(
            lambda s: frame_rows(s) == 30 and "[bold]B[/bold]" in shown(s),
            since=mark,
            what="the full layout again after 20×5",
        )
        term.send("q")
        code = term.close()
    finally:
        term.close() if term.proc.poll() is None else None
    out = term.text()
    assert code == 0, shown(out)[-2000:]
    seqs, text = sequences(out)
    for bad in (
        "\x1b[2J",
        "\x1b[31mRED",
        "\x1b]52;",
        "\x1b]8;;https://evil",
        "\x1b]0;pwned",
        "\x9b",
        "\x9d",
        "\u202e",
        "\u2066",
        "\u200f",
    ):
        assert bad not in out, f"{bad!r} reached the terminal"
    stray = FORBIDDEN.findall(text.replace("\r", "").replace("\n", ""))
    assert not stray, f"control characters outside escape sequences: {sorted(set(stray))!r}"
    foreign = {
        (kind, body)
        for kind, body in seqs
        if not (kind == "csi" and OWN_CSI.match(body) or kind == "osc" and OWN_OSC.match(body))
    }
    assert not foreign, f"escape sequences Textual does not write itself: {sorted(foreign)[:10]!r}"
    for fragment in (*LITERAL, "[2J[31mRED[0m]52;c;ZXZpbA=="):
        assert fragment in text, fragment


def test_osc52_copy_of_a_hostile_quote_carries_clean_text():
    """What `y` sends to the clipboard is base64 of cleaned text: no control survives a paste."""
    from tui.navigation import citation
    from tui.text import clean

    quote = q.QuoteRow(
        id=1,
        article=1,
        start=0,
        end=5,
        text=PAYLOAD,
        kind="direct",
        cue=PAYLOAD,
        cue_start=None,
        cue_end=None,
        speaker=PAYLOAD,
        speaker_entity=None,
        speaker_start=None,
        speaker_end=None,
        basis=PAYLOAD,
        confidence=0.9,
        title=PAYLOAD,
        source=PAYLOAD,
        published="2023-01-01",
    )
    text = citation(quote)
    assert not FORBIDDEN.search(text) and clean(ESCAPES) in text
    assert base64.b64decode(base64.b64encode(text.encode())).decode() == text


# ---------------------------------------------------------------- Unicode and the layout

UNICODE = (
    "习近平与普京在莫斯科会谈 Путин и Си Цзиньпин 🇨🇳🤝🇷🇺 👩‍💻 cafe\u0301 Z\u0335\u0322a\u0338l\u0334go\u0337 "
    "zero\u200bwidth ｆｕｌｌｗｉｄｔｈ "
)


@pytest.fixture(scope="module")
def unicode_db(tmp_path_factory):
    db = build(tmp_path_factory.mktemp("unicode") / "unicode.db")
    poison(db, UNICODE)
    return db


async def test_wide_and_combining_text_keeps_every_line_to_the_screen_width(unicode_db):
    app = app_for(unicode_db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        for size in ((80, 24), (37, 11)):
            await pilot.resize_terminal(*size)
            await settle(pilot)
            for keys in ([], ["2", "enter"], ["4"], ["1"]):
                await pilot.press(*keys)
                await settle(pilot)
                strips = screen_strips(app)
                assert len(strips) == size[1]
                assert [s.cell_length for s in strips] == [size[0]] * size[1], (size, keys)
                text = check_screen(app)
                assert "Путин" in text or "习近平" in text


# ---------------------------------------------------------------- 20×5 and back


def layout(app) -> dict[str, tuple]:
    s = screen_of(app)
    return {w.id: tuple(w.region) for w in s.query("*") if w.id and w.display}


async def test_resize_to_20x5_and_back_recovers_the_layout(hostile_db):
    app = app_for(hostile_db)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        before = layout(app)
        await pilot.resize_terminal(20, 5)
        await settle(pilot)
        assert app.is_running and [s.cell_length for s in screen_strips(app)] == [20] * 5
        await pilot.press("tab", "j", "k", "shift+tab")  # still usable while tiny
        await settle(pilot)
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert layout(app) == before
        assert [s.cell_length for s in screen_strips(app)] == [120] * 40
        check_screen(app)


# ---------------------------------------------------------------- any search string

FTS_BITS = [
    '"',
    "*",
    "(",
    ")",
    "NEAR",
    "AND",
    "OR",
    "NOT",
    "^",
    ":",
    "-",
    "+",
    "{",
    "}",
    "[",
    "]",
    "/",
    "\\",
    "%",
    "_",
    "'",
    "’",
    ".",
    ",",
    " ",
    "Putin",
    "Путин",
    "习近平",
    "\x00",
    "\u202e",
    "\x1b[2J",
    "col:",
    "NEAR(a b)",
]
SEARCHES = st.one_of(st.text(), st.lists(st.sampled_from(FTS_BITS), max_size=8).map("".join))


@pytest.fixture(scope="module")
def search_conn(hostile_db):
    conn = q.connect(hostile_db)
    yield conn
    conn.close()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=SEARCHES)
def test_any_search_gives_results_or_a_message(search_conn, text):
    from tui.widgets.reader import find_hits

    conn = search_conn
    entity = q.entities(conn, q.Filters(), limit=1)[0].id
    for f in (q.Filters(search=text), q.Filters(search=text, entity=entity)):
        try:
            n = q.count_articles(conn, f)
            rows = q.articles(conn, f, "date", 0, 50)
            assert len(rows) == min(n, 50)
            assert q.count_quotes(conn, f) == len(q.quotes(conn, f, "date", 0, 1000))
        except q.QueryError as e:
            assert str(e) and "\n" not in str(e)
    q.find_articles(conn, text)
    q.entities(conn, q.Filters(name=text))
    find_hits(PAYLOAD + " Putin said", q.search_terms(text))


TYPED = ['"* NEAR( ) OR (', "Путин*", "'; DROP TABLE article;--" + "x" * 300, "[@click=app.quit]"]


async def test_typing_any_search_keeps_the_browser_running(hostile_db):
    app = app_for(hostile_db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        s = screen_of(app)
        for typed in TYPED:
            await pilot.press("slash")
            s.query_one("#search").value = typed
            await pilot.press("enter")
            await settle(pilot)
            assert app.is_running, typed
            assert s.lst("articles").total is not None, typed
            check_screen(app)
        assert s.state.chips.search == "[@click=app.quit]" and s.lst("articles").total == 4
