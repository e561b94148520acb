"""Bad input to ingest: each file or record is stored correctly or skipped with a one-line
reason, never a traceback, and the rest of the batch is ingested.

One generated folder holds every kind of bad input next to good files; it is ingested once,
in this process, through the real command line (`tui.cli.main`) with the session's spaCy
pipeline, and each test then checks one case against the database and the report.
"""

from __future__ import annotations

import codecs
import json
import random
import sqlite3

import pytest

from model.corpus import query
from model.ingest import pipeline as ingest
from model.ingest import pool, record_files
from tui import cli

PUTIN = "Vladimir Putin met Xi Jinping in Moscow on Tuesday, the Kremlin said."
UNICODE = {
    "zh": "习近平 与 普京 在 莫斯科 会谈。中俄关系 达到 新高度。",
    "ru": "Путин встретился с Си Цзиньпином в Москве. Лавров заявил, что отношения крепнут.",
    "emoji": "Leaders shook hands 🇨🇳🤝🇷🇺 and analysts 👩‍💻 posted emojihandshake threads.",
    "zw": "Zero\u200bwidth joiners\u200d and non\u200cjoiners hide inside zwtoken words.",
    "comb": "Combining marks: cafe\u0301 and Z\u0335\u0322a\u0338l\u0334go\u0337 stay as typed in combtoken.",
}
BIG = 20 * 1024 * 1024


def jl(**rec) -> str:
    return json.dumps(rec, ensure_ascii=False)


