import pytest

from model.ingest import clean


@pytest.mark.parametrize(
    "line,reason",
    [
        ("Log In", "site chrome"),
        ("  • MENU", "site chrome"),
        ("Reset Password", "site chrome"),
        ("Latest updates", "site chrome"),
        ("View 2 more stories", "site chrome"),
        ("See also  Kremlin names a new envoy to Beijing", "teaser"),
        ("Leave a Reply", "site chrome"),
        ("Your email address will not be published. Mandatory boxes carry a star", "comment form"),
        ("Comment threads are moderated during office hours and closed after a week.", "comment policy"),
        ("Our standards: the Trust Principles.", "site footer"),
        ("edited and proofread by jane doe", "credits"),
        ("Reporting by Jane Doe; Editing by John Roe", "credits"),
        ("Ivanova and Chen reported from Almaty. Park in Busan contributed to this report.", "credits"),
    ],
)
def test_boilerplate_lines(line, reason):
    assert clean.boilerplate_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Putin said he hopes to settle the gas price over lunch.",
        "Search and rescue teams reached the site on Monday.",
        "Menu prices rose sharply in Moscow restaurants, Reuters reported.",
        "See you in court, the lawyer said.",
    ],
)
def test_body_lines_are_not_boilerplate(line):
    assert clean.boilerplate_reason(line) is None


def test_title_repeated_title_and_header_date():
    doc = (
        "Log In\n\nWednesday, June 19, 2024\n\n   Xi and Putin hail ties\n\n"
        "   Putin arrived in Beijing on Thursday.\nXi and Putin hail ties\nThe talks ended.\n"
    )
    a = clean.clean_document(doc, key="k")
    assert a.title == "Xi and Putin hail ties" and a.title_basis == "first line"
    assert a.text == "Putin arrived in Beijing on Thursday.\nThe talks ended."
    assert a.published == "2024-06-19" and a.published_basis.startswith("page header")
    assert a.published_confidence < 1
    reasons = [r for _, r in a.removed]
    assert reasons == ["site chrome", "page header date", "title", "repeated title"]


def test_first_line_that_is_a_sentence_is_not_a_title():
    a = clean.clean_document("China and Russia met, officials said.\nMore text here.", key="k")
    assert a.title is None
    assert a.text.startswith("China and Russia met")


def test_dateline_gives_source():
    a = clean.clean_document("Headline here\n\nMOSCOW/WASHINGTON (Reuters) – The United States said...", key="k")
    assert (a.source, a.source_basis) == ("Reuters", "dateline")


def test_byline_date_beats_header():
    a = clean.clean_document("Story title\nPublished: March 3, 2023\nText of the story.", key="k")
    assert a.published == "2023-03-03" and a.published_basis.startswith("byline")


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2023-02-22", "2023-02-22"),
        ("2023-02-22T10:00:00+03:00", "2023-02-22"),
        ("19980227", "1998-02-27"),
        ("February 4, 2022", "2022-02-04"),
        ("4 February 2022", "2022-02-04"),
        ("25/12/2021", "2021-12-25"),
        ("03/04/2021", None),
        ("yesterday", None),
        ("2023-02-30", None),
        ("", None),
        (None, None),
    ],
)
def test_normalise_date(value, expected):
    assert clean.normalise_date(value)[0] == expected
