"""Saved searches: kept by name in the user's data folder, read back, forgotten; a bad file is a message."""

import pytest

from tui import saved


@pytest.fixture
def data_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    return tmp_path / "sinorus-tui" / "searches.json"


def test_save_load_replace_and_delete(data_home):
    assert saved.load() == {}
    saved.save("putin-direct", "speaker:Putin kind:direct")
    saved.save("ties 2023", '"no limits" date:2023')
    saved.save("putin-direct", "speaker:Putin")
    assert saved.load() == {"putin-direct": "speaker:Putin", "ties 2023": '"no limits" date:2023'}
    assert data_home.exists() and not data_home.with_name("searches.json.tmp").exists()
    assert saved.delete("ties 2023") and not saved.delete("ties 2023")
    assert list(saved.load()) == ["putin-direct"]


@pytest.mark.parametrize("name", ["", " x", "a/b", "x" * 41, "../etc"])
def test_names_a_search_cannot_have(name):
    assert saved.name_problem(name)


def test_a_file_that_is_not_ours_is_a_message_and_is_kept(data_home):
    data_home.parent.mkdir(parents=True)
    data_home.write_text("[1, 2", encoding="utf-8")
    with pytest.raises(saved.SavedError, match="cannot read saved searches"):
        saved.load()
    with pytest.raises(saved.SavedError):
        saved.save("x", "y")
    assert data_home.read_text(encoding="utf-8") == "[1, 2"


def test_entries_that_are_not_a_name_and_a_query_are_left_out(data_home):
    data_home.parent.mkdir(parents=True)
    data_home.write_text('{"ok": "speaker:Xi", "bad/name": "x", "n": 3}', encoding="utf-8")
    assert saved.load() == {"ok": "speaker:Xi"}
