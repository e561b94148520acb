"""model/extract/timeline: one test per expression form and per tense rule, with a fixed anchor."""

from __future__ import annotations

import json

import pytest

from model.extract import timeline
from model.extract.timeline import landmarks
from model.extract.timeline.candidates import candidates

ANCHOR = "2023-02-23"  # a Thursday


def tx(nlp, text, published=ANCHOR, **kw):
    return timeline.extract_timexes(text, nlp(text), published, **kw)


def value_of(nlp, text, needle, published=ANCHOR):
    hits = [t for t in tx(nlp, text, published) if needle in t.text]
    assert hits, f"{needle!r} not found in {[t.text for t in tx(nlp, text, published)]}"
    return hits[0].value


@pytest.mark.parametrize(
    "text,needle,value",
    [
        # absolute dates in the usual news forms
        ("The deal was signed on Friday, February 4 February 2022 in Beijing.", "February 4", "2022-02-04"),
        ("The deal was signed on Feb. 4, 2022.", "Feb. 4", "2022-02-04"),
        ("The deal was signed on 4 February 2022.", "4 February", "2022-02-04"),
        ("The deal was signed on 2022-02-04.", "2022-02-04", "2022-02-04"),
        ("Talks opened in February 2022.", "February 2022", "2022-02"),
        ("Trade grew in 2022.", "2022", "2022"),
        ("Trade grew in the 1990s.", "1990s", "199"),
        ("Profit rose in the third quarter of 2022.", "third quarter", "2022-Q3"),
        ("Relations soured in the summer of 2014.", "summer", "2014-SU"),
        # relative to the anchor
        ("Trade rose last year.", "last year", "2022"),
        ("Trade will rise next year.", "next year", "2024"),
        ("The ministers met last week.", "last week", "2023-W07"),
        ("Exports fell this month.", "this month", "2023-02"),
        ("Li toured Vladivostok in March last year.", "March last year", "2022-03"),
        ("About a year ago, the two leaders met.", "About a year ago", "2022"),
        ("The talks ended yesterday.", "yesterday", "2023-02-22"),
        ("The talks open tomorrow.", "tomorrow", "2023-02-24"),
        # durations, vague references, sets, times
        ("The partnership has lasted five years.", "five years", "P5Y"),
        ("During the last 11 months, grain exports grew.", "11 months", "P11M"),
        ("Relations are now at a peak.", "now", "PRESENT_REF"),
        ("Such visits were rare in the past.", "the past", "PAST_REF"),
        ("Both sides will cooperate in the future.", "the future", "FUTURE_REF"),
        ("Flights now leave daily.", "daily", "P1D"),
        ("The plane landed at 10:35 a.m. yesterday.", "10:35", "2023-02-22T10:35"),
    ],
)
def test_expression_forms(nlp, text, needle, value):
    assert value_of(nlp, text, needle) == value


@pytest.mark.parametrize(
    "text,needle,value",
    [
        ("Medvedev welcomed the Chinese envoy to Sochi on Wednesday.", "Wednesday", "2023-02-22"),  # past → before
        ("Putin said on Thursday that ties were strong.", "Thursday", "2023-02-23"),  # the anchor's own weekday
        ("Putin will meet Li on Friday.", "Friday", "2023-02-24"),  # will → after
        ("Putin is expected to meet Li on Monday.", "Monday", "2023-02-27"),  # expected to → after
        ("On Saturday, Lavrov is scheduled to open the trade fair.", "Saturday", "2023-02-25"),  # scheduled to → after
        ("The sanctions stay in place until Tuesday.", "Tuesday", "2023-02-28"),  # until → forward
        ("Thursday’s talks will let the ministers settle the gas price.", "Thursday", "2023-02-23"),
        ("He arrived on Saturday.", "Saturday", "2023-02-18"),
        # month-days compare at day level against the anchor
        ("The summit took place on March 7.", "March 7", "2022-03-07"),
        ("The summit will take place on March 7.", "March 7", "2023-03-07"),
        ("As of February 28, the envoy will be in Harbin.", "February 28", "2023-02-28"),
        ("Wang arrived on February 20.", "February 20", "2023-02-20"),
        # a bare month follows the tense too
        ("The ministers met in October.", "October", "2022-10"),
        ("The ministers will meet in October.", "October", "2023-10"),
    ],
)
def test_tense_rules(nlp, text, needle, value):
    assert value_of(nlp, text, needle) == value


