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
    assert i18n.format_percent(2 / 3, digits=0) == "67%"
    assert i18n.format_percent(1.0) == "100%"  # a whole value prints without ",0"


@pytest.mark.parametrize(("part", "whole", "vi", "en"), [
    (78, 96, "81,3%", "81.3%"),  # 81,25 rounds half up, not to the even 81,2
    (1, 8, "12,5%", "12.5%"),
    (1, 16, "6,3%", "6.3%"),  # 6,25 → 6,3
    (3, 16, "18,8%", "18.8%"),  # 18,75 → 18,8
    (1, 40, "2,5%", "2.5%"),
    (1, 80, "1,3%", "1.3%"),  # 1,25 → 1,3 (a binary float would hold 1.2499…)
    (114, 100, "114%", "114%"),  # "đạt 114% kế hoạch", as committees write it
    (101, 101, "100%", "100%"),
    (0, 7, "0%", "0%"),
    (1, 3, "33,3%", "33.3%"),
    (2, 3, "66,7%", "66.7%"),
    (99949, 100000, "99,9%", "99.9%"),  # 99,949 stays below 99,95
    (99950, 100000, "100%", "100%"),  # 99,95 rounds up to a whole 100
    (2345, 1, "234.500%", "234,500%"),
])
def test_percentages_round_half_up_and_drop_a_zero_decimal(part, whole, vi, en):
    for lang, expected in (("vi", vi), ("en", en)):
        i18n.set_language(lang)
        assert i18n.format_percent(part, whole=whole) == expected
        assert i18n.format_percent(part / whole) == expected  # a float share prints the same


def test_percentages_against_integer_rounding():
    """format_percent(p, q) is p/q × 100 rounded half up to one decimal, recomputed here in integers."""
    import random

    i18n.set_language("en")
    rng = random.Random(14)
    for _ in range(2000):
        whole = rng.randint(1, 400)
        part = rng.randint(0, 2 * whole)
        tenths = (2 * 1000 * part + whole) // (2 * whole)  # floor(p/q × 1000 + ½)
        expected = f"{tenths // 10}%" if tenths % 10 == 0 else f"{tenths // 10}.{tenths % 10}%"
        if tenths >= 10000:
            expected = f"{tenths // 10:,}%" if tenths % 10 == 0 else f"{tenths // 10:,}.{tenths % 10}%"
        assert i18n.format_percent(part, whole=whole) == expected, (part, whole)


@pytest.mark.parametrize(("done", "target", "vi", "en"), [
    (114, 100, "đạt 114% kế hoạch, vượt 14%", "114% of the plan, 14% above it"),
    (78, 96, "đạt 81,3% kế hoạch", "81.3% of the plan"),
    (96, 96, "đạt 100% kế hoạch", "100% of the plan"),  # on plan is not above it
    (97, 96, "đạt 101% kế hoạch, vượt 1%", "101% of the plan, 1% above it"),  # 101,04 → 101, 1,04 → 1
    (0, 5, "đạt 0% kế hoạch", "0% of the plan"),
])
def test_plan_shares_say_above_the_plan(done, target, vi, en):
    for lang, expected in (("vi", vi), ("en", en)):
        i18n.set_language(lang)
        assert i18n.format_plan(done, target) == expected


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
