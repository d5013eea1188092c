"""A small branch with a month of history, for the printed documents.

People, branches, quotas and sponsorships go through the services; the meeting (already held
and adopted) is written with the models, as it stands in the minutes book.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

D = dt.date
MEETING_DAY = D(2026, 11, 3)
TODAY = D(2026, 11, 21)


def _person(name: str, status: str, branch_id: int, *, stage_date: dt.date, **extra):
    from desktop_app.services.people import people

    data = {"full_name": name, "branch": branch_id, "status": status, **extra}
    return people.create_person(data, stage_date=stage_date)


@pytest.fixture
def sample(org):
    from desktop_app.core.enums import AttendanceStatus as A
    from desktop_app.core.enums import DecisionKind, MeetingKind, Stage, Status
    from desktop_app.services.organisation import branches, quotas
    from desktop_app.services.people import people, sponsorships
    from desktop_app.store.models import ActionItem, Attendance, Decision, DossierItem, Meeting, ProgressNote

    _org, b = org
    son = _person("Lò Văn Sơn", Status.OFFICIAL, b.id, stage_date=D(2008, 5, 19), birth_date=D(1975, 2, 1))
    nhung = _person("Nguyễn Thị Hồng Nhung", Status.OFFICIAL, b.id, stage_date=D(2012, 3, 1), gender="female")
    minh = _person("Quàng Văn Minh", Status.OFFICIAL, b.id, stage_date=D(2015, 6, 1))
    dung = _person("Lường Thị Dung", Status.OFFICIAL, b.id, stage_date=D(2016, 9, 2), gender="female",
                   ethnicity="Thái")
    tuoi = _person("Cà Văn Tươi", Status.OFFICIAL, b.id, stage_date=D(2018, 1, 5), ethnicity="Thái")
    duc = _person("Đặng Văn Đức", Status.OFFICIAL, b.id, stage_date=D(2019, 4, 4))
    hoa = _person("Vũ Thị Hoa", Status.OFFICIAL, b.id, stage_date=D(2020, 7, 7), gender="female")
    pom = _person("Lò Văn Pọm", Status.OFFICIAL, b.id, stage_date=D(1990, 1, 1), birth_date=D(1940, 1, 1))
    people.record_stage(pom.id, Stage.EXEMPTED, D(2024, 1, 10))
    # Admitted this year: a young Thái woman, Youth Union member and farmer (counts in every breakdown).
    xuan = _person("Lò Thị Xuân", Status.APPLICANT, b.id, stage_date=D(2025, 9, 1), gender="female",
                   ethnicity="Thái", religion="Không", birth_date=D(2001, 4, 12), youth_union=True,
                   categories="farmer", home_town="Mường Ảng, Điện Biên", residence="Bản Co Muông",
                   education="12/12", occupation="Làm nông")
    people.record_stage(xuan.id, Stage.ADMISSION_DECISION, D(2026, 3, 1), document_ref="125-QĐ/ĐU")
    people.record_stage(xuan.id, Stage.CEREMONY, D(2026, 3, 15))
    # Candidates.
    hai = _person("Tòng Văn Hải", Status.APPLICANT, b.id, stage_date=D(2026, 2, 10), birth_date=D(1998, 8, 20),
                  ethnicity="Thái", youth_union=True, home_town="Ẳng Nưa, Mường Ảng", residence="Bản Co Muông",
                  education="12/12", occupation="Giáo viên", workplace="Trường Tiểu học Mường Ảng")
    people.record_stage(hai.id, Stage.AWARENESS_CLASS, D(2025, 6, 20))
    mai = _person("Quàng Thị Mai", Status.PROSPECT, b.id, stage_date=D(2026, 5, 1), gender="female")
    people.record_stage(mai.id, Stage.SYMPATHISER_LIST, MEETING_DAY)
    khanh = _person("Lò Văn Khánh", Status.PROSPECT, b.id, stage_date=D(2026, 8, 1))
    branches.update_branch(b.id, {"secretary": son.id})
    # A second branch that admitted a man of the Kinh majority, a worker.
    b2 = branches.create_branch({"code": "CB02", "name": "Chi bộ bản Ẳng Cang", "kind": "village", "rural": True})
    lam = _person("Hà Văn Lâm", Status.OFFICIAL, b2.id, stage_date=D(2010, 1, 1))
    tien = _person("Trần Văn Tiến", Status.APPLICANT, b2.id, stage_date=D(2025, 10, 1), birth_date=D(1985, 1, 1),
                   categories="worker")
    people.record_stage(tien.id, Stage.ADMISSION_DECISION, D(2026, 6, 2))
    quotas.set_quota(b.id, 2026, 2)
    quotas.set_quota(b2.id, 2026, 2)
    quotas.set_quota(None, 2026, 5)
    sponsorships.assign(nhung.id, hai.id, "helper", D(2025, 12, 1))
    sponsorships.assign(minh.id, hai.id, "introducer", D(2026, 3, 1), together_since=D(2020, 1, 1))
    sponsorships.assign(dung.id, xuan.id, "probation_helper", D(2026, 3, 15))
    sponsorships.assign(nhung.id, mai.id, "helper", MEETING_DAY)
    for code, day in (("CN-NTVĐ", D(2025, 6, 20)), ("1-KNĐ", D(2026, 2, 10)), ("2-KNĐ", D(2026, 4, 1))):
        DossierItem.create(person=hai, code=code, date=day, status="received")

    meeting = Meeting.create(
        branch=b, date=MEETING_DAY, kind=MeetingKind.REGULAR, place="Nhà văn hóa bản Co Muông",
        start_time="14:00", end_time="16:30", chair=son, secretary=nhung, fees_collected=240000,
        evaluation="Chi bộ hoàn thành tốt nhiệm vụ tháng 10.\nĐảng viên tham gia đầy đủ các phong trào.",
        current_affairs="Quán triệt Chỉ thị 50-CT/TW về nâng cao chất lượng sinh hoạt chi bộ.",
        next_tasks="Hoàn thiện hồ sơ kết nạp đảng viên.\nVận động nhân dân thu hoạch lúa mùa.",
        discussion="Các đồng chí thống nhất với báo cáo & đề nghị <bổ sung> chỉ tiêu.",
        conclusion="Chủ tọa kết luận: chi bộ thống nhất các nhiệm vụ tháng 12.", status="adopted",
        adopted_on=MEETING_DAY)
    present = [son, nhung, minh, dung, hoa]
    for p in present:
        Attendance.create(meeting=meeting, person=p, status=A.PRESENT, member_status=Status.OFFICIAL)
    Attendance.create(meeting=meeting, person=xuan, status=A.PRESENT, member_status=Status.PROBATIONARY)
    Attendance.create(meeting=meeting, person=tuoi, status=A.EXCUSED, reason="ốm", member_status=Status.OFFICIAL,
                      reason_accepted=True)
    Attendance.create(meeting=meeting, person=duc, status=A.UNEXCUSED, member_status=Status.OFFICIAL)
    Attendance.create(meeting=meeting, person=pom, status=A.EXEMPT, member_status=Status.EXEMPT)
    Attendance.create(meeting=meeting, person=lam, status=A.GUEST, member_status=Status.OFFICIAL)
    admission = Decision.create(meeting=meeting, kind=DecisionKind.ADMISSION, subject=hai,
                                title="Đề nghị kết nạp quần chúng Tòng Văn Hải vào Đảng",
                                text="Quần chúng Tòng Văn Hải có lập trường tư tưởng vững vàng.", yes=5, no=0,
                                abstain=0, denominator=6, passed=True)
    ordinary = Decision.create(meeting=meeting, kind=DecisionKind.ORDINARY, title="Thông qua nghị quyết tháng 11",
                               yes=5, no=0, abstain=0, denominator=6, passed=True)
    people.record_stage(hai.id, Stage.BRANCH_RESOLUTION, MEETING_DAY)
    ProgressNote.create(person=hai, author=nhung, meeting=meeting, date=MEETING_DAY,
                        strengths="Nhiệt tình, gương mẫu.", weaknesses="Còn ngại phát biểu.",
                        recommendation="Đề nghị chi bộ xét kết nạp.")
    ActionItem.create(meeting=meeting, text="Hoàn thiện hồ sơ đề nghị kết nạp quần chúng Tòng Văn Hải",
                      responsible=son, due=D(2026, 11, 30))
    ActionItem.create(meeting=meeting, text="Thu đảng phí quý IV", responsible=hoa, due=D(2026, 11, 10), done=True,
                      done_on=D(2026, 11, 9))
    return SimpleNamespace(branch=b, branch2=b2, meeting=meeting, admission=admission, ordinary=ordinary,
                           son=son, nhung=nhung, hai=hai, xuan=xuan, mai=mai, khanh=khanh, tien=tien)
