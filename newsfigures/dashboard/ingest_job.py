"""Adding articles in the background: one ingest run in a worker thread that the page polls
for its progress and can cancel.

`IngestJob` runs `store.ingest.ingest` with a progress callback that records, for the page,
how many sources are done, which one is being read and since when (so a long article shows
its seconds ticking), and a step callback that records how far the current article's
extraction is (its numbers found, then its figures read, sentence by sentence:
`store.extract_steps`). Both raise `Cancelled` once `cancel()` was called, at the next
source or the next sentence of a long article: what was written before stays (one
transaction per article), the article being read is not written. Uploads are written to a
temporary folder under their own names' suffixes; every message the run produces names the
upload as the analyst named it, never the temporary path. No streamlit here.
"""
from __future__ import annotations

import logging
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..store.extract_steps import Interrupted
from ..store.ingest import Named, ingest

log = logging.getLogger(__name__)


class Cancelled(Interrupted):
    """Raised inside the run (between two sources, or between two sentences of one) after
    `IngestJob.cancel`."""


@dataclass
class Progress:
    """What the page shows of a run (a copy: safe to read while the run goes on)."""

    label: str
    done: int = 0
    total: int = 0
    current: str = ""        # the source being read (its shown name)
    current_bytes: int = 0   # its size when known (uploads)
    since: float = 0.0       # when reading `current` began (time.monotonic)
    stage: str = ""          # within `current`: "numbers", then "figures" (extract_steps)
    stage_done: int = 0      # sentences of `current` through that stage
    stage_total: int = 0     # sentences of `current`
    interrupted: str = ""    # the article a cancel stopped mid-way (not written)
    started: float = 0.0
    finished: bool = False
    cancelled: bool = False
    error: str = ""
    report: object = None


