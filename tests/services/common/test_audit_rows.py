"""The hash of a stored row read straight from the driver (services.common.audit_rows) is the hash of the row
as peewee reads it into Python values: the trail stores the one and check compares with it, on either engine."""

from __future__ import annotations

import datetime as dt

from desktop_app.services import demo
from desktop_app.services.common import audit, audit_chain, audit_rows


def _through_peewee(model) -> dict[str, str]:
    table = model._meta.table_name
    return {row["uid"]: audit_chain.row_digest(table, row) for row in model.select().dicts()}


def test_every_row_of_every_table_hashes_as_peewee_reads_it(db):
    demo.generate("branch", seed=3, today=dt.date(2026, 11, 21))
    filled = 0
    for model in audit.MODELS.values():
        expected = _through_peewee(model)
        assert dict(audit_rows.digests(model)) == expected, model._meta.table_name
        if expected:
            filled += 1
            some = sorted(expected)[: 3]
            assert dict(audit_rows.digests(model, [*some, "no-such-uid", ""])) == {u: expected[u] for u in some}
    assert filled >= 8  # people, branches, meetings, attendance… carry dates, times and flags


def test_a_row_changed_by_hand_hashes_differently(db, org):
    _o, branch = org
    model = audit.MODELS["branch"]
    before = dict(audit_rows.digests(model, [branch.uid]))
    model.update(rural=False).where(model.uid == branch.uid).execute()
    after = dict(audit_rows.digests(model, [branch.uid]))
    assert before[branch.uid] != after[branch.uid]
