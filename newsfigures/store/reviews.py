"""The analyst's review: confirm, correct, reject or add a figure, as a layer over the engine.

Every action is one row of the `reviews` table (schema migration 5): who, when, what
(`confirm`, `correct`, `reject`, `add`), the fields' new values (and the values they had),
a reason for a rejection, a comment, and the anchor: the article and the number's words
(offsets, the words and the text around them; `anchoring.py`). The engine's figures are
never edited: `frames.figures_frame` lays the reviews over them (`review_layer.py`), and
`figures.review` holds each figure's resulting state for plain SQL readers.

A figure is the engine's figure whose number's words are the anchor's (article, start, end).
Its actions, oldest first, fold into one state: corrections merge (a later value of a field
wins), a rejection holds until a later confirm or correction, and the state is `rejected`,
else `added` (an analyst added it), else `corrected`, else `confirmed`; no action: `auto`.
Undoing an action marks it undone (it stays in the audit trail and counts no more).

After re-extraction or a change of an article's text, `reattach` finds each review's words
again and ties it to the figure standing there; one that cannot be tied is kept, orphaned
(listed by `list_reviews(orphaned=True)`), and tied again if its words come back.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import sqlite3
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from . import anchoring
from .review_values import (EDITABLE, KINDS, QUALIFIERS, REASONS, UNITS,  # noqa: F401
                            check_fields, normalise_time, whole_number)
from .database import transaction
from .schema import quote_name as _q

log = logging.getLogger(__name__)

ENV_REVIEWER = "NEWSFIGURES_REVIEWER"
ACTIONS = ("confirm", "correct", "reject", "add")
STATES = ("auto", "confirmed", "corrected", "rejected", "added")

def default_reviewer() -> str:
    """$NEWSFIGURES_REVIEWER, else ""."""
    return os.environ.get(ENV_REVIEWER, "").strip()


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")


# --------------------------------------------------------------------------- one action


@dataclass(frozen=True)
class Action:
    """One review action, as the app makes it or a line of reviews.jsonl gives it. `words`,
    `prefix` and `suffix` (from an exchange file) re-anchor it when the text differs."""

    article: str
    start: int
    end: int
    action: str
    fields: Mapping = field(default_factory=dict)
    reason: str = ""
    reviewer: str = ""
    at: str = ""
    comment: str = ""
    words: str = ""
    prefix: str = ""
    suffix: str = ""
    key: str = ""


def checked(action: Action) -> Action:
    """The action with its values checked and normalised (ValueError, one line)."""
    if action.action not in ACTIONS:
        raise ValueError(f"action: {action.action!r} is not one of {', '.join(ACTIONS)}")
    if not str(action.article or "").strip():
        raise ValueError("article: missing")
    start, end = whole_number("start", action.start, nullable=False), whole_number("end", action.end, nullable=False)
    if end <= start:
        raise ValueError(f"end ({end}) must be after start ({start})")
    fields = check_fields(action.fields or {})
    if action.action in ("confirm", "reject") and fields:
        raise ValueError(f"{action.action} takes no fields (use correct)")
    if action.action == "correct" and not fields:
        raise ValueError("correct needs at least one field")
    if action.action == "add" and "value" not in fields:
        raise ValueError("add needs at least the value")
    reason = str(action.reason or "").strip()
    if action.action == "reject" and reason and reason not in REASONS:
        raise ValueError(f"reason: {reason!r} is not one of {', '.join(REASONS)}")
    at = normalise_time(action.at) if action.at else now()
    return Action(str(action.article), start, end, action.action, fields,
                  reason if action.action == "reject" else "",
                  str(action.reviewer or "").strip(), at, str(action.comment or ""),
                  str(action.words or ""), str(action.prefix or ""), str(action.suffix or ""),
                  str(action.key or ""))


def action_key(action: Action) -> str:
    """What makes two actions the same action (applying a file twice adds nothing)."""
    payload = json.dumps([action.article, action.start, action.end, action.action,
                          dict(sorted(action.fields.items())), action.reason, action.reviewer,
                          action.at, action.comment], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def article_text(conn: sqlite3.Connection, article_id: str) -> str | None:
    row = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row[0] if row else None


def figure_at(conn: sqlite3.Connection, article_id: str, start: int, end: int) -> dict | None:
    """The engine's figure whose number's words are text[start:end], as a dict."""
    names = list(EDITABLE)
    row = conn.execute(
        f"SELECT {', '.join(_q(n) for n in names)} FROM figures WHERE article = ? "
        f"AND start = ? AND {_q('end')} = ? ORDER BY ordinal LIMIT 1",
        (article_id, start, end)).fetchone()
    if row is None:
        return None
    out = dict(zip(names, row))
    out["vague"], out["approximate"] = bool(out["vague"]), bool(out["approximate"])
    return out


@dataclass(frozen=True)
class Placed:
    """Where an action lands in the stored text: its anchor, or orphaned."""

    anchor: anchoring.Anchor
    orphaned: bool


def place(conn: sqlite3.Connection, action: Action, text: str | None) -> Placed:
    """Anchor an action in the article's current text. Its own words (from a file) are
    looked for when the offsets no longer hold them; a confirm, correct or reject needs an
    engine figure there. Raises ValueError for offsets outside a text given no words."""
    given = anchoring.Anchor(action.start, action.end, action.words, action.prefix,
                             action.suffix)
    if text is None:
        return Placed(given, True)
    if action.words and text[action.start:action.end] != action.words:
        pos = anchoring.locate(given, text)
        if pos is None:
            return Placed(given, True)
        anchor = anchoring.anchor_at(text, *pos)
    elif action.words:
        pos = anchoring.locate(given, text)
        anchor = anchoring.anchor_at(text, *(pos or (action.start, action.end)))
    else:
        anchor = anchoring.anchor_at(text, action.start, action.end)
    if action.action != "add":
        spot = _figure_span(conn, action.article, anchor.start, anchor.end)
        if spot is None:
            return Placed(anchor, True)
        anchor = anchoring.anchor_at(text, *spot)
    return Placed(anchor, False)


def _figure_span(conn, article_id: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the engine figure at these words: the same offsets, else the figure
    whose number's words overlap them most."""
    rows = conn.execute(
        f"SELECT start, {_q('end')} FROM figures WHERE article = ? AND start < ? AND "
        f"{_q('end')} > ?", (article_id, end, start)).fetchall()
    if not rows:
        return None
    if (start, end) in rows:
        return start, end
    return max(rows, key=lambda r: (min(end, r[1]) - max(start, r[0]), -r[0]))


