"""Dates, numbers and percentages in the conventions of each language."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app import i18n


@pytest.fixture(params=["vi", "en"])
def lang(request):
    i18n.set_language(request.param)
    return request.param


def test_numbers_and_percents_follow_the_language(lang):
    if lang == "vi":
        assert i18n.format_number(1234.5, 1) == "1.234,5"
        assert i18n.format_number(1234567) == "1.234.567"
        assert i18n.format_percent(0.256) == "25,6%"
    else:
        assert i18n.format_number(1234.5, 1) == "1,234.5"
        assert i18n.format_number(1234567) == "1,234,567"
        assert i18n.format_percent(0.256) == "25.6%"


def test_percent_rounding_and_whole_percents():
    i18n.set_language("vi")
    assert i18n.format_percent(2 / 3, 0) == "67%"
    assert i18n.format_percent(1.0) == "100,0%"


def test_tables_and_forms_show_dd_mm_yyyy_in_both_languages(lang):
    assert i18n.format_date(dt.date(2026, 3, 5)) == "05/03/2026"
    assert i18n.format_date(None) == ""
    assert i18n.format_datetime(dt.datetime(2026, 3, 5, 8, 7)) == "05/03/2026 08:07"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5/3/2026", dt.date(2026, 3, 5)),
        ("05/03/2026", dt.date(2026, 3, 5)),
        ("2026-03-05", dt.date(2026, 3, 5)),
        (" 5.3.2026 ", dt.date(2026, 3, 5)),
        ("31/02/2026", None),
        ("5/3/26", None),
        ("", None),
        ("ngày 5", None),
    ],
)
def test_parse_date(text, expected):
    assert i18n.parse_date(text) == expected


def test_format_and_parse_round_trip():
    day = dt.date(2025, 12, 31)
    assert i18n.parse_date(i18n.format_date(day)) == day


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        # The examples of Hướng dẫn 36-HD/VPTW: days 1–9 and months 1–2 are zero-padded.
        (dt.date(2018, 4, 3), "ngày 03 tháng 4 năm 2018"),
        (dt.date(2018, 2, 20), "ngày 20 tháng 02 năm 2018"),
        (dt.date(2026, 1, 9), "ngày 09 tháng 01 năm 2026"),
        (dt.date(2026, 11, 3), "ngày 03 tháng 11 năm 2026"),
        (dt.date(2026, 12, 25), "ngày 25 tháng 12 năm 2026"),
    ],
)
def test_document_dateline_in_vietnamese(day, expected):
    i18n.set_language("vi")
    assert i18n.format_document_date(day) == expected


def test_document_dateline_with_place():
    i18n.set_language("vi")
    assert i18n.format_document_date(dt.date(2018, 2, 20), "Hạ Long") == "Hạ Long, ngày 20 tháng 02 năm 2018"


def test_document_dateline_in_english():
    i18n.set_language("en")
    assert i18n.format_document_date(dt.date(2018, 4, 3), "Hạ Long") == "Hạ Long, 3 April 2018"
