"""Each printed document, in Vietnamese and English, read back from the PDF.

Layout rules: Hướng dẫn 36-HD/VPTW (03/4/2018) — Party heading, issuing body with an asterisk, number
"Số 01-BC/CB", place and date, A4, a branch signs "T/M CHI BỘ / BÍ THƯ" (domain.md §5). Figures come
from the sample branch of conftest.py; wording comes from the document vocabulary, so the checks
are about the figures and the fixed official terms, not about phrasing.
"""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app import i18n
from desktop_app.core.rules import periods
from desktop_app.reports import REPORT_KINDS, build_report, build_resolution
from desktop_app.reports.candidates import build_candidates
from desktop_app.reports.minutes import build_minutes
from desktop_app.reports.monthly import build_monthly
from desktop_app.reports.quota import build_quota
from desktop_app.reports.sponsors import build_sponsors
from desktop_app.reports.vocabulary import Words
from tests.reports.conftest import TODAY
from tests.reports.pdf_helpers import A4_POINTS, font_names, font_problems, is_nfc, page_sizes, pdf_text

HEADING = {"vi": "ĐẢNG CỘNG SẢN VIỆT NAM", "en": "COMMUNIST PARTY OF VIETNAM"}
ON_BEHALF = {"vi": "T/M CHI BỘ", "en": "ON BEHALF OF THE BRANCH"}
SECRETARY = {"vi": "BÍ THƯ", "en": "SECRETARY"}
MEETING_DATELINE = {"vi": "Mường Ảng, ngày 03 tháng 11 năm 2026", "en": "Mường Ảng, 3 November 2026"}
TODAY_DATELINE = {"vi": "Mường Ảng, ngày 21 tháng 11 năm 2026", "en": "Mường Ảng, 21 November 2026"}


def words(lang: str) -> Words:
    previous = i18n.current_language()
    i18n.set_language(lang)
    try:
        return Words()
    finally:
        i18n.set_language(previous)


def check_pdf(path, lang: str, superior: str = "ĐẢNG BỘ XÃ MƯỜNG ẢNG", wide: bool = False) -> str:
    """The common checks of every document (A4, upright or *wide*: landscape); returns its text."""
    assert path.exists() and path.stat().st_size > 1000
    a4 = tuple(reversed(A4_POINTS)) if wide else A4_POINTS
    assert all(abs(w - a4[0]) < 0.5 and abs(h - a4[1]) < 0.5 for w, h in page_sizes(path))
    assert font_problems(path) == []
    assert font_names(path) <= {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic",
                                "LiberationSerif-BoldItalic"}
    text = pdf_text(path)
    assert is_nfc(text)
    assert HEADING[lang] in text
    assert superior in text  # the body directly above the issuer, upper case (HD36)
    assert "*" in text
    return text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_minutes(sample, tmp_path, lang):
    path = build_report("minutes", tmp_path / "minutes.pdf", lang=lang, meeting_id=sample.meeting.id)
    text = check_pdf(path, lang)
    w = words(lang)
    assert "CHI BỘ BẢN CO MUÔNG" in text and MEETING_DATELINE[lang] in text
    assert w.type_minutes in text
    # Attendance (domain.md §3.4): 8 official (7 + 1 exempt), 1 probationary; 5 + 1 present; 1 exempt away.
    assert w.c_total.format(total=9, official=8, probationary=1) in text
    assert w.c_present.format(n=6, official=5, probationary=1) in text
    assert w.c_exempt.format(n=1) in text
    assert w.c_excused.format(n=1) + f" (Cà Văn Tươi: ốm, {w.c_accepted})" in text
    assert w.c_denominator.format(denominator=6, official=8, not_counted=2) in text
    assert w.c_unexcused.format(n=1) + " (Đặng Văn Đức)" in text
    assert "Hà Văn Lâm" in text  # the guest
    # The admission vote on its denominator: 6 counted (8 less the absent exempt member and the excused one).
    pct = "83,3%" if lang == "vi" else "83.3%"
    assert w.d_votes.format(yes=5, denominator=6, no=0, abstain=0, percent=pct) in text
    assert w.d_two_thirds.format(denominator=6, needed=4) in text
    assert w.d_passed in text
    assert "Nhiệt tình, gương mẫu." in text and "Thu đảng phí quý IV" in text
    assert "báo cáo & đề nghị <bổ sung> chỉ tiêu" in text  # user text is escaped, not read as markup
    assert w.m_fees.format(amount="240.000" if lang == "vi" else "240,000") in text
    # Signatures: recording secretary beside "T/M CHI BỘ / BÍ THƯ" (the chair is the branch secretary).
    assert w.minutes_taker in text and ON_BEHALF[lang] in text and SECRETARY[lang] in text
    assert text.rstrip().endswith("Nguyễn Thị Hồng Nhung Lò Văn Sơn")


