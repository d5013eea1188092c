"""The read-only queries behind the documents (services.report_data)."""

from __future__ import annotations

import datetime as dt

from desktop_app.core.enums import Stage, Status
from desktop_app.services.documents import report_data
from desktop_app.services.organisation import organisation
from desktop_app.services.people import people
from desktop_app.store.models import Person, StageEvent
from tests.reports.conftest import TODAY, _person

D = dt.date


def test_committee_of_a_party_organisation():
    assert report_data.committee_name("Đảng bộ xã Mường Ảng") == "Đảng ủy xã Mường Ảng"
    assert report_data.committee_name("ĐẢNG BỘ PHƯỜNG HẢI CHÂU") == "ĐẢNG ỦY PHƯỜNG HẢI CHÂU"
    assert report_data.committee_name("Chi bộ Trường THPT Trần Phú") == "Chi bộ Trường THPT Trần Phú"


def test_issuer_of_branch_and_organisation_documents(sample):
    branch = report_data.issuer_for(sample.branch.id)
    assert (branch.superior, branch.issuer, branch.symbol, branch.signer) == (
        "Đảng bộ xã Mường Ảng", "Chi bộ bản Co Muông", "CB", "Lò Văn Sơn")
    assert branch.report_to == "Đảng ủy xã Mường Ảng" and branch.is_branch
    whole = report_data.issuer_for(None)
    assert (whole.superior, whole.issuer, whole.symbol, whole.is_branch) == (
        "Đảng bộ tỉnh Điện Biên", "Đảng ủy xã Mường Ảng", "ĐU", False)
    assert branch.counter_key != whole.counter_key and branch.term == whole.term == "2025-2030"


def test_a_grassroots_branch_issues_under_its_own_name(sample):
    organisation.save_organisation({"is_grassroots_branch": True, "issuer_code": "CB",
                                    "superior_committee": "Đảng ủy Khối cơ quan tỉnh"})
    issuer = report_data.issuer_for(sample.branch.id)
    assert issuer.superior == "Đảng bộ tỉnh Điện Biên" and issuer.issuer == "Đảng bộ xã Mường Ảng"
    assert issuer.report_to == "Đảng ủy Khối cơ quan tỉnh" and issuer.is_branch


def test_status_counts_of_a_past_month_come_from_the_dated_history(sample):
    now = report_data.statuses_on(sample.branch.id, TODAY, today=TODAY)
    assert now[Status.OFFICIAL] == 7 and now[Status.EXEMPT] == 1 and now[Status.PROBATIONARY] == 1
    # In February 2026 Xuân was still an applicant, Pọm already exempt, Mai and Khánh not yet on the lists.
    before = report_data.statuses_on(sample.branch.id, D(2026, 2, 28), today=TODAY)
    assert before.get(Status.PROBATIONARY, 0) == 0
    assert before[Status.APPLICANT] == 2  # Xuân and Hải
    assert before[Status.EXEMPT] == 1
    assert before.get(Status.PROSPECT, 0) == 0


def test_quota_counts_each_person_once_and_reads_free_text_spellings(sample):
    # A second admission decision for the same person (a corrected date) still counts one person.
    people.record_stage(sample.tien.id, Stage.ADMISSION_DECISION, D(2026, 6, 9))
    # Free-text ethnicity and religion in other spellings.
    Person.update(ethnicity="kinh ", religion="Phật giáo").where(Person.id == sample.tien.id).execute()
    Person.update(ethnicity="Thái", religion="khong").where(Person.id == sample.xuan.id).execute()
    data = report_data.quota_data(2026, as_of=TODAY)
    assert data.total.admitted == 2
    assert data.total.religious == 1  # "Phật giáo" only; "khong" means none
    assert data.total.ethnic == 1  # "kinh " is the majority
    assert data.total.categories["farmer"] == 1 and data.total.categories["worker"] == 1
    assert data.organisation_target == 5 and data.total.target == 4 and data.target == 5
    assert data.branches_admitting == 2


def test_quota_counts_up_to_the_day_and_only_the_year(sample):
    assert report_data.quota_data(2026, as_of=D(2026, 5, 31)).total.admitted == 1  # Tiến came in June
    assert report_data.quota_data(2025, as_of=TODAY).total.admitted == 0


def test_age_18_to_30_is_counted_on_the_decision_date(sample):
    # Born 02/03/1995: 30 on 01/03/2026 (the day before the 31st birthday counts as 30).
    Person.update(birth_date=D(1995, 3, 2)).where(Person.id == sample.xuan.id).execute()
    assert report_data.quota_data(2026, as_of=TODAY).total.age_18_30 == 1
    Person.update(birth_date=D(1995, 3, 1)).where(Person.id == sample.xuan.id).execute()  # 31 that day
    assert report_data.quota_data(2026, as_of=TODAY).total.age_18_30 == 0


def test_quota_over_many_branches_groups_in_the_database(org):
    from desktop_app.services.organisation import branches

    _org, first = org
    ids = [first.id] + [branches.create_branch({"code": f"B{i:03d}", "name": f"Chi bộ {i}"}).id for i in range(40)]
    for i, bid in enumerate(ids):
        for j in range(i % 3):
            p = _person(f"Người Số {i} {j}", Status.APPLICANT, bid, stage_date=D(2026, 1, 5),
                        gender="female" if j else "male")
            StageEvent.create(person=p, stage=Stage.ADMISSION_DECISION, date=D(2026, 2, 1 + j))
    data = report_data.quota_data(2026, as_of=TODAY)
    assert len(data.branches) == 41
    assert data.total.admitted == sum(i % 3 for i in range(41))
    assert data.total.women == sum(1 for i in range(41) if i % 3 == 2)
    assert data.branches_admitting == sum(1 for i in range(41) if i % 3)


def test_candidates_data_lists_dossier_and_steps(sample):
    data = report_data.candidates_data(sample.branch.id, TODAY)
    hai = next(c for c in data.candidates if c.name == "Tòng Văn Hải")
    assert hai.stage == Stage.BRANCH_RESOLUTION and hai.stage_date == D(2026, 11, 3)
    assert hai.certificate_date == D(2025, 6, 20) and hai.certificate_expires == D(2030, 6, 20)
    assert hai.missing == ("3-KNĐ", "5-KNĐ")
    assert [d.kind for d in hai.deadlines] == ["decision"]
    mai = next(c for c in data.candidates if c.name == "Quàng Thị Mai")
    assert mai.required == () and mai.deadlines == ()
    assert [p.name for p in data.probationary] == ["Lò Thị Xuân"]
    assert data.probationary[0].probation_end == D(2027, 3, 15)


def test_sponsor_loads_include_members_without_assignments_for_one_branch_only(sample):
    one = report_data.sponsors_data(sample.branch.id, TODAY)
    assert one.loads[0] == ("Nguyễn Thị Hồng Nhung", 2)
    assert ("Lò Văn Sơn", 0) in one.loads
    everyone = report_data.sponsors_data(None, TODAY)
    assert all(n > 0 for _name, n in everyone.loads)
    assert len(everyone.lines) == 4