def make_inputs(d) -> dict[str, str]:
    """Write every bad input under `d`; return {file name: what must happen}."""
    rng = random.Random(7)
    expect = {}

    def put(name, data: bytes, what: str):
        (d / name).write_bytes(data)
        expect[name] = what

    put("binary.txt", rng.randbytes(8192), "skip")
    put("zip_named.txt", b"PK\x03\x04" + rng.randbytes(500), "skip")
    put("invalid_utf8.txt", f"{PUTIN} Путин сказал".encode() + b"\xff\xc3" + " в Москве.".encode(), "store")
    put("cp1252.txt", f"{PUTIN} \u201cCafé crème\u201d in Genève \u2013 ok.".encode("cp1252"), "store")
    put("latin1.txt", f"{PUTIN} Lavrov flew on to Zürich and São Paulo; Grüße.".encode("latin-1"), "store")
    put("utf16le.txt", codecs.BOM_UTF16_LE + f"{PUTIN} Ушаков was there.".encode("utf-16-le"), "store")
    put("utf16be.md", codecs.BOM_UTF16_BE + f"# UTF-16 BE title\n\n{PUTIN}".encode("utf-16-be"), "store")
    put("empty.txt", b"", "skip")
    put("blank.md", b"  \n\r\n\t \n", "skip")
    put("controls_only.txt", b"\x1b[2J\x07\x00", "skip")
    put("huge.txt", b"word " * (BIG // 5), "skip")  # 20 MB: above the limit for one article
    put("crlf.txt", f"CRLF headline\r\n\r\n{PUTIN}\r\nSecond paragraph crlfword.\r\n".encode(), "store")
    put("cr.txt", f"Lone CR headline\r\r{PUTIN}\rSecond paragraph crword.\r".encode(), "store")
    put(
        "page.html",
        f"""<html><head><title>Page title</title><style>body {{ color: red }} .stylemarker {{}}</style>
        <script>alert("scriptmarker"); document.write("<p>injected</p>")</script></head>
        <body onload="evil()"><nav>navmarker</nav><h1>Summit &amp; talks</h1>
        <p>{PUTIN}</p><noscript>noscriptmarker</noscript><p>htmlword &lt;b&gt;not a tag&lt;/b&gt;</p>
        <script type="module">import "x"; // scriptmarker2</script></body></html>""".encode(),
        "store",
    )
    lines = [
        jl(id="j-good-1", title="Good one", text=f"{PUTIN} jsonlword one."),
        "{oops not json",
        "[1, 2, 3]",
        jl(id="j-notext", text=7),
        '"just a string"',
        "[" * 100_000,  # nested too deep for the parser
        jl(id="j-ls", text="A line\u2028separator and a next\x85line inside one record: lsword."),
        jl(id="j-dup", text="First text for the duplicated id: dupfirst."),
        jl(id="j-dup", text="Second, different text for the same id: dupsecond."),
        jl(id="j-same", text="Exactly the same record twice: samerecord."),
        jl(id="j-same", text="Exactly the same record twice: samerecord."),
        *[jl(id=f"u-{k}", title=f"Unicode {k}", text=v) for k, v in UNICODE.items()],
        jl(id="j-good-2", text=f"{PUTIN} jsonlword two."),
    ]
    put("records.jsonl", "\r\n".join(lines).encode(), "records")
    rows = [
        "id,title,text,published",
        'c-good-1,Good row,"Putin met Xi, csvword one.",2023-02-22',
        "c-many,Too,many,fields,here,2023",
        'c-quote,"Embedded ""quotes"" are fine","He said ""csvquoted"" twice.",',
        'c-nul,Nul,"A NUL\x00inside csvnul",',
        'c-good-2,Good row two,"Xi spoke, csvword two.",not a date',
        'c-open,Open,"this quote never closes csvopen,',
        'c-good-3,Good row three,"After the broken row: csvword three.",',
    ]
    put("rows.csv", "\r\n".join(rows).encode(), "records")
    big = [
        jl(id="big-1", text="Before the huge record: bigword one."),
        jl(id="big-huge", text="x" * (record_files.MAX_TEXT_CHARS + 10)),
        jl(id="big-2", text="After the huge record: bigword two."),
    ]
    data = "\n".join(big).encode()
    put("big.jsonl", data + b"\n" + b" " * max(0, BIG - len(data)), "records")  # a 20 MB records file
    put("notes.pdf", b"%PDF-1.4 ignored", "ignored")  # not an input type: not even looked at in a folder
    return expect


@pytest.fixture(scope="module")
def batch(tmp_path_factory, nlp):
    """The folder ingested once through `sinorus-tui ingest`: (db, expect, exit code, stdout, stderr)."""
    d = tmp_path_factory.mktemp("hostile-inputs")
    expect = make_inputs(d)
    db = d.parent / (d.name + ".db")
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pool, "_NLP", nlp)  # reuse the session pipeline: no second spaCy load
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(["ingest", "--db", str(db), str(d), "-j", "1"])
    return db, d, expect, code, out.getvalue(), err.getvalue()


def stored(db) -> dict[str, dict]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = {r["key"]: dict(r) for r in conn.execute("SELECT * FROM article")}
    conn.close()
    return rows


def skipped(err: str) -> dict[str, str]:
    """origin -> reason, from the `skipped ORIGIN: REASON` lines."""
    out = {}
    for line in err.splitlines():
        if line.startswith("skipped "):
            origin, _, reason = line[len("skipped ") :].partition(": ")
            out[origin] = reason
    return out


def test_batch_finishes_with_a_summary_and_one_line_per_skip(batch):
    db, d, expect, code, out, err = batch
    assert code == 0, err
    assert "Traceback" not in err and "Traceback" not in out
    assert out.startswith("ingest: ") and out.count("\n") == 1
    lines = err.splitlines()
    assert lines[0] == f"sinorus-tui: no database at {db}; creating it"  # a new database is said to be made
    for line in lines[1:]:  # then nothing but the skip reports (no progress bar: not a terminal)
        assert line.startswith(("skipped ", "ingest: ")), line
    files = {o.split(":")[0].rsplit("/", 1)[-1] for o in skipped(err)}
    assert files == {n for n, w in expect.items() if w == "skip"} | {"records.jsonl", "rows.csv", "big.jsonl"}


@pytest.mark.parametrize(
    "name,reason",
    [
        ("binary.txt", "not valid UTF-8"),
        ("zip_named.txt", "ZIP"),
        ("empty.txt", "empty file"),
        ("blank.md", "whitespace"),
        ("controls_only.txt", "binary"),
        ("huge.txt", "too large (20.0 MB"),
    ],
)
def test_unusable_files_are_skipped_with_the_reason(batch, name, reason):
    db, d, expect, code, out, err = batch
    reasons = skipped(err)
    assert reason in reasons[str(d / name)]
    assert name.rsplit(".", 1)[0] not in stored(db)


def test_legacy_encodings_are_decoded_and_stored(batch):
    arts = stored(batch[0])
    assert "Путин сказал\ufffd\ufffd в Москве." in arts["invalid_utf8"]["text"]  # the UTF-8 text survives
    assert "2 broken byte(s) replaced" in arts["invalid_utf8"]["origin"]
    assert "\u201cCafé crème\u201d in Genève \u2013 ok." in arts["cp1252"]["text"]
    assert "Windows-1252" in arts["cp1252"]["origin"]
    assert "Zürich and São Paulo; Grüße" in arts["latin1"]["text"]
    assert "Ушаков was there" in arts["utf16le"]["text"] and "UTF-16" in arts["utf16le"]["origin"]
    assert arts["utf16be"]["title"] == "UTF-16 BE title" and PUTIN in arts["utf16be"]["text"]
    for a in arts.values():
        assert "\ufeff" not in a["text"] and "\x00" not in a["text"]


def test_crlf_and_lone_cr_become_newlines_and_offsets_hold(batch):
    db = batch[0]
    arts = stored(db)
    for key, word in (("crlf", "crlfword"), ("cr", "crword")):
        text = arts[key]["text"]
        assert "\r" not in text and f"{PUTIN}\nSecond paragraph {word}." in text
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT a.text, m.start, m.end, m.text FROM mention m JOIN article a ON a.id = m.article "
        "WHERE a.key IN ('crlf', 'cr')"
    ).fetchall()
    assert rows and all(text[s:e] == t for text, s, e, t in rows)


