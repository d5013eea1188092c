"""The copy of the audit trail's head kept outside the database file, in the app's data folder.

One small file per database, named by the database's uid (``audit-heads/<uid>.json``), holds for each
place (path) the database is used at the newest head the program saw there: how many entries, the hash
and uid of the newest one, the id of the key that hashed it, and when. The trail inside the file must
still contain that entry at that place: a trail cut short, emptied or rewritten by hand no longer does,
and ``check`` says so (services.datafile.trail). Backups carry the head too, inside the copy.

The copy only ever moves forward after a commit (``after_commit``), so a transaction rolled back never
leaves it ahead of the file; when the program itself replaces the trail (a restore, a repair, a new
password) it records the new head outright and takes the place over (``claim``).
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from desktop_app import paths
from desktop_app.store import db as store_db

log = logging.getLogger(__name__)
FOLDER = "audit-heads"


@dataclass(frozen=True)
class Anchor:
    database: str  # the database's uid
    place: str  # where the file was (a normalised path)
    count: int  # entries in the trail
    hash: str  # stored hash of the newest entry
    entry: str  # uid of the newest entry
    key: str  # audit_chain.key_id of the key that hashed it
    at: str  # when it was recorded (ISO)


def place_of(path: str | Path) -> str:
    return os.path.normcase(str(Path(path).resolve()))


def _folder() -> Path:
    return paths.data_dir() / FOLDER


def _file(database: str) -> Path:
    safe = "".join(c for c in database if c.isalnum() or c == "-")[:64] or "unknown"
    return _folder() / f"{safe}.json"


def read(database: str) -> dict[str, Anchor]:
    """{place: Anchor} recorded for the database *database* (empty when none or unreadable)."""
    try:
        data = json.loads(_file(database).read_text(encoding="utf-8"))
        return {place: Anchor(**value) for place, value in data.get("places", {}).items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return {}


def _write(database: str, places: dict[str, Anchor]) -> None:
    target = _file(database)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps({"database": database, "places": {p: asdict(a) for p, a in places.items()}},
                                    ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(temporary, target)


def lookup(database: str, path: str | Path) -> Anchor | None:
    return read(database).get(place_of(path))


def elsewhere(database: str, path: str | Path) -> list[Anchor]:
    """Heads of *database* recorded at other places than *path*."""
    here = place_of(path)
    return [a for p, a in read(database).items() if p != here]


def others_at(path: str | Path, database: str) -> list[Anchor]:
    """Heads recorded at *path* for databases other than *database* (the file there was another one)."""
    here, found = place_of(path), []
    try:
        files = sorted(_folder().glob("*.json"))
    except OSError:
        return []
    for item in files:
        other = item.stem
        if other == database:
            continue
        anchor = read(other).get(here)
        if anchor is not None:
            found.append(anchor)
    return found


def current() -> Anchor | None:
    """The open database's head as an anchor; None when there is no database, identity or readable head."""
    from desktop_app.core import clock
    from desktop_app.services.common import audit_chain
    from desktop_app.services.common import audit_head as audit
    from desktop_app.store.models import AuditEntry

    path = store_db.current_path()
    database = audit.database_uid()
    if path is None or not database:
        return None
    try:
        hash_, count = audit.read_head()
        key = audit.chain_key()
    except audit.AuditTrailError:
        return None
    newest = AuditEntry.select(AuditEntry.uid, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1).first()
    if newest is not None and newest.hash != hash_:
        return None  # a broken head is the check's to report, never to copy
    return Anchor(database, place_of(path), count, hash_, newest.uid if newest else "",
                  audit_chain.key_id(key), clock.now().replace(microsecond=0).isoformat())


def sync() -> None:
    """Record the open database's head when it moved forward. Never raises: a copy that could not be
    written only weakens the next check."""
    try:
        anchor = current()
        if anchor is None:
            return
        places = read(anchor.database)
        old = places.get(anchor.place)
        if old is not None and (old.count > anchor.count or (old.count, old.hash) == (anchor.count, anchor.hash)):
            return
        places[anchor.place] = anchor
        _write(anchor.database, places)
    except Exception:  # a full disk or a read-only data folder must not fail the write that committed
        log.warning("could not record the audit head outside the file", exc_info=True)


def record(anchor: Anchor) -> None:
    """Keep *anchor* as the head of its database at its place, whatever was recorded there before."""
    places = read(anchor.database)
    places[anchor.place] = anchor
    _write(anchor.database, places)


def after_commit() -> None:
    """Sync once the current transaction commits (registered once per transaction)."""
    real = store_db.database.obj
    callbacks = real._state.commit_callbacks
    if sync not in callbacks:
        real.after_commit(sync)


def claim() -> Anchor | None:
    """Record the open database's head outright at its place, and forget any other database recorded there:
    the program itself put this trail here (a new file, a restore, a repair, a new password)."""
    anchor = current()
    if anchor is None:
        return None
    for other in others_at(anchor.place, anchor.database):
        places = read(other.database)
        places.pop(anchor.place, None)
        try:
            _write(other.database, places)
        except OSError:
            log.warning("could not forget the head of %s at %s", other.database, anchor.place, exc_info=True)
    places = read(anchor.database)
    places[anchor.place] = anchor
    _write(anchor.database, places)
    return anchor
