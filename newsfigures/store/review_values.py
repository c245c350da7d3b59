"""Checking the values of a review action: the fields a correction or an addition sets.

`check_fields` normalises them (whole numbers, coordinates, ISO dates, the spec's choices
of qualifier, unit, kind and category, ISO 3166-1 alpha-2 countries) and raises ValueError,
one line naming the first bad field; `normalise_time` puts a time in UTC with microseconds
so that the actions of several reviewers compare as text.
"""
from __future__ import annotations

import datetime as dt
import math
from typing import Mapping

from ..engine.lexicon import CATEGORIES

ACTIONS = ("confirm", "correct", "reject", "add")
STATES = ("auto", "confirmed", "corrected", "rejected", "added")
REASONS = ("not a figure", "duplicate", "wrong article")
QUALIFIERS = ("exact", "about", "at_least", "up_to", "range", "vague")
UNITS = ("people", "households", "buildings")
KINDS = ("", "stock", "flow")
# The fields a correction or an addition may set (the spec's, and the gazetteer's extras).
EDITABLE = ("value", "low", "high", "qualifier", "vague", "unit", "group", "category", "kind",
            "place", "country", "lat", "lon", "date", "date_start", "source", "quote",
            "publisher", "published", "place_level", "admin1", "approximate")


def normalise_time(value: str) -> str:
    """An ISO 8601 time as UTC with microseconds (so that times compare as text)."""
    try:
        when = dt.datetime.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(f"at: {value!r} is not an ISO 8601 time") from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return when.astimezone(dt.timezone.utc).isoformat(timespec="microseconds")


# --------------------------------------------------------------------------- checking values


def whole_number(name: str, value, *, nullable: bool):
    """A whole number from 0 to 10 billion (None when `nullable`); ValueError otherwise."""
    if value is None and nullable:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError(f"{name}: {value!r} is not a whole number")
    try:
        number = int(str(value).replace(",", "").strip()) if isinstance(value, str) else value
    except ValueError:
        raise ValueError(f"{name}: {value!r} is not a whole number") from None
    if isinstance(number, float) and not number.is_integer() or number < 0 or number > 10**10:
        raise ValueError(f"{name}: {value!r} is not a whole number from 0 to 10 billion")
    return int(number)


def _float(name: str, value, limit: float):
    if value in (None, ""):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name}: {value!r} is not a number") from None
    if isinstance(value, bool) or not math.isfinite(number) or abs(number) > limit:
        raise ValueError(f"{name}: {value!r} is not a coordinate within ±{limit:g}")
    return number


def _date(name: str, value, *, nullable: bool):
    if value in (None, "") and nullable:
        return None
    if value in (None, ""):
        return ""
    try:
        return dt.date.fromisoformat(str(value).strip()[:10]).isoformat()
    except ValueError:
        raise ValueError(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None


def _choice(name: str, value, allowed: tuple[str, ...]) -> str:
    value = "" if value is None else str(value).strip()
    if value not in allowed:
        raise ValueError(f"{name}: {value!r} is not one of {', '.join(a or '(empty)' for a in allowed)}")
    return value


def _flag(name: str, value) -> bool:
    if isinstance(value, bool):
        return value
    if value in (0, 1, "0", "1", "true", "false", "True", "False"):
        return str(value).lower() in ("1", "true")
    raise ValueError(f"{name}: {value!r} is not true or false")


def check_fields(fields: Mapping) -> dict:
    """The fields of a correction or addition, checked and normalised; ValueError, one line,
    naming the first bad one."""
    out: dict = {}
    for name, value in fields.items():
        if name not in EDITABLE:
            raise ValueError(f"{name!r} is not a field a review can set "
                             f"(one of {', '.join(EDITABLE)})")
        if name in ("value", "low", "high"):
            out[name] = whole_number(name, value, nullable=name != "value")
        elif name in ("lat", "lon"):
            out[name] = _float(name, value, 90 if name == "lat" else 180)
        elif name in ("date", "date_start", "published"):
            out[name] = _date(name, value, nullable=name == "date_start")
        elif name == "qualifier":
            out[name] = _choice(name, value, QUALIFIERS)
        elif name == "unit":
            out[name] = _choice(name, value, UNITS)
        elif name == "kind":
            out[name] = _choice(name, value, KINDS)
        elif name == "category":
            out[name] = _choice(name, value, CATEGORIES)
        elif name in ("vague", "approximate"):
            out[name] = _flag(name, value)
        elif name == "country":
            code = "" if value is None else str(value).strip().upper()
            if code and not (len(code) == 2 and code.isalpha() and code.isascii()):
                raise ValueError(f"country: {value!r} is not an ISO 3166-1 alpha-2 code")
            out[name] = code
        else:
            out[name] = "" if value is None else str(value).strip()
    return out