def current_values(conn: sqlite3.Connection, article_id: str, start: int, end: int) -> dict:
    """A figure's values as shown now: the engine's with the active corrections over them."""
    values = figure_at(conn, article_id, start, end) or {}
    for item in layer(conn, articles=[article_id]):
        if (item.start, item.end) == (start, end):
            values.update(item.fields)
    return values


def insert(conn: sqlite3.Connection, action: Action, placed: Placed, old: Mapping) -> int:
    """Store a checked action where `place` put it; returns its id. Call inside a
    transaction; `sync_states` afterwards."""
    a = placed.anchor
    cur = conn.execute(
        f"INSERT INTO reviews (action_key, article, start, {_q('end')}, words, prefix, suffix, "
        "action, new_values, old_values, reason, reviewer, reviewed_at, comment, orphaned) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (action.key or action_key(action), action.article, a.start, a.end, a.words, a.prefix,
         a.suffix, action.action, json.dumps(dict(action.fields), ensure_ascii=False),
         json.dumps(dict(old), ensure_ascii=False, default=str), action.reason,
         action.reviewer, action.at, action.comment, 1 if placed.orphaned else 0))
    return int(cur.lastrowid)


def has_key(conn: sqlite3.Connection, key: str) -> bool:
    return conn.execute("SELECT 1 FROM reviews WHERE action_key = ?", (key,)).fetchone() is not None