def test_html_scripts_styles_and_chrome_are_dropped(batch):
    a = stored(batch[0])["page"]
    assert a["title"] == "Summit & talks"
    assert PUTIN in a["text"] and "htmlword <b>not a tag</b>" in a["text"]
    for marker in ("scriptmarker", "stylemarker", "navmarker", "noscriptmarker", "injected", "alert", "evil()"):
        assert marker not in a["text"]


def test_malformed_records_are_skipped_and_good_ones_kept(batch):
    db, d, expect, code, out, err = batch
    arts = stored(db)
    for key in ("j-good-1", "j-good-2", "j-ls", "c-good-1", "c-good-2", "c-good-3", "c-quote", "big-1", "big-2"):
        assert key in arts, key
    assert 'He said "csvquoted" twice.' == arts["c-quote"]["text"]
    assert "separator and a next" in arts["j-ls"]["text"]  # U+2028 inside a record does not end the line
    reasons = skipped(err)
    jsonl = {int(o.rsplit(":", 1)[1]): r for o, r in reasons.items() if o.startswith(str(d / "records.jsonl") + ":")}
    assert "malformed JSON" in jsonl[2] and "malformed JSON" in jsonl[6]
    assert "not an object" in jsonl[3] and "not an object" in jsonl[5] and "no text" in jsonl[4]
    rows = {o.rsplit(":", 1)[1]: r for o, r in reasons.items() if o.startswith(str(d / "rows.csv") + ":")}
    assert "6 fields" in rows["row 3"] and "never closed" in rows["row 7"]
    assert "c-many" not in arts and "c-open" not in arts
    assert "too large" in reasons[str(d / "big.jsonl") + ":2"] and "big-huge" not in arts
    assert arts["c-good-2"]["published"] is None and "not understood" in arts["c-good-2"]["published_basis"]


def test_a_nul_inside_a_csv_field_is_stripped(batch):
    assert stored(batch[0])["c-nul"]["text"] == "A NULinside csvnul"


def test_duplicate_id_keeps_the_first_text_and_says_so(batch):
    db, d, expect, code, out, err = batch
    arts = stored(db)
    assert "dupfirst" in arts["j-dup"]["text"]
    dup = [r for o, r in skipped(err).items() if "duplicate id 'j-dup'" in r]
    assert len(dup) == 1 and "kept the first" in dup[0]
    assert not any("j-same" in r for r in skipped(err).values())  # the very same record twice is no conflict
    assert "samerecord" in arts["j-same"]["text"]


