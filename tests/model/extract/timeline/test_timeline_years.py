"""model/extract/timeline/years.py: a bare four-digit number is a year only when nothing says it is something else.

Each case below is caught by one rule (the years are near the publication date, so only that rule drops
them); the last tests check that real years, near and far, are kept.
"""

from __future__ import annotations

import pytest

from model.extract import timeline

PUB = "1987-03-02"


def values(nlp, text, published=PUB):
    return [(t.text, t.value) for t in timeline.extract_timexes(text, nlp(text), published)]


def years(nlp, text, published=PUB):
    return [
        t.value
        for t in timeline.extract_timexes(text, nlp(text), published)
        if t.value and t.value[:4].isdigit() and len(t.value) == 4
    ]


@pytest.mark.parametrize(
    "text,number",
    [
        # a 24-hour clock with a zone, 'hrs', '... time' after it (or after the other end of its range)
        ("Reagan would make an announcement at 1945 EST/2045 gmt, aides said.", "1945"),
        ("Reagan would make an announcement at 1930 EST/2030 gmt, aides said.", "2030"),
        ("The council reconvenes at 1930 hrs, a spokesman said.", "1930"),
        ("The session runs from 1800 to 2100 local Chicago time on Monday.", "1800"),
        ("The offer will expire 1950 New York time on April 1.", "1950"),
        ("Trading will stop until 1955 (1855 GMT) because of the holiday.", "1955"),
        # a wire code in parentheses
        ("Officials agreed on the need for currency stability. (NRKI 1959)", "1959"),
        # a number that counts what follows
        ("LEAD - 1950 tonnes mainly carries cash.", "1950"),
        ("At one point nearly 1950 suits had been filed.", "1950"),  # a count of the noun it goes with (nummod)
        # a street number
        ("Record-keeping is now going on at 1999 Pennsylvania Avenue, he said.", "1999"),
        # part of a company's name
        ("Dutch insurer Stad Rotterdam Anno 1945 N.V. said it would buy the firm.", "1945"),
        # index levels: after to/at/from with an index in the sentence, 'of' after a level word, 'the N level'
        ("The Dow Jones Industrial Average fell a record 508 Monday to 1938.", "1938"),
        ("The index hit a new high of 1957 on Monday.", "1957"),
        ("The last time the Dow index touched the 1940 level was in November, 1986.", "1940"),
    ],
)
def test_a_number_that_is_something_else_is_not_a_year(nlp, text, number):
    assert (number, number) not in values(nlp, text)


def test_a_number_the_article_uses_as_a_clock_time_is_one_everywhere(nlp):
    text = "Orders must be entered by 1945 EST. The exchange will reject orders received after 1945 if they add risk."
    assert years(nlp, text) == []


def test_a_far_year_needs_more_than_a_bare_number(nlp):
    # 1500 is far from 1987: "to 1500" with a noun it counts, "the 1500 listed companies" are not years
    assert years(nlp, "The network supplies voice services to 1500 campus computer users.") == []
    assert years(nlp, "The exchange did not want to keep the 1500 listed companies from trading.") == []
    assert years(nlp, "Agriculture Department releases survey on resources. (1500)") == []


def test_a_plural_number_with_a_singular_unit_is_not_an_offset(nlp):
    text = "Hog slaughter was about 275,000 head versus 12,000 week ago and 276,000 a year ago."
    assert [v for _, v in values(nlp, text) if v and v < "1900"] == []


@pytest.mark.parametrize(
    "text,published,value",
    [
        ("The city was founded 130 years ago.", PUB, "1857"),
        ("In 1689, the Treaty of Nerchinsk fixed the border.", "2023-02-23", "1689"),
        ("China has been a republic since 1949.", "2023-02-23", "1949"),
        ("The 1860 Treaty of Beijing ceded land to Russia.", "2023-02-23", "1860"),
        ("SOGENAL, founded in 1881 and nationalised in 1982, is a bank.", PUB, "1881"),
        ("The plant was built around 1850, records show.", "2023-02-23", "1850"),
        ("In 1945 the time was ripe for a treaty.", "2023-02-23", "1945"),  # 'time' after a year is no clock's zone
        ("In 1945 local elections were held.", "2023-02-23", "1945"),
        ("In 1954 Supreme Court justices ruled on segregation.", PUB, "1954"),  # no street number after 'in'
        ("In 1985 Apple Computer Inc cut jobs.", PUB, "1985"),  # nor part of a name
        ("The debentures are due 2022, the lead manager said.", PUB, "2022"),
        ("Growth slowed, down from 1985's four pct.", PUB, "1985"),
        ("It expects 1987 earnings to rise.", PUB, "1987"),
        ("Talks broke off over 1987 wages.", PUB, "1987"),
        ("None of this was in TRW's (1984) report.", PUB, "1984"),
        ("The 1949 revolution changed China.", "2023-02-23", "1949"),
        ("The Nikkei index has risen 40 pct from 1986, dealers said.", PUB, "1986"),
        ("It will raise the price of its 1987 cars by 1.8 pct.", PUB, "1987"),  # no count after a determiner
        ("Ten pct of model year 1987 cars must have seat belts.", PUB, "1987"),
        ("It will cancel all 1985 preferred shares that are tendered.", PUB, "1985"),
        ("He was optimistic about 1987 prospects.", PUB, "1987"),  # 'about' a year, not about a number
        ("The success of the 1985 New York Plaza meeting faded.", PUB, "1985"),  # no street number
    ],
)
def test_real_years_are_kept(nlp, text, published, value):
    assert value in [v for _, v in values(nlp, text, published)]


def test_decades_stay_years(nlp):
    assert ("the 1950s", "195") in values(nlp, "Trade grew in the 1950s.", "2023-02-23")


def test_a_far_year_before_a_singular_noun_is_kept(nlp):
    # a number cannot count one loan: "a 1911 loan" is a year, where "the 1500 listed companies" is not
    assert years(nlp, "China was asked to pay for defaulting on a 1911 loan to build a railway.") == ["1911"]
    assert years(nlp, "The ruling violates the 1933\nGlass-Steagall Act barring banks from it.") == ["1933"]


@pytest.mark.parametrize(
    "text,value",
    [
        (
            "Border talks stalled. 1689 was the year of the Treaty of Nerchinsk.",
            "1689",
        ),  # opens the sentence, a verb next
        ("The treaties were signed in 1689, 1727 and 1858.", "1727"),  # a list of years
    ],
)
def test_a_far_year_that_opens_a_sentence_or_continues_a_list_is_kept(nlp, text, value):
    assert value in years(nlp, text, "2023-02-23")


@pytest.mark.parametrize(
    "text,then",
    [
        # the year came last: "then" is that year, not the day named before it
        (
            "On June 4, 1985 the ministers met in Geneva. The pact was signed in 1979 and since then it has held.",
            "1979",
        ),
        # the day came last: "then" is that day
        ("The pact was signed in 1979. On March 1 the ministers met, and until then nobody spoke.", "1987-03-01"),
    ],
)
def test_then_refers_to_the_date_last_mentioned_whatever_its_granularity(nlp, text, then):
    assert ("then", then) in values(nlp, text)
