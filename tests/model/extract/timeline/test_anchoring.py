"""model/extract/timeline/anchoring: the event word each date anchors, one construction a case; and the
event word stored, upgraded into an older database and exported."""

from __future__ import annotations

import io
import json
import sqlite3

import pytest

from model.corpus import export, store
from model.corpus.write import EntityCache, write_article
from model.extract import timeline
from model.extract.timeline.anchoring import event_of, is_event_noun, rule_picks
from model.records import Article, Extraction, Timex

ANCHOR = "2023-02-23"


def event_word(nlp, text: str, date: str) -> str | None:
    """The event word the date whose text holds `date` anchors, as extraction stores it."""
    hits = [t for t in timeline.extract_timexes(text, nlp(text), ANCHOR) if date in t.text]
    assert hits, f"{date!r} not found"
    t = hits[0]
    assert (t.event_start is None) == (t.event_end is None)
    return None if t.event_start is None else text[t.event_start : t.event_end]


@pytest.mark.parametrize(
    "text,date,event",
    [
        # a verb and its date in a prepositional phrase
        ("The premier received the visiting envoy in the capital on Wednesday.", "Wednesday", "received"),
        ("The two governments signed the pipeline accord in March.", "March", "signed"),
        # an event noun and its date
        ("The meeting on Friday ended without a joint communique.", "Friday", "meeting"),
        ("Gas exports collapsed after the invasion in February 2022.", "February 2022", "invasion"),
        ("The minister spoke at a news conference on Friday.", "Friday", "conference"),
        ("During the broadcast on Sunday, the crowd waited outside the court.", "Sunday", "broadcast"),
        # … but not one the verb's event goes to, comes from or comes with: the date stays with the verb
        ("The two unions agreed to the wage settlement in August 2019.", "August 2019", "agreed"),
        ("The envoy was barred from the peace talks on March 3 for a week.", "March 3", "barred"),
        ("The minister hinted at a deal in remarks made last week to the press.", "last week", "remarks"),
        # a possessive event noun, and a date that is the possessor
        ("The president's visit in March was his first trip abroad this year.", "March", "visit"),
        ("Tuesday's summit produced no agreement on grain.", "Tuesday", "summit"),
        # a date as a bare noun-phrase adverbial
        ("The two leaders met Tuesday in the eastern port city.", "Tuesday", "met"),
        # a date in a subordinate clause anchors on that clause's verb, not the main one
        ("Officials said the ministers met on Thursday to discuss tariffs.", "Thursday", "met"),
        ("The envoy, who arrived on Monday, will leave the region next week.", "Monday", "arrived"),
        ("The envoy, who arrived on Monday, will leave the region next week.", "next week", "leave"),
        # a date before a reported clause's subject belongs to the verb that reports it
        ("The ministry said on Tuesday the two sides had agreed to a truce.", "Tuesday", "said"),
        # … but a stretch of time put before a saying dates what is said, unless the saying is a habit
        ("Until June, the ministry said the crossings will operate as usual.", "June", "operate"),
        ("For a decade, the agency has said it would not raise rates.", "a decade", "said"),
        # a participle that completes a verb yields to it
        ("The fishermen were found clinging to a raft on Friday.", "Friday", "found"),
        ("The girl was found Labor Day clinging to a buoy.", "Labor Day", "found"),
        (
            "Congress and the mayors remain united, with some governors, in the south, now saying the plan should change.",
            "now",
            "saying",
        ),
        # an event noun by its ending
        ("The shelling on Monday damaged the bridge.", "Monday", "shelling"),
        # an amount reported for a period, and a date that marks a point of a period
        ("The company reported third-quarter earnings of $5 million.", "third-quarter", "earnings"),
        ("The ceasefire expires at the end of November.", "November", "expires"),
        # a copula: the predicate is the event
        ("The second payment is due on June 1.", "June 1", "due"),
        ("Her father was the ambassador until 2019.", "2019", "ambassador"),
        ("The vote was on Sunday.", "Sunday", "vote"),
        # a verb that only says an event happened gives the date to the event
        ("The merger that took place in 2011 doubled the payroll.", "2011", "merger"),
        ("The explosion occurred on Monday near the depot.", "Monday", "explosion"),
        ("The ministers held talks that lasted five hours on Monday.", "Monday", "talks"),
        ("Oil was down $2 a barrel in London trading yesterday.", "yesterday", "down"),
        ("The president's visit will be a turning point in the coming months.", "the coming months", "visit"),
        # "be going to" only says an event will come: the event is the verb it takes
        ("Next week the ministers are going to visit the border posts.", "Next week", "visit"),
        # a phase verb: the date anchors on the phase
        ("The brigades will begin withdrawing on Friday.", "Friday", "begin"),
        # an amount that is the subject of a verb of change yields to the verb
        ("Third-quarter profit fell 5% to $20 million.", "Third-quarter", "fell"),
        # two dates on one verb: the one before it dates the verb, the one after its object dates the object
        ("The cabinet on Saturday condemned the raids on the border posts Friday.", "Saturday", "condemned"),
        ("The cabinet on Saturday condemned the raids on the border posts Friday.", "Friday", "raids"),
        # a `when` clause that describes the date
        ("Exports shrank in 2022, when the sanctions began.", "2022", "began"),
        # … wherever the parser hung it, after a comma or a preposition's date
        ("The valley could have used more dams in 1998 when the river flooded the farms.", "1998", "flooded"),
        ("Grain prices fell sharply from their peak a year ago, when the drought hit the plains.", "a year ago", "hit"),
        ("The town kept a photograph from 1975 when the miners struck for higher pay.", "1975", "struck"),
        ("Unlike Monday, when three ministers resigned, the cabinet met quietly on Tuesday.", "Monday", "resigned"),
        # … but not a bare date's `when` with no comma, nor a `when` of a state
        ("The guard was shot Thursday when robbers fired at the van.", "Thursday", "shot"),
        ("She left the island in 1990 when she was six.", "1990", "left"),
        # … or a clause with no relative word
        (
            "She was elected mayor in 2004, and the following year she was named governor.",
            "the following year",
            "named",
        ),
        # a date a verb takes, gives or sets is the time of what it is for: the infinitive, or the `as` phrase's event
        ("Building the new bridge over the river took four years to complete.", "four years", "complete"),
        ("The ministry gave the two firms until Friday to answer the complaint.", "Friday", "answer"),
        ("The general chose Sunday night as the best time to launch the assault.", "Sunday night", "launch"),
        ("The court set Monday as the deadline for his extradition to Spain.", "Monday", "extradition"),
        # … not a date the verb happens on, nor a bound with no infinitive
        ("The ministers met on Monday to discuss the budget.", "Monday", "met"),
        ("The envoy stayed in the capital until Friday.", "Friday", "stayed"),
        # … nor an `until` the verb does not give: the infinitive is its purpose
        ("The fishermen stayed in the harbour until Friday to repair their nets.", "Friday", "stayed"),
        # a verb about another event leaves a date after its event-noun object to that object
        ("The insurer reported a net loss of $4 million for the second quarter.", "the second quarter", "loss"),
        ("Farmers planned a large protest outside the ministry on Sunday.", "Sunday", "protest"),
        ("The bank extended its offer for the smaller lender until June 3.", "June 3", "offer"),
        # … but a verb of its own keeps it
        ("The two firms signed a merger agreement on Sunday.", "Sunday", "signed"),
        # refuse, fail, try, vote, invite: the infinitive has not happened, the date dates the act
        ("The union refused to sign the wage deal on Monday.", "Monday", "refused"),
        ("The senators voted to repeal the levy on Thursday.", "Thursday", "voted"),
        ("The alliance invited the two states to join in June 2021.", "June 2021", "invited"),
        # … while a plan's infinitive keeps the date it will happen on
        ("The delegation plans to leave the capital on Friday.", "Friday", "leave"),
        # a past date cannot date a verb in the present or the future: the event noun between them takes it
        ("The court is still reviewing an appeal last month from the miners.", "last month", "appeal"),
        ("The town owes its recovery in recent years to tourism.", "recent years", "recovery"),
        ("The court reviewed an appeal last month from the miners.", "last month", "reviewed"),
        # a date the parser hangs as an adverb on an amount dates the clause's verb …
        ("The brewer had net income of $4.2 million, or nine cents a share, a year ago.", "a year ago", "had"),
        # … but an amount in a phrase of comparison keeps it
        (
            "The miller posted a loss of $1 million, versus net income of $2.6 million, or 40 cents a share, a year earlier.",
            "a year earlier",
            "income",
        ),
        # a participle that only places an event noun in time gives the date to the noun
        ("Trade will dominate the summit set for Lisbon in May.", "May", "summit"),
        ("The regulator questioned the charges taken in the first quarter.", "the first quarter", "charges"),
        # the date a period verb takes is the period's end, an event of its own
        ("Sales rose 4% in the quarter ended Sept. 30.", "Sept. 30", "ended"),
        # an event noun in a phrase put first, right before the date, dates it …
        ("At the close of business Monday, the fund said 2,000 shares had been sold.", "Monday", "close"),
        ("In a long televised speech Sunday, the general rejected the truce.", "Sunday", "speech"),
        # … but not a market's session: the date is the clause's
        ("In composite trading Tuesday, the company's shares fell 20 cents.", "Tuesday", "fell"),
        ("The insurer's shares slid 40 cents to $12.10 in over-the-counter trading Monday.", "Monday", "slid"),
        # a length of time measured from an event dates that event
        ("The strike began a week after the election in the north.", "a week", "election"),
        ("Talks resumed a month after the rebels seized the port.", "a month", "seized"),
        ("The minister resigned within two weeks of the scandal.", "two weeks", "scandal"),
        # a date put before a noun as its modifier dates that noun, whatever the noun
        ("The ministers extended the 2015 grain embargo against the island.", "2015", "embargo"),
        ("The unions rejected the five-year wage strategy.", "five-year", "strategy"),
        # … with a hyphen inside the noun, or a year set off by commas that the parser made the phrase's head
        ("The sanctions have hurt the port since his March 3 power-grab in the north.", "March 3", "grab"),
        (
            "Two soldiers stand accused in the Jan. 5, 2004, bombing of a bus that killed nine people.",
            "Jan. 5, 2004",
            "bombing",
        ),
        # … through a time noun to the event it names
        ("Officials named a March 3 return date for the envoy.", "March 3", "return"),
        # … but a subject's date is its clause's, a publication's date no event's
        ("Monday's trading volume reached 90 million shares.", "Monday", "reached"),
        ("The notice ran in Monday's edition of the local paper.", "Monday", "ran"),
        ("The rebels fought on Sunday and wounded soldiers were carried to the coast.", "Sunday", "fought"),
        # a date between a subject's modifiers and the verb is the subject's: its participle, or the subject itself
        ("A report prepared by the auditors last month found gaps in the accounts.", "last month", "prepared"),
        ("The evacuation of the town two days ago saved hundreds of lives.", "two days ago", "evacuation"),
        ("Officials at the ministry Thursday denied the report.", "Thursday", "denied"),
        # … or the relative clause that describes it
        ("Residents who fled the town two days ago returned home.", "two days ago", "fled"),
        ("Investors who stay in the bond market now could lose heavily.", "now", "stay"),
        # a date put forward by "it is" dates the clause that follows
        ("It was not until Thursday that the ministry confirmed the closure.", "Thursday", "confirmed"),
        # … not a date before it
        ("By now it is clear that the voters want a change.", "now", "clear"),
    ],
)
def test_the_event_a_date_anchors(nlp, text, date, event):
    assert event_word(nlp, text, date) == event


