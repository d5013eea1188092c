"""Branch resolutions proposing admission (Mẫu 6-KNĐ) and recognition (Mẫu 13-KNĐ), printed from a vote.

What they state (12-HD/BTCTW forms; domain.md §1.5, §3.4): the meeting and its attendance, whose figures
add up (members = present + absent + exempt + active elsewhere) with the absentees named with their
reasons; the person's particulars; the branch's assessment from the reports of the members assigned to
help (Điều lệ Đảng, Điều 4; domain.md §2); the vote of the official members on its denominator with the
votes it needed (two thirds, Điều lệ Điều 4.3 and 5.2) and its result; the proposal to the committee.
Figures are checked against the records queried here, not through the code that prints them.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest

from desktop_app.reports import build_report, build_resolution
from desktop_app.services.common.errors import NotFoundError, ValidationError
from desktop_app.store.models import Attendance, AuditEntry, Decision, DocumentCounter, Person, ProgressNote
from tests.reports.conftest import MEETING_DAY
from tests.reports.pdf_helpers import pdf_text
from tests.reports.test_report_documents import words

ROOT = Path(__file__).resolve().parents[2]


def _attendance_figures(meeting_id: int) -> dict[str, int]:
    """The meeting's members by attendance status, counted from the rows (guests are not members)."""
    rows = (Attendance.select(Attendance.status).where((Attendance.meeting == meeting_id)
                                                       & (Attendance.status != "guest")).tuples())
    figures: dict[str, int] = {}
    for (status,) in rows:
        figures[status] = figures.get(status, 0) + 1
    return figures


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_attendance_adds_up_and_names_the_absentees_with_their_reasons(sample, tmp_path, lang):
    text = pdf_text(build_resolution(tmp_path / "r.pdf", sample.admission.id, lang=lang))
    w = words(lang)
    f = _attendance_figures(sample.meeting.id)
    total = sum(f.values())
    assert total == f.get("present", 0) + f.get("excused", 0) + f.get("unexcused", 0) + f.get("exempt", 0) \
        + f.get("elsewhere", 0)
    official = Attendance.select().where((Attendance.meeting == sample.meeting.id)
                                         & Attendance.member_status.in_(["official", "exempt"])
                                         & (Attendance.status != "guest")).count()
    assert w.c_total.format(total=total, official=official, probationary=total - official) in text
    tuoi = Attendance.get((Attendance.meeting == sample.meeting.id)
                          & (Attendance.person == Person.get(Person.full_name == "Cà Văn Tươi")))
    accepted = f", {w.c_accepted}" if tuoi.reason_accepted else ""
    assert w.c_excused.format(n=f["excused"]) + f" (Cà Văn Tươi: ốm{accepted})." in text
    assert w.c_unexcused.format(n=f["unexcused"]) + " (Đặng Văn Đức)." in text
    assert w.r_exempt_absent.format(n=f["exempt"]) in text  # attendance "exempt": exempt and not attending
    assert "Hà Văn Lâm" not in text  # a guest is not a member of the branch


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_assessment_comes_from_the_helpers_latest_reports(sample, tmp_path, lang):
    # An older report of the same helper and one written after the vote are not the assessment.
    ProgressNote.create(person=sample.hai, author=sample.nhung, date=dt.date(2026, 9, 3), strengths="Còn rụt rè.",
                        weaknesses="Chưa tham gia sinh hoạt đoàn.")
    ProgressNote.create(person=sample.hai, author=sample.nhung, date=dt.date(2026, 12, 3), strengths="Sau này.",
                        weaknesses="Sau này.")
    latest = (ProgressNote.select().where((ProgressNote.person == sample.hai) & (ProgressNote.date <= MEETING_DAY))
              .order_by(ProgressNote.date.desc()).first())
    text = pdf_text(build_resolution(tmp_path / "r.pdf", sample.admission.id, lang=lang))
    w = words(lang)
    assert w.r_conclusions in text
    assert w.sp_strengths.format(text=latest.strengths) in text
    assert w.sp_weaknesses.format(text=latest.weaknesses) in text
    assert "Còn rụt rè" not in text and "Sau này" not in text
    assert "Quần chúng Tòng Văn Hải có lập trường tư tưởng vững vàng." in text  # the branch's own conclusion