@pytest.mark.parametrize(
    "text,needle,published,value",
    [
        # a deadline extended / postponed to a date lies ahead whatever the tense
        ("The grain deal was extended to March 16.", "March 16", ANCHOR, "2023-03-16"),
        # the past perfect of a plan: a weekday lies behind, a month-day stays the nearest
        ("The tender had been scheduled to close Friday.", "Friday", ANCHOR, "2023-02-17"),
        ("The tender had been set to close March 2.", "March 2", ANCHOR, "2023-03-02"),
        # 'until' with the present perfect looks forward; with the past perfect back
        ("The ministry has given the shippers until Tuesday to reply.", "Tuesday", ANCHOR, "2023-02-28"),
        # a modal with the perfect looks back
        ("The delay might have been caused by a storm on Wednesday.", "Wednesday", "2023-02-24", "2023-02-22"),
        # a weekday on a past participle ("statements made Friday") or possessive in a present clause: past
        ("Below are remarks made Friday by the spokeswoman.", "Friday", ANCHOR, "2023-02-17"),
        ("The step follows Tuesday's statement by Gazprom.", "Tuesday", ANCHOR, "2023-02-21"),
        # a month-day or month that is not the verb's modifier leans with the clause's tense, when the anchor's
        # year would put it more than two months on the other side
        ("The ferry sank on the evening of Oct. 23 near the port.", "Oct. 23", "2023-05-05", "2022-10-23"),
        ("The tanker became the focus of a dispute in November.", "November", "2023-05-07", "2022-11"),
        (
            "The board approved a payout, due Dec. 7 to holders listed Nov. 22.",
            "Dec. 7",
            "2023-10-27",
            "2023-12-07",
        ),
        ("The ministry also set up a new trade bureau, effective Feb. 1.", "Feb. 1", "2023-10-26", "2024-02-01"),
    ],
)
def test_direction_rules(nlp, text, needle, published, value):
    assert value_of(nlp, text, needle, published) == value


def test_weeks_ago_is_a_day_and_years_in_words(nlp):
    assert value_of(nlp, "He was seen two weeks ago.", "two weeks ago") == "2023-02-09"
    assert value_of(nlp, "He was seen a week or so ago.", "week or so ago") == "2023-02-16"
    assert value_of(nlp, "The border survey started in January nineteen ninety-seven.", "January", ANCHOR) == "1997-01"
    assert value_of(nlp, "The river froze early in the winter of nineteen ninety-four.", "winter", ANCHOR) == "1994-WI"


@pytest.mark.parametrize(
    "text,needle,published,value",
    [
        # reference time: counted from the date last mentioned, not from the publication date
        (
            "The envoy landed in Harbin on Oct. 23, 1998. Earlier that day, the embassy issued a note.",
            "Earlier that day",
            ANCHOR,
            "1998-10-23",
        ),
        ("Putin arrived on Tuesday. The next day he met Xi.", "The next day", ANCHOR, "2023-02-22"),
        (
            "The envoy landed in Harbin on Oct. 23, 1998. He had left Moscow the day before by train.",
            "the day before",
            ANCHOR,
            "1998-10-22",
        ),
        (
            "In March, lenders pressed for a merger. The following month, the airline offered itself to bidders.",
            "The following month",
            "1989-10-27",
            "1989-04",
        ),
        (
            "The fire broke out at about 10:35 a.m. (0735 GMT) Friday, closing the border post.",
            "10:35",
            "2023-02-25",
            "2023-02-24T10:35",
        ),
        ("In Harbin at mid-afternoon yesterday, the rouble rose.", "mid-afternoon yesterday", ANCHOR, "2023-02-22TAF"),
        # seasons and quarters named through a preposition or 'that'
        ("The port could not handle the cargo well into the summer.", "the summer", "1989-10-26", "1989-SU"),
        (
            "Grain exports climbed in the third quarter of 1988. Figures for that quarter showed a surplus.",
            "that quarter",
            ANCHOR,
            "1988-Q3",
        ),
        # a bare month with no cue: the nearest one (within six months)
        ("The envoys can help prepare the regional forum in April.", "April", "1998-12-05", "1999-04"),
    ],
)
def test_reference_time_and_nearest(nlp, text, needle, published, value):
    assert value_of(nlp, text, needle, published) == value


