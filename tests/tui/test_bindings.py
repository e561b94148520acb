from pathlib import Path

from tui.bindings import all_ids

README = Path(__file__).resolve().parents[2] / "README.md"  # the keys table lives there


def test_every_binding_is_documented_and_ids_are_unique():
    ids = all_ids()
    assert len(ids) == len(set(ids))
    text = README.read_text(encoding="utf-8")
    missing = [i for i in ids if f"`{i}`" not in text]
    assert not missing
