"""Room on the disk for a safety copy: a copy of the database (before a restore or a migration) is never
started where it would not fit, so a full disk never holds half a copy and a refused operation changes
nothing."""

from __future__ import annotations

import shutil
from pathlib import Path


class NotEnoughSpaceError(Exception):
    """A safety copy would not fit in *folder*: *need* bytes, *free* bytes free. Nothing was written."""

    def __init__(self, folder: Path, need: int, free: int):
        super().__init__(f"{folder}: {need} bytes needed, {free} free")
        self.folder = folder
        self.need = need
        self.free = free


MARGIN = 4 * 1024 * 1024  # room kept free besides a copy: SQLite's journal, the file system's own


def size_with_wal(path: Path) -> int:
    total = 0
    for part in (path, Path(str(path) + "-wal")):
        try:
            total += part.stat().st_size
        except OSError:
            pass
    return total


def require_space(folder: Path, need: int) -> None:
    """Raise NotEnoughSpaceError unless *need* bytes (and a margin) fit in *folder*."""
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return  # cannot tell: the write itself will say
    if free < need + MARGIN:
        raise NotEnoughSpaceError(folder, need + MARGIN, free)
