"""One program at a time per database: a lock file beside it (``<db>.lock``).

The lock is an OS lock on an open file (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows),
so the system releases it when the holder exits in any way, crash and ``kill -9`` included: a
stale lock never blocks anyone. The file also records who holds it (process id, host, program),
so a refused second instance can name the first one.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt
else:
    import fcntl

# Windows locks a byte range; lock one byte far past the owner text so others can still read it.
_WIN_LOCK_OFFSET = 1 << 30

_held: dict[str, DatabaseLock] = {}
_held_guard = threading.Lock()


@dataclass(frozen=True)
class LockOwner:
    pid: int = 0
    host: str = ""
    program: str = ""

    def describe(self) -> str:
        parts = [self.program or "?", f"pid {self.pid}" if self.pid else "", self.host]
        return ", ".join(p for p in parts if p)


class DatabaseLockedError(Exception):
    """Another running program holds the database; ``owner`` says which (may be empty)."""

    def __init__(self, db_path: Path, owner: LockOwner):
        super().__init__(f"{db_path} is in use by {owner.describe()}")
        self.db_path = db_path
        self.owner = owner


def lock_path(db_path: str | Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".lock")


def _key(db_path: Path) -> str:
    return os.path.normcase(str(db_path.resolve()))


def program_name() -> str:
    argv0 = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else ""
    return argv0 or Path(sys.executable).name


def read_owner(db_path: str | Path) -> LockOwner:
    """Who the lock file says holds *db_path* (empty when unknown)."""
    try:
        data = json.loads(lock_path(db_path).read_text(encoding="utf-8") or "{}")
        return LockOwner(int(data.get("pid", 0)), str(data.get("host", "")), str(data.get("program", "")))
    except (OSError, ValueError, TypeError, AttributeError):
        return LockOwner()


def _try_os_lock(fd: int) -> bool:
    try:
        if sys.platform == "win32":  # pragma: no cover
            os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _os_unlock(fd: int) -> None:
    try:
        if sys.platform == "win32":  # pragma: no cover
            os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            fcntl.flock(fd, fcntl.LOCK_UN)
    except OSError:
        pass


class DatabaseLock:
    """A held lock; release() (or leaving a ``with`` block) gives it up. Re-entrant within a process."""

    def __init__(self, db_path: Path, fd: int, key: str):
        self.db_path = db_path
        self.path = lock_path(db_path)
        self._fd: int | None = fd
        self._key = key
        self._depth = 1

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        with _held_guard:
            if self._fd is None:
                return
            self._depth -= 1
            if self._depth > 0:
                return
            fd, self._fd = self._fd, None
            _held.pop(self._key, None)
            # Remove the file while still holding the lock (a waiter that opened it re-checks the inode).
            try:
                os.ftruncate(fd, 0)
                if sys.platform != "win32":
                    self.path.unlink(missing_ok=True)
            except OSError:
                pass
            _os_unlock(fd)
            os.close(fd)
            if sys.platform == "win32":  # pragma: no cover - Windows cannot delete an open file
                try:
                    self.path.unlink(missing_ok=True)
                except OSError:
                    pass

    def __enter__(self) -> DatabaseLock:
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def acquire(db_path: str | Path, program: str | None = None) -> DatabaseLock:
    """Take the lock of *db_path* or raise DatabaseLockedError naming its holder.

    A lock left by a process that died is released by the system, so it is simply taken over.
    Raises OSError when the lock file cannot be written (read-only folder).
    """
    db_path = Path(db_path)
    key = _key(db_path)
    with _held_guard:
        mine = _held.get(key)
        if mine is not None and mine.held:
            mine._depth += 1
            return mine
    path = lock_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    for _attempt in range(5):
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_os_lock(fd):
            os.close(fd)
            raise DatabaseLockedError(db_path, read_owner(db_path))
        if sys.platform != "win32":
            # The holder before us may have removed the file after we opened it: lock the one on disk.
            try:
                same = os.fstat(fd).st_ino == os.stat(path).st_ino
            except FileNotFoundError:
                same = False
            if not same:
                _os_unlock(fd)
                os.close(fd)
                continue
        owner = {"pid": os.getpid(), "host": socket.gethostname(), "program": program or program_name()}
        data = json.dumps(owner, ensure_ascii=False).encode("utf-8")
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, data)
        lock = DatabaseLock(db_path, fd, key)
        with _held_guard:
            _held[key] = lock
        return lock
    raise DatabaseLockedError(db_path, read_owner(db_path))


def held_lock(db_path: str | Path) -> DatabaseLock | None:
    """This process's lock on *db_path*, if it holds one."""
    return _held.get(_key(Path(db_path)))