def test_minutes_chair_other_than_the_secretary_signs_beside_and_the_secretary_certifies(sample, tmp_path):
    sample.meeting.chair = sample.nhung
    sample.meeting.secretary = sample.xuan
    sample.meeting.save()
    text = check_pdf(build_minutes(tmp_path / "m.pdf", lang="vi", meeting_id=sample.meeting.id), "vi")
    assert "THƯ KÝ CHỦ TỌA" in text
    assert text.rstrip().endswith("T/M CHI BỘ BÍ THƯ Lò Văn Sơn")


def test_minutes_of_a_thematic_draft_meeting(sample, tmp_path):
    sample.meeting.kind = "thematic"
    sample.meeting.theme = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
    sample.meeting.status = "draft"
    sample.meeting.adopted_on = None
    sample.meeting.save()
    text = pdf_text(build_minutes(tmp_path / "m.pdf", lang="vi", meeting_id=sample.meeting.id))
    w = words("vi")
    assert w.sum_minutes_thematic.format(period="tháng 11 năm 2026") in text
    assert w.s_theme.format(theme=sample.meeting.theme) in text
    assert w.m_draft in text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_monthly_report(sample, tmp_path, lang):
    path = build_monthly(tmp_path / "monthly.pdf", lang=lang, branch_id=sample.branch.id, month="2026-11",
                         today=TODAY)
    text = check_pdf(path, lang)
    w = words(lang)
    assert TODAY_DATELINE[lang] in text
    assert f"{w.number_prefix} -BC/CB" in text  # a preview leaves the number blank
    assert w.type_report in text
    # The members as the minutes state them: the exempt member among the official ones, and counted apart.
    assert w.mr_members.format(date="21/11/2026") in text
    assert w.c_total.format(total=9, official=8, probationary=1) in text and w.c_exempt.format(n=1) in text
    assert "Tòng Văn Hải 03/11/2026" in text and "Quàng Thị Mai 03/11/2026" in text  # changes of the month
    assert f"03/11/2026 {'Thường kỳ' if lang == 'vi' else 'Regular'} 8 6 75% 1 1" in text  # whole: no ",0"
    assert w.mr_pipeline.format(prospects=1, sympathisers=1, applicants=1, probationary=1) in text
    plan = "50% kế hoạch" if lang == "vi" else "50% of the plan"
    assert w.mr_admitted.format(year=2026, admitted=1, target=2, plan="đạt " + plan if lang == "vi" else plan) \
        in text
    assert "Hoàn thiện hồ sơ đề nghị kết nạp quần chúng Tòng Văn Hải" in text  # the task still open
    assert "Thu đảng phí quý IV" not in text  # done
    assert w.recipient_report.format(body="Đảng ủy xã Mường Ảng") in text
    assert ON_BEHALF[lang] in text and SECRETARY[lang] in text and "Lò Văn Sơn" in text


def test_monthly_report_of_a_month_without_meetings(sample, tmp_path):
    text = pdf_text(build_monthly(tmp_path / "m.pdf", lang="vi", branch_id=sample.branch.id, month="2026-09",
                                  today=TODAY))
    w = words("vi")
    assert w.mr_no_meeting in text
    assert "tháng 9 năm 2026" in text and "tháng 10 năm 2026" in text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_candidates_list(sample, tmp_path, lang):
    path = build_candidates(tmp_path / "c.pdf", lang=lang, branch_id=sample.branch.id, today=TODAY)
    text = check_pdf(path, lang)
    w = words(lang)
    assert w.type_list in text and TODAY_DATELINE[lang] in text
    # Certificate of 20/06/2025 is valid 60 months (06-HD/TW §5.4): last valid day 19/06/2030.
    assert w.cert_valid.format(date="20/06/2025", until="19/06/2030") in text
    assert w.dossier_missing.format(received=3, required=5, codes="3-KNĐ, 5-KNĐ") in text
    # Voted by the branch on 03/11/2026: the committee decides within 60 working days (294-QĐ/TW 4.3.1).
    decision_by = periods.decision_deadline(dt.date(2026, 11, 3)).date
    assert w.dl_decision.format(date=decision_by.strftime("%d/%m/%Y")) in text
    # The probationary member: 12 months from the ceremony; recognition vote within 30 working days after.
    assert "Lò Thị Xuân, 2001 15/03/2026 15/03/2027" in text
    recognition_by = periods.recognition_vote_deadline(dt.date(2026, 3, 15)).date
    assert w.dl_recognition.format(date=recognition_by.strftime("%d/%m/%Y")) in text
    assert "Trần Văn Tiến" not in text  # another branch
    assert ON_BEHALF[lang] in text and SECRETARY[lang] in text