def record(conn: sqlite3.Connection, action: Action) -> int | None:
    """Check and store one action (its own transaction); None when it was stored before.
    ValueError (one line) for a bad action or offsets that hold no figure."""
    action = checked(action)
    key = action.key or action_key(action)
    action = Action(**{**action.__dict__, "key": key})
    with transaction(conn):
        if has_key(conn, key):
            return None
        text = article_text(conn, action.article)
        if text is None:
            raise ValueError(f"no article {action.article!r} in the database")
        placed = place(conn, action, text)
        if placed.orphaned:
            raise ValueError(f"no figure at {action.start}-{action.end} of {action.article} "
                             "(to add one, use add)")
        old = {}
        if action.action in ("correct", "add"):
            now_values = current_values(conn, action.article, placed.anchor.start,
                                        placed.anchor.end)
            old = {k: now_values.get(k) for k in action.fields if k in now_values}
        review_id = insert(conn, action, placed, old)
        sync_states(conn, [action.article])
    return review_id


def undo(conn: sqlite3.Connection, review_id: int) -> bool:
    """Undo one action (kept in the audit trail as undone); False if it was not active."""
    with transaction(conn):
        row = conn.execute("SELECT article FROM reviews WHERE id = ? AND undone_at IS NULL",
                           (review_id,)).fetchone()
        if row is None:
            return False
        conn.execute("UPDATE reviews SET undone_at = ? WHERE id = ?", (now(), review_id))
        sync_states(conn, [row[0]])
    return True


# --------------------------------------------------------------------------- the layer


@dataclass(frozen=True)
class Reviewed:
    """The folded state of one reviewed figure (its active, attached actions)."""

    article: str
    start: int
    end: int
    state: str
    fields: dict
    reason: str = ""
    comment: str = ""


def fold(actions: Iterable[tuple[str, dict, str]]) -> tuple[str, dict, str]:
    """(state, fields, reason) of a figure's actions (action, fields, reason), oldest first."""
    fields: dict = {}
    added = corrected = rejected = False
    reason = ""
    for action, values, why in actions:
        if action == "reject":
            rejected, reason = True, why
            continue
        rejected = False
        if action in ("add", "correct"):
            fields.update(values)
            added = added or action == "add"
            corrected = corrected or action == "correct"
    state = "rejected" if rejected else "added" if added else "corrected" if corrected \
        else "confirmed"
    return state, fields, reason if rejected else ""


_ACTIVE = ("undone_at IS NULL AND orphaned = 0 AND article NOT IN "
           "(SELECT id FROM articles WHERE removed_at IS NOT NULL)")


def layer(conn: sqlite3.Connection, *, articles: Iterable[str] | None = None) -> list[Reviewed]:
    """Every reviewed figure (of these articles), folded; removed articles' left out."""
    sql = (f"SELECT article, start, {_q('end')}, action, new_values, reason, comment "
           f"FROM reviews WHERE {_ACTIVE}")
    params: list = []
    if articles is not None:
        ids = list(articles)
        if not ids:
            return []
        sql += f" AND article IN ({', '.join('?' for _ in ids)})"
        params = ids
    sql += " ORDER BY article, start, " + _q("end") + ", reviewed_at, id"
    out: list[Reviewed] = []
    group: list = []

    def flush() -> None:
        if group:
            state, fields, reason = fold((g[3], json.loads(g[4]), g[5]) for g in group)
            comment = next((g[6] for g in reversed(group) if g[6]), "")
            out.append(Reviewed(group[0][0], group[0][1], group[0][2], state, fields, reason,
                                comment))

    for row in conn.execute(sql, params):
        if group and tuple(row[:3]) != tuple(group[0][:3]):
            flush()
            group = []
        group.append(row)
    flush()
    return out


def sync_states(conn: sqlite3.Connection, articles: Iterable[str]) -> None:
    """Set figures.review of these articles' figures from their reviews. Inside a transaction."""
    ids = list(dict.fromkeys(articles))
    for article_id in ids:
        conn.execute("UPDATE figures SET review = 'auto' WHERE article = ? AND review <> 'auto'",
                     (article_id,))
    for item in layer(conn, articles=ids):
        conn.execute(f"UPDATE figures SET review = ? WHERE article = ? AND start = ? AND "
                     f"{_q('end')} = ?", (item.state, item.article, item.start, item.end))


