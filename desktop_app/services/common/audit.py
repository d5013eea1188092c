"""The audit trail: one hash-chained entry per write, export and print.

Each entry's hash covers its content, the hash of the row it wrote and the previous entry's hash
(services.common.audit_chain says how). The newest hash and the count are kept in the ``audit.head``
setting, and outside the file too (services.common.audit_anchor), so editing, deleting, appending or
rewriting entries by hand is found by ``check`` (services.datafile.trail).

Every entry goes through ``_append``, the one place the chain grows: it refuses to go on from a head it
cannot read or that does not match the newest entry (``AuditTrailError``, which names the problem and the
repair), so a broken trail is never silently continued.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import logging
from collections.abc import Iterable
from typing import Any

from peewee import Model

from desktop_app.core.text import has_lone_surrogate
from desktop_app.services.common import audit_anchor, audit_chain, audit_head, audit_rows
from desktop_app.services.common.audit_head import (  # noqa: F401 - the trail's head, named here for callers
    DATABASE_UID,
    GENESIS,
    HEAD_KEY,
    AuditTrailError,
    chain_key,
    database_uid,
    newest_hash,
    read_head,
    write_head,
)
from desktop_app.services.common.tx import atomic
from desktop_app.store import dialect, writes
from desktop_app.store.db import database
from desktop_app.store.models import ALL_MODELS, AuditEntry, new_uid, now

log = logging.getLogger(__name__)

_SKIP = {"created_at", "updated_at", "version"}  # bookkeeping, not what the user changed
_CHUNK = 500
# Tables whose entries name one row by its uid: that row's stored state is hashed into the entry.
MODELS = {model._meta.table_name: model for model in ALL_MODELS if model is not AuditEntry}


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


def _dump(value: dict | None) -> str:
    if value is None:
        return ""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    if has_lone_surrogate(text):  # a file name of undecodable bytes, say: kept, as a JSON escape
        text = json.dumps(value, ensure_ascii=True, sort_keys=True, default=str)
    return text


def _storable(text: str) -> str:
    """*text* that can be stored as UTF-8: half UTF-16 pairs written as escapes."""
    return "".join(f"\\u{ord(c):04x}" if has_lone_surrogate(c) else c for c in text) \
        if has_lone_surrogate(text) else text


# ---- rows tied to their entries ---------------------------------------------------------------------------


def row_hashes(pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """{(table, uid): hash of the row as stored now, or audit_chain.DELETED} for the (table, uid) pairs
    that name a row of a model."""
    wanted: dict[str, set[str]] = {}
    for table, uid in pairs:
        if table in MODELS and uid:
            wanted.setdefault(table, set()).add(uid)
    result: dict[tuple[str, str], str] = {}
    for table, uids in wanted.items():
        stored = dict(audit_rows.digests(MODELS[table], uids))
        for uid in uids:
            result[(table, uid)] = stored.get(uid, audit_chain.DELETED)
    return result


# ---- appending ------------------------------------------------------------------------------------------

Pending = tuple[str, str, str, "dict | None", "dict | None", dt.datetime]


def _append(pending: list[Pending], *, tie_rows: bool = True) -> list[dict[str, Any]]:
    """Add entries (action, table, record uid, before, after, time) to the chain in one transaction: the
    one place the trail grows. With *tie_rows*, each entry naming a row stores that row's hash as it is
    now (the caller has written it). Returns the stored rows."""
    if not pending:
        return []
    with atomic():
        dialect.serialise_audit_appends(database)  # one appender at a time: the chain stays one line
        prev_hash, count = audit_head.checked_head()
        key = chain_key()
        tied = row_hashes((table, uid) for _a, table, uid, *_rest in pending) if tie_rows else {}
        actor = _storable(_actor())
        stored = []
        for action, table, record_uid, before, after, at in pending:
            uid, at = new_uid(), at.replace(microsecond=0)
            action, table, record_uid = _storable(str(action)), _storable(str(table)), _storable(record_uid or "")
            b, a, rh = _dump(before), _dump(after), tied.get((table, record_uid or ""), "")
            if rh and action == "delete" and after is None:  # a row removed in this transaction
                rh = audit_chain.DELETED
            hash_ = audit_chain.entry_digest(key, audit_chain.KEYED, prev_hash, uid, at, actor, action, table,
                                             record_uid or "", b, a, rh)
            stored.append({"uid": uid, "at": at, "actor": actor, "action": action, "table": table,
                           "record_uid": record_uid or "", "before": b, "after": a, "prev_hash": prev_hash,
                           "hash": hash_, "row_hash": rh, "scheme": audit_chain.KEYED, "created_at": at,
                           "updated_at": at})
            prev_hash = hash_
        _insert_entries(stored)
        write_head(prev_hash, count + len(stored))
        audit_anchor.after_commit()
    return stored


def _insert_entries(batch: list[dict[str, Any]]) -> None:
    """INSERT the entries at once (store.writes.insert_rows): peewee's insert_many renders every value into the
    SQL, which took a third of a large import's time."""
    fields = [AuditEntry._meta.fields[name] for name in batch[0]]
    writes.insert_rows(AuditEntry._meta.database, AuditEntry._meta.table_name, [f.column_name for f in fields],
                       [tuple(f.db_value(row[f.name]) for f in fields) for row in batch])


def record(action: str, table: str, record_uid: str = "", before: dict | None = None,
           after: dict | None = None) -> AuditEntry:
    """Append one entry; call inside the transaction of the write it describes, after the write."""
    row = _append([(action, table, record_uid or "", before, after, now())])[0]
    return AuditEntry(**row)


def record_change(action: str, instance: Model, before: dict | None) -> AuditEntry:
    return record(action, instance._meta.table_name, instance.uid, before, snapshot(instance))


def append_bulk(rows: list[tuple[str, str, str, dict | None, dict | None, dt.datetime]], *,
                tie_rows: bool = True) -> None:
    """Append many entries at once (imports, demo data): (action, table, uid, before, after, at). Demo
    summaries that count rows rather than name one pass *tie_rows* False."""
    _append(list(rows), tie_rows=tie_rows)


def verify_chain() -> list[str]:
    """Problems found in the chain and its head, empty when intact (plain English, for logs and tests; the
    full check with the head kept outside the file and the rows is services.datafile.trail)."""
    from desktop_app.services.common import audit_walk

    return [str(f) for f in audit_walk.walk_open_database().findings]
