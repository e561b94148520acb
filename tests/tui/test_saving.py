"""Save what you see (`S`) and pipe it to a command (`|`): pilot tests against the fixture corpus."""

from __future__ import annotations

import csv
import json

from textual.widgets import Input

from tests.tui.conftest import screen_of, settle
from tui.config import Config
from tui.saving import exports_dir, quotes_text, safe_text


def shown(vl) -> list:
    return [vl.row(i) for i in range(vl.total)]


async def answer(pilot, prompt: str, value: str) -> None:
    """Type `value` into the open prompt line `prompt` and press enter."""
    s = screen_of(pilot.app)
    box = s.query_one(f"#{prompt}", Input)
    assert box.display and s.focused is box
    box.value = value
    await pilot.press("enter")
    await settle(pilot)


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_a_searched_list_saved_as_jsonl_holds_the_rows_it_shows(make_app, tmp_path):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await pilot.press("slash")
        await answer(pilot, "search", "Russia")
        rows = shown(s.lst("articles"))
        assert 0 < len(rows) < 5  # the search narrowed the list (the hostile article is out)
        await pilot.press("S")
        assert s.query_one("#save", Input).value.startswith(str(exports_dir()))
        target = tmp_path / "found.jsonl"
        await answer(pilot, "save", str(target))
        records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
        assert [r["article"] for r in records] == [row.key for row in rows]
        assert [r["published"] for r in records] == [row.published for row in rows]
        assert set(records[0]) == {"article", "title", "source", "url", "published", "published_basis", "text"}
        assert any(f"saved {len(rows)} articles" in n for n in notices(app))


async def test_quotes_sorted_by_speaker_saved_as_csv_keep_the_lists_order(make_app, tmp_path):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await pilot.press("4", "v", "s", "s")  # every quote; date → said → speaker
        await settle(pilot)
        assert s.state.quote_sort == "speaker"
        rows = shown(s.lst("quotes"))
        await pilot.press("S")
        target = tmp_path / "quotes.CSV"
        await answer(pilot, "save", str(target))
        with target.open(encoding="utf-8", newline="") as f:
            records = list(csv.DictReader(f))
        assert [(int(r["start"]), int(r["end"])) for r in records] == [(row.start, row.end) for row in rows]
        assert [r["speaker"] or None for r in records] == [row.speaker for row in rows]
        assert not any(r["text"].startswith(("=", "+", "-", "@")) for r in records)  # neutralised, as export does


async def test_the_entities_of_one_type_are_saved_and_the_default_folder_is_made(make_app, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await pilot.press("2", "t")  # one entity type
        await settle(pilot)
        rows = shown(s.lst("entities"))
        await pilot.press("S")
        default = s.query_one("#save", Input).value
        assert default.startswith(str(tmp_path / "data" / "sinorus-tui" / "exports" / "entities-"))
        await answer(pilot, "save", default)
        saved = list((tmp_path / "data" / "sinorus-tui" / "exports").iterdir())
        assert len(saved) == 1 and saved[0].suffix == ".jsonl"
        names = [json.loads(line)["entity"] for line in saved[0].read_text(encoding="utf-8").splitlines()]
        assert names == [row.name for row in rows]


async def test_a_bad_path_or_an_existing_file_is_one_line(make_app, tmp_path):
    app = make_app()
    existing = tmp_path / "there.jsonl"
    existing.write_text("kept\n", encoding="utf-8")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await answer(pilot, "save", str(tmp_path / "no" / "such" / "folder" / "x.jsonl"))
        await pilot.press("S")
        await answer(pilot, "save", str(existing))
        await pilot.press("S")
        await answer(pilot, "save", "   ")
        lines = notices(app)
        assert any(n.startswith("cannot write") and "No such file or directory" in n for n in lines)
        assert any("exists already" in n for n in lines)
        assert any("no file name" in n for n in lines)
        assert all("\n" not in n and "Traceback" not in n for n in lines)
        assert existing.read_text(encoding="utf-8") == "kept\n"
        assert not (tmp_path / "no").exists()


async def test_pipe_hands_the_article_text_to_a_command(make_app, tmp_path):
    app = make_app()
    out = tmp_path / "piped.txt"
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        text = s.reader.doc.article.text
        await pilot.press("vertical_line")
        await answer(pilot, "pipe", f"cat > '{out}'")
        assert out.read_text(encoding="utf-8") == safe_text(text)


async def test_pipe_hands_the_quotes_of_the_list_one_a_line(make_app, tmp_path):
    app = make_app()
    out = tmp_path / "quotes.txt"
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await pilot.press("4")
        await settle(pilot)
        rows = shown(s.lst("quotes"))
        await pilot.press("vertical_line")
        await settle(pilot)
        assert f"{len(rows)} quotes" in s.query_one("#pipe", Input).placeholder
        await answer(pilot, "pipe", f"cat > '{out}'")
        lines = out.read_text(encoding="utf-8").splitlines()
        assert len(lines) == len(rows) and out.read_text(encoding="utf-8") == quotes_text(rows)


async def test_a_failing_command_is_one_line(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("vertical_line")
        await answer(pilot, "pipe", "exit 3")
        await pilot.press("vertical_line")
        await answer(pilot, "pipe", "no-such-command-here-xyz")
        lines = notices(app)
        assert any("failed (exit status 3)" in n for n in lines)
        assert any("command not found" in n for n in lines)


async def test_pipe_is_off_when_the_config_says_so(make_app, tmp_path):
    app = make_app(config=Config(pipe=False))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        s = screen_of(app)
        await pilot.press("vertical_line")
        await settle(pilot)
        assert not [line for line in s.query("#pipe") if line.display]  # no pipe line open (none made)
        assert any("pipe = false" in n for n in notices(app))


def test_the_config_turns_pipe_off_and_a_bad_value_keeps_it_off(tmp_path):
    from tui.config import load_config

    path = tmp_path / "config.toml"
    assert load_config(path).pipe  # no config: on
    path.write_text("pipe = false\n", encoding="utf-8")
    assert load_config(path).pipe is False
    path.write_text('pipe = "yes"\n', encoding="utf-8")
    cfg = load_config(path)
    assert cfg.pipe is False and any("pipe must be true or false" in p for p in cfg.problems)