def test_until_then_and_parts_of_the_day_take_the_date_last_mentioned(nlp):
    text = (
        "The grain corridor will close on March 30. Until then, the ships may sail freely. The rouble weakened "
        "Friday. Traders sold dollars in the morning. The envoy will fly out at 4 in the morning (4 a.m. Saturday)."
    )
    got = {t.text: t.value for t in tx(nlp, text)}
    assert got["then"] == "2023-03-30"
    assert got["the morning"] == "2023-02-17TMO"
    assert got["at 4 in the morning"] == "2023-02-25T04:00"  # the day named nearest in its sentence
    assert [t.text for t in tx(nlp, "Trading in the morning is slow.")] == []  # no date to hang it on


def test_pattern_triggers_only_skip_patterns_that_cannot_match():
    texts = [
        "Shares rose in midafternoon trading.",
        "Profit rose in Q3 and in the first half.",
        "FY89 sales",
        "Sales fell 5% on Sept. 3 and in the nineties, every Monday, daily.",
    ]
    for text in texts:
        with_triggers = [(c.start, c.end, c.kind) for c in candidates(text)]
        assert [(c.start, c.end, c.kind) for c in candidates(text, triggers={})] == with_triggers


def test_second_day_of_a_pair_is_a_date_of_its_own(nlp):
    got = [(t.text, t.value) for t in tx(nlp, "A reception will be held at the meeting on April 24 and 25.")]
    assert ("April 24", "2023-04-24") in got and ("25", "2023-04-25") in got
    assert "25" not in [t.text for t in tx(nlp, "Bombs fell on April 24 and 25 people died.")]


def test_reference_time_reanchors(nlp):
    t = [x for x in tx(nlp, "Putin arrived on Tuesday. The next day he met Xi.") if x.text == "The next day"][0]
    assert timeline.reanchor(t.text, t.spec, "2023-03-02")[0] == "2023-03-01"


def test_record_fields_offsets_sentence_range_and_basis(nlp):
    text = "Trade was flat. Medvedev welcomed the Chinese envoy to Sochi on Wednesday. Talks ran in February 2022."
    got = {t.text: t for t in tx(nlp, text)}
    wed = got["Wednesday"]
    assert text[wed.start : wed.end] == "Wednesday"
    assert wed.sentence == 1 and wed.type == "DATE" and wed.anchor == ANCHOR
    assert wed.basis == (
        "Wednesday → 2023-02-22: the Wednesday before the publication date 2023-02-23; past tense of 'welcomed'"
    )
    assert (wed.value_start, wed.value_end) == ("2023-02-22", "2023-02-22")
    assert json.loads(wed.spec)["kind"] == "weekday"
    month = got["February 2022"]
    assert month.spec is None and month.anchor is None  # absolute: nothing to re-resolve
    assert (month.value_start, month.value_end) == ("2022-02-01", "2022-02-28")  # a month keeps month granularity
    assert month.sentence == 2


def test_uncertain_anchor_is_marked(nlp):
    t = [x for x in tx(nlp, "He left on Monday.", uncertain=True) if x.text == "Monday"][0]
    assert t.uncertain and "inferred" in t.basis
    assert not [x for x in tx(nlp, "He left in 2021.", uncertain=True)][0].uncertain  # absolute values are sure


def test_no_anchor_leaves_relative_values_open(nlp):
    got = {t.text: t for t in tx(nlp, "He left on Monday, in 2021.", published=None)}
    assert got["Monday"].value is None and got["Monday"].spec is not None
    assert got["2021"].value == "2021"


@pytest.mark.parametrize(
    "text",
    [
        "The deal is worth $2020 million.",  # money, not a year
        "It costs 1,999 dollars.",
        "He may visit soon.",  # the modal verb is not the month
        "Prices fall in spring sales.",  # 'fall' the verb
        "Profit was $5 million a year.",  # a rate, which TimeML leaves unmarked
        "Both leaders went to the opening of the Winter Games in the mountains.",  # a season word in a name
        "The delegation toured the Summer Palace with its hosts.",
    ],
)
def test_not_temporal(nlp, text):
    assert [t.text for t in tx(nlp, text) if t.text.lower() not in ("spring",)] == []


