"""Which files a list of paths and folders stands for.

Folders are walked without leaving them: a symbolic link whose target is outside the folder
given is skipped, and so are FIFOs, devices and sockets, which are never opened
(`scan_sources` says what it skipped and why).
"""
from __future__ import annotations

import os
import stat

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .decoding import special_kind
from .names import ARTICLE_SUFFIXES, display_name, is_url


@dataclass(frozen=True)
class SourceList:
    """What `scan_sources` found: the sources to read (paths and URLs, in reading order) and
    the folder entries it left out, as (display name, reason)."""

    files: tuple[str | Path, ...] = ()
    skipped: tuple[tuple[str, str], ...] = ()

def _inside(target: str, folder: str) -> bool:
    try:
        return os.path.commonpath([target, folder]) == folder
    except ValueError:  # e.g. another drive
        return False

def _walk(folder: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Article files under `folder` (recursively), and the entries skipped with why.

    Stays inside the folder: a symbolic link whose target is outside it is skipped, a link to
    a folder inside it is not followed (its files are listed under their real path). FIFOs,
    devices and sockets are skipped without being opened. Hidden files are ignored."""
    root = os.path.realpath(folder)
    found: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as it:
                entries = list(it)
        except OSError as e:
            skipped.append((current, f"cannot read folder: {e.strerror or e}"))
            continue
        for entry in entries:
            path = Path(entry.path)
            hidden = entry.name.startswith(".")
            try:
                if entry.is_symlink():
                    if hidden:
                        continue
                    target = os.path.realpath(entry.path)
                    if not _inside(target, root):
                        skipped.append((path, f"symbolic link to {display_name(target)}, outside "
                                              f"{display_name(folder)}; not followed"))
                        continue
                    try:
                        mode = os.stat(entry.path).st_mode
                    except OSError as e:
                        skipped.append((path, f"broken symbolic link ({e.strerror or e})"))
                        continue
                    if stat.S_ISDIR(mode):
                        continue
                else:
                    mode = entry.stat(follow_symlinks=False).st_mode
            except OSError as e:
                skipped.append((path, f"cannot read: {e.strerror or e}"))
                continue
            if stat.S_ISDIR(mode):
                pending.append(path)
            elif hidden:
                continue
            elif stat.S_ISREG(mode):
                if path.suffix.lower() in ARTICLE_SUFFIXES:
                    found.append(path)
            else:
                kind = special_kind(mode) or "a special file"
                skipped.append((path, f"{kind}, not a regular file; not opened"))
    return sorted(found), sorted(skipped)

def scan_sources(paths: Iterable[str | Path]) -> SourceList:
    """Expand folders (recursively, sorted) into article files, and say what was skipped in
    them and why; URLs and files given directly pass through (reading them says what is
    wrong with them)."""
    files: list[str | Path] = []
    skipped: list[tuple[str, str]] = []
    for p in paths:
        if is_url(p):
            files.append(str(p))
            continue
        p = Path(p)
        if p.is_dir():
            found, left = _walk(p)
            files.extend(found)
            skipped.extend((display_name(path), reason) for path, reason in left)
        else:
            files.append(p)
    return SourceList(tuple(files), tuple(skipped))

def list_sources(paths: Iterable[str | Path]) -> list[str | Path]:
    """The sources of `scan_sources`, without what it skipped."""
    return list(scan_sources(paths).files)
