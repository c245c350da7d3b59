"""What an ingest, a re-extraction or a removal did: per source and in sum."""
from __future__ import annotations

from dataclasses import dataclass, field

# What happened to one source.
STATUSES = ("added", "updated", "unchanged", "same", "removed", "restored", "failed")


@dataclass(frozen=True)
class SourceResult:
    """One source's outcome: its status, the article it is stored as, and why."""

    source: str
    status: str
    article: str = ""
    detail: str = ""

    def line(self) -> str:
        what = {"same": f"same as {self.article}", "removed": f"{self.article} is removed"}
        text = what.get(self.status, self.status)
        if self.article and self.status not in what:
            text += f" {self.article}"
        return f"{text}: {self.source}" + (f" ({self.detail})" if self.detail else "")


@dataclass
class IngestReport:
    """What an ingest (or re-extraction) did. Built up by one call; not shared."""

    added: int = 0
    unchanged: int = 0
    updated: int = 0
    failed: int = 0
    same: int = 0
    removed: int = 0
    restored: int = 0
    figures: int = 0  # figures written in this run
    failures: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    warnings: list[str] = field(default_factory=list)
    results: list[SourceResult] = field(default_factory=list)
    redated: list[str] = field(default_factory=list)  # stored articles re-dated by this run

    def count(self, status: str, source: str = "", article: str = "", detail: str = "") -> None:
        setattr(self, status, getattr(self, status) + 1)
        if source:
            self.results.append(SourceResult(source, status, article, detail))

    def fail(self, source: str, reason: str) -> None:
        self.failed += 1
        self.failures.append((source, reason))
        self.results.append(SourceResult(source, "failed", detail=reason))

    @property
    def ok(self) -> bool:
        """True when nothing failed and no input needed a warning."""
        return not self.failed and not self.warnings

    def summary(self) -> str:
        text = (
            f"{self.added} added, {self.unchanged} unchanged, {self.updated} updated, "
            f"{self.failed} failed"
        )
        for n, what in ((self.same, "same as a stored article"),
                        (self.removed, "removed"), (self.restored, "restored"),
                        (len(self.redated), "stored re-dated")):
            if n:
                text += f", {n} {what}"
        if self.warnings:
            text += f", {len(self.warnings)} warning{'s' if len(self.warnings) != 1 else ''}"
        return text
