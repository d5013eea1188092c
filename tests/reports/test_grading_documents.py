"""The year-end documents: the grading report of a branch and of the organisation, the branch's grading resolution,
the badge list (that of 03/02/2027 prints) and the workbook. Every figure is checked against counts the test makes
its own way, from the stored rows (SQL, plain loops), never through the code under test."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook
from pdf_helpers import font_problems, pdf_text

from desktop_app import i18n
from desktop_app.core import clock
from desktop_app.core.enums import Stage
from desktop_app.interchange.grading_export import export_grading
from desktop_app.reports import build_report
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.organisation import branches
from desktop_app.services.people import people
from desktop_app.services.year import branch_grades, discipline, member_grades, rounds
from tests import recount

D = dt.date
GRADES = ("excellent", "good", "completed", "not_completed")
LABELS_VI = ("Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ",
             "Không hoàn thành nhiệm vụ")


def _member(name, branch_id, admitted, status="official"):
    return people.create_person({"full_name": name, "branch": branch_id, "status": status,
                                 "joined_branch_date": D(2015, 1, 1), "admission_date": admitted},
                                stage_date=D(2015, 1, 1)).id


@pytest.fixture
def graded(org):
    """CB01: 13 members graded and decided, one exempt, one admitted in July (not graded), one disciplined;
    CB02: 5 members with the branch's proposals only. The committee graded CB01."""
    _org, b1 = org
    b2 = branches.create_branch({"code": "CB02", "name": "Chi bộ bản Ẳng Cang", "kind": "village"})
    clock.pin(dt.datetime(2027, 1, 20, 9, 0))
    first = [_member(f"Lò Văn Số {n:02d}", b1.id, D(1997, 2, 3) if n == 0 else D(2001, 1, 1) + dt.timedelta(days=n))
             for n in range(13)]
    exempt = _member("Quàng Văn Miễn", b1.id, D(1980, 1, 1))
    people.record_stage(exempt, Stage.EXEMPTED, D(2026, 2, 1))
    new = people.create_person({"full_name": "Cà Thị Mới", "branch": b1.id, "status": "probationary",
                                "admission_date": D(2026, 7, 1), "ceremony_date": D(2026, 7, 10)}).id
    punished = _member("Lường Văn Phạt", b1.id, D(2005, 1, 1))
    discipline.record(punished, {"kind": "reprimand", "decided_on": D(2026, 8, 1), "reason": "Vi phạm sinh hoạt."})
    second = [_member(f"Hà Thị Hai {n}", b2.id, D(2003, 5, 5)) for n in range(5)]
    rounds.open_round(2026, D(2026, 12, 15), opened_on=D(2026, 11, 20))
    rounds.set_branch_meeting(2026, b1.id, meeting_on=D(2026, 12, 19), voters=14)
    rounds.set_branch_meeting(2026, b2.id, meeting_on=D(2026, 12, 22), voters=5)
    plan = ["excellent", "excellent"] + ["good"] * 10 + ["completed"]
    for pid, grade in zip(first, plan, strict=True):
        member_grades.set_grade(2026, pid, "branch", grade, yes=13 if grade == "completed" else None)
    member_grades.set_grade(2026, punished, "branch", "not_completed")
    member_grades.decide(2026, b1.id, D(2027, 1, 8))
    for pid, grade in zip(second, ["good", "good", "good", "completed", "excellent"], strict=True):
        member_grades.set_grade(2026, pid, "branch", grade)
    branch_grades.propose(2026, b1.id, "good")
    branch_grades.grade_branch(2026, b1.id, "good", D(2027, 1, 10))
    return SimpleNamespace(b1=b1, b2=b2, first=first, exempt=exempt, new=new, punished=punished, second=second)


def _counts(branch_id: int | None) -> dict[str, int]:
    """{grade: members} of the grade that counts (the committee's when decided, else the proposal), by SQL."""
    where = "" if branch_id is None else f"AND m.branch_id = {int(branch_id)}"
    rows = recount.query(
        "SELECT CASE WHEN m.committee_on IS NOT NULL THEN m.committee_grade ELSE m.branch_grade END AS g, count(*) "
        f"FROM membergrade m JOIN gradinground r ON r.id = m.round_id WHERE r.year = 2026 {where} GROUP BY g"
    )
    return {grade: n for grade, n in rows if grade}


def _percent(part: int, whole: int, lang: str) -> str:
    """part / whole in hundredths of a percent, rounded half up, as text (integers only)."""
    hundredths = (2 * 10000 * part + whole) // (2 * whole)
    whole_part, rest = divmod(hundredths, 100)
    mark = "," if lang == "vi" else "."
    if rest == 0:
        return f"{whole_part}%"
    return f"{whole_part}{mark}{rest:02d}%".rstrip("0") if rest % 10 == 0 else f"{whole_part}{mark}{rest:02d}%"


