"""services: organisation, branches, sponsorships, quotas, settings and the audit chain."""

import datetime as dt
import json

import pytest

from desktop_app.core.enums import SponsorRole, Stage, Status
from desktop_app.services.common import audit, settings
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.organisation import branches, organisation, quotas
from desktop_app.services.people import people, search, sponsorships
from desktop_app.store.models import AuditEntry, Branch, Sponsorship


def test_organisation_requires_a_name(db):
    with pytest.raises(ValidationError) as info:
        organisation.save_organisation({"name": " "})
    assert "name" in info.value.errors
    assert organisation.get_organisation() is None


def test_branch_needs_organisation_code_and_unique_code(db):
    with pytest.raises(ValidationError):
        branches.create_branch({"code": "A", "name": "Chi bộ A"})
    organisation.save_organisation({"name": "Đảng bộ xã X"})
    branches.create_branch({"code": "A", "name": "Chi bộ A"})
    with pytest.raises(ValidationError) as info:
        branches.create_branch({"code": "A", "name": "Chi bộ khác"})
    assert "code" in info.value.errors
    with pytest.raises(ValidationError) as info:
        branches.create_branch({"code": "B", "name": "Chi bộ B", "kind": "spaceship"})
    assert "kind" in info.value.errors
    assert Branch.select().count() == 1


def test_branch_search_and_member_counts(org):
    _, branch = org
    people.create_person({"full_name": "A B C", "branch": branch.id, "status": Status.OFFICIAL})
    people.create_person({"full_name": "A B D", "branch": branch.id, "status": Status.PROBATIONARY})
    row = branches.list_branches()[0]
    assert row.counts == {Status.OFFICIAL: 1, Status.PROBATIONARY: 1} and row.members == 2
    assert [h.id for h in search.search_branches("co muong")] == [branch.id]


def test_secretary_must_be_a_member(org):
    _, branch = org
    candidate = people.create_person({"full_name": "Quần Chúng", "branch": branch.id})
    with pytest.raises(ValidationError):
        branches.update_branch(branch.id, {"secretary": candidate.id})
    member = people.create_person({"full_name": "Bí Thư", "branch": branch.id, "status": Status.OFFICIAL})
    branches.update_branch(branch.id, {"secretary": member.id})
    assert branches.list_branches()[0].secretary == "Bí Thư"


def test_branch_with_members_cannot_be_deleted_empty_one_can_and_restores(org):
    _, branch = org
    p = people.create_person({"full_name": "A B C", "branch": branch.id, "status": Status.OFFICIAL})
    with pytest.raises(ValidationError):
        branches.delete_branch(branch.id)
    people.delete_person(p.id)
    branches.delete_branch(branch.id)
    assert branches.list_branches() == []
    branches.restore_branch(branch.id)
    assert len(branches.list_branches()) == 1


def test_sponsor_must_be_official_and_assignment_ends(org):
    _, branch = org
    official = people.create_person({"full_name": "Đảng Viên", "branch": branch.id, "status": Status.OFFICIAL})
    probation = people.create_person({"full_name": "Dự Bị", "branch": branch.id, "status": Status.PROBATIONARY})
    candidate = people.create_person({"full_name": "Cảm Tình", "branch": branch.id, "status": Status.SYMPATHISER})
    with pytest.raises(ValidationError) as info:
        sponsorships.assign(probation.id, candidate.id, SponsorRole.HELPER, dt.date(2026, 1, 3))
    assert "sponsor" in info.value.errors
    with pytest.raises(ValidationError):
        sponsorships.assign(official.id, official.id, SponsorRole.HELPER, dt.date(2026, 1, 3))
    with pytest.raises(ValidationError):  # a probationary member has no introducer
        sponsorships.assign(official.id, probation.id, SponsorRole.INTRODUCER, dt.date(2026, 1, 3))
    s = sponsorships.assign(official.id, candidate.id, SponsorRole.HELPER, dt.date(2026, 1, 3))
    with pytest.raises(ValidationError):
        sponsorships.assign(official.id, candidate.id, SponsorRole.HELPER, dt.date(2026, 2, 3))
    assert sponsorships.loads() == [(official.id, "Đảng Viên", 1)]
    with pytest.raises(ValidationError):
        sponsorships.end(s.id, dt.date(2025, 1, 1), "before the start")
    sponsorships.end(s.id, dt.date(2026, 6, 3), "Đã kết nạp")
    assert Sponsorship.get_by_id(s.id).end == dt.date(2026, 6, 3)
    assert sponsorships.loads() == [(official.id, "Đảng Viên", 0)]
    assert [r.person_name for r in sponsorships.by_sponsor(official.id)] == ["Cảm Tình"]