def test_candidates_of_every_branch_are_grouped_and_show_overdue_ceremonies(sample, tmp_path):
    text = pdf_text(build_candidates(tmp_path / "c.pdf", lang="vi", today=TODAY))
    w = words("vi")
    assert "ĐẢNG ỦY XÃ MƯỜNG ẢNG" in text  # issued by the committee for all branches
    assert text.index("Chi bộ bản Co Muông") < text.index("Tòng Văn Hải") < text.index("Chi bộ bản Ẳng Cang") \
        < text.index("Trần Văn Tiến")
    # Decision of 02/06/2026, no ceremony yet: 30 working days have long passed (294-QĐ/TW 4.1).
    ceremony_by = periods.ceremony_deadline(dt.date(2026, 6, 2)).date
    assert f"{w.dl_ceremony.format(date=ceremony_by.strftime('%d/%m/%Y'))} ({w.dl_overdue})" in text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_sponsors_list(sample, tmp_path, lang):
    path = build_sponsors(tmp_path / "s.pdf", lang=lang, branch_id=sample.branch.id, today=TODAY)
    text = check_pdf(path, lang)
    assert "Lường Thị Dung Lò Thị Xuân" in text
    assert "Quàng Văn Minh Tòng Văn Hải" in text
    assert "Nguyễn Thị Hồng Nhung Tòng Văn Hải" in text and "Quàng Thị Mai" in text
    assert "01/12/2025" in text and "15/03/2026" in text
    # Loads, busiest first; members with none are listed for the secretary to choose from.
    assert "1 Nguyễn Thị Hồng Nhung 2 2 Lường Thị Dung 1 3 Quàng Văn Minh 1" in text
    assert "Lò Văn Sơn 0" in text
    assert ON_BEHALF[lang] in text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_quota_report(sample, tmp_path, lang):
    path = build_quota(tmp_path / "q.pdf", lang=lang, year=2026, today=TODAY)
    text = check_pdf(path, lang, superior="ĐẢNG BỘ TỈNH ĐIỆN BIÊN")  # issued by the commune committee
    w = words(lang)
    assert "ĐẢNG ỦY XÃ MƯỜNG ẢNG" in text
    assert f"{w.number_prefix} -BC/ĐU" in text
    # The organisation's target and the branches' targets added up, each named, and which one the plan is.
    assert w.q_both_targets.format(year=2026, target=5, branches=4) in text
    plan = "đạt 40% kế hoạch" if lang == "vi" else "40% of the plan"
    assert w.q_summary.format(admitted=2, plan=plan) in text
    assert w.q_rural.format(rural=2, share="100%", other=0, other_share="0%") in text  # both branches are rural
    assert w.q_branches.format(n=2, total=2) in text
    assert f"{w.q_women} 1 50%" in text
    assert f"{w.q_ethnic} 1 50%" in text
    assert f"{w.q_religious} 0 0%" in text
    assert f"{w.q_age} 1 50%" in text
    assert f"{w.q_rural_group} 2 100%" in text and f"{w.q_not_rural_group} 0 0%" in text
    assert "Chi bộ bản Co Muông 2 1 50% 1 1 0 1 1" in text
    assert "Chi bộ bản Ẳng Cang 2 1 50% 0 0 0 0 0" in text
    assert f"{w.total_branches} 4 2 50% 1 1 0 1 1" in text
    assert ("T/M ĐẢNG ỦY" if lang == "vi" else "ON BEHALF OF THE PARTY COMMITTEE") in text
    assert "Lường Văn Thiết" not in text  # no committee secretary named yet: room to sign, no name