def test_a_participle_that_ends_a_period_is_part_of_the_date(nlp):
    text = "Net income for the six months ended March 31 fell 3%."
    assert event_word(nlp, text, "the six months") != "ended"


def test_rule_picks_name_the_rule_that_decided(nlp):
    text = "The miners refused to sign the wage deal on Monday, and the vote was on Sunday."
    doc = nlp(text)
    spans = [(text.index(d), text.index(d) + len(d)) for d in ("Monday", "Sunday")]
    picks = [(tok.text, base.text, stage) for tok, base, stage in rule_picks(doc, spans)]
    assert picks == [("refused", "sign", "unrealised_complement"), ("vote", "was", "copula")]


def test_a_date_with_no_event_anchors_nothing(nlp):
    assert event_word(nlp, "Tuesday, 7 March 2023", "7 March 2023") is None


def test_no_parse_no_event():
    text = "The talks were held on Friday."
    assert event_of(None, 0, len(text)) == (None, None)
    (t,) = timeline.extract_timexes(text, None, ANCHOR)
    assert (t.event_start, t.event_end) == (None, None)


def test_event_nouns_by_lexicon_and_by_ending(nlp):
    doc = nlp("The ratification and the station and the talks.")
    words = {t.text: is_event_noun(t) for t in doc if t.pos_ == "NOUN"}
    assert words == {"ratification": True, "station": False, "talks": True}


