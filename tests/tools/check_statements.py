"""Check an export's statements: none mixes two speakers; how many span 2+ articles and outlets; and, for each
phrase given, whether one speaker's quotes holding it are one statement.

    python tests/tools/check_statements.py DB [--together PHRASE ...] [--show N]

Reads the database itself (the speaker of every member quote), so it checks what the export is made of.
"""

from __future__ import annotations

import argparse
import sqlite3
from collections import defaultdict

_MEMBERS = (
    "SELECT qs.statement, q.id, a.key, a.source, q.kind, q.text, COALESCE(e.canonical, q.speaker_name), "
    "(SELECT group_concat(entity) FROM (SELECT entity FROM quote_speaker WHERE quote = q.id ORDER BY entity)) "
    "FROM quote_statement qs JOIN quote q ON q.id = qs.quote JOIN article a ON a.id = q.article "
    "LEFT JOIN entity e ON e.id = q.speaker_entity"
)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--together", nargs="*", default=[], help="phrases whose quotes (per speaker) must be one")
    ap.add_argument("--show", type=int, default=0, help="print this many statements of 2+ articles")
    args = ap.parse_args()
    conn = sqlite3.connect(args.db)
    members = defaultdict(list)
    for row in conn.execute(_MEMBERS):
        members[row[0]].append(row[1:])
    mixed = [sid for sid, ms in members.items() if len({(m[5] or "").casefold() for m in ms}) > 1]
    multi = [sid for sid, ms in members.items() if len({m[1] for m in ms}) > 1]
    outlets = [sid for sid, ms in members.items() if len({(m[2] or m[1]).casefold() for m in ms}) > 1]
    print(f"statements {len(members)}  quotes {sum(map(len, members.values()))}  mixing two speakers {len(mixed)}")
    print(f"2+ articles {len(multi)}  2+ outlets {len(outlets)}  2+ quotes {sum(len(m) > 1 for m in members.values())}")
    ok = True
    for phrase in args.together:
        by_speaker = defaultdict(set)
        for sid, ms in members.items():
            for m in ms:
                if phrase.casefold() in (m[4] or "").casefold():
                    by_speaker[m[5]].add(sid)
        for speaker, sids in by_speaker.items():
            one = len(sids) == 1
            ok &= one
            print(f"{'ONE ' if one else 'SPLIT'} {phrase!r} · {speaker}: {len(sids)} statement(s)")
    for sid in multi[: args.show]:
        print(f"--- {sid}")
        for _, key, source, kind, text, speaker, _ in members[sid]:
            print(f"  {speaker} · {key} ({source or '?'}) [{kind}] {text[:100]}")
    return 0 if ok and not mixed else 1


if __name__ == "__main__":
    raise SystemExit(main())
