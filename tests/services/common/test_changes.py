"""Writes say what they changed: each committed transaction reports the kinds of data of the tables it wrote
(services.common.changes), found by the database itself, so no caller names them."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from desktop_app.core.enums import SponsorRole, Status
from desktop_app.services.common import changes, settings
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.common.tx import atomic
from desktop_app.services.interchange import importing
from desktop_app.services.interchange.import_rows import RowInput
from desktop_app.services.organisation import branches, quotas
from desktop_app.services.people import people, sponsorships
from desktop_app.store import db as store_db
from desktop_app.store import search_index
from desktop_app.store.models import ALL_MODELS, Branch


@pytest.fixture
def heard():
    """The kinds reported to a listener, one frozenset per committed transaction."""
    said: list[frozenset[str]] = []
    changes.subscribe(said.append)
    yield said
    changes.unsubscribe(said.append)


def test_every_table_has_a_kind():
    tables = [m._meta.table_name for m in ALL_MODELS]
    tables += [search_index.PersonIndex._meta.table_name, search_index.BranchIndex._meta.table_name]
    assert [t for t in tables if t not in changes.KIND_OF_TABLE] == []


def test_each_write_reports_the_kinds_it_touched(org, heard):
    _org, branch = org
    heard.clear()
    member = people.create_person({"full_name": "Nguyễn Văn Bình", "branch": branch.id, "status": Status.OFFICIAL,
                                   "official_date": dt.date(2000, 1, 1)})
    candidate = people.create_person({"full_name": "Lò Thị Hoa", "branch": branch.id, "status": Status.PROSPECT})
    sponsorships.assign(member.id, candidate.id, SponsorRole.HELPER, dt.date(2026, 2, 10))
    quotas.set_quota(branch.id, 2026, 3)
    branches.update_branch(branch.id, {"name": "Chi bộ bản Co Muông mới"})
    settings.set(settings.BACKUP_KEEP, 4)
    assert heard == [
        {changes.PEOPLE, changes.AUDIT},
        {changes.PEOPLE, changes.AUDIT},
        {changes.SPONSORSHIPS, changes.AUDIT},
        {changes.QUOTAS, changes.AUDIT},
        {changes.BRANCHES, changes.AUDIT},
        {changes.SETTINGS, changes.AUDIT},
    ]  # the audit trail's head, kept in the settings table, is not a change of settings


def test_a_refused_or_rolled_back_write_reports_nothing(org, heard):
    heard.clear()
    with pytest.raises(ValidationError):
        quotas.set_quota(org[1].id, 2026, -1)
    with pytest.raises(RuntimeError), atomic():
        Branch.update(name="gone").execute()
        raise RuntimeError("undone")
    assert heard == []


def test_nested_transactions_report_once_when_the_outermost_commits(org, heard):
    heard.clear()
    with atomic():
        people.create_person({"full_name": "Lò Văn Đức", "branch": org[1].id})
        quotas.set_quota(org[1].id, 2026, 2)
        assert heard == []
    assert heard == [{changes.PEOPLE, changes.QUOTAS, changes.AUDIT}]


def test_rows_written_straight_through_the_driver_are_reported(org, heard):
    heard.clear()
    row = RowInput(2, {"full_name": "Quàng Văn Tú", "status": Status.OFFICIAL, "official_date": "01/01/2001"})
    plan = importing.check_rows("members", [row], default_branch_id=org[1].id)
    assert plan.accepted
    importing.write_plan(plan)
    assert heard == [{changes.PEOPLE, changes.AUDIT}]


def test_a_write_on_another_thread_is_reported_on_that_thread(org, heard):
    threads: list[str] = []
    changes.subscribe(lambda kinds: threads.append(threading.current_thread().name))

    def work() -> None:
        with store_db.database.connection_context():
            people.create_person({"full_name": "Đặng Thu Lan", "branch": org[1].id})

    heard.clear()
    worker = threading.Thread(target=work, name="writer")
    worker.start()
    worker.join()
    assert heard == [{changes.PEOPLE, changes.AUDIT}] and "writer" in threads


def test_a_table_without_a_kind_of_its_own_is_named_by_itself():
    assert changes.kinds_of(["meeting", "fee_ledger"]) == {changes.MEETINGS, "fee_ledger"}


def test_a_listener_method_does_not_keep_its_object_alive(db):
    class Listener:
        def __call__(self, kinds):
            pass

        def heard(self, kinds):
            raise AssertionError("a dead listener was called")

    listener = Listener()
    changes.subscribe(listener.heard)
    del listener
    settings.set(settings.BACKUP_KEEP, 3)  # would raise if the listener were still called