# ---------------------------------------------------------------- stored and exported


def _store(path) -> sqlite3.Connection:
    conn = store.connect(path)
    text = "The meeting on Friday ended."
    a = Article(key="a", text=text, published=ANCHOR)
    a.sha256 = "h"
    t = Timex(15, 21, "Friday", "DATE", "2023-02-17", event_start=4, event_end=11)
    write_article(conn, a, Extraction(sentences=[(0, len(text))], timexes=[t]), EntityCache(conn))
    return conn


def _timeline(conn) -> list[dict]:
    out = io.StringIO()
    export.write(conn, "timeline", out, "jsonl")
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_export_gives_the_event_word(tmp_path):
    conn = _store(tmp_path / "c.db")
    (row,) = _timeline(conn)
    assert (row["event_start"], row["event_end"]) == (4, 11)
    out = io.StringIO()
    export.write(conn, "timeline", out, "csv")
    header, line = out.getvalue().splitlines()
    assert header.endswith(",event_start,event_end,event") and line.endswith(",4,11,")


def _as_version_2(path) -> None:
    """What schema 2 made: no event-word columns."""
    c = sqlite3.connect(path)
    c.execute("ALTER TABLE timex DROP COLUMN event_start")
    c.execute("ALTER TABLE timex DROP COLUMN event_end")
    c.execute("PRAGMA user_version=2")
    c.commit()
    c.close()


def test_a_version_2_database_exports_null_events_and_is_upgraded_by_a_writer(tmp_path):
    p = tmp_path / "old.db"
    _store(p).close()
    _as_version_2(p)
    conn = store.connect(p, readonly=True)
    (row,) = _timeline(conn)
    assert (row["event_start"], row["event_end"]) == (None, None) and row["text"] == "Friday"
    conn.close()
    conn = store.connect(p)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION == 18
    assert {"event_start", "event_end"} <= {r[1] for r in conn.execute("PRAGMA table_info(timex)")}
    (row,) = _timeline(conn)
    assert row["event_start"] is None  # filled when the article is extracted again (a new pipeline version)