def test_the_organisations_report_states_the_recounted_figures(graded, tmp_path):
    counts = _counts(None)
    total = sum(counts.values())
    good = counts.get("excellent", 0) + counts.get("good", 0)
    assert total == 19  # 13 + the disciplined member in CB01, 5 in CB02
    for lang in ("vi", "en"):
        path = build_report("grading", tmp_path / f"org-{lang}.pdf", lang=lang, year=2026)
        text = pdf_text(path)
        assert font_problems(path) == []
        for number, code in enumerate(GRADES, 1):
            n = counts.get(code, 0)
            label = LABELS_VI[number - 1] if lang == "vi" else None
            if label:
                assert f"{number} {label} {n} {_percent(n, total, lang)}" in text, (code, n)
        assert _percent(good, total, lang) in text
        members_on_day = recount.query(
            "SELECT count(DISTINCT person_id) FROM membershipevent WHERE date <= '2026-12-15'")[0][0]
        assert str(members_on_day) in text
    text = pdf_text(tmp_path / "org-vi.pdf")
    assert "Quàng Văn Miễn" in text and "Cà Thị Mới" in text  # not graded, with their reasons
    assert "Được miễn công tác" in text and "01/07/2026" in text
    assert "Chi bộ bản Co Muông" in text and "Chi bộ bản Ẳng Cang" in text


def test_the_branch_report_lists_each_member_and_the_branch_grade(graded, tmp_path):
    i18n.set_language("vi")
    counts = _counts(graded.b1.id)
    total = sum(counts.values())
    assert counts == {"excellent": 2, "good": 10, "completed": 1, "not_completed": 1}
    text = pdf_text(build_report("grading", tmp_path / "b.pdf", lang="vi", year=2026, branch_id="CB01"))
    assert total == 14 and _percent(12, total, "vi") in text  # 85,71%
    assert "Lường Văn Phạt" in text and "Khiển trách" in text  # disciplined: graded "did not complete tasks"
    assert "13/14 (92,9%)" in text  # the vote of the one proposal not unanimous
    assert "Hà Thị Hai" not in text  # the other branch
    assert "Cấp ủy xếp loại chi bộ: Hoàn thành tốt nhiệm vụ (10/01/2027)" in text


def test_the_branch_resolution_states_each_proposal_with_its_vote(graded, tmp_path):
    text = pdf_text(build_report("grading_resolution", tmp_path / "r.pdf", lang="vi", year=2026,
                                 branch_id=graded.b2.id))
    assert "NGHỊ QUYẾT" in text and "22/12/2026" in text
    assert text.count("5/5 (100%)") == 5
    proposed = dict(recount.query(
        "SELECT branch_grade, count(*) FROM membergrade WHERE branch_id = ? GROUP BY branch_grade",
        (graded.b2.id,)))
    assert f"Hoàn thành tốt nhiệm vụ: {proposed['good']} đồng chí ({_percent(proposed['good'], 5, 'vi')})" in text
    with pytest.raises(ValidationError):
        build_report("grading_resolution", tmp_path / "x.pdf", year=2026)


def test_a_year_without_a_round_is_refused_and_writes_no_file(graded, tmp_path):
    i18n.set_language("en")
    with pytest.raises(ValidationError) as info:
        build_report("grading", tmp_path / "none.pdf", year=2019)
    assert "2019" in str(info.value) and not (tmp_path / "none.pdf").exists()


def test_the_badge_list_of_3_february_2027_prints(graded, tmp_path):
    # Lò Văn Số 00 was admitted on 03/02/1997: 30 years on the award day itself.
    for lang in ("vi", "en"):
        path = build_report("badges", tmp_path / f"badges-{lang}.pdf", lang=lang, year=2027, month=2)
        text = pdf_text(path)
        assert "Lò Văn Số 00" in text and "03/02/1997" in text and font_problems(path) == []
    assert "30 năm" in pdf_text(tmp_path / "badges-vi.pdf")
    assert "03/02/2027" in pdf_text(tmp_path / "badges-vi.pdf")


def test_the_workbook_holds_the_same_table_with_text_cells(graded, tmp_path):
    done = export_grading(tmp_path / "g.xlsx", year=2026, lang="vi")
    book = load_workbook(tmp_path / "g.xlsx")
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    by_code = {r[1]: r for r in rows[1:] if r[1]}
    counts = _counts(graded.b1.id)
    line = by_code["CB01"]
    assert list(line[5:9]) == [counts.get(g, 0) for g in GRADES]
    assert line[11] == _percent(12, 14, "vi")
    assert done.members == 19 and done.not_graded == 2
    for sheet in book.worksheets:
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str):
                    assert cell.data_type == "s", (sheet.title, cell.coordinate)


def test_an_issued_grading_report_keeps_its_number_when_printed_again(graded, tmp_path):
    import re

    def number(path):
        found = re.search(r"Số (\d+)-BC/CB", pdf_text(path))
        assert found, "an issued report carries a number"
        return int(found.group(1))

    kwargs = {"lang": "vi", "year": 2026, "branch_id": "CB01", "issue": True}
    first = number(build_report("grading", tmp_path / "1.pdf", **kwargs))
    assert number(build_report("grading", tmp_path / "2.pdf", **kwargs)) == first
    assert number(build_report("grading", tmp_path / "3.pdf", new_version=True, **kwargs)) == first + 1