def test_financial_reference_quarter(nlp):
    text = (
        "Amur Timber said third-quarter net income climbed 12%. Revenue in the quarter grew to $9 million "
        "from $7 million a year earlier."
    )
    got = {t.text: t.value for t in tx(nlp, text, published="1989-11-02")}
    assert got["third-quarter"] == "1989-Q3"
    assert got["the quarter"] == "1989-Q3"
    assert got["a year earlier"] == "1988-Q3"
    # "the latest quarter" is the one the story reports (the first named), not a forecast named later
    got = {
        t.text: t.value
        for t in tx(
            nlp,
            "Net for the fiscal-first quarter rose. The miner expects fourth-quarter "
            "output to slip. In the latest quarter, freight costs rose.",
            published="1989-10-26",
        )
    }
    assert got["the fiscal-first quarter"] == "1989-Q1" and got["the latest quarter"] == "1989-Q1"
    # "the quarter ended July 31" with no quarter named before: the calendar quarter holding most of it
    assert (
        value_of(
            nlp, "In the quarter ended July 31, the shipper carried 5.6 million tons of coal.", "quarter", "1989-10-30"
        )
        == "1989-Q2"
    )


def test_reanchor_is_pure_and_matches_extraction(nlp):
    t = [x for x in tx(nlp, "Medvedev welcomed the Chinese envoy to Sochi on Wednesday.") if x.text == "Wednesday"][0]
    value, basis = timeline.reanchor(t.text, t.spec, "2024-05-16")
    assert value == "2024-05-15"
    assert basis.startswith("Wednesday → 2024-05-15: the Wednesday before the publication date 2024-05-16")
    assert (
        timeline.reanchor(
            "next week", json.dumps({"kind": "offset", "unit": "week", "n": 1, "gran": "week"}), "2024-05-16"
        )[0]
        == "2024-W21"
    )
    assert (
        timeline.reanchor("March 7", json.dumps({"kind": "md", "m": 3, "d": 7, "dir": -1}), "2024-05-16")[0]
        == "2024-03-07"
    )


