"""The audit chain of an encrypted database is keyed with a secret derived from its password
(services.common.audit_chain), so a new password means new hashes: ``rekey_connection`` translates them
entry by entry, keeping every break as it was (an entry found edited stays edited, a trail cut short stays
cut short), on the copy that will replace the file; ``write_copy`` makes that copy.
"""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from pathlib import Path

from desktop_app.i18n import _
from desktop_app.services.common import audit, audit_anchor, audit_chain, audit_walk
from desktop_app.services.common.errors import ServiceError
from desktop_app.store import backup, crypto

log = logging.getLogger(__name__)
_UPDATE = "UPDATE auditentry SET prev_hash = ?, hash = ?, scheme = ? WHERE id = ?"


def rekey_connection(conn, old_password: str | None, new_password: str | None) -> dict[str, str]:
    """Translate the chain in the database behind the DB-API connection *conn* from the key of
    *old_password* to that of *new_password* (None: no password), keeping every break. Returns
    {old hash: new hash}. The caller commits."""
    row = conn.execute("SELECT value FROM setting WHERE key = 'database.uid'").fetchone()
    database_uid = json.loads(row[0]) if row and row[0] else ""
    mapping = {audit_chain.GENESIS: audit_chain.GENESIS}
    if not database_uid:
        return mapping  # no keyed entry can verify without an identity: the check reports it as it is
    old_key = audit_chain.chain_key(database_uid, old_password)
    new_key = audit_chain.chain_key(database_uid, new_password)
    updates = []
    for entry in audit_walk.rows_as_tuples(conn.execute(audit_walk.SELECT).fetchall()):
        (id_, uid, at, actor, action, table, record_uid, before, after, prev, hash_, row_hash, scheme) = entry
        if scheme != audit_chain.KEYED:
            mapping[hash_] = hash_
            continue
        consistent = hash_ == audit_chain.entry_digest(old_key, scheme, prev, uid, at, actor, action, table,
                                                       record_uid, before, after, row_hash)
        new_prev = mapping.get(prev, prev)
        new_hash = audit_chain.entry_digest(new_key, scheme, new_prev, uid, at, actor, action, table, record_uid,
                                            before, after, row_hash) if consistent else hash_
        mapping[hash_] = new_hash
        updates.append((new_prev, new_hash, scheme, id_))
    conn.executemany(_UPDATE, updates)
    head = conn.execute("SELECT value FROM setting WHERE key = ?", (audit.HEAD_KEY,)).fetchone()
    try:
        data = json.loads(head[0]) if head and head[0] else None
        if isinstance(data, dict) and data.get("hash") in mapping:
            data["hash"] = mapping[data["hash"]]
            conn.execute("UPDATE setting SET value = ? WHERE key = ?", (json.dumps(data), audit.HEAD_KEY))
    except ValueError:  # a damaged head stays damaged: the check names it
        pass
    return mapping


def rekey_anchor(db_path: Path, mapping: dict[str, str]) -> None:
    """Translate the head kept in the data folder for *db_path* after ``rekey_connection``, so that it keeps
    saying what it said (a trail cut short before the change stays cut short)."""
    try:
        database_uid = audit.database_uid()
        anchor = audit_anchor.lookup(database_uid, db_path)
        key_id = audit_chain.key_id(audit.chain_key())
    except Exception:
        log.warning("the head kept outside %s could not follow the new password", db_path, exc_info=True)
        return
    if anchor is None:
        audit_anchor.sync()
        return
    audit_anchor.record(replace(anchor, hash=mapping.get(anchor.hash, anchor.hash), key=key_id))


def write_copy(source: Path, target: Path, *, source_key: str | None, target_key: str | None) -> dict[str, str]:
    """Write *source* (closed) to the new file *target* encrypted with *target_key* (None: plain), its audit
    chain translated to the key of the new password (rekey_connection), and check the copy.
    Returns the translation of the chain's hashes. Raises ServiceError when the copy fails its check."""
    crypto.export_copy(source, target, source_key=source_key, target_key=target_key)
    conn = crypto.connect_raw(target, passphrase=target_key or "")
    try:
        mapping = rekey_connection(conn, source_key, target_key)
        conn.commit()
        problems = backup.integrity_problems(conn)
    finally:
        conn.close()
    if problems:
        raise ServiceError(_("The protected copy failed its check; nothing was changed: {detail}").format(
            detail="; ".join(problems[:2])))
    return mapping