def reattach(conn: sqlite3.Connection, articles: Iterable[str]) -> int:
    """Tie every review of these articles to its number's words in their current text and
    figures (after re-extraction or a text change); those that cannot be tied are orphaned.
    Returns how many are orphaned now. Call inside a transaction."""
    total = 0
    ids = list(dict.fromkeys(articles))
    for article_id in ids:
        orphans = 0
        rows = conn.execute(
            f"SELECT id, start, {_q('end')}, words, prefix, suffix, action FROM reviews "
            "WHERE article = ?", (article_id,)).fetchall()
        if not rows:
            continue
        text = article_text(conn, article_id)
        for rid, start, end, words, prefix, suffix, action in rows:
            wanted = Action(article_id, start, end, action, words=words, prefix=prefix,
                            suffix=suffix)
            placed = place(conn, wanted, text)
            a = placed.anchor
            conn.execute(
                f"UPDATE reviews SET start = ?, {_q('end')} = ?, words = ?, prefix = ?, "
                "suffix = ?, orphaned = ? WHERE id = ?",
                (a.start, a.end, a.words, a.prefix, a.suffix, 1 if placed.orphaned else 0, rid))
            orphans += placed.orphaned
        if orphans:
            log.info("%s: %d review(s) orphaned", article_id, orphans)
        total += orphans
    sync_states(conn, ids)
    return total


def reattach_now(conn: sqlite3.Connection, articles: Iterable[str]) -> int:
    """`reattach` in its own transaction (after a step that wrote figures in several)."""
    ids = [a for a in dict.fromkeys(articles)]
    if not ids or not has_reviews(conn):
        return 0
    with transaction(conn):
        return reattach(conn, ids)


def has_reviews(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM reviews LIMIT 1").fetchone() is not None


# --------------------------------------------------------------------------- reading


_LIST_COLUMNS = ("id", "article", "start", "end", "words", "action", "new_values",
                 "old_values", "reason", "reviewer", "reviewed_at", "comment", "orphaned",
                 "undone_at", "action_key", "prefix", "suffix")


def _rows(conn, where: str, params: list) -> list[dict]:
    sql = (f"SELECT {', '.join(_q(c) for c in _LIST_COLUMNS)} FROM reviews"
           + (f" WHERE {where}" if where else "") + " ORDER BY reviewed_at, id")
    out = []
    for row in conn.execute(sql, params):
        d = dict(zip(_LIST_COLUMNS, row))
        d["fields"], d["before"] = json.loads(d.pop("new_values")), json.loads(d.pop("old_values"))
        d["orphaned"] = bool(d["orphaned"])
        out.append(d)
    return out


def list_reviews(conn: sqlite3.Connection, *, orphaned: bool | None = None,
                 undone: bool = False, article: str | None = None) -> list[dict]:
    """The actions, oldest first (`orphaned=True`: only orphaned ones; `undone`: include
    undone ones), each a dict: id, article, start, end, words, action, fields, before,
    reason, reviewer, reviewed_at, comment, orphaned, undone_at, action_key."""
    where, params = [], []
    if orphaned is not None:
        where.append("orphaned = ?")
        params.append(1 if orphaned else 0)
    if not undone:
        where.append("undone_at IS NULL")
    if article is not None:
        where.append("article = ?")
        params.append(article)
    return _rows(conn, " AND ".join(where), params)


def audit(conn: sqlite3.Connection, article_id: str, start: int, end: int) -> list[dict]:
    """Every action on one figure, oldest first, undone ones included."""
    return _rows(conn, f"article = ? AND start = ? AND {_q('end')} = ?",
                 [article_id, start, end])


def reviewed_pairs(conn: sqlite3.Connection) -> list[dict]:
    """For scoring the engine: each reviewed figure's state, reason, its engine values
    (None for a figure the engine does not find) and its reviewed values."""
    out = []
    for item in layer(conn):
        engine = figure_at(conn, item.article, item.start, item.end)
        reviewed = {**(engine or {}), **item.fields}
        out.append({"article": item.article, "start": item.start, "end": item.end,
                    "state": item.state, "reason": item.reason, "engine": engine,
                    "reviewed": reviewed})
    return out