def test_reanchor_does_not_import_spacy():
    import subprocess
    import sys

    code = (
        "import sys, json; from model.extract import timeline; "
        "print(timeline.reanchor('Friday', json.dumps({'kind':'weekday','dow':4,'dir':-1}), '2022-02-05')[0]); "
        "print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["2022-02-04", "False"]


def test_landmark_table_is_small_dated_and_bounds():
    assert 3 <= len(landmarks.LANDMARKS) <= 30
    keys = {lm.key for lm in landmarks.LANDMARKS}
    assert "ukraine-invasion" in keys
    got = landmarks.clues("Grain shipments have grown since the invasion of Ukraine.")
    assert [(c.kind, c.date.isoformat()) for c in got] == [("bound", "2022-02-24")]
    # "the war" counts from the invasion only when the text names it
    assert not [c for c in landmarks.clues("the first anniversary of the war") if c.kind == "anchor"]


@pytest.mark.parametrize(
    "text",
    [
        "The treaty lapsed 230013 years ago, he said.",
        "The plan runs for 99999999999 weeks from now.",
        "Shares rose 2,300,000 weeks ago, it said.",
    ],
)
def test_out_of_range_expressions_are_left_out_not_fatal(nlp, text):
    from model.extract import timeline as tl

    got = tl.extract_timexes(text, nlp(text), "2023-02-23")
    assert all(t.value is None or len(t.value) < 40 for t in got)


APPOSITION = (
    "In the comparable year-ago quarter, the second quarter that ended Oct. 31, Amur Timber had a loss. "
    "Figures for that quarter reflected a write-down."
)


@pytest.mark.parametrize(
    "text,needle,published,value",
    [
        # 'the latest quarter' names a quarter too: 'a year earlier' after it is that quarter a year back
        (
            "Amur Steel reported third-quarter profit of $412 million. "
            + "The steel producer raised its payout. " * 12
            + "In the latest quarter, profit jumped to $131 million from $87 million a year earlier.",
            "a year earlier",
            "1989-10-26",
            "1988-Q3",
        ),
        # an earnings story that says 'net' and 'a share' (no 'profit', 'earnings' or 'sales') is still one
        (
            "Baikal Power reported third-quarter net of $41.5 million, or 62 cents a share, up from $39.1 million "
            "a year ago.",
            "a year ago",
            "1989-10-27",
            "1988-Q3",
        ),
        # outside an earnings story, 'a year ago' stays the year
        (
            "The third quarter is often quiet, and the party won the vote a year ago.",
            "a year ago",
            "1989-10-27",
            "1988",
        ),
        # a part of a day that lies ahead is a plan dated to the day; one in the past keeps the part
        (
            "Lavrov is scheduled to spend only four hours on the ground in Astana, his first stop Tuesday morning, and "
            "then about 6 1/2 hours in Tashkent.",
            "Tuesday morning",
            "1998-08-17",
            "1998-08-18",
        ),
        (
            "The court postponed until Tuesday morning any ruling on the tariff.",
            "Tuesday morning",
            "2000-03-30",
            "2000-04-04",
        ),
        ("The ceremonies started early Friday morning in Irkutsk.", "Friday morning", "2000-01-29", "2000-01-28TMO"),
        # the perfect progressive ('have been searching since') has begun in the past
        (
            "Customs officers have been looking for the cargo since shortly after the Oct. 23 seizure.",
            "Oct. 23",
            "1999-05-06",
            "1998-10-23",
        ),
        # "today is the eighth day of ...", "it's the second day of ...": the day of writing
        ("On the border, today is the eighth day of the blockade.", "eighth day", "1990-08-15", "1990-08-15"),
        (
            "More shelling near the river. It's the second day of a push by the border troops.",
            "the second day",
            "1998-03-06",
            "1998-03-06",
        ),
        # "the first nine months of the year": the current year
        (
            "Freight income rose to $402.7 million through the first nine months of the year.",
            "the year",
            "1989-10-30",
            "1989",
        ),
        # "since year-end": the last end of a year before the anchor
        ("The rouble's change is measured since year-end.", "year-end", "1989-10-30", "1988-12-31"),
        # 'through' a month with a verb in the past tense: a stretch that has ended
        (
            "Shipments followed weak growth in the port's volumes this year through August.",
            "August",
            "1989-10-27",
            "1989-08",
        ),
        ("The offer runs through August.", "August", "1989-10-27", "1990-08"),
        # 'the previous Friday' counts from the day last mentioned; 'last Friday' from the publication date
        (
            "Moscow stocks slid Friday. The index ended down 3.2% from the previous Friday.",
            "the previous Friday",
            "1989-10-30",
            "1989-10-20",
        ),
        # the day before a weekday
        (
            "The day before last Tuesday's arbitration hearing, the envoy went to the ministry.",
            "day before last Tuesday",
            "2000-02-24",
            "2000-02-21",
        ),
        # an apposition to a date names that day
        (
            "Six trading days after Oct. 12, the day before the rouble's slide, the index had dropped.",
            "the day",
            "1989-10-30",
            "1989-10-12",
        ),
        # an earnings story's 'the latest period' without the word 'quarter': the last completed quarter
        (
            "Profit from core mining fell 8% to #94 million. There were no special items in the latest period.",
            "the latest period",
            "1989-11-02",
            "1989-Q3",
        ),
        # 'this quarter's loss' in a results story: the quarter reported, not the quarter of the publication date
        (
            "The airline posted a loss for the third quarter ended Sept. 30. This quarter's loss reflects fuel costs "
            "of $6.3 million.",
            "This quarter",
            "1989-11-01",
            "1989-Q3",
        ),
        (
            "Orders should recover this quarter, the third quarter ended Sept. 30 having been weak.",
            "this quarter",
            "1989-11-01",
            "1989-Q4",
        ),
        # the present perfect only leans back: a deadline 'has set' a week ahead stays ahead
        (
            "The ministry has set Nov. 10 as the deadline for the filing of any rival tenders.",
            "Nov. 10",
            "1989-11-02",
            "1989-11-10",
        ),
        ("The railway has paid the levy on Aug. 10.", "Aug. 10", "1989-06-02", "1988-08-10"),
        # a quarter in apposition to 'the year-ago quarter' names it, and both lie a year back
        (APPOSITION, "the comparable year-ago quarter", "1989-10-27", "1988-Q2"),
        (APPOSITION, "second quarter", "1989-10-27", "1988-Q2"),
        (APPOSITION, "that quarter", "1989-10-27", "1988-Q2"),
        # an amount compared with 'last year' in an earnings story is the quarter's, a year back
        (
            "Baikal Insurance said profit slipped in the third quarter. Its marine unit posted earnings of $17 million, "
            "compared with a loss of $5 million last year.",
            "last year",
            "1989-11-02",
            "1988-Q3",
        ),
        (
            "Revenue in the latest quarter was $2.14 billion, an 11% increase from last year's $1.93 billion.",
            "last year",
            "1989-11-02",
            "1988-Q3",
        ),
        # ... but not when the sentence compares a longer period, nor without an amount
        (
            "Earnings grew in the third quarter. In the nine months, net climbed 5.1% to $318.4 million from "
            "$302.9 million last year.",
            "last year",
            "1989-10-30",
            "1988",
        ),
        (
            "Earnings grew in the third quarter. Rival bidders appeared last year.",
            "last year",
            "1989-10-30",
            "1988",
        ),
        # a current-year period ('the 1989 period') counts as the quarter reported
        (
            "Net income rose in the third quarter. " + "The timber group cited lumber prices. " * 12 + "In the 1989 "
            "period also, freight costs and tax rates were lower than a year ago.",
            "a year ago",
            "1989-11-01",
            "1988-Q3",
        ),
        # a sentence comparing nine months: 'the 1988 period' and 'year-earlier' are the year, not the quarter
        (
            "Net dropped in the third quarter. In the first nine months, net was $214 million, compared with a loss "
            "of $88 million in the 1988 period.",
            "the 1988 period",
            "1989-11-02",
            "1988",
        ),
        (
            "Net dropped in the third quarter. For the nine months, the shipper reported a net loss, compared with "
            "year-earlier net income of $512,340.",
            "year-earlier",
            "1989-11-02",
            "1988",
        ),
        (
            "Net dropped in the third quarter. The shipper reported a loss, compared with year-earlier net income of "
            "$512,340.",
            "year-earlier",
            "1989-11-02",
            "1988-Q3",
        ),
        # a participle clause takes the main clause's tense: "has fluctuated, rising ... from $29.75 in March"
        (
            "Amur Timber's stock has swung widely, climbing to a high of $38.125 a share in June from $24.50 in March.",
            "March",
            "1989-10-30",
            "1989-03",
        ),
        # "it was a great day for Poland": the day last mentioned; "it is a great day": the day of writing
        (
            'Hungary joined the pact on March 12. The minister said it was "a great day for Hungary and for Europe."',
            "day",
            "1999-03-13",
            "1999-03-12",
        ),
        ('The minister said: "It is a historic day for Hungary."', "day", "1999-03-13", "1999-03-13"),
        # "for the last week": the seven days to the anchor, as the ISO week holding most of them
        ("He has been in Harbin for the last week, the ministry said.", "the last week", "2000-04-14", "2000-W15"),
        ("He has been in Harbin for the last week, the ministry said.", "the last week", "2000-04-10", "2000-W14"),
        # 'as soon as' after a clause about what lies ahead takes its time, whatever the reported tense
        (
            "The minister had hinted that state banks were likely to buy the bonds as soon as trading opened Monday.",
            "Monday",
            "1989-11-01",
            "1989-11-06",
        ),
        ("State banks bought the bonds as soon as trading opened Monday.", "Monday", "1989-11-01", "1989-10-30"),
        # a level compared with 'a year ago' (outside a quarter's results) is the month a year back
        (
            "The railway said it has 14 terminals in service, up from nine a year ago.",
            "a year ago",
            "1989-11-01",
            "1988-11",
        ),
        ("The plant's truck output fell 6.2% from a year ago.", "a year ago", "1989-10-26", "1988-10"),
        ("The two leaders met a year ago in Moscow.", "a year ago", "1989-10-26", "1988"),
        # 'hurt', 'cut', 'set' with a singular subject are past, not present, forms
        (
            "Weakness in big mining stocks hurt the composite as well as the RTS Index, which fell 1.2%, or 5.17, "
            "on Friday, to 412.36.",
            "Friday",
            "1989-10-30",
            "1989-10-27",
        ),
        # the month just ended is 'last month': 'last February' said in March is the February a year before
        ("Two cargo planes collided last February.", "last February", "1998-03-01", "1997-02"),
        ("Two cargo planes collided last January.", "last January", "1998-03-01", "1998-01"),
        ("Two cargo planes collided this past February.", "this past February", "1998-03-01", "1998-02"),
    ],
)
def test_news_and_earnings_conventions(nlp, text, needle, published, value):
    assert value_of(nlp, text, needle, published) == value


def test_nth_day_and_a_great_day_need_it_is():
    for text in ("The eighth day of the talks was quiet.", "He had a great day for a walk."):
        assert [t.text for t in timeline.extract_timexes(text, None, "1990-08-15")] == []


def test_in_n_years_with_a_future_verb_is_a_date(nlp):
    assert (
        value_of(nlp, "The bonds would be repaid in five years, under the loan terms.", "five years", "1989-11-02")
        == "1994"
    )
    assert value_of(nlp, "The plant will open in two months.", "two months", "1989-11-02") == "1990-01"
    assert (
        value_of(nlp, "The minister's third note to Beijing in two weeks was released.", "two weeks", "2000-02-16")
        == "P2W"
    )
    assert value_of(nlp, "Prices rose in five years of growth.", "five years", "1989-11-02") == "P5Y"


@pytest.mark.parametrize(
    "text, kept",
    [
        ("Estonia today could be Finland tomorrow, the envoy cautioned.", []),
        ("What befalls Minsk today may befall Vilnius tomorrow.", []),
        ("Tbilisi yesterday, Chisinau today: the pattern repeats.", []),
        ("The envoys meet today and sign the accord tomorrow.", ["today", "tomorrow"]),
        ("Oslo today announced that talks would resume tomorrow.", ["today", "tomorrow"]),
    ],
)
def test_a_figurative_pair_of_days_after_names_dates_nothing(nlp, text, kept):
    assert [t.text for t in tx(nlp, text)] == kept


@pytest.mark.parametrize(
    "text, needle, value",
    [
        # "earlier" and "later" count from the year named before them in their sentence
        ("Grain exports reached 40 million tonnes in 2019, up 9% from a year earlier.", "a year earlier", "2018"),
        ("The canal opened in 1994 and two years later the second lock was built.", "two years later", "1996"),
        # "ago" counts from the time of writing
        ("The canal opened in 1994. Two years ago, the second lock was built.", "Two years ago", "2021"),
    ],
)
def test_years_earlier_or_later_count_from_the_year_named_before(nlp, text, needle, value):
    assert value_of(nlp, text, needle, published="2023-06-01") == value


def test_a_date_in_a_wire_dateline_dates_no_event_of_the_lede(nlp):
    # the dateline says when the copy was filed (the parse hung its date on the lede's verb); the lede's own date
    # dates that verb
    text = (
        "BEIJING, May 16 (Xinhua) -- China and Russia signed a new gas supply agreement in Shanghai on May 21, 2014, "
        "after a decade of negotiations."
    )
    got = {t.text: t for t in tx(nlp, text, published="2021-05-16")}
    assert got["May 16"].value == "2021-05-16" and got["May 16"].event_start is None
    signed = got["May 21, 2014"]
    assert text[signed.event_start : signed.event_end] == "signed"


def test_a_duration_after_the_verb_last_leaves_the_verb_out(nlp):
    """ "will last five days": the duration is "five days"; "the last two weeks" keeps its adjective."""
    got = [(t.text, t.value) for t in tx(nlp, "The fair, which will last five days, opens in Graz.")]
    assert got == [("five days", "P5D")]
    assert [t.text for t in tx(nlp, "Sales fell over the last two weeks.")] == ["over the last two weeks"]


def test_a_weekend_in_a_clause_leaning_back_is_the_one_before(nlp):
    """ "began deliveries … over the weekend, … said on Monday": the weekend before that Monday, as its basis says
    (its value had been the coming one, the lean of its clause not taken)."""
    text = (
        "The mill began shipments of steel to Spain via the Atlantic route over the weekend, the firm said on Monday."
    )
    (weekend,) = [t for t in tx(nlp, text, "2024-12-02") if "weekend" in t.text]
    assert weekend.value == "2024-W48-WE" and "before" in weekend.basis
    (weekend,) = [t for t in tx(nlp, "Talks will go on over the weekend.", "2024-12-02") if "weekend" in t.text]
    assert weekend.value == "2024-W49-WE"