def test_quota_progress_counts_admission_decisions_of_the_year(org):
    _, branch = org
    p = people.create_person({"full_name": "Mới Vào", "branch": branch.id, "status": Status.APPLICANT,
                              "birth_date": "01/01/2000"})
    people.record_stage(p.id, Stage.ADMISSION_DECISION, dt.date(2026, 4, 2))
    quotas.set_quota(branch.id, 2026, 4)
    quotas.set_quota(branch.id, 2026, 2)  # updates, does not duplicate
    assert quotas.quotas(2026) == {branch.id: 2}
    from desktop_app.services.documents import report_data

    line = report_data.quota_data(2026).branches[0]
    assert (line.branch_id, line.code, line.target, line.admitted) == (branch.id, "CB01", 2, 1)
    with pytest.raises(ValidationError):
        quotas.set_quota(branch.id, 2026, -1)
    with pytest.raises(ValidationError):
        quotas.set_quota(branch.id, 1800, 1)


def test_settings_round_trip_with_defaults(db):
    assert settings.get("backup.keep") == 10
    assert settings.get("unknown.key", "x") == "x"
    settings.set("backup.keep", 5)
    settings.set("language", "en")
    assert settings.get("backup.keep") == 5 and settings.get("language") == "en"


def test_every_write_is_audited_and_the_chain_verifies(org):
    p = people.create_person({"full_name": "A B C"})
    people.update_person(p.id, {"phone": "1"})
    people.delete_person(p.id)
    actions = [e.action for e in AuditEntry.select().order_by(AuditEntry.id)]
    assert actions[-3:] == ["create", "update", "delete"]
    assert audit.verify_chain() == []


def test_editing_an_audit_entry_breaks_the_chain(org):
    people.create_person({"full_name": "A B C"})
    entry = AuditEntry.select().order_by(AuditEntry.id).first()
    AuditEntry.update(after=json.dumps({"full_name": "forged"})).where(AuditEntry.id == entry.id).execute()
    problems = audit.verify_chain()
    assert problems and f"entry {entry.id}" in problems[0]


def test_deleting_an_audit_entry_breaks_the_chain(org):
    people.create_person({"full_name": "A B C"})
    people.create_person({"full_name": "D E F"})
    middle = AuditEntry.select().order_by(AuditEntry.id).offset(1).first()
    AuditEntry.delete().where(AuditEntry.id == middle.id).execute()
    assert audit.verify_chain()


def test_deleting_the_newest_audit_entry_is_detected(org):
    people.create_person({"full_name": "A B C"})
    last = AuditEntry.select().order_by(AuditEntry.id.desc()).first()
    AuditEntry.delete().where(AuditEntry.id == last.id).execute()
    assert audit.verify_chain()


def test_bulk_audit_entries_chain_with_single_ones(org):
    audit.append_bulk([("create", "person", "u1", None, {"a": 1}, dt.datetime(2026, 1, 1)),
                       ("create", "person", "u2", None, {"a": 2}, dt.datetime(2026, 1, 2))])
    people.create_person({"full_name": "A B C"})
    assert audit.verify_chain() == []
