"""Who an article is: readable unique ids, normalised URLs and the hash of its text.

Pure functions, no database. The store keeps, per article, every place it was read from
(`article_sources`); ingest uses these functions to decide whether a source is an article
already stored (the same file path or the same normalised URL), the same text under another
name (the same text hash), or a new article (a readable id made unique: `report`, `report-2`).

URL normalisation follows RFC 3986 section 6 (scheme and host are case-insensitive, the
default port and the fragment say nothing about the resource) and drops the tracking
parameters that campaign tools add: the `utm_*` family (Google Analytics' campaign
parameters), click ids (`fbclid`, `gclid`, `dclid`, `msclkid`, `yclid`, `igshid`,
`twclid`, `ttclid`), Mailchimp's `mc_cid`/`mc_eid`, HubSpot's `_hsenc`/`_hsmi`, Adobe's
`s_cid`/`cmpid`/`ocid`, and `at_medium`/`at_campaign`. The list is `TRACKING_PARAMETERS`.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

TRACKING_PREFIXES = ("utm_", "at_", "_hs", "pk_", "mtm_")
TRACKING_PARAMETERS = frozenset({
    "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "igshid", "twclid", "ttclid",
    "mc_cid", "mc_eid", "s_cid", "cmpid", "ocid", "ncid", "cmp", "ref_src", "ref_url",
    "sr_share", "spm", "wt.mc_id", "__twitter_impression",
})
DEFAULT_PORTS = {"http": 80, "https": 443}
MAX_ID_LENGTH = 80

# Where a stored article came from. `file` and `url` are places that can be read again (the
# same place read again with another text updates the article); `upload` and `paste` are
# one-off texts named by the user (a name used again with another text is a new article).
KINDS = ("file", "url", "upload", "paste")
REREADABLE = ("file", "url")


@dataclass(frozen=True)
class Origin:
    """One place an article was read from: its kind, where (a path, a normalised URL, or the
    name given with a text hash for uploads and pastes) and the name shown to the user."""

    kind: str
    location: str
    name: str


def normalise_url(url: str) -> str:
    """The URL with a lower-case scheme and host, no default port, no fragment, no tracking
    parameters, and "/" for an empty path. Other query parameters keep their order."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:  # an IPv6 literal
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port in (None, DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    path = quote(unquote(parts.path), safe="/%:@!$&'()*+,;=-._~") or "/"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not _is_tracking(k)]
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def _is_tracking(name: str) -> bool:
    name = name.lower()
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)


def slug(name: str) -> str:
    """A readable id part: accents folded, anything but letters, digits, '.', '_' and '-'
    made '-', at most MAX_ID_LENGTH characters; "article" when nothing is left."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    out = re.sub(r"[^A-Za-z0-9._-]+", "-", folded).strip("-.")[:MAX_ID_LENGTH].strip("-.")
    return out or "article"


def url_stem(url: str) -> str:
    """A URL's readable id: its last path part without a page suffix, else its host."""
    parts = urlsplit(url)
    segments = [s for s in unquote(parts.path).split("/") if s]
    name = segments[-1] if segments else (parts.hostname or "page")
    name = re.sub(r"\.(s?html?|php\d?|aspx?|jsp|cfm)$", "", name, flags=re.I)
    return slug(name).lower()


def file_stem(name: str) -> str:
    """A file's readable id: its name without the extension (kept as it is when it is already
    a safe id, as the spec's `000_6f1ed621ffe909a0`)."""
    stem = name[:name.rindex(".")] if "." in name[1:] else name
    safe = re.fullmatch(r"[A-Za-z0-9_-][A-Za-z0-9._-]{0,%d}" % (MAX_ID_LENGTH - 1), stem)
    return stem if safe else slug(stem)


def unique_id(base: str, taken) -> str:
    """`base`, or `base-2`, `base-3`, ... : the first not in `taken` (a set or a predicate)."""
    is_taken = taken if callable(taken) else taken.__contains__
    if not is_taken(base):
        return base
    n = 2
    while is_taken(f"{base}-{n}"):
        n += 1
    return f"{base}-{n}"


def text_hash(text: str) -> str:
    """What makes two articles the same article: their text, ignoring the line-end style and
    white space at the ends."""
    folded = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return hashlib.sha256(folded.encode("utf-8", "surrogatepass")).hexdigest()


def named_origin(kind: str, name: str, digest: str) -> Origin:
    """The origin of an uploaded or pasted text: the name given plus its text hash, so that a
    name given again with another text is another origin."""
    return Origin(kind, f"{name}#{digest[:16]}", name)
