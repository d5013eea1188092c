"""No lost updates (on a file and on a server): a save based on an older version of a record is refused,
naming who saved in between and when, and nothing of theirs is overwritten."""

from __future__ import annotations

import getpass
import threading

import pytest

from desktop_app.services.common import audit
from desktop_app.services.common.errors import StaleRecordError
from desktop_app.services.organisation import branches
from desktop_app.services.people import people
from desktop_app.store.db import database


def test_a_save_based_on_an_older_version_is_refused_and_names_who_saved(org):
    _org, branch = org
    person = people.create_person({"full_name": "Nguyễn Thị Hương", "branch": branch.id})
    opened = people.get_person(person.id).version  # two people open the same record
    first = people.update_person(person.id, {"phone": "0912345678", "version": opened})
    assert first.version == opened + 1
    with pytest.raises(StaleRecordError) as refused:
        people.update_person(person.id, {"phone": "0987654321", "workplace": "UBND xã", "version": opened})
    assert refused.value.who == getpass.getuser()
    assert refused.value.who in str(refused.value) and "09:00" in str(refused.value)
    stored = people.get_person(person.id)
    assert (stored.phone, stored.workplace, stored.version) == ("0912345678", "", opened + 1)
    # Reopened, the second person's save goes through.
    people.update_person(person.id, {"workplace": "UBND xã", "version": stored.version})
    assert people.get_person(person.id).workplace == "UBND xã"


def test_a_form_without_a_version_still_cannot_overwrite_a_newer_row(org):
    """The row a service read is checked at the save itself: a save that overtook it in between refuses."""
    _org, branch = org
    stale = branches.get_branch(branch.id)
    branches.update_branch(branch.id, {"name": "Chi bộ bản Co Muông mới"})
    stale.note = "ghi chú"
    from desktop_app.services.common.tx import atomic

    with pytest.raises(StaleRecordError), atomic():
        stale.save()
    assert branches.get_branch(branch.id).name == "Chi bộ bản Co Muông mới"


def _on_own_connection(work, barrier, results):
    def run():
        with database.connection_context():
            barrier.wait(30)
            try:
                results.append(work())
            except StaleRecordError as exc:
                results.append(exc)
    return threading.Thread(target=run)


def test_two_clients_saving_at_the_same_moment_lose_nothing(org):
    _org, branch = org
    person = people.create_person({"full_name": "Lò Văn Pấng", "branch": branch.id})
    version = person.version
    barrier, results = threading.Barrier(2), []
    threads = [_on_own_connection(lambda phone=phone: people.update_person(
        person.id, {"phone": phone, "version": version}), barrier, results) for phone in ("0911111111", "0922222222")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    refused = [r for r in results if isinstance(r, StaleRecordError)]
    saved = [r for r in results if not isinstance(r, StaleRecordError)]
    assert len(refused) == 1 and len(saved) == 1
    assert people.get_person(person.id).phone == saved[0].phone
    assert audit.verify_chain() == []


def test_the_audit_trail_stays_one_chain_under_concurrent_writers(org):
    _org, branch = org
    count = 8
    barrier, results = threading.Barrier(4), []
    threads = [_on_own_connection(lambda n=n: [people.create_person({"full_name": f"Người thứ {n}-{i}",
                                                                      "branch": branch.id}).id
                                                for i in range(count)], barrier, results) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert sum(len(r) for r in results) == 4 * count
    assert audit.verify_chain() == []
