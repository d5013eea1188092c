"""The overview's figures as they were when the app last closed its database, to show at the next start while
the data layer loads.

They are kept in a small JSON file in the cache folder, one per database, with what they depend on: the
database file and its write-ahead log exactly as the app left them (device, inode, size and modification time
to the nanosecond), the year of the quota and the app's version. A snapshot is handed back only when all of
these still match, that is when nothing has written to the file since its figures were worked out from it;
the overview still recomputes them as soon as the database is open, and says so meanwhile. A password-protected
database never gets a snapshot: its branch names would lie unencrypted beside it.

Nothing here imports the data layer: reading a snapshot is what the start does before that layer is loaded.
"""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path

from desktop_app import __version__, paths

FORMAT = 1


def _file(db_path: Path) -> Path:
    # a checksum names the file (hashlib would add its own import to the start); the path itself is in the key
    text = str(db_path).encode("utf-8")
    return paths.cache_dir() / "overview" / f"{zlib.crc32(text):08x}{zlib.adler32(text):08x}.json"


def _stamp(path: Path) -> list[int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return [stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns]


def fingerprint(db_path: Path, year: int) -> dict:
    """What the figures of *db_path* depend on besides its records: any change of it makes a snapshot unusable."""
    db_path = Path(os.path.abspath(db_path))
    return {"format": FORMAT, "version": __version__, "path": str(db_path), "year": year,
            "file": _stamp(db_path), "wal": _stamp(db_path.with_name(db_path.name + "-wal"))}


def save(db_path: Path, year: int, figures: dict) -> None:
    """Keep *figures* of *db_path* (call it once the database is closed: closing folds the log into the file)."""
    key = fingerprint(db_path, year)
    if key["file"] is None:
        return
    target = _file(Path(key["path"]))
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps({"key": key, "figures": figures}, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, target)


def load(db_path: Path, year: int) -> dict | None:
    """The figures kept for *db_path* when nothing has changed it since; None otherwise."""
    key = fingerprint(db_path, year)
    if key["file"] is None:
        return None
    try:
        data = json.loads(_file(Path(key["path"])).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != key or not isinstance(data.get("figures"), dict):
        return None
    return data["figures"]