def test_without_any_report_or_text_there_are_lines_to_write_by_hand(sample, tmp_path):
    ProgressNote.delete().execute()
    Decision.update(text="").where(Decision.id == sample.admission.id).execute()
    text = pdf_text(build_resolution(tmp_path / "r.pdf", sample.admission.id, lang="vi"))
    w = words("vi")
    assert w.r_conclusions in text and w.sp_strengths.split("{")[0] not in text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_vote_is_printed_with_its_denominator_the_votes_needed_and_its_result(sample, tmp_path, lang):
    decision = Decision.get_by_id(sample.admission.id)
    text = pdf_text(build_resolution(tmp_path / "r.pdf", decision.id, lang=lang))
    w = words(lang)
    tenths = (Fraction(1000 * decision.yes, decision.denominator) + Fraction(1, 2)) // 1  # rounded half up
    percent = f"{tenths // 10}%" if tenths % 10 == 0 else f"{tenths // 10}{',' if lang == 'vi' else '.'}{tenths % 10}%"
    assert w.r_votes.format(yes=decision.yes, denominator=decision.denominator, percent=percent, no=decision.no,
                            abstain=decision.abstain) in text
    assert w.d_two_thirds.format(denominator=decision.denominator, needed=math.ceil(2 * decision.denominator / 3)) \
        in text
    assert w.d_passed in text
    assert text.index(w.d_passed) > text.index(w.r_votes.split("{")[0])


@pytest.mark.parametrize("change, message", [
    ({"passed": False, "yes": 3}, "did not carry"),
    ({"kind": "ordinary"}, "admission or recognition"),
])
def test_a_vote_without_a_resolution_is_refused_and_nothing_is_written(sample, tmp_path, change, message):
    Decision.update(**change).where(Decision.id == sample.admission.id).execute()
    target = tmp_path / "r.pdf"
    for issue in (False, True):
        with pytest.raises(ValidationError) as caught:
            build_report("resolution", target, lang="en", decision_id=sample.admission.id, issue=issue)
        assert message in str(caught.value)
    assert not target.exists() and not list(tmp_path.glob("*.pdf"))
    assert DocumentCounter.select().count() == 0


def test_an_unknown_decision_is_not_found(sample, tmp_path):
    with pytest.raises(NotFoundError):
        build_report("resolution", tmp_path / "r.pdf", lang="vi", decision_id=987654)
    with pytest.raises(ValidationError):
        build_report("resolution", tmp_path / "r.pdf", lang="vi")  # which vote?
    assert not list(tmp_path.glob("*.pdf"))


def test_issuing_takes_the_branch_number_once_and_the_decision_keeps_it(sample, tmp_path):
    first = pdf_text(build_report("resolution", tmp_path / "1.pdf", decision_id=sample.admission.id, issue=True))
    again = pdf_text(build_report("resolution", tmp_path / "2.pdf", decision_id=sample.admission.id, issue=True))
    assert "Số 01-NQ/CB" in first and "Số 01-NQ/CB" in again
    assert Decision.get_by_id(sample.admission.id).document_number == "01-NQ/CB"
    assert AuditEntry.select().where(AuditEntry.action == "reprint").count() == 1
    newer = pdf_text(build_report("resolution", tmp_path / "3.pdf", decision_id=sample.admission.id, issue=True,
                                  new_version=True))
    assert "Số 02-NQ/CB" in newer and "ngày 03 tháng 11 năm 2026" in newer  # still the resolution of the meeting
    assert Decision.get_by_id(sample.admission.id).document_number == "02-NQ/CB"


def test_a_number_written_on_the_decision_by_hand_is_printed_and_registered(sample, tmp_path):
    from desktop_app.services.meetings import decisions
    from desktop_app.store.models import IssuedDocument

    decisions.set_document_number(sample.admission.id, "07-NQ/CB")
    text = pdf_text(build_report("resolution", tmp_path / "r.pdf", decision_id=sample.admission.id, issue=True))
    assert "Số 07-NQ/CB" in text
    row = IssuedDocument.get(IssuedDocument.decision == sample.admission.id)
    assert (row.symbol, row.number, row.date) == ("07-NQ/CB", 7, MEETING_DAY)
    assert DocumentCounter.select().count() == 0  # no number of the sequence was taken


