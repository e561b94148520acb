"""Killing an ingest at a chosen moment and resuming it: the corpus, the kill, the comparison.

Shared by the default tests (`test_kill_resume.py`, a few kill points) and the opt-in script
`tests/tools/kill_resume.py` (many random ones). The articles are made up here, of the
constructions whose corpus-wide state an interruption used to leave wrong: people named by a
family name only (merged into the one full name of that family across the corpus, or not when
there are two), quotes whose speaker is such a name, and names that come back article after article.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from model.corpus import writer_lock
from tests.conftest import ROOT
from tests.robustness.corpus import count_articles, exports

# (full name, how later articles name the person); the family names are the merges' material.
PEOPLE = [
    ("Arkady Voronov", "Voronov"),
    ("Lin Haomin", "Lin"),
    ("Pavel Gusarov", "Gusarov"),
    ("Zhou Meiling", "Zhou"),
    ("Oleg Tarasenko", "Tarasenko"),
    ("Marina Kostina", "Kostina"),
]
# Two full names of one family: the family name alone stands for neither.
SHARED_FAMILY = [("Yuri Belov", "Belov"), ("Nadia Belov", "Belov")]
PLACES = ["Harbin", "Vladivostok", "Kazan", "Urumqi", "Irkutsk", "Dalian"]
TOPICS = ["timber exports", "a rail corridor", "rouble payments", "a joint drill", "fishing quotas", "a gas pipeline"]


def article(i: int) -> str:
    """The `i`th made-up article: a title line, then sentences naming people in full or by family name."""
    full, family = PEOPLE[i % len(PEOPLE)]
    other_full, other_family = PEOPLE[(i * 5 + 1) % len(PEOPLE)]
    place, topic = PLACES[i % len(PLACES)], TOPICS[(i * 7) % len(TOPICS)]
    day = i % 27 + 1
    lines = [f"Officials weigh {topic} in {place}", ""]
    if i % 3 == 0:  # the full name, then the family name within the article
        lines.append(f"{full} arrived in {place} on May {day}, 2022, for talks on {topic}.")
        lines.append(f"“The talks went well,” {family} told reporters on Tuesday.")
    else:  # the family name alone: only the corpus says who it is
        lines.append(f"{family} said on May {day}, 2022, that {topic} would grow next year.")
        lines.append(f"“We expect more trade,” {family} said.")
    if i % 4 == 1:
        lines.append(f"{other_family} declined to comment on {topic} last week.")
    if i % 5 == 2:
        shared_full, shared_family = SHARED_FAMILY[(i // 5) % 2]
        lines.append(f"{shared_full} of the regional council met {other_full} in {place}.")
        lines.append(f"“Nothing is settled,” {shared_family} said after the meeting.")
    return "\n".join(lines) + "\n"


def make_corpus(folder: Path, n: int) -> Path:
    """`n` made-up articles as text files in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"k{i:03d}.txt").write_text(article(i), encoding="utf-8")
    return folder


def cli(*argv: str) -> list[str]:
    return [sys.executable, "-m", "tui.cli", *argv]


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def ingest(paths: list[str], db: Path, jobs: int, timeout: float = 600) -> subprocess.CompletedProcess:
    """`sinorus-tui ingest PATHS --db DB -j JOBS` to its end."""
    return subprocess.run(
        cli("ingest", "--db", str(db), "-j", str(jobs), *paths),
        cwd=ROOT,
        env=env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@dataclass
class Kill:
    """Where an ingest is killed: once `after` articles are committed, or (`after` None) once it reports
    it is resolving entities across the corpus (the corpus-wide step)."""

    after: int | None

    def __str__(self) -> str:
        return "in the corpus-wide step" if self.after is None else f"after {self.after} articles"


def random_kills(rng: random.Random, n_articles: int, count: int) -> list[Kill]:
    """`count` kill points: mostly a random number of committed articles, now and then the final step."""
    return [Kill(None) if rng.random() < 0.15 else Kill(rng.randrange(0, n_articles)) for _ in range(count)]


class LockKept(AssertionError):
    """The writer lock outlived the ingest that held it (its orphaned workers kept it)."""


def killed(paths: list[str], db: Path, jobs: int, kill: Kill, log: Path, timeout: float = 600) -> int:
    """Start an ingest and SIGKILL its main process at `kill` (its workers are left orphaned, as `kill -9 PID`
    leaves them: the writer lock must be free all the same; they are killed after). Returns the articles
    committed when it died, or -1 when it ended before the moment came."""
    with open(log, "w") as err:
        proc = subprocess.Popen(
            cli("ingest", "--db", str(db), "-j", str(jobs), *paths),
            cwd=ROOT,
            env=env(),
            stdout=subprocess.DEVNULL,
            stderr=err,
            start_new_session=True,
        )
    deadline = time.monotonic() + timeout
    try:
        while proc.poll() is None and not _due(kill, db, log):
            if time.monotonic() > deadline:
                raise TimeoutError(f"the ingest never reached the kill point ({kill})")
            time.sleep(0.002)
        if proc.poll() is not None:
            return -1
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        if writer_lock.writer_active(db):
            raise LockKept(f"the writer lock of {db} is still held after its ingest was killed")
        return count_articles(db)
    finally:
        _kill_group(proc.pid)


def _due(kill: Kill, db: Path, log: Path) -> bool:
    if kill.after is None:
        return "resolving entities across the corpus" in log.read_text(errors="replace")
    if kill.after == 0:
        return "ingest: 0/" in log.read_text(errors="replace")
    return count_articles(db) >= kill.after


def _kill_group(pgid: int) -> None:
    """The orphaned workers of a killed ingest (a new session each, so only they are in its group)."""
    try:
        os.killpg(pgid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def resume_and_compare(paths: list[str], db: Path, jobs: int, want: dict[str, str]) -> list[str]:
    """Run the same ingest again to its end; the export kinds that differ from `want` (a clean ingest's)."""
    done = ingest(paths, db, jobs)
    if done.returncode != 0:
        raise AssertionError(f"the resumed ingest failed ({done.returncode}): {done.stderr}")
    got = exports(db)
    return [kind for kind in want if got[kind] != want[kind]]