def test_unicode_is_stored_exactly(batch):
    arts = stored(batch[0])
    for k, v in UNICODE.items():
        assert arts[f"u-{k}"]["text"] == v


@pytest.mark.parametrize(
    "search,key",
    [
        ("Путин", "u-ru"),
        ("москве", "u-ru"),
        ("Лавров", "u-ru"),
        ("emojihandshake", "u-emoji"),
        ("cafe", "u-comb"),
        ("café", "u-comb"),
        ("combtoken", "u-comb"),
        ("zwtoken", "u-zw"),
        ("习近平", "u-zh"),
        ("普京", "u-zh"),
        ("中俄*", "u-zh"),
        ("Zürich", "latin1"),
        ("crlfword", "crlf"),
        ("htmlword", "page"),
        ("lsword", "j-ls"),
    ],
)
def test_unicode_text_is_searchable(batch, search, key):
    conn = query.connect(batch[0])
    keys = {r.key for r in query.articles(conn, query.Filters(search=search))}
    conn.close()
    assert key in keys


def test_a_chinese_word_inside_a_run_is_searchable(batch):
    conn = query.connect(batch[0])
    keys = {r.key for r in query.articles(conn, query.Filters(search="关系"))}  # inside 中俄关系
    conn.close()
    assert "u-zh" in keys


def test_records_and_their_extractions_never_half_stored(batch):
    """Every stored article has its sentences, and every span points into its own text."""
    conn = sqlite3.connect(batch[0])
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert (
        conn.execute(
            "SELECT COUNT(*) FROM article a WHERE NOT EXISTS (SELECT 1 FROM sentence s WHERE s.article = a.id)"
        ).fetchone()[0]
        == 0
    )
    for table in ("mention", "quote", "timex"):
        bad = conn.execute(
            f"SELECT COUNT(*) FROM {table} t JOIN article a ON a.id = t.article "
            "WHERE t.start < 0 OR t.end > length(a.text) OR t.start > t.end"
        ).fetchone()[0]
        assert bad == 0, table


def one_mb_line() -> str:
    """A single 1 MB line: news sentences between long unbroken tokens (a pasted blob, a minified
    script), so the real pipeline parses it in a few seconds; the last words are unique."""
    sentence = "Vladimir Putin met Xi Jinping in Moscow on 21 March 2023, officials said. "
    blob = "".join(random.Random(3).choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(4000))
    block = sentence + blob + " "
    text = block * ((1024 * 1024) // len(block))
    return text + "x" * (1024 * 1024 - len(text) - 30) + " The line ends with zanzibarend."


def test_a_one_megabyte_single_line_is_stored_whole(tmp_path, nlp, monkeypatch):
    text = one_mb_line()
    assert len(text) >= 1024 * 1024 and "\n" not in text
    (tmp_path / "oneline.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "c.db"
    monkeypatch.setattr(pool, "_NLP", nlp)
    s = ingest.ingest([str(tmp_path / "oneline.txt")], str(db), jobs=1)
    assert (s.new, s.skipped) == (1, []), s.skipped
    conn = sqlite3.connect(db)
    (stored_text,) = conn.execute("SELECT text FROM article").fetchone()
    assert stored_text.replace("\n", " ").strip() == text.strip()  # cleaning may only re-break lines
    # Parsed in chunks, the spans still point at their words, across every chunk boundary.
    mentions = conn.execute("SELECT start, end, text FROM mention ORDER BY start").fetchall()
    assert len(mentions) >= 2 * (len(text) // 100_000)
    assert mentions[-1][0] > len(text) - 100_000  # the last chunk was parsed too
    assert all(stored_text[a:b] == t for a, b, t in mentions)
    sentences = conn.execute("SELECT start, end FROM sentence ORDER BY idx").fetchall()
    assert all(a < b <= len(stored_text) for a, b in sentences) and sentences[-1][1] >= len(stored_text.rstrip()) - 1
    conn.close()
    qc = query.connect(db)
    assert [r.key for r in query.articles(qc, query.Filters(search="zanzibarend"))] == ["oneline"]
    qc.close()