# ---- in a fresh process, as a script or the command line runs ----------------------------------------------


def _fresh(code: str, home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SOCHIBO_HOME=str(home))
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        env.pop(var, None)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=120)


def _main(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SOCHIBO_HOME=str(home))
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, env=env,
                          timeout=120)


@pytest.fixture
def sample_file(sample, tmp_path):
    """The sample database closed, for another process to open."""
    from desktop_app.store import db as store_db

    path = store_db.current_path()
    store_db.close()
    return path


@pytest.mark.file_only  # another process opens the sample's file
def test_a_script_in_a_fresh_process_gets_a_vietnamese_resolution_throughout(sample_file, tmp_path):
    """Nobody chose a language: the document is Vietnamese, its words as well as its dateline."""
    out = tmp_path / "fresh.pdf"
    code = (f"from desktop_app.store.schema import open_database; open_database({str(sample_file)!r}); "
            f"from desktop_app.reports import build_resolution; build_resolution({str(out)!r}, 1)")
    result = _fresh(code, tmp_path)
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    assert "NGHỊ QUYẾT" in text and "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "ngày 03 tháng 11 năm 2026" in text
    assert "RESOLUTION" not in text and "COMMUNIST PARTY" not in text and "Official members" not in text


@pytest.mark.file_only  # another process opens the sample's file
@pytest.mark.parametrize("lang, words_in, words_out", [
    ("vi", ("NGHỊ QUYẾT", "Mẫu 6-KNĐ", "ngày 03 tháng 11 năm 2026", "Số 01-NQ/CB"), ("RESOLUTION", "Form 6")),
    ("en", ("RESOLUTION", "Form 6-KNĐ", "3 November 2026", "No. 01-NQ/CB"), ("NGHỊ QUYẾT", "ngày 03")),
])
def test_report_resolution_on_the_command_line(sample_file, tmp_path, lang, words_in, words_out):
    out = tmp_path / "r.pdf"
    result = _main("report", "resolution", "--db", str(sample_file), "--decision", "1", "--lang", lang, "-o",
                   str(out), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout and len(result.stdout.strip().splitlines()) == 1
    text = pdf_text(out)
    assert all(w in text for w in words_in), text[:400]
    assert not any(w in text for w in words_out)


@pytest.mark.file_only  # another process opens the sample's file
@pytest.mark.parametrize("args, vi, en", [
    (["--decision", "987654"], "Không tìm thấy", "Decision not found"),
    (["--decision", "2"], "Chỉ kết quả biểu quyết", "Only a vote proposing admission or recognition"),
    ([], "--decision", "--decision"),
    (["--decision", "x"], "Dòng lệnh không hợp lệ", "Invalid command line"),
])
def test_report_resolution_refuses_what_has_no_resolution(sample_file, tmp_path, args, vi, en):
    for lang, message in (("vi", vi), ("en", en)):
        out = tmp_path / f"{lang}.pdf"
        result = _main("report", "resolution", "--db", str(sample_file), *args, "--lang", lang, "-o", str(out),
                       home=tmp_path)
        assert result.returncode != 0
        assert message in result.stderr and "Traceback" not in result.stderr + result.stdout
        assert not out.exists()


@pytest.mark.file_only  # another process opens the sample's file
def test_report_resolution_refuses_a_vote_that_did_not_carry(sample_file, tmp_path):
    import sqlite3

    with sqlite3.connect(sample_file) as conn:
        conn.execute("UPDATE decision SET passed = 0, yes = 2 WHERE id = 1")
    out = tmp_path / "r.pdf"
    result = _main("report", "resolution", "--db", str(sample_file), "--decision", "1", "--lang", "vi", "-o",
                   str(out), home=tmp_path)
    assert result.returncode != 0 and "không được thông qua" in result.stderr and not out.exists()
