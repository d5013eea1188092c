"""Putting the audit trail back in order, never silently.

``repair`` is for committee staff after ``check`` found the trail altered: it re-anchors the chain on the
entries as they now stand (hashes recomputed from the first broken entry, the head rewritten, the copy of
the head outside the file taken over), records every record that differs from its last recorded state
as it now is, and ends with an entry saying who repaired, why, and what was found. The findings stay
in the trail; only the chain is made whole again, so later tampering is detected again.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from desktop_app.i18n import _
from desktop_app.services.common import audit, audit_anchor, audit_chain, audit_walk
from desktop_app.services.common.errors import ServiceError
from desktop_app.services.common.tx import atomic
from desktop_app.services.common.validation import Checker
from desktop_app.services.datafile import trail, trail_findings, trail_rows
from desktop_app.store.db import database
from desktop_app.store.models import Setting, new_uid, now

log = logging.getLogger(__name__)
_UPDATE = "UPDATE auditentry SET prev_hash = ?, hash = ?, scheme = ? WHERE id = ?"
_BROKEN = (audit_walk.EDITED, audit_walk.REMOVED, audit_walk.INSERTED, audit_walk.OLD_FORM)


@dataclass(frozen=True)
class RepairResult:
    findings: list[str]  # what was found, in the user's language, as recorded
    rechained: int  # entries whose hashes were recomputed
    records: int  # records taken as they now are


def may_repair() -> bool:
    """Whether the person at this computer may repair the trail. Until accounts with roles exist, whoever
    opens the database may, naming themselves and their reason in the entry the repair leaves."""
    return True


def _check_request(by: object, reason: object) -> tuple[str, str]:
    checker = Checker({"by": by, "reason": reason})
    by = checker.text("by", required=True, max_length=200, name=True, label=_("Your name and position"))
    reason = checker.text("reason", required=True, max_length=2000, label=_("Reason"))
    if reason is not None and len(reason) < 10:
        checker.fail("reason", _("Say in a sentence why the trail is repaired (at least 10 characters)."))
    clean = checker.done()
    return clean["by"], clean["reason"]


def _rechain(start: int, key: bytes) -> int:
    """Recompute the hash of every entry from position *start* on (an entry in the older form after keyed
    ones becomes keyed); returns how many were rewritten."""
    rows = list(database.execute_sql(audit_walk.SELECT))
    if not rows:
        return 0
    prev_hash = rows[start - 2][10] if start > 1 else audit_chain.GENESIS
    keyed_seen = any(r[12] == audit_chain.KEYED for r in rows[:start - 1])
    updates = []
    for row in rows[start - 1:]:
        (id_, uid, at, actor, action, table, record_uid, before, after, _prev, _hash, row_hash, scheme) = row
        scheme = audit_chain.KEYED if keyed_seen or scheme == audit_chain.KEYED else scheme
        keyed_seen = keyed_seen or scheme == audit_chain.KEYED
        hash_ = audit_chain.entry_digest(key, scheme, prev_hash, uid, at, actor, action, table, record_uid,
                                         before, after, row_hash)
        updates.append((prev_hash, hash_, scheme, id_))
        prev_hash = hash_
    database.obj.connection().executemany(_UPDATE, updates)
    audit.write_head(prev_hash, len(rows))
    return len(updates)


def _new_identity() -> None:
    value = json.dumps(new_uid())
    if not Setting.update(value=value, updated_at=now()).where(Setting.key == "database.uid").execute():
        Setting.create(key="database.uid", value=value)


def _accepted_rows() -> list[tuple]:
    """An entry for each record that differs from its last recorded state: before as recorded, after as it
    is now (the entry ties the row's present hash)."""
    from desktop_app.store.models import AuditEntry

    pending = []
    for _kind, rows in trail_rows.differing_rows().items():
        for table, uid, entry_id in rows:
            recorded = AuditEntry.get_by_id(entry_id).after
            model = audit.MODELS[table]
            row = model.get_or_none(model.uid == uid)
            pending.append(("repair", table, uid, json.loads(recorded) if recorded else None,
                            audit.snapshot(row), now()))
    return pending


def repair(by: str, reason: str) -> RepairResult:
    """Re-anchor the open database's trail after ``check`` found it altered (see the module). Raises
    ValidationError for a missing name or reason, ServiceError when there is nothing to repair."""
    by, reason = _check_request(by, reason)
    if not may_repair():
        raise ServiceError(_("Only committee staff may repair the audit trail."))
    report = trail.check_trail()
    if report.intact:
        raise ServiceError(_("The audit trail is intact: there is nothing to repair."))
    found = trail_findings.messages(report.findings)
    kinds = {f.kind for f in report.findings}
    with atomic():
        if audit_walk.NO_IDENTITY in kinds:
            _new_identity()
        key = audit.chain_key()
        start = report.first_broken
        if audit_walk.NO_IDENTITY in kinds:
            start = 1
        rechained = _rechain(start, key) if start else 0
        try:
            audit.read_head()
            head_ok = audit.newest_hash() == audit.read_head()[0]
        except audit.AuditTrailError:
            head_ok = False
        if not head_ok or audit_walk.HEAD_MISMATCH in kinds:
            count = database.execute_sql("SELECT count(*) FROM auditentry").fetchone()[0]
            audit.write_head(audit.newest_hash(), count)
        accepted = _accepted_rows()
        audit.append_bulk(accepted)
        audit.record("repair", "database", "", None, {
            "by": by, "reason": reason, "found": [str(f) for f in report.findings], "said": found,
            "rechained_from": start, "rechained": rechained, "records": len(accepted)})
    audit_anchor.claim()
    log.warning("audit trail repaired by %s (%s): %s", by, reason, "; ".join(str(f) for f in report.findings))
    return RepairResult(found, rechained, len(accepted))
