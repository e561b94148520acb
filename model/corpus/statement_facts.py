"""What a statement's quotes have, on the statement's row (schema 18): their kinds, the last day any may have been
said, and the first and last publication dates of their articles.

A search that keeps quotes of a kind, said or published in a period, looks at a statement's quotes only when its
facts allow one of them to be kept (`model.corpus.query.statements`): at a million articles an entity's statements
were each read through, ~700 quotes apiece, to find the few with a quote of a kind. Written with each statement by
`model.corpus.statement_refresh` (the only writer of statements), made for a whole corpus by the upgrade to 18.
"""

from __future__ import annotations

import sqlite3

STATEMENT_FACTS = (("kinds", "TEXT"), ("said_until", "TEXT"), ("published_from", "TEXT"), ("published_until", "TEXT"))
_KINDS_OF = (
    "SELECT json_group_array(kind) FROM (SELECT DISTINCT q.kind AS kind FROM quote_statement qs "
    "JOIN quote q ON q.id = qs.quote WHERE qs.statement = statement.id ORDER BY q.kind IS NOT NULL, q.kind)"
)
_DATES_OF = (
    "SELECT max(q.said_on_end), min(a.published), max(a.published) FROM quote_statement qs "
    "JOIN quote q ON q.id = qs.quote JOIN article a ON a.id = q.article WHERE qs.statement = statement.id"
)
FILL_STATEMENT_FACTS = (
    f"UPDATE statement SET kinds = ({_KINDS_OF}), (said_until, published_from, published_until) = ({_DATES_OF})"
)


def fill_statement_facts(conn: sqlite3.Connection, statement: str | None = None) -> None:
    """The facts of `statement` (a statement's id), or of every statement (the upgrade to 18; the benchmark's copied
    corpora), from the stored rows: its quotes must be linked to it (`quote_statement.statement`)."""
    if statement is None:
        conn.execute(FILL_STATEMENT_FACTS)
    else:
        conn.execute(f"{FILL_STATEMENT_FACTS} WHERE id = ?", (statement,))
