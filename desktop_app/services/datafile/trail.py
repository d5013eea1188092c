"""The full check of the audit trail, trusting neither the file alone nor the program's own head:

- the chain itself: each entry's hash and its link to the one before (services.common.audit_walk), and the
  head recorded in the file;
- the head kept outside the file: in the app's data folder for this database at this place
  (services.common.audit_anchor) and in the newest backups of it, each of which must still be a point the
  trail passes through (a trail cut short, emptied or rewritten is not);
- the records tied to the trail: rows that differ from their last recorded state (trail_rows).

Findings carry their kind and figures; trail_findings turns them into plain sentences.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.services.common import audit, audit_anchor, audit_walk
from desktop_app.services.common.audit_walk import Finding, finding
from desktop_app.store import crypto
from desktop_app.store import db as store_db

log = logging.getLogger(__name__)

WIPED, TRUNCATED, REWRITTEN, REPLACED = "wiped", "truncated", "rewritten", "replaced"
HERE = ""  # Finding "source" of the head kept in the data folder; a backup's is its file name
WITNESSES = 2  # newest backups read as witnesses of the head


@dataclass(frozen=True)
class Witness:
    """A head known outside the file: (count, hash, uid of the entry at count), where it was kept, when."""

    count: int
    hash: str
    entry: str
    source: str  # HERE, or a backup's file name
    when: str  # ISO date or date and time
    path: Path | None = None  # the backup file, to ask it which entries it holds


@dataclass
class TrailReport:
    findings: list[Finding] = field(default_factory=list)
    count: int = 0  # entries in the trail
    first_broken: int = 0  # position of the first entry edited, removed or slipped in

    @property
    def intact(self) -> bool:
        return not self.findings


# ---- heads kept outside the file -------------------------------------------------------------------------


def _backup_head(path: Path, database: str) -> Witness | None:
    """The head inside the backup *path*, when it is a backup of this same database and can be read."""
    try:
        conn = crypto.connect_raw(path, readonly=True)
    except Exception:  # a backup with another password or damaged: not a witness
        return None
    try:
        rows = dict(conn.execute("SELECT key, value FROM setting WHERE key IN (?, ?)",
                                 (audit.HEAD_KEY, "database.uid")).fetchall())
        if json.loads(rows.get("database.uid") or '""') != database:
            return None
        head = json.loads(rows.get(audit.HEAD_KEY) or "{}")
        count, hash_ = int(head.get("count", 0)), str(head.get("hash", ""))
        if count <= 0:
            return None
        row = conn.execute("SELECT uid, at FROM auditentry ORDER BY id LIMIT 1 OFFSET ?", (count - 1,)).fetchone()
        return Witness(count, hash_, row[0] if row else "", path.name, str(row[1])[:16] if row else "", path)
    except Exception:
        log.warning("backup %s could not be read as a witness", path, exc_info=True)
        return None
    finally:
        conn.close()


def _holds_entry(path: Path, uid: str) -> bool:
    try:
        conn = crypto.connect_raw(path, readonly=True)
    except Exception:
        return False
    try:
        return conn.execute("SELECT 1 FROM auditentry WHERE uid = ?", (uid,)).fetchone() is not None
    except Exception:
        return False
    finally:
        conn.close()


def _backup_witnesses(db_path: Path, database: str) -> list[Witness]:
    from desktop_app import paths
    from desktop_app.services.datafile import backups

    try:
        folders = list(dict.fromkeys([backups.configured_folder(), paths.default_backup_dir()]))
        found = sorted((b for f in folders for b in backups.list_backups(f, db_path)),
                       key=lambda b: (b.when, b.path.name), reverse=True)
    except Exception:
        return []
    key = crypto.key_for(db_path) if crypto.needs_key(db_path) else None
    witnesses = []
    for info in found:
        if key and not crypto.key_for(info.path):
            crypto.remember(info.path, key)
        witness = _backup_head(info.path, database)
        if witness is not None:
            witnesses.append(witness)
        if len(witnesses) >= WITNESSES:
            break
    return witnesses


def _data_folder_witness(db_path: Path, database: str) -> Witness | None:
    anchor = audit_anchor.lookup(database, db_path)
    if anchor is None:  # the file was moved: its head recorded where it no longer is
        for other in audit_anchor.elsewhere(database, db_path):
            if not Path(other.place).exists():
                anchor = other
                break
    if anchor is None or anchor.count <= 0:
        return None
    return Witness(anchor.count, anchor.hash, anchor.entry, HERE, anchor.at[:16])


def _compare(witness: Witness, walk: audit_walk.Walk) -> Finding | None:
    """What is wrong when the trail does not pass through *witness*'s head; None when it does."""
    later = [(pos, action) for pos, action in walk.reanchored if pos > witness.count]
    if witness.source != HERE:
        if any(action == "repair" for _pos, action in later):
            return None  # made before a repair: the repair took the trail as it was then
        for pos, action in walk.reanchored:
            if action == "restore" and pos <= witness.count and witness.path is not None:
                restore_uid = walk.at.get(pos, ("", ""))[0]
                if not _holds_entry(witness.path, restore_uid):
                    return None  # from the line of work a restore put aside
    data: dict[str, Any] = {"recorded": witness.count, "found": walk.count, "source": witness.source,
                            "when": witness.when}
    if walk.count == 0:
        return finding(WIPED, 0, **data)
    if walk.count < witness.count:
        return finding(TRUNCATED, 0, **data)
    uid, hash_ = walk.at.get(witness.count, ("", ""))
    if uid != witness.entry or (not later and hash_ != witness.hash):
        return finding(REWRITTEN, 0, position=witness.count, **data)
    return None


