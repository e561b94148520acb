"""A date resolved against a publication date that is not known for certain shows it: `≈` in the Timeline pane,
in italics and with a word in the reader's status line, and why in its provenance."""

from __future__ import annotations

from model.corpus import query as q
from tui import document, modals, navigation, panes


def row(uncertain: bool, anchor: str | None = "2023-03-06/2023-03-20") -> q.TimexRow:
    return q.TimexRow(
        id=1, article=1, start=0, end=6, text="Friday", type="DATE", value="2023-03", anchor=anchor,
        basis="Friday → 2023-03: …", sentence=0, value_start="2023-03-01", value_end="2023-03-31",
        uncertain=uncertain, title="Grain talks",
    )  # fmt: skip


def test_the_timeline_pane_marks_an_uncertain_date():
    assert panes._event_row(row(True), 70).plain[10] == document.UNCERTAIN_MARK
    assert panes._event_row(row(False), 70).plain[10] == " "


def test_the_reader_says_a_date_is_uncertain():
    doc = document.Doc("article", 1, "Grain talks", "Friday")
    link = document.Link(0, 6, "date", row(True))
    assert "≈ uncertain" in navigation._describe_date(link, doc).plain
    assert "uncertain" not in navigation._describe_date(document.Link(0, 6, "date", row(False)), doc).plain


def test_the_provenance_says_why():
    assert "the text allows 2023-03-06 … 2023-03-20" in modals._uncertain(row(True))
    assert "inferred" in modals._uncertain(row(True, anchor="2023-03-08"))
