"""Masked identifiers, logged reveals (services.privacy) and reading the trail (services.audit_log)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.core import clock
from desktop_app.services.common import settings
from desktop_app.services.common.errors import NotFoundError, ServiceError
from desktop_app.services.datafile import audit_log
from desktop_app.services.people import people, privacy
from desktop_app.store.models import AuditEntry


@pytest.mark.parametrize("value, masked", [
    ("001070000123", "00107*****23"),
    ("", ""),
    (None, ""),
    ("12", "**"),
])
def test_mask_cccd(value, masked):
    assert privacy.mask_cccd(value) == masked


def test_other_masks_hide_the_middle_or_start():
    assert privacy.mask_phone("0912345678") == "091****678"
    assert privacy.mask_card("12345678") == "*****678"
    assert "345" not in privacy.mask_card("12345678")


def test_lists_follow_the_masking_setting(db):
    assert privacy.shown("cccd", "001070000123") == "00107*****23"
    assert privacy.shown("full_name", "Lò Văn Mười") == "Lò Văn Mười"
    settings.set(privacy.SETTING, False)
    assert privacy.shown("cccd", "001070000123") == "001070000123"


def test_each_reveal_is_audited(org):
    person = people.create_person({"full_name": "Lò Văn Mười", "cccd": "001070000123"})
    assert privacy.reveal(person.id, "cccd") == "001070000123"
    assert privacy.reveal(person.id, "cccd") == "001070000123"
    reveals = list(AuditEntry.select().where(AuditEntry.action == "reveal"))
    assert len(reveals) == 2 and reveals[0].record_uid == person.uid and '"cccd"' in reveals[0].after
    with pytest.raises(ServiceError):
        privacy.reveal(person.id, "full_name")
    with pytest.raises(NotFoundError):
        privacy.reveal(999, "cccd")


def test_audit_log_filters_and_labels(org):
    _org, branch = org
    person = people.create_person({"full_name": "Nguyễn Thị Hương", "branch": branch.id})
    people.update_person(person.id, {"phone": "0912345678"})
    rows = audit_log.list_entries(table="person")
    assert [r.action for r in rows] == ["update", "create"]  # newest first
    assert rows[0].record_label == "Nguyễn Thị Hương" and rows[0].changes == ("phone",)
    assert [r.id for r in audit_log.list_entries(text="huong")] == [r.id for r in rows]
    assert audit_log.list_entries(action="update", table="branch") == []
    assert audit_log.count_entries(table="person") == 2
    assert "create" in audit_log.actions() and "person" in audit_log.tables()
    tomorrow = clock.today() + dt.timedelta(days=1)
    assert audit_log.list_entries(since=tomorrow) == []
    assert len(audit_log.list_entries(until=clock.today(), limit=1)) == 1
