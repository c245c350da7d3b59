"""Sharing reviews: reviews.jsonl out of one store and into another.

One line is one action: `article`, `start`, `end`, `action` (confirm, correct, reject, add),
`fields` (the spec's field names and their new values, for correct and add), `reviewer`,
`at`, `comment`; and, written by `export_lines` so that a store whose text differs can find
the number again, `reason` (of a rejection), `words`, `prefix`, `suffix` and `key` (the
action's identity).

`apply_lines` is idempotent: an action already stored (the same key) changes nothing. Two
reviewers who disagree on one figure (one rejects what the other confirms or corrects, or
they set one field to different values) are reported as a conflict; the newer action wins
(the fold goes by time), unless `keep_existing`, which leaves the stored one alone. Actions
whose figure is not in the store (its article not ingested yet, its number gone) are kept,
orphaned, and tied to their figure when the article comes (ingest re-attaches them).
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Iterable

from . import reviews
from .database import transaction

LINE_KEYS = ("article", "start", "end", "action", "fields", "reviewer", "at", "comment",
             "reason", "words", "prefix", "suffix", "key")


def export_lines(conn: sqlite3.Connection) -> list[dict]:
    """Every action not undone (orphaned ones too), oldest first, as reviews.jsonl lines."""
    return [{"article": r["article"], "start": r["start"], "end": r["end"],
             "action": r["action"], "fields": r["fields"], "reviewer": r["reviewer"],
             "at": r["reviewed_at"], "comment": r["comment"], "reason": r["reason"],
             "words": r["words"], "prefix": r["prefix"], "suffix": r["suffix"],
             "key": r["action_key"]} for r in reviews.list_reviews(conn)]


def dumps(lines: Iterable[dict]) -> str:
    return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)


@dataclass
class Parsed:
    actions: list[tuple[int, reviews.Action]] = field(default_factory=list)  # (line number, action)
    errors: list[tuple[int, str]] = field(default_factory=list)


def parse(text: str) -> Parsed:
    """The actions of a reviews.jsonl text; a bad line is an error naming it, the others stay."""
    out = Parsed()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise ValueError("not a JSON object")
            unknown = sorted(set(row) - set(LINE_KEYS))
            if unknown:
                raise ValueError(f"unknown key(s) {', '.join(unknown)}")
            missing = [k for k in ("article", "start", "end", "action") if k not in row]
            if missing:
                raise ValueError(f"missing {', '.join(missing)}")
            if not isinstance(row.get("fields") or {}, dict):
                raise ValueError("fields: not an object")
            action = reviews.checked(reviews.Action(
                article=row["article"], start=row["start"], end=row["end"],
                action=row["action"], fields=row.get("fields") or {},
                reason=row.get("reason") or "", reviewer=row.get("reviewer") or "",
                at=row.get("at") or "", comment=row.get("comment") or "",
                words=row.get("words") or "", prefix=row.get("prefix") or "",
                suffix=row.get("suffix") or "", key=row.get("key") or ""))
        except (ValueError, TypeError) as e:
            out.errors.append((number, str(e)))
            continue
        out.actions.append((number, action))
    return out


@dataclass
class ApplyReport:
    applied: int = 0
    unchanged: int = 0     # already stored
    kept_existing: int = 0  # conflicting and not applied (keep_existing)
    orphaned: list[str] = field(default_factory=list)   # one line each
    conflicts: list[str] = field(default_factory=list)  # one line each
    errors: list[str] = field(default_factory=list)     # one line each

    def summary(self) -> str:
        return (f"{self.applied} applied, {self.unchanged} already there, "
                f"{len(self.conflicts)} conflict(s)"
                + (f" ({self.kept_existing} kept as they were)" if self.kept_existing else "")
                + f", {len(self.orphaned)} orphaned, {len(self.errors)} error(s)")


def _disagree(new: reviews.Action, old: dict) -> list[str]:
    """What two actions on one figure disagree on ([] when they agree)."""
    if (new.action == "reject") != (old["action"] == "reject"):
        return ["reject" if new.action == "reject" else old["action"]]
    return [k for k in new.fields if k in old["fields"] and old["fields"][k] != new.fields[k]]


def _describe(action: str, fields: dict, who: str, at: str) -> str:
    what = {"confirm": "confirmed", "reject": "rejected", "add": "added",
            "correct": "corrected"}[action]
    detail = ", ".join(f"{k}={v!r}" for k, v in fields.items())
    return f"{who or '(no name)'} {what}{' ' + detail if detail else ''} at {at}"


def apply_lines(conn: sqlite3.Connection, actions: Iterable[reviews.Action], *,
                keep_existing: bool = False) -> ApplyReport:
    """Store actions (checked ones, e.g. from `parse`) in one transaction."""
    report = ApplyReport()
    touched: set[str] = set()
    texts: dict[str, str | None] = {}
    with transaction(conn):
        for action in actions:
            key = action.key or reviews.action_key(action)
            action = reviews.Action(**{**action.__dict__, "key": key})
            if reviews.has_key(conn, key):
                report.unchanged += 1
                continue
            if action.article not in texts:
                texts[action.article] = reviews.article_text(conn, action.article)
            where = f"{action.article} {action.start}-{action.end}"
            try:
                placed = reviews.place(conn, action, texts[action.article])
            except ValueError as e:
                report.errors.append(f"{where}: {e}")
                continue
            if not placed.orphaned and _conflicts(conn, action, placed, report, keep_existing):
                report.kept_existing += 1
                continue
            old = {}
            if not placed.orphaned and action.action in ("correct", "add"):
                now = reviews.current_values(conn, action.article, placed.anchor.start,
                                             placed.anchor.end)
                old = {k: now.get(k) for k in action.fields if k in now}
            reviews.insert(conn, action, placed, old)
            report.applied += 1
            touched.add(action.article)
            if placed.orphaned:
                report.orphaned.append(
                    f"{where} ({action.words or 'no words'}): "
                    + ("no such article" if texts[action.article] is None
                       else "its number or figure is not in the article"))
        reviews.sync_states(conn, touched)
    return report


def _conflicts(conn, action: reviews.Action, placed: reviews.Placed, report: ApplyReport,
               keep_existing: bool) -> bool:
    """Report the stored actions of other reviewers that this one disagrees with; True when
    it is not to be applied (keep_existing)."""
    a = placed.anchor
    found = False
    for old in reviews.audit(conn, action.article, a.start, a.end):
        if old["undone_at"] or old["orphaned"] or old["reviewer"] == action.reviewer:
            continue
        points = _disagree(action, old)
        if not points:
            continue
        found = True
        newer_is_new = action.at > old["reviewed_at"]
        outcome = "kept the stored one" if keep_existing else \
            ("the new one wins" if newer_is_new else "the stored one is newer and wins")
        report.conflicts.append(
            f"{action.article} {a.start}-{a.end} ({a.words}): "
            f"{_describe(old['action'], old['fields'], old['reviewer'], old['reviewed_at'])}; "
            f"{_describe(action.action, dict(action.fields), action.reviewer, action.at)}: "
            f"{outcome}")
    return found and keep_existing
