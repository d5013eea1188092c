"""The member register (danh sách đảng viên), the register of issued documents, the sign-in sheet's tally and
reprints that are the same document. Figures are counted here from the records, independently."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from desktop_app.core import clock
from desktop_app.reports import build_report, issued_copy
from desktop_app.store.models import Attendance, Branch, IssuedDocument, Meeting, Person
from tests.reports.pdf_helpers import A4_POINTS, page_sizes, page_texts, pdf_text
from tests.reports.test_report_documents import words

MEMBERS = ("official", "probationary", "exempt")


def _members(branch_id=None) -> list[Person]:
    query = Person.select().join(Branch).where(Person.status.in_(MEMBERS) & Person.deleted_at.is_null()
                                               & Branch.deleted_at.is_null())
    if branch_id is not None:
        query = query.where(Person.branch == branch_id)
    return list(query)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_member_register_of_a_branch_lists_every_member_on_landscape_pages(sample, tmp_path, lang):
    from desktop_app.services.people import people

    gone = people.create_person({"full_name": "Lê Văn Đã Xóa", "branch": sample.branch.id, "status": "official"},
                                stage_date=dt.date(2000, 1, 1))
    people.delete_person(gone.id)
    path = build_report("register", tmp_path / "r.pdf", lang=lang, branch_id=sample.branch.id)
    assert all(abs(w - A4_POINTS[1]) < 0.5 and abs(h - A4_POINTS[0]) < 0.5 for w, h in page_sizes(path))
    text = pdf_text(path)
    w = words(lang)
    members = _members(sample.branch.id)
    counts = {s: sum(1 for p in members if p.status == s) for s in MEMBERS}
    assert w.reg_totals.format(total=len(members), official=counts["official"],
                               probationary=counts["probationary"], exempt=counts["exempt"]) in text
    for header in (w.col_birth, w.col_gender, w.col_ethnicity, w.col_religion, w.col_card, w.col_status):
        assert header in text
    for person in members:
        assert person.full_name in text
    assert "Lê Văn Đã Xóa" not in text and "Tòng Văn Hải" not in text  # deleted; a candidate
    assert "Lò Thị Xuân" in text and "01/03/2026" in text  # probationary, the date of her admission decision
    assert w.col_branch not in text  # one branch: no column naming it
    assert "Lò Văn Pọm 01/01/1940" in text and w.exempt in text


def test_the_register_of_the_organisation_names_each_member_s_branch(sample, tmp_path):
    text = pdf_text(build_report("register", tmp_path / "r.pdf", lang="vi"))
    w = words("vi")
    everyone = _members()
    assert w.col_branch in text and "Chi bộ bản Ẳng Cang" in text and "Hà Văn Lâm" in text
    numbers = re.findall(r"(?:^| )(\d+) (?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+ )", text)
    assert str(len(everyone)) in numbers  # numbered 1 … N over every branch
    assert w.reg_totals.split("{")[0] in text


def test_issued_documents_are_registered_and_print_as_a_list(sample, tmp_path):
    branch = sample.branch.id
    build_report("monthly", tmp_path / "1.pdf", branch_id=branch, month="2026-10", issue=True)
    build_report("monthly", tmp_path / "2.pdf", branch_id=branch, month="2026-10", issue=True, new_version=True)
    build_report("resolution", tmp_path / "3.pdf", decision_id=sample.admission.id, issue=True)
    build_report("quota", tmp_path / "4.pdf", year=2026, issue=True)
    assert IssuedDocument.select().count() == 4
    w = words("vi")
    text = pdf_text(build_report("issued", tmp_path / "all.pdf", lang="vi", year=2026))
    for symbol in ("01-BC/CB", "02-BC/CB", "01-NQ/CB", "01-BC/ĐU"):
        assert symbol in text
    assert w.iss_total.format(n=4) in text and w.iss_replaced in text and w.iss_version.format(n=2) in text
    assert "Tòng Văn Hải" in text and "10/2026" in text
    one = pdf_text(build_report("issued", tmp_path / "one.pdf", lang="en", branch_id=branch, year=2026))
    assert "01-BC/ĐU" not in one and "01-NQ/CB" in one and words("en").iss_total.format(n=3) in one


def test_printing_an_issued_report_again_is_the_same_document(sample, tmp_path):
    """A reprint keeps the number, the date and the figures of the day it was issued; a new version counts
    what changed since, under a new number and today's date."""
    from desktop_app.services.people import people

    first = pdf_text(build_report("monthly", tmp_path / "1.pdf", branch_id=sample.branch.id, month="2026-11",
                                  issue=True))
    clock.pin(dt.datetime(2026, 11, 25, 9, 0))
    people.create_person({"full_name": "Vì Văn Mới", "branch": sample.branch.id, "status": "official"},
                         stage_date=dt.date(2026, 11, 23))
    again = pdf_text(build_report("monthly", tmp_path / "2.pdf", branch_id=sample.branch.id, month="2026-11",
                                  issue=True))
    assert again == first
    issued = issued_copy("monthly", branch_id=sample.branch.id, month="2026-11")
    assert (issued.symbol, issued.date) == ("01-BC/CB", dt.date(2026, 11, 21))
    newer = pdf_text(build_report("monthly", tmp_path / "3.pdf", branch_id=sample.branch.id, month="2026-11",
                                  issue=True, new_version=True))
    assert "Số 02-BC/CB" in newer and "ngày 25 tháng 11 năm 2026" in newer and "Vì Văn Mới" in newer
    assert "Vì Văn Mới" not in first


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_sign_in_sheet_ends_with_the_tally_and_the_two_signatures(sample, tmp_path, lang):
    w = words(lang)
    rows = [s for (s,) in Attendance.select(Attendance.status).where(
        (Attendance.meeting == sample.meeting.id) & (Attendance.status != "guest")).tuples()]
    present, excused, unexcused = (rows.count(s) for s in ("present", "excused", "unexcused"))
    pages = page_texts(build_report("signin", tmp_path / "s.pdf", lang=lang, meeting_id=sample.meeting.id))
    last = pages[-1]
    tally = w.si_tally.format(present=present, absent=excused + unexcused, excused=excused, unexcused=unexcused)
    assert tally in last
    assert last.index(tally) < last.index(w.minutes_taker) and last.index(tally) < last.index(w.chair)
    assert last.rstrip().endswith("Nguyễn Thị Hồng Nhung Lò Văn Sơn")  # the recording secretary, the chair
    # Before the minutes are adopted the figures are left to count at the meeting.
    Meeting.update(status="draft", adopted_on=None).where(Meeting.id == sample.meeting.id).execute()
    draft = page_texts(build_report("signin", tmp_path / "d.pdf", lang=lang, meeting_id=sample.meeting.id))[-1]
    assert w.si_tally.split("{")[0] + "......" in draft
