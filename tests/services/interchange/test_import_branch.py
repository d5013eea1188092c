"""An import told to fill in a branch that does not exist is refused before any row, and writes nothing."""

from __future__ import annotations

import pytest

from desktop_app.services.common.errors import NotFoundError
from desktop_app.services.interchange import importing
from desktop_app.services.interchange.import_rows import RowInput
from desktop_app.services.organisation import branches, organisation
from desktop_app.store.models import AuditEntry, Person


@pytest.mark.parametrize("wrong", [0, -1, 9_999, 2**63, "1", [], True])
def test_a_default_branch_that_does_not_exist_is_refused(db, wrong):
    organisation.save_organisation({"name": "Đảng bộ xã Mường Ảng"})
    branch = branches.create_branch({"code": "CB01", "name": "Chi bộ 1"})
    people, entries = Person.select().count(), AuditEntry.select().count()
    rows = [RowInput(2, {"full_name": "Lò Văn Mười"})]
    with pytest.raises(NotFoundError):
        importing.import_rows("candidates", rows, default_branch_id=wrong)
    with pytest.raises(NotFoundError):
        importing.import_rows("candidates", rows, default_branch_id=wrong, dry_run=True)
    assert (Person.select().count(), AuditEntry.select().count()) == (people, entries)
    plan = importing.import_rows("candidates", rows, default_branch_id=branch.id)
    assert plan.imported == 1 and Person.get(Person.full_name == "Lò Văn Mười").branch_id == branch.id