def _replaced(db_path: Path, database: str) -> Finding | None:
    mine = audit_anchor.lookup(database, db_path)
    others = [a for a in audit_anchor.others_at(db_path, database) if mine is None or a.at > mine.at]
    if not others:
        return None
    newest = max(others, key=lambda a: a.at)
    return finding(REPLACED, when=newest.at[:16], recorded=newest.count)


# ---- the check ---------------------------------------------------------------------------------------------


def check_trail(*, rows: bool = True, outside: bool = True) -> TrailReport:
    """Check the open database's trail. *rows*: also the records tied to it; *outside*: also the heads kept
    in the data folder and in backups."""
    from desktop_app.services.datafile import trail_rows

    db_path = store_db.current_path()
    database = audit.database_uid()
    witnesses: list[Witness] = []
    if outside and db_path is not None and database:
        here = _data_folder_witness(db_path, database)
        witnesses = ([here] if here else []) + _backup_witnesses(db_path, database)
    walk = audit_walk.walk_open_database(keep={w.count for w in witnesses})
    report = TrailReport(list(walk.findings), walk.count, walk.first_broken)
    for witness in witnesses:
        found = _compare(witness, walk)
        if found is not None and all(f.kind != found.kind for f in report.findings):
            report.findings.append(found)
    if outside and db_path is not None and database:
        replaced = _replaced(db_path, database)
        if replaced is not None:
            report.findings.append(replaced)
    if rows:
        try:
            report.findings += trail_rows.check_rows()
        except Exception as exc:  # a garbled row (a date that is not a date) stops the comparison
            log.warning("rows could not be compared with the trail", exc_info=True)
            report.findings.append(finding(audit_walk.UNREADABLE, detail=str(exc)[:200]))
    return report


def quick_check(tail: int = 20) -> list[Finding]:
    """The check run at every start, in milliseconds: the newest *tail* entries, the head inside the file and
    the one kept in the data folder. The full check (``check_trail``) walks the whole chain and the rows."""
    from desktop_app.services.common import audit_chain
    from desktop_app.store.db import database

    try:
        key = audit.chain_key()
    except audit.AuditTrailError:
        return [finding(audit_walk.NO_IDENTITY)]
    total = database.execute_sql("SELECT count(*) FROM auditentry").fetchone()[0]
    rows = list(database.execute_sql(f"{audit_walk.SELECT} DESC LIMIT ?", (tail,)))[::-1]
    result = audit_walk.walk(rows, key)
    findings = [f for f in result.findings if f.kind == audit_walk.EDITED]
    for newer, older in zip(rows[1:], rows, strict=False):
        if newer[9] != older[10]:
            findings.append(finding(audit_walk.REMOVED if newer[0] > older[0] + 1 else audit_walk.INSERTED,
                                    newer[0]))
    result.count, result.last_hash = total, rows[-1][10] if rows else audit_chain.GENESIS
    result.findings = []
    try:
        audit_walk.check_head(result, audit.read_head())
    except audit.AuditTrailError:
        audit_walk.check_head(result, None)
    findings += result.findings
    db_path, database_uid = store_db.current_path(), audit.database_uid()
    here = _data_folder_witness(db_path, database_uid) if db_path is not None else None
    if here is not None:
        at = database.execute_sql("SELECT uid, hash FROM auditentry ORDER BY id LIMIT 1 OFFSET ?",
                                  (here.count - 1,)).fetchone()
        probe = audit_walk.Walk(count=total, at={here.count: tuple(at)} if at else {})
        later = database.execute_sql(
            f"SELECT count(*) FROM auditentry WHERE action IN ({', '.join('?' * len(audit_walk.REANCHORING))}) "
            "AND id > (SELECT id FROM auditentry ORDER BY id LIMIT 1 OFFSET ?)",
            (*audit_walk.REANCHORING, here.count - 1)).fetchone()[0]
        probe.reanchored = [(here.count + 1, "later")] * bool(later)
        found = _compare(here, probe)
        if found is not None:
            findings.append(found)
    return findings