@dataclass
class IngestJob:
    """One ingest run over `sources` (paths, URLs or `Named`) into `db`."""

    sources: list
    db: Path
    label: str
    names: dict[str, str] = field(default_factory=dict)   # temp path -> shown name
    sizes: dict[str, int] = field(default_factory=dict)   # shown name -> bytes
    folder: str = ""                                       # temp folder removed at the end

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._cancel = threading.Event()
        self._state = Progress(label=self.label, total=len(self.sources))
        self._thread: threading.Thread | None = None

    @classmethod
    def from_uploads(cls, uploads: list[tuple[str, bytes]], db: Path,
                     label: str = "Reading uploads") -> "IngestJob":
        folder = tempfile.mkdtemp(prefix="newsfigures-upload-")
        sources, names, sizes = [], {}, {}
        for i, (name, data) in enumerate(uploads):
            name = Path(name).name or "upload.txt"
            target = Path(folder) / f"{i}{Path(name).suffix or '.txt'}"
            target.write_bytes(data)
            sources.append(Named(str(target), name))
            names[str(target)] = name
            sizes[name] = len(data)
        return cls(sources, Path(db), label, names=names, sizes=sizes, folder=folder)

    # -- the run -----------------------------------------------------------------------

    def start(self) -> "IngestJob":
        now = time.monotonic()
        with self._lock:
            self._state.started = self._state.since = now
            self._state.current = self._shown_source(0)
            self._state.current_bytes = self.sizes.get(self._state.current, 0)
        self._thread = threading.Thread(target=self._run, name="newsfigures-ingest",
                                        daemon=True)
        self._thread.start()
        return self

    def _shown_source(self, index: int) -> str:
        if index >= len(self.sources):
            return ""
        source = self.sources[index]
        name = getattr(source, "name", None) or str(source)
        return self.names.get(name, name)

    def _progress(self, done: int, total: int, name: str) -> None:
        with self._lock:
            if done != self._state.done:
                self._state.since = time.monotonic()
                self._state.stage, self._state.stage_done, self._state.stage_total = "", 0, 0
            self._state.done, self._state.total = done, total or self._state.total
            self._state.current = self._shown_source(done)
            self._state.current_bytes = self.sizes.get(self._state.current, 0)
        if self._cancel.is_set() and done < (total or len(self.sources)):
            raise Cancelled()

    def _run(self) -> None:
        report, error, cancelled = None, "", False
        try:
            report = ingest(self.sources, self.db, workers=1, progress=self._progress,
                            step=self._step)
        except Cancelled:
            cancelled = True
        except Exception as err:  # shown on the page in one line; the store stays as it was
            log.exception("ingest failed")
            error = self.clean(f"{type(err).__name__}: {err}")
        finally:
            if self.folder:
                shutil.rmtree(self.folder, ignore_errors=True)
        with self._lock:
            self._state.report, self._state.error = report, error
            self._state.cancelled, self._state.finished = cancelled, True
            self._state.current = ""

    def _step(self, stage: str, done: int, total: int) -> None:
        with self._lock:
            self._state.stage, self._state.stage_done, self._state.stage_total = \
                stage, done, total
            if self._cancel.is_set():
                self._state.interrupted = self._state.current
        if self._cancel.is_set():
            raise Cancelled()

    def cancel(self) -> None:
        """Stop at the next source, or the next sentence of a long one; what is written
        stays, the article being read is not written."""
        self._cancel.set()

    @property
    def cancelling(self) -> bool:
        return self._cancel.is_set()

    def wait(self, seconds: float) -> bool:
        """Wait up to `seconds` for the run to end; whether it has."""
        if self._thread is not None:
            self._thread.join(seconds)
        return self.progress().finished

    def progress(self) -> Progress:
        with self._lock:
            return Progress(**vars(self._state))

    # -- messages ----------------------------------------------------------------------

    def clean(self, text: str) -> str:
        """`text` with every temporary path replaced by the upload's own name."""
        text = str(text)
        for path, name in sorted(self.names.items(), key=lambda kv: -len(kv[0])):
            text = text.replace(path, name)
        if self.folder:
            text = text.replace(self.folder + "/", "").replace(self.folder, "")
        return text

    def failures(self) -> list[tuple[str, str]]:
        """(the file's own name, the reason) of each source that failed."""
        report = self.progress().report
        out = []
        for source, reason in list(getattr(report, "failures", None) or []):
            out.append((self.clean(source), self.clean(reason)))
        return out


# Within one article: finding its numbers is about a third of its extraction, reading them
# as figures the rest (measured on long articles; only the bar's position depends on it).
_STAGES = {"numbers": (0.0, 0.35, "finding numbers"), "figures": (0.35, 1.0, "reading figures")}


def within(p: Progress) -> float:
    """How far the current article is, 0..1 (0 while it is read, before extraction)."""
    if p.stage not in _STAGES or not p.stage_total:
        return 0.0
    low, high, _ = _STAGES[p.stage]
    return low + (high - low) * min(1.0, p.stage_done / p.stage_total)


def fraction(p: Progress) -> float:
    """The progress bar's position: articles done plus how far the current one is."""
    if not p.total:
        return 0.0
    return min(1.0, (p.done + (0.0 if p.finished else within(p))) / p.total)


def status_line(p: Progress, now: float | None = None) -> str:
    """One line for the progress bar: "2 of 5 done · reading report.html (4.5 MB), 35 s ·
    reading figures: sentence 1,200 of 4,000 (60%)"."""
    now = time.monotonic() if now is None else now
    line = f"{p.label}: {p.done} of {p.total} done"
    if p.current and not p.finished:
        size = f" ({p.current_bytes / 1e6:.1f} MB)" if p.current_bytes >= 100_000 else ""
        line += f" · reading {p.current}{size}, {now - p.since:.0f} s"
        if p.stage in _STAGES and p.stage_total:
            line += (f" · {_STAGES[p.stage][2]}: sentence {p.stage_done:,} of "
                     f"{p.stage_total:,} ({within(p):.0%})")
    return line
