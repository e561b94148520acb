"""A small realistic database written straight through `store`, without spaCy.

Three news articles with mentions, quotes with speakers and dated events, and one
hostile article whose text carries markup, escape sequences and bidi overrides
that must show literally. `python -m tests.tui.fixture_db FILE` writes one.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from model.corpus import entity_refresh, store, write
from model.corpus.event_refresh import refresh_events
from model.corpus.statement_refresh import refresh_statements
from model.dates import granularity
from model.records import Article, EventReport, Extraction, Mention, Quote, Timex

NAMES = {
    "Vladimir Putin": ("Vladimir Putin", "PERSON"),
    "Putin": ("Vladimir Putin", "PERSON"),
    "Wang Yi": ("Wang Yi", "PERSON"),
    "Wang": ("Wang Yi", "PERSON"),
    "Xi Jinping": ("Xi Jinping", "PERSON"),
    "Xi": ("Xi Jinping", "PERSON"),
    "Ned Price": ("Ned Price", "PERSON"),
    "Price": ("Ned Price", "PERSON"),
    "China": ("China", "GPE"),
    "Russia": ("Russia", "GPE"),
    "Beijing": ("Beijing", "GPE"),
    "Moscow": ("Moscow", "GPE"),
    "Ukraine": ("Ukraine", "GPE"),
    "U.S.": ("United States", "GPE"),
    "United States": ("United States", "GPE"),
    "Taiwan": ("Taiwan", "GPE"),
    "Kremlin": ("Kremlin", "ORG"),
    "NATO": ("NATO", "ORG"),
    "State Department": ("State Department", "ORG"),
    "Chinese": ("Chinese", "NORP"),
    "Russian": ("Russian", "NORP"),
    "Maria Zakharova": ("Maria Zakharova", "PERSON"),
}

ARTICLES = [
    dict(
        key="wang-visit",
        title="China-Russia ties enter 'a higher stage', says Putin",
        source="Example Daily",
        published="2023-02-23",
        published_basis="dateline: 'Feb 23, 2023'",
        text=(
            "Ties between China and Russia have entered “a higher stage,” according to Russian President "
            "Vladimir Putin. At a meeting on Wednesday with China’s foreign policy chief, Wang Yi, he observed "
            "that contacts between the two governments keep “deepening.”\n"
            "Wang spoke warmly of the steady work the two governments have done together. “Our partnership has "
            "stood firm against every outside attempt to divide us,” Wang said.\n"
            "Putin ended the talks by announcing that Chinese President Xi Jinping would travel to Russia "
            "in March.\n"
            "U.S. State Department spokesperson Ned Price called Wang’s trip to Russia a moment to watch. "
            "“We are following closely what the two countries agree on,” Price said at a regular briefing.\n"
            "About a year ago, days before Russia sent troops into Ukraine, Xi and Putin declared a partnership "
            "“without limits” in February 2022."
        ),
        quotes=[
            ("a higher stage,", "Vladimir Putin", "Vladimir Putin", "according to", "partial"),
            (
                "Our partnership has stood firm against every outside attempt to divide us,",
                "Wang Yi",
                "Wang",
                "said",
                "direct",
            ),
            ("We are following closely what the two countries agree on,", "Ned Price", "Price", "said", "direct"),
        ],
        timexes=[
            (
                "Wednesday",
                "DATE",
                "2023-02-22",
                "2023-02-22",
                "2023-02-22",
                "'Wednesday' → the Wednesday before the publication date 2023-02-23, past tense",
                "2023-02-23",
            ),
            (
                "in March",
                "DATE",
                "2023-03",
                "2023-03-01",
                "2023-03-31",
                "'March' → the next March after 2023-02-23, future ('would travel')",
                "2023-02-23",
            ),
            (
                "About a year ago",
                "DATE",
                "2022",
                "2022-01-01",
                "2022-12-31",
                "'a year ago' → publication year minus one",
                "2023-02-23",
            ),
            ("February 2022", "DATE", "2022-02", "2022-02-01", "2022-02-28", "absolute month", None),
        ],
    ),
    dict(
        key="boundless",
        title="Russia, China Proclaim Unbounded Partnership",
        source="World Wire",
        published="2022-02-05",
        published_basis="first date in the text, 'Friday, February 4'",
        text=(
            "President Xi Jinping welcomed his Russian counterpart Vladimir Putin on Friday, as the two countries "
            "described their bond as closer than any alliance of the last century.\n"
            "China and Russia set out an “unbounded” partnership in a statement signed in Beijing on "
            "February 4, 2022.\n"
            "On Ukraine, Beijing sided with Russia’s call to keep NATO from growing eastward as the Kremlin gathered "
            "forces on the border, and Moscow in turn stood against any move by Taiwan to break away.\n"
            "The two countries said that “there is no ceiling on what the two countries can do together.”\n"
            "“We are opening a new chapter,” Putin told reporters in the spring of 2022."
        ),
        quotes=[
            ("there is no ceiling on what the two countries can do together.", None, None, "said", "direct"),
            ("We are opening a new chapter,", "Vladimir Putin", "Putin", "told", "direct"),
        ],
        timexes=[
            (
                "Friday",
                "DATE",
                "2022-02-04",
                "2022-02-04",
                "2022-02-04",
                "'Friday' → the Friday before the publication date 2022-02-05, past tense",
                "2022-02-05",
            ),
            ("February 4, 2022", "DATE", "2022-02-04", "2022-02-04", "2022-02-04", "absolute date", None),
            ("the spring of 2022", "DATE", "2022-SP", "2022-03-01", "2022-05-31", "season of a year", None),
        ],
    ),
    dict(
        key="zakharova",
        title="Moscow rejects Western criticism",
        source=None,
        published=None,
        published_basis=None,
        text=(
            "Russian Foreign Ministry spokeswoman Maria Zakharova brushed the complaints aside on Thursday.\n"
            "“Russia and China take no instructions from outside,” Zakharova said, adding that Moscow counted on "
            "Beijing’s backing.\n"
            "She said the consultations would resume next week."
        ),
        quotes=[
            ("Russia and China take no instructions from outside,", "Maria Zakharova", "Zakharova", "said", "direct"),
            ("the consultations would resume next week.", "Maria Zakharova", "She", "said", "indirect"),
        ],
        timexes=[
            ("Thursday", "DATE", "XXXX-XX-XX", None, None, "no publication date to anchor 'Thursday'", None),
            ("next week", "DATE", "FUTURE_REF", None, None, "no anchor", None),
        ],
    ),
    dict(
        key="hostile",
        title="[bold]Markup[/] title \x1b[31mred\x1b[0m \u202eevil\u202c",
        source="[link=x]src",
        published="2021-06-01",
        published_basis="given",
        text=(
            "This [bold]is not bold[/bold] and [link=https://evil.example]not a link[/link].\n"
            "Clicking [@click=app.quit]here[/] must not quit; an unmatched [/] and [/i] stay literal.\n"
            "Escape \x1b[2J\x1b]52;c;ZXZpbA==\x07 sequences, a DEL\x7f, a C1 \x9b control and bidi "
            "\u202eoverride\u202c \u2066isolate\u2069 are removed before rendering.\n"
            "China said “[red]not red[/red]” on June 1, 2021."
        ),
        quotes=[("[red]not red[/red]", "China", "China", "said", "direct")],
        timexes=[("June 1, 2021", "DATE", "2021-06-01", "2021-06-01", "2021-06-01", "absolute date", None)],
    ),
]


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r"(?:(?<=[.!?])|(?<=[.!?]”))[ \t]+|\n", text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def _mentions(text: str) -> list[Mention]:
    names = sorted(NAMES, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(n) for n in names) + r")(?!\w)")
    out = []
    for m in pattern.finditer(text):
        canonical, label = NAMES[m.group()]
        basis = "ner" if m.group() == canonical else f"ner; alias of {canonical}"
        out.append(
            Mention(
                m.start(),
                m.end(),
                m.group(),
                label,
                canonical,
                basis,
                family=canonical.split()[-1] if label == "PERSON" else None,
            )
        )
    return out


def extraction(spec: dict) -> Extraction:
    text = spec["text"]
    sents = _sentences(text)
    quotes = []
    for qtext, speaker, surface, cue, kind in spec["quotes"]:
        start = text.index(qtext)
        sp_start = text.find(surface, start + len(qtext)) if surface else -1
        if surface and sp_start < 0:
            sp_start = text.rfind(surface, 0, start)
        cue_start = text.find(cue, start + len(qtext))
        quotes.append(
            Quote(
                start,
                start + len(qtext),
                qtext,
                kind,
                cue,
                cue_start if cue_start >= 0 else None,
                cue_start + len(cue) if cue_start >= 0 else None,
                speaker,
                [speaker] if speaker else [],
                sp_start if surface else None,
                sp_start + len(surface) if surface else None,
                f"speaker: nsubj of '{cue}'" if speaker else "no speaker found",
                0.9 if speaker else 0.3,
            )
        )
    timexes = []
    for surface, typ, value, vs, ve, basis, anchor in spec["timexes"]:
        start = text.index(surface)
        sent = next(i for i, (s, e) in enumerate(sents) if s <= start < e)
        timexes.append(Timex(start, start + len(surface), surface, typ, value, anchor, basis, sent, vs, ve))
    mentions = _mentions(text)
    events = [_event_report(text, sents, mentions, t) for t in timexes if granularity(t.value) in EVENT_GRANULARITIES]
    return Extraction(sentences=sents, mentions=mentions, quotes=quotes, timexes=timexes, events=events)


EVENT_GRANULARITIES = ("year", "month", "day")


def _event_report(text: str, sents, mentions: list[Mention], t: Timex) -> EventReport:
    """A dated report as extraction would give it (no parse here): the sentence's first word its trigger, the
    people of the sentence its agents, a place named after "in" its place."""
    start, end = sents[t.sentence]
    first = re.match(r"\w+", text[start:end])
    trigger_end = start + (first.end() if first else 0)
    agents = [(m.start, m.end) for m in mentions if start <= m.start < end and m.label == "PERSON"]
    places = [(m.start, m.end) for m in mentions if start <= m.start < end and text[m.start - 3 : m.start] == "in "]
    return EventReport(
        start,
        end,
        t.start,
        t.end,
        start,
        trigger_end,
        "meet",
        t.value,
        agents,
        place=places[0] if places else None,
        basis=t.basis,
        trigger_pos="VERB",
    )


# A fourth report of the Wang Yi meeting that dates it two days later than the first: one event, a conflict.
CONFLICTING = dict(
    key="friday-talks",
    title="Wang Yi in Moscow",
    source="Other Wire",
    published="2023-02-25",
    published_basis="given",
    text="Wang Yi met Kremlin officials in Moscow on Friday.\nThe talks covered trade.",
    quotes=[],
    timexes=[
        (
            "Friday",
            "DATE",
            "2023-02-24",
            "2023-02-24",
            "2023-02-24",
            "'Friday' → the Friday before the publication date 2023-02-25, past tense",
            "2023-02-25",
        )
    ],
)


def build(path: str | Path, articles: list[dict] = ARTICLES) -> Path:
    """Write the fixture database at `path` (of `articles`) and return the path."""
    path = Path(path)
    conn = store.connect(path)
    cache = write.EntityCache(conn)
    for spec in articles:
        art = Article(
            key=spec["key"],
            text=spec["text"],
            title=spec["title"],
            title_basis="first line",
            source=spec["source"],
            source_basis="given" if spec["source"] else None,
            published=spec["published"],
            published_basis=spec["published_basis"],
            published_confidence=0.9 if spec["published"] else None,
            sha256=spec["key"],
        )
        # The speakers must exist as entities before the quote rows point at them.
        for _, speaker, *_ in spec["quotes"]:
            if speaker:
                cache.get(speaker, NAMES.get(speaker, (speaker, "PERSON"))[1], None)
        conn.commit()
        write.write_article(conn, art, extraction(spec), cache)
    entity_refresh.refresh_entities(conn)
    refresh_events(conn)
    refresh_statements(conn)
    conn.close()
    return path


if __name__ == "__main__":
    print(build(sys.argv[1]))


def build_big(path: str | Path, n: int = 100_000) -> Path:
    """A synthetic corpus of `n` articles (bulk SQL, for benchmarks): each with a few
    mentions, a quote and a dated event."""
    import random

    path = Path(path)
    conn = store.connect(path)
    rnd = random.Random(5)
    people = ["Vladimir Putin", "Xi Jinping", "Wang Yi", "Sergei Lavrov", "Ned Price"] + [
        f"Person {i}" for i in range(2000)
    ]
    with conn:
        conn.executemany(
            "INSERT INTO entity(id, canonical, label, mentions, articles) VALUES (?,?,?,0,0)",
            [(i + 1, name, "PERSON") for i, name in enumerate(people)],
        )
        conn.executemany(
            "INSERT INTO entity(id, canonical, label, mentions, articles) VALUES (?,?,?,0,0)",
            [(len(people) + 1, "China", "GPE"), (len(people) + 2, "Russia", "GPE")],
        )
    china, russia = len(people) + 1, len(people) + 2
    batch = []
    for i in range(n):
        who = rnd.randrange(len(people)) + 1
        day = f"{2000 + i % 25}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        text = (
            f"{people[who - 1]} met officials in Beijing. “China and Russia share goal {i},” "
            f"{people[who - 1]} said on {day}. Trade grew by {i % 97} percent."
        )
        batch.append((i + 1, f"a{i}", f"Article {i}: {people[who - 1]} on ties", "Wire", day, text, who))
    with conn:
        conn.executemany(
            "INSERT INTO article(id, key, sha256, title, source, published, published_basis, text, lang, "
            "pipeline_version) VALUES (?,?,'',?,?,?,'given',?,'en','1')",
            [b[:6] for b in batch],
        )
        for aid, _, _, _, day, text, who in batch:
            name = people[who - 1]
            q0 = text.index("“") + 1
            q1 = text.index("”")
            conn.execute("INSERT INTO sentence(article, idx, start, end) VALUES (?,0,0,?)", (aid, len(text)))
            conn.executemany(
                "INSERT INTO mention(article, entity, start, end, text, label, basis) VALUES (?,?,?,?,?,?, 'ner')",
                [
                    (aid, who, 0, len(name), name, "PERSON"),
                    (aid, china, q0, q0 + 5, "China", "GPE"),
                    (aid, russia, q0 + 10, q0 + 16, "Russia", "GPE"),
                ],
            )
            conn.execute(
                "INSERT INTO quote(article, start, end, text, kind, cue, speaker_name, speaker_entity, basis, "
                "confidence) VALUES (?,?,?,?,'direct','said',?,?,'bulk',0.9)",
                (aid, q0, q1, text[q0:q1], name, who),
            )
            d0 = text.index(day)
            conn.execute(
                "INSERT INTO timex(article, start, end, text, type, value, basis, sentence, value_start, "
                "value_end, uncertain) VALUES (?,?,?,?,'DATE',?,'absolute',0,?,?,0)",
                (aid, d0, d0 + len(day), day, day, day, day),
            )
    with conn:
        conn.execute(
            "UPDATE entity SET mentions=(SELECT COUNT(*) FROM mention WHERE entity=entity.id), "
            "articles=(SELECT COUNT(DISTINCT article) FROM mention WHERE entity=entity.id)"
        )
    refresh_statements(conn, everything=True)
    conn.close()
    return path
