"""The audit trail: one hash-chained entry per write, export and print.

Each entry's hash covers its content and the previous entry's hash, and the newest hash and the
count are kept in the ``audit.head`` setting, so editing, deleting or appending entries by hand
breaks the chain and ``verify_chain`` names the first entry where it breaks.
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
from typing import Any

from peewee import Model

from desktop_app.store import dialect, writes
from desktop_app.store.db import database
from desktop_app.store.models import AuditEntry, Setting, now

GENESIS = "0" * 64
HEAD_KEY = "audit.head"
_SKIP = {"created_at", "updated_at", "version"}  # bookkeeping, not what the user changed


def _actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some service contexts
        return ""


def _json_value(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def snapshot(instance: Model | None) -> dict[str, Any] | None:
    """The stored values of *instance* (foreign keys as ids), for before/after records."""
    if instance is None:
        return None
    data = {}
    for name, field in instance._meta.fields.items():
        if name in _SKIP:
            continue
        data[field.column_name if hasattr(field, "rel_model") else name] = _json_value(
            instance.__data__.get(name))
    return data


def _digest(prev_hash: str, uid: str, at: str, actor: str, action: str, table: str, record_uid: str,
            before: str, after: str) -> str:
    payload = json.dumps([prev_hash, uid, at, actor, action, table, record_uid, before, after],
                         ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _dump(value: dict | None) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _head() -> tuple[str, int]:
    row = Setting.get_or_none(Setting.key == HEAD_KEY)
    if row is None or not row.value:
        return GENESIS, 0
    data = json.loads(row.value)
    return data["hash"], data["count"]


def _set_head(hash_: str, count: int) -> None:
    value = json.dumps({"hash": hash_, "count": count})
    with writes.unwatched():  # the chain's bookkeeping: the entries themselves are the change
        updated = Setting.update(value=value, updated_at=now()).where(Setting.key == HEAD_KEY).execute()
        if not updated:
            Setting.create(key=HEAD_KEY, value=value)


def record(action: str, table: str, record_uid: str = "", before: dict | None = None,
           after: dict | None = None) -> AuditEntry:
    """Append one entry; call inside the transaction of the write it describes."""
    with database.atomic():  # the head read, the entry and the new head: one step, one appender at a time
        dialect.serialise_audit_appends(database)
        return _append(action, table, record_uid, before, after)


def _append(action: str, table: str, record_uid: str, before: dict | None, after: dict | None) -> AuditEntry:
    prev_hash, count = _head()
    entry = AuditEntry(action=action, table=table, record_uid=record_uid or "", actor=_actor(),
                       before=_dump(before), after=_dump(after), prev_hash=prev_hash, at=now())
    entry.hash = _digest(prev_hash, entry.uid, entry.at.isoformat(), entry.actor, action, table,
                         entry.record_uid, entry.before, entry.after)
    entry.save(force_insert=True)
    _set_head(entry.hash, count + 1)
    return entry


def record_change(action: str, instance: Model, before: dict | None) -> AuditEntry:
    return record(action, instance._meta.table_name, instance.uid, before, snapshot(instance))


def append_bulk(rows: list[tuple[str, str, str, dict | None, dict | None, dt.datetime]]) -> None:
    """Append many entries at once (demo data, imports): (action, table, uid, before, after, at)."""
    with database.atomic():
        dialect.serialise_audit_appends(database)
        _append_many(rows)


def _append_many(rows: list[tuple[str, str, str, dict | None, dict | None, dt.datetime]]) -> None:
    prev_hash, count = _head()
    actor = _actor()
    batch = []
    for action, table, record_uid, before, after, at in rows:
        entry_uid = AuditEntry.uid.default()
        b, a = _dump(before), _dump(after)
        at = at.replace(microsecond=0)
        h = _digest(prev_hash, entry_uid, at.isoformat(), actor, action, table, record_uid, b, a)
        batch.append({"uid": entry_uid, "at": at, "actor": actor, "action": action, "table": table,
                      "record_uid": record_uid, "before": b, "after": a, "prev_hash": prev_hash, "hash": h,
                      "created_at": at, "updated_at": at})
        prev_hash = h
    _insert_entries(batch)
    _set_head(prev_hash, count + len(batch))


def _insert_entries(batch: list[dict[str, Any]]) -> None:
    """INSERT the entries at once (store.writes.insert_rows): peewee's insert_many renders every value into the
    SQL, which took a third of a large import's time."""
    if not batch:
        return
    fields = [AuditEntry._meta.fields[name] for name in batch[0]]
    writes.insert_rows(AuditEntry._meta.database, AuditEntry._meta.table_name, [f.column_name for f in fields],
                       [tuple(f.db_value(row[f.name]) for f in fields) for row in batch])


def verify_chain() -> list[str]:
    """Problems found in the chain, empty when intact. Messages are plain English for logs;
    callers translate the summary."""
    problems: list[str] = []
    prev_hash = GENESIS
    count = 0
    query = AuditEntry.select().order_by(AuditEntry.id).iterator()
    for entry in query:
        count += 1
        at = entry.at.isoformat() if isinstance(entry.at, dt.datetime) else str(entry.at)
        expected = _digest(entry.prev_hash, entry.uid, at, entry.actor, entry.action, entry.table,
                           entry.record_uid, entry.before, entry.after)
        if entry.prev_hash != prev_hash:
            problems.append(f"entry {entry.id}: previous hash does not match (an entry before it was removed)")
        if entry.hash != expected:
            problems.append(f"entry {entry.id}: content does not match its hash (edited)")
        prev_hash = entry.hash
        if len(problems) > 20:
            break
    head_hash, head_count = _head()
    if not problems and (head_hash != prev_hash or head_count != count):
        problems.append(f"chain head does not match: {count} entries found, {head_count} recorded")
    return problems
