"""Remembering that a database file was found sound, so a command need not read all of it again.

SQLite's quick check reads every page: almost a second on a committee's 400 MB file, before a report
that takes a fraction of that. A file that passed the check, or that only this program wrote to since it
passed, is as sound as it was, as long as nothing else changed it; what the file system says about the
file and its write-ahead log (size, modification and change times) tells whether anything did. The
record is kept in the cache folder, one entry per file; losing it only costs one more check.

What this cannot see: a change of the same size within the same tick of the file system's clock as this
program's last write, or damage by the disk itself with no write at all. The desktop app's own check of
the whole file, on a worker after every start, still covers those.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from desktop_app import paths

log = logging.getLogger(__name__)
_NAME = "sound-files.json"
_KEEP = 20  # files remembered; the oldest entries go first


def _fingerprint(path: Path) -> list[int] | None:
    """Size, modification and change time of the file and of its write-ahead log (zeros when none)."""
    result: list[int] = []
    for part in (path, path.with_name(path.name + "-wal")):
        try:
            st = os.stat(part)
        except FileNotFoundError:
            if part == path:
                return None
            result += [0, 0, 0]
            continue
        except OSError:
            return None
        result += [st.st_size, st.st_mtime_ns, st.st_ctime_ns]
    return result


def _record_file() -> Path:
    return paths.cache_dir() / _NAME


def _read() -> dict[str, list[int]]:
    try:
        data = json.loads(_record_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _key(path: Path) -> str:
    return str(Path(path).resolve())


def unchanged_since_sound(path: str | Path) -> bool:
    """True when *path* is exactly as it was when last recorded sound."""
    path = Path(path)
    now = _fingerprint(path)
    return now is not None and _read().get(_key(path)) == now


def remember_sound(path: str | Path) -> None:
    """Record *path* as sound in its present state (after a passed check, or after this program's own
    writes to a file that was sound)."""
    path = Path(path)
    now = _fingerprint(path)
    if now is None:
        return
    records = _read()
    records.pop(_key(path), None)
    records[_key(path)] = now
    for old in list(records)[:-_KEEP]:
        del records[old]
    try:
        target = _record_file()
        temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(records), encoding="utf-8")
        os.replace(temporary, target)
    except OSError as exc:  # only costs a check next time
        log.warning("could not record %s as checked: %s", path, exc)


def forget(path: str | Path) -> None:
    """The file must be checked again before the next command trusts it."""
    records = _read()
    if records.pop(_key(Path(path)), None) is not None:
        try:
            _record_file().write_text(json.dumps(records), encoding="utf-8")
        except OSError as exc:
            log.warning("could not forget the check of %s: %s", path, exc)
