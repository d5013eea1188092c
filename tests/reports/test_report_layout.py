"""The shared layout: lazy reportlab, fonts, settings, the registry and the document vocabulary."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import unicodedata

import pytest
from pypdf import PdfReader

from desktop_app import i18n
from desktop_app.reports import REPORT_KINDS, build_report, fonts, layout_settings
from desktop_app.reports.vocabulary import Words
from desktop_app.services.common.errors import NotFoundError, ValidationError
from tests.reports.pdf_helpers import page_texts, pdf_text


def test_the_app_can_import_the_reports_registry_without_reportlab():
    code = ("import sys; import desktop_app.reports, desktop_app.services.documents.report_data; "
            "print('reportlab' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_registry_matches_the_command_line():
    from desktop_app import cli

    assert set(REPORT_KINDS) == set(cli.REPORT_KINDS)
    for kind in REPORT_KINDS.values():
        assert kind.label and callable(kind.builder)
        assert set(kind.required) <= set(kind.options) <= {"branch_id", "meeting_id", "month", "year", "decision_id"}


def test_fonts_register_once():
    from reportlab.pdfbase import pdfmetrics

    assert fonts.register_fonts() == fonts.register_fonts() == fonts.FAMILY
    assert {fonts.REGULAR, fonts.BOLD, fonts.ITALIC, fonts.BOLD_ITALIC} <= set(pdfmetrics.getRegisteredFontNames())
    from reportlab.lib.fonts import tt2ps

    assert tt2ps(fonts.FAMILY, 1, 1) == fonts.BOLD_ITALIC  # <b><i> picks the bold italic face


def test_missing_arguments_and_unknown_things_are_refused_with_messages(db, tmp_path):
    with pytest.raises(ValidationError) as caught:
        build_report("minutes", tmp_path / "x.pdf", lang="vi")
    assert "meeting_id" in caught.value.errors
    with pytest.raises(ValidationError):
        build_report("nonsense", tmp_path / "x.pdf")
    with pytest.raises(NotFoundError):
        build_report("minutes", tmp_path / "x.pdf", meeting_id=999)
    with pytest.raises(NotFoundError):  # no organisation yet
        build_report("quota", tmp_path / "x.pdf", year=2026)
    assert not (tmp_path / "x.pdf").exists()


def test_monthly_needs_a_real_month(sample, tmp_path):
    with pytest.raises(ValidationError) as caught:
        build_report("monthly", tmp_path / "m.pdf", branch_id=sample.branch.id, month="2026-13")
    assert "month" in caught.value.errors
    with pytest.raises(NotFoundError):
        build_report("monthly", tmp_path / "m.pdf", branch_id="NO-SUCH-CODE", month="2026-11")


def test_branch_can_be_given_by_code(sample, tmp_path):
    path = build_report("candidates", tmp_path / "c.pdf", branch_id="CB02")
    assert "Trần Văn Tiến" in pdf_text(path) and "Tòng Văn Hải" not in pdf_text(path)


def test_settings_move_the_margins_and_the_page_numbers(sample, tmp_path):
    from desktop_app.services.common import settings

    default = build_report("minutes", tmp_path / "a.pdf", meeting_id=sample.meeting.id)
    settings.set("report.margins_mm", {"top": 25, "bottom": 25, "left": 35, "right": 20})
    settings.set("report.page_numbers", False)
    moved = build_report("minutes", tmp_path / "b.pdf", meeting_id=sample.meeting.id)

    def leftmost(path) -> float:
        xs = []

        def visit(text, cm, tm, font, size):
            if text.strip():
                xs.append(tm[4] * cm[0] + tm[5] * cm[2] + cm[4])  # text origin in page space

        PdfReader(str(path)).pages[0].extract_text(visitor_text=visit)
        return min(xs)

    assert leftmost(default) == pytest.approx(30 * 72 / 25.4, abs=1)  # left margin 30 mm (HD36 default)
    assert leftmost(moved) == pytest.approx(35 * 72 / 25.4, abs=1)
    assert page_texts(default)[1].startswith("2 ")  # page numbers from page 2, top centre
    assert not page_texts(moved)[1].startswith("2 ")


def test_bad_stored_settings_fall_back_to_the_defaults():
    values = layout_settings.from_values({"margin_top_mm": "twenty", "body_size": 400, "page_numbers": "yes",
                                          "margin_left_mm": 32.5, "unknown": 1})
    assert values.margin_top_mm == 20 and values.body_size == 14 and values.page_numbers is True
    assert values.margin_left_mm == 32.5


def test_every_document_phrase_has_its_vietnamese_term():
    from babel.messages.extract import extract
    from babel.messages.pofile import read_po

    from desktop_app import paths
    from desktop_app.reports import vocabulary

    with open(vocabulary.__file__, "rb") as source:
        msgids = {msgid for _line, msgid, _comments, context in extract("python", source) if context == "document"}
    assert len(msgids) > 150
    with open(paths.i18n_dir() / "vi" / "LC_MESSAGES" / "desktop_app.po", "rb") as po:
        catalog = read_po(po)
    terms = {msgid: catalog.get(msgid, context="document").string for msgid in msgids}
    assert all(terms.values())  # a Vietnamese term for every phrase
    i18n.set_language("vi")
    assert not set(vars(Words()).values()) & msgids  # every phrase comes out in Vietnamese
    for text in terms.values():
        assert unicodedata.is_normalized("NFC", text)
    # Placeholders survive translation.
    for msgid, term in terms.items():
        for name in ("{name}", "{date}", "{n}", "{period}", "{total}", "{code}"):
            assert (name in msgid) == (name in term) or msgid == "{month_name} {year}", msgid


def test_official_vietnamese_terms():
    w = Words()
    assert (w.party_heading, w.on_behalf_branch, w.secretary, w.recipients, w.number_prefix) == (
        "ĐẢNG CỘNG SẢN VIỆT NAM", "T/M CHI BỘ", "BÍ THƯ", "Nơi nhận:", "Số")
    assert w.col_no == "TT"


def test_decomposed_input_prints_composed(sample, tmp_path):
    from desktop_app.store.models import Meeting

    decomposed = unicodedata.normalize("NFD", "Nhà văn hóa bản Co Muông, Điện Biên")
    Meeting.update(place=decomposed).where(Meeting.id == sample.meeting.id).execute()
    text = pdf_text(build_report("minutes", tmp_path / "m.pdf", meeting_id=sample.meeting.id))
    assert "Nhà văn hóa bản Co Muông, Điện Biên" in text


def test_dateline_pads_day_and_the_first_two_months():
    assert i18n.format_document_date(dt.date(2026, 2, 3), "Mường Ảng") == "Mường Ảng, ngày 03 tháng 02 năm 2026"


@pytest.mark.parametrize("filler", range(18, 30))
def test_the_signature_never_stands_alone_on_a_page(tmp_path, filler):
    # However much text comes before, the signature's page also holds the end of the body: here a short
    # table and the line that introduces it (HD36).
    from desktop_app.reports.party_layout import Heading, PartyDocument, Signature

    doc = PartyDocument(Heading("Đảng bộ xã Mường Ảng", "Chi bộ bản Co Muông", "Mường Ảng", dt.date(2026, 11, 3)),
                        title="Báo cáo", summary="tháng 10 năm 2026", settings=layout_settings.LayoutSettings())
    for n in range(filler):
        doc.paragraph(f"Đoạn {n}: chi bộ đã triển khai nhiệm vụ của tháng, kiểm tra và đôn đốc các đồng chí.")
    doc.paragraph("Nhiệm vụ chưa hoàn thành:")
    doc.table(["TT", "Nhiệm vụ", "Người phụ trách"], [[1, "Báo cáo kết quả", "Nguyễn Tiến Sang"]], [1, 6, 3])
    doc.closing(signatures=[Signature("Bí thư", "Đoàn Thị Oanh", "T/M Chi bộ")], recipients=["Lưu Chi bộ."])
    out = doc.build(tmp_path / "doc.pdf")
    signed = next(text for text in page_texts(out) if "Đoàn Thị Oanh" in text)
    assert "Nhiệm vụ chưa hoàn thành" in signed and "Nguyễn Tiến Sang" in signed
