"""What an ingest reports: its progress as it goes, and its summary at the end."""

from __future__ import annotations

from dataclasses import dataclass, field

from model.records import Skipped


@dataclass
class Progress:
    phase: str  # "upgrading the database" (an older schema) | "reading" | "parsing" | "finishing"
    done: int = 0
    total: int = 0
    words: int = 0
    elapsed: float = 0.0
    parsed_chars: int = 0  # while parsing: the characters parsed so far, also inside a long article
    total_chars: int = 0  # ... and to parse in all
    estimated: bool = False  # the totals are estimates: the inputs are still being read (`model.ingest.estimate`)

    @property
    def fraction(self) -> float | None:
        """How much of the text to parse is parsed (0 to 1), or None before parsing."""
        return self.parsed_chars / self.total_chars if self.phase == "parsing" and self.total_chars else None


@dataclass
class Summary:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[Skipped] = field(
        default_factory=list
    )  # stored, but an extraction step failed; or an input read in part
    words: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    stopped_by: int = 0  # the signal that interrupted it: SIGINT (2) or SIGTERM (15)
    rebuilt: bool = False  # an earlier ingest had died: the corpus-wide entity state was rebuilt for every entity
    orphaned_corrections: int = 0  # a user's corrections whose target is no longer in the corpus

    @property
    def stored(self) -> int:
        return self.new + self.updated

    def line(self) -> str:
        s = f"{self.new} new, {self.updated} updated, {self.unchanged} unchanged, {len(self.skipped)} skipped"
        if self.stored and self.seconds:
            s += f" ({self.words:,} words in {self.seconds:.1f} s, {self.words / self.seconds:,.0f} words/s)"
        if self.rebuilt:
            s += "; entity state rebuilt (an earlier ingest had stopped before finishing)"
        if self.orphaned_corrections:
            s += f"; {self.orphaned_corrections} of your corrections orphaned (see `sinorus-tui corrections list`)"
        return s
