"""Records against the audit trail: each audited write stored the hash of the row it wrote, so a row edited,
removed or brought back outside the program no longer matches its last recorded state.

Rows written in bulk without an entry of their own (the demo data) are not tied to the trail and are not
checked here.
"""

from __future__ import annotations

from desktop_app.services.common import audit, audit_chain, audit_rows
from desktop_app.services.common.audit_walk import Finding, finding
from desktop_app.store.db import database

ROW_CHANGED, ROW_REMOVED, ROW_BACK = "row changed", "row removed", "row back"
EXAMPLES = 3
_SCAN = 2000  # rows tied in one table from which the table is read whole

_LATEST = ("SELECT a.table_name, a.record_uid, a.row_hash, a.id FROM auditentry a JOIN "
           "(SELECT max(id) AS id FROM auditentry WHERE row_hash != '' GROUP BY table_name, record_uid) newest "
           "ON a.id = newest.id")


def latest_states() -> dict[tuple[str, str], tuple[str, int]]:
    """{(table, uid): (row hash, entry id)} of the newest entry that tied each row."""
    return {(table, uid): (row_hash, entry_id)
            for table, uid, row_hash, entry_id in database.execute_sql(_LATEST)}


def differing_rows() -> dict[str, list[tuple[str, str, int]]]:
    """{kind: [(table, uid, entry id), …]} of the rows that differ from their last recorded state."""
    found: dict[str, list[tuple[str, str, int]]] = {ROW_CHANGED: [], ROW_REMOVED: [], ROW_BACK: []}
    by_table: dict[str, dict[str, tuple[str, int]]] = {}
    for (table, uid), state in latest_states().items():
        if table in audit.MODELS:
            by_table.setdefault(table, {})[uid] = state
    for table, states in sorted(by_table.items()):
        model = audit.MODELS[table]
        # Many rows tied (a committee's attendance): one pass over the table beats looking each one up.
        rows = audit_rows.digests(model) if len(states) > _SCAN else audit_rows.digests(model, states)
        stored = {uid: digest for uid, digest in rows if uid in states}
        for uid, (recorded, entry_id) in sorted(states.items(), key=lambda item: item[1][1]):
            digest = stored.get(uid)
            if recorded == audit_chain.DELETED:
                if digest is not None:
                    found[ROW_BACK].append((table, uid, entry_id))
            elif digest is None:
                found[ROW_REMOVED].append((table, uid, entry_id))
            elif digest != recorded:
                found[ROW_CHANGED].append((table, uid, entry_id))
    return found


def check_rows() -> list[Finding]:
    """One finding per kind of difference, with how many rows and a few of them."""
    findings = []
    for kind, rows in differing_rows().items():
        if rows:
            findings.append(finding(kind, rows[0][2], count=len(rows),
                                    examples=tuple((table, uid) for table, uid, _id in rows[:EXAMPLES])))
    return findings