def test_quota_report_is_signed_by_the_committee_secretary(sample, tmp_path):
    from desktop_app.services.organisation import organisation

    organisation.save_organisation({"signer": "Lường  Văn Thiết "})
    assert organisation.get_organisation().signer == "Lường Văn Thiết"
    text = pdf_text(build_quota(tmp_path / "q.pdf", lang="vi", year=2026, today=TODAY))
    assert "BÍ THƯ Lường Văn Thiết" in text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_signin_sheet(sample, tmp_path, lang):
    path = build_report("signin", tmp_path / "s.pdf", lang=lang, meeting_id=sample.meeting.id)
    text = check_pdf(path, lang)
    w = words(lang)
    assert MEETING_DATELINE[lang] in text
    assert w.si_total.format(n=9) in text
    # Vietnamese list order: by given name (Dung < Đức < Hoa …), guests not pre-filled.
    assert text.index("Lường Thị Dung") < text.index("Đặng Văn Đức") < text.index("Vũ Thị Hoa") \
        < text.index("Lò Thị Xuân")
    assert f"Lò Thị Xuân {w.probationary}" in text
    assert f"Lò Văn Pọm {w.official} {w.exempt}" in text
    assert "Hà Văn Lâm" not in text
    assert w.si_guests in text and all(f" {n} " in text for n in range(10, 16))  # six rows for guests


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_admission_resolution(sample, tmp_path, lang):
    path = build_resolution(tmp_path / "r.pdf", sample.admission.id, lang=lang)
    text = check_pdf(path, lang)
    w = words(lang)
    assert w.form.format(code="6-KNĐ") in text
    assert w.type_resolution in text and w.sum_res_admission in text
    assert f"{w.number_prefix} -NQ/CB" in text and MEETING_DATELINE[lang] in text
    assert "Tòng Văn Hải" in text and "20/08/1998" in text and "Trường Tiểu học Mường Ảng" in text
    pct = "83,3%" if lang == "vi" else "83.3%"
    assert w.r_votes.format(yes=5, denominator=6, percent=pct, no=0, abstain=0) in text
    assert w.r_propose_admission.format(committee="Đảng ủy xã Mường Ảng", name="Tòng Văn Hải") in text
    assert ON_BEHALF[lang] in text and SECRETARY[lang] in text and "Lò Văn Sơn" in text


def test_recognition_resolution_prints_form_13(sample, tmp_path):
    from desktop_app.store.models import Decision

    decision = Decision.create(meeting=sample.meeting, kind="recognition", subject=sample.xuan, yes=5, no=0,
                               abstain=0, denominator=6, passed=True)
    text = pdf_text(build_resolution(tmp_path / "r.pdf", decision.id, lang="vi"))
    w = words("vi")
    assert w.form.format(code="13-KNĐ") in text and w.sum_res_recognition in text
    assert w.r_admitted.format(date="01/03/2026", ceremony="15/03/2026", end="15/03/2027") in text
    assert w.r_propose_recognition.format(committee="Đảng ủy xã Mường Ảng", name="Lò Thị Xuân") in text


def test_every_kind_builds_through_the_registry(sample, tmp_path):
    from desktop_app.services.year import rounds

    rounds.open_round(2026, dt.date(2026, 12, 15), opened_on=dt.date(2026, 11, 20))  # the grading's documents
    for kind in REPORT_KINDS:
        for lang in ("vi", "en"):
            path = build_report(kind, tmp_path / f"{kind}-{lang}.pdf", lang=lang, branch_id=sample.branch.id,
                                month=11, year=2026, meeting_id=sample.meeting.id, decision_id=sample.admission.id)
            check_pdf(path, lang, "ĐẢNG BỘ TỈNH ĐIỆN BIÊN" if kind == "quota" else "ĐẢNG BỘ XÃ MƯỜNG ẢNG",
                      wide=kind in ("register", "issued"))
    assert i18n.current_language() == "vi"  # the language in force is restored after each build


def test_sponsors_of_every_branch_come_in_one_table_per_branch(sample, tmp_path):
    text = pdf_text(build_sponsors(tmp_path / "s.pdf", lang="vi", today=TODAY))
    assert "ĐẢNG ỦY XÃ MƯỜNG ẢNG" in text
    assert "Chi bộ bản Co Muông" in text and "Lường Thị Dung" in text


@pytest.mark.timeout(120)
def test_a_table_running_over_pages_before_the_signature_lays_out(sample, tmp_path):
    """A long last table (every official member's load) runs onto a new page; the signature follows it
    (regression: keeping a multi-page table with the signature made the layout loop for ever)."""
    from tests.reports.conftest import _person

    for i in range(70):
        _person(f"Đảng Viên Số {i:02d}", "official", sample.branch.id, stage_date=dt.date(2010, 1, 1))
    path = build_sponsors(tmp_path / "s.pdf", lang="vi", branch_id=sample.branch.id, today=TODAY)
    text = pdf_text(path)
    assert "Đảng Viên Số 69 0" in text and text.rstrip().endswith("T/M CHI BỘ BÍ THƯ Lò Văn Sơn")
