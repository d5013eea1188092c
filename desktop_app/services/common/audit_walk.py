"""Walking the audit chain from its first entry: which entries were edited, removed or slipped in, how many
there are and where the chain ends; and what the check outside the file needs on the way (an entry at a
given place, the places where the program itself re-anchored the trail).

The walk reads plain rows (the columns of ``COLUMNS``, oldest first), so it runs the same on the open
database, on a copy through a raw connection, or on another engine.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from desktop_app.services.common import audit_chain

COLUMNS = ("id", "uid", "at", "actor", "action", "table_name", "record_uid", "before", "after", "prev_hash",
           "hash", "row_hash", "scheme")
SELECT = f"SELECT {', '.join(COLUMNS)} FROM auditentry ORDER BY id"
# Actions after which the program itself rewrote or replaced part of the trail (a restored backup, a repair,
# a new password): a copy of the head from before them is compared by the entries it names, not by hash.
REANCHORING = ("restore", "repair", "password set", "password changed", "password removed")
MAX_FINDINGS = 20

# Finding.kind values of the walk (services.datafile.trail adds those found outside the chain)
EDITED, REMOVED, INSERTED, OLD_FORM, HEAD_MISMATCH, HEAD_UNREADABLE, UNREADABLE, NO_IDENTITY = (
    "edited", "removed", "inserted", "old form", "head mismatch", "head unreadable", "unreadable", "no identity")


@dataclass(frozen=True)
class Finding:
    """One thing wrong with the trail: its kind, the entry concerned (its id, 0 for none) and the figures
    the message needs."""

    kind: str
    entry: int = 0
    data: tuple[tuple[str, Any], ...] = ()

    def get(self, name: str, default: Any = None) -> Any:
        return dict(self.data).get(name, default)

    def __str__(self) -> str:  # plain English, for the log and tests
        details = ", ".join(f"{k}={v}" for k, v in self.data)
        return f"{self.kind}" + (f" at entry {self.entry}" if self.entry else "") + (f" ({details})" if details
                                                                                      else "")


def finding(kind: str, entry: int = 0, **data: Any) -> Finding:
    return Finding(kind, entry, tuple(sorted(data.items())))


@dataclass
class Walk:
    count: int = 0
    last_hash: str = audit_chain.GENESIS
    findings: list[Finding] = field(default_factory=list)
    first_broken: int = 0  # position of the first entry found edited, removed or slipped in (0: none)
    at: dict[int, tuple[str, str]] = field(default_factory=dict)  # position → (entry uid, stored hash)
    reanchored: list[tuple[int, str]] = field(default_factory=list)  # (position, action) of REANCHORING entries

    def add(self, item: Finding, position: int = 0) -> None:
        if position and not self.first_broken:
            self.first_broken = position
        if len(self.findings) < MAX_FINDINGS:
            self.findings.append(item)


def walk(rows: Iterable[tuple], key: bytes, *, keep: Iterable[int] = ()) -> Walk:
    """Verify the rows of the chain (COLUMNS order); *keep*: positions whose entry uid and hash to note."""
    keep = set(keep)
    result = Walk()
    prev_hash, prev_id, keyed_seen = audit_chain.GENESIS, 0, False
    for position, row in enumerate(rows, 1):
        (id_, uid, at, actor, action, table, record_uid, before, after, stored_prev, stored_hash, row_hash,
         scheme) = row
        result.count = position
        if stored_prev != prev_hash:
            kind = REMOVED if id_ > prev_id + 1 else INSERTED  # ids only grow: a gap is a removal
            result.add(finding(kind, id_, position=position), position)
        expected = audit_chain.entry_digest(key, scheme, stored_prev, uid, at, actor, action, table, record_uid,
                                            before, after, row_hash)
        if stored_hash != expected:
            result.add(finding(EDITED, id_, position=position, at=audit_chain.canonical_time(at)[:10]),
                       position)
        elif scheme != audit_chain.KEYED and keyed_seen:
            result.add(finding(OLD_FORM, id_, position=position), position)
        keyed_seen = keyed_seen or scheme == audit_chain.KEYED
        if action in REANCHORING:
            result.reanchored.append((position, action))
            result.at[position] = (uid, stored_hash)
        if position in keep:
            result.at[position] = (uid, stored_hash)
        prev_hash, prev_id = stored_hash, id_
    result.last_hash = prev_hash
    return result


def check_head(result: Walk, head: tuple[str, int] | None) -> None:
    """Compare the recorded head (None: unreadable) with the end of the walked chain."""
    if head is None:
        result.add(finding(HEAD_UNREADABLE))
        return
    hash_, count = head
    if hash_ != result.last_hash or count != result.count:
        result.add(finding(HEAD_MISMATCH, found=result.count, recorded=count))


def _open_rows():
    from desktop_app.store.db import database

    return database.execute_sql(SELECT)


def walk_open_database(keep: Iterable[int] = ()) -> Walk:
    """The walk of the open database's chain, its head compared. A row that cannot be read ends the walk
    with an UNREADABLE finding."""
    from desktop_app.services.common import audit_head as audit

    try:
        key, lost = audit.chain_key(), None
    except audit.AuditTrailError:  # the identity setting was removed or garbled: no keyed entry can verify
        key, lost = b"", finding(NO_IDENTITY)
    try:
        result = walk(_open_rows(), key, keep=keep)
    except Exception as exc:  # damaged text in a row (invalid UTF-8) stops the driver's cursor
        result = Walk()
        result.add(finding(UNREADABLE, detail=str(exc)[:200]), 1)
        return result
    if lost is not None:
        result.findings.insert(0, lost)
    try:
        head = audit.read_head()
    except audit.AuditTrailError:
        head = None
    check_head(result, head)
    return result


def rows_as_tuples(rows: Iterable[Any]) -> Iterable[tuple]:
    """Rows of a DB-API cursor in COLUMNS order, the scheme defaulted for files before schema version 9."""
    for row in rows:
        yield tuple(row) if len(row) == len(COLUMNS) else (*row, "", audit_chain.LEGACY)
