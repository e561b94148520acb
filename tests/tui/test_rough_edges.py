"""Pilot tests for the rough edges a new user hit (issue 19, "Fix")."""

from __future__ import annotations

from tests.tui.conftest import screen_of, settle


def visible_lines(app) -> list[str]:
    r = screen_of(app).reader
    return [r.render_line(y).text for y in range(r.size.height)]


async def test_reader_reflows_to_its_width_after_unmaximising_a_pane(make_app):
    """Articles opened while a maximised pane hid the reader (0 columns wide) are laid out again
    at the reader's width when it comes back, not one character a line."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for key in ["4", "z", "j", "j", "j", "z"]:
            await pilot.press(key)
            await settle(pilot)
        reader = screen_of(app).reader
        assert reader._width == reader.text_width() > 40
        longest = max(len(line.strip()) for line in visible_lines(app))
        assert longest > 20


def shown(app) -> tuple[str, int]:
    doc = screen_of(app).reader.doc
    return doc.kind, doc.ident


async def test_reader_shows_the_item_of_the_pane_turned_to(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        first_article = s.lst("articles").highlighted.id
        await pilot.press("2")
        await settle(pilot)
        assert shown(app) == ("entity", s.lst("entities").highlighted.id)
        await pilot.press("4")
        await settle(pilot)
        statement = s.lst("quotes").highlighted
        assert shown(app) == ("statement", statement.id)  # grouped by statement: its page
        await pilot.press("v")  # every quote: the quote's article, at the quote
        await settle(pilot)
        quote = s.lst("quotes").highlighted
        assert shown(app) == ("article", quote.article)
        assert s.reader.link is not None and s.reader.link.kind == "quote"
        await pilot.press("1")
        await settle(pilot)
        assert shown(app) == ("article", first_article)


async def test_reader_follows_the_cursor_of_a_list_just_sorted(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        newest = s.lst("articles").highlighted.id
        await pilot.press("s")  # oldest first
        await settle(pilot)
        row = s.lst("articles").highlighted
        assert row.id != newest
        assert shown(app) == ("article", row.id)
        await pilot.press("4", "v", "s")  # every quote, by speaker
        await settle(pilot)
        assert shown(app) == ("article", s.lst("quotes").highlighted.article)


async def test_ctrl_c_says_how_to_quit_in_plain_words(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+c")
        await settle(pilot)
        notices = [n.message for n in app._notifications]
        assert notices and "quit" in notices[-1]
        assert notices[-1] == "press q or ctrl+q to quit"
        assert app.is_running


async def test_date_box_says_a_day_or_month_off_the_calendar_is_not_a_date(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        timeline = s.lst("timeline")
        await pilot.press("3")
        await settle(pilot)
        before = (timeline.cursor, s.reader.doc.ident)
        for typed, why in (("2023-02-30", "day is out of range"), ("2023-13-01", "month must be in 1..12")):
            await pilot.press("d", *typed, "enter")
            await settle(pilot)
            notice = [n.message for n in app._notifications][-1]
            assert notice.startswith(f"not a date: “{typed}”") and why in notice
            assert "\n" not in notice
            assert (timeline.cursor, s.reader.doc.ident) == before  # no jump to March or to 2024
            await pilot.press("escape")
        await pilot.press("d", *"2024-02-29", "enter")  # a leap day is a date
        await settle(pilot)
        assert not [n for n in app._notifications if "2024-02-29" in n.message]


async def test_bad_key_names_and_clashing_keys_are_reported_once_and_keep_the_defaults(make_app, tmp_path):
    from tui.config import load_config

    path = tmp_path / "config.toml"
    path.write_text(
        "[keys]\n"
        '"history.back" = "b,left_square_bracket"\n'  # b is Articles' date basis
        '"history.forward" = "ctrl+shift+banana"\n'
        '"filter.add" = "notakey+zz"\n'
        '"provenance" = ",,,"\n'
        '"quote.copy" = "i"\n',  # free everywhere: applied (c corrects; o sorts a list by its next column)
        encoding="utf-8",
    )
    cfg = load_config(path)
    assert cfg.keys == {"quote.copy": "i"}
    assert len(cfg.problems) == 4 and all("\n" not in p and "keeps its default keys" in p for p in cfg.problems)
    assert any("'b' is already 'articles.basis'" in p for p in cfg.problems)
    assert any("'banana' is not a key name" in p for p in cfg.problems)
    app = make_app(config=cfg)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        notices = [n.message for n in app._notifications]
        assert sorted(notices) == sorted(cfg.problems)  # once each
        basis = s.state.show_basis
        await pilot.press("b")  # still Articles' date basis
        await settle(pilot)
        assert s.state.show_basis != basis
        await pilot.press("left_square_bracket")  # back keeps its default keys
        await settle(pilot)
        assert s.state.show_basis == basis


async def test_keyword_in_context_lines_cut_at_word_boundaries_around_the_mention(make_app, db_path):
    import re
    import sqlite3

    with sqlite3.connect(db_path) as conn:
        words = {
            w for (text,) in conn.execute("SELECT title || ' ' || text FROM article") for w in re.findall(r"\w+", text)
        }
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await pilot.press("2")
        entities = s.lst("entities")
        entities.move_to(next(i for i in range(entities.total) if entities.row(i).name == "Vladimir Putin"))
        await settle(pilot)
        doc = s.reader.doc
        assert doc.kind == "entity"
        mention_links = [lk for lk in doc.links if lk.kind == "article"]
        assert len(mention_links) >= 4
        lines = doc.text.split("\n")
        starts = [0]
        for line in lines:
            starts.append(starts[-1] + len(line) + 1)
        for link in mention_links:
            row = max(i for i, start in enumerate(starts) if start <= link.start)
            line, at = lines[row], link.start - starts[row]
            before, after = line[13:at], line[at + link.end - link.start :]
            assert all(w in words for w in re.findall(r"\w+", before + " " + after)), line  # no half words
            side = max(4, (s.reader.text_width() - 14 - (link.end - link.start)) // 2)
            assert len(before) == side and len(after) <= side, line  # the mention in the middle


def test_context_is_cut_between_words_and_fits_its_width():
    from tui.text import context_after, context_before

    assert context_before("said in Moscow and Beijing ", 14) == " …and Beijing "
    assert context_after(" told reporters in Geneva", 14) == " told…"
    assert context_before("Unbreakablewordwithoutspaces", 8) == "       …"
    assert context_after("Unbreakablewordwithoutspaces", 8) == "…"
    assert context_before("short ", 10) == "    short " and context_after(" short", 10) == " short"
    for width in (0, 1, 2, 5):
        assert len(context_before("one two three four", width)) == width
        assert len(context_after("one two three four", width)) <= width


async def test_palette_offers_no_jump_to_a_day_off_the_calendar(make_app):
    from tui.palette import DateCommands

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        provider = DateCommands(app.screen)
        good = [hit.text async for hit in provider.search("2024-02-29")]
        bad = [hit.text async for hit in provider.search("2023-02-30")]
        assert good == ["Go to date: 2024-02-29"]
        assert not any(text.startswith("Go to date:") for text in bad)


async def test_a_search_lines_error_goes_once_the_line_is_put_right(make_app):
    """Found at 80×24: `/` `speaker:` enter said what was wrong, and the warning stayed up for 8 s over the
    results of the search put right after it."""
    from textual.widgets import Input

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await pilot.press("slash")
        await settle(pilot)
        box = s.query_one("#search", Input)
        box.value = "speaker:"
        await pilot.press("enter")
        await settle(pilot)
        assert any("needs a value" in str(n.message) for n in app._notifications)
        box.value = "Moscow"
        await pilot.press("enter")
        await settle(pilot)
        assert s.state.chips.search == "Moscow"
        assert not any("needs a value" in str(n.message) for n in app._notifications)


async def test_a_date_lines_error_goes_when_the_line_is_given_up(make_app):
    from textual.widgets import Input

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await pilot.press("D")
        await settle(pilot)
        s.query_one("#date", Input).value = "2023-02-30"
        await pilot.press("enter")
        await settle(pilot)
        assert any("not a date" in str(n.message) for n in app._notifications)
        await pilot.press("escape")
        await settle(pilot)
        assert not any("not a date" in str(n.message) for n in app._notifications)
