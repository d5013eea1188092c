"""Numbers and percents follow the locale of the language in force (vi_VN: 1.234,5 and 25,6%; en_GB: 1,234.5);
numbers round half to even, as babel does, percents half up (their own tests: test_i18n_formatting); month names
in documents, written out without babel, read as babel gives them."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from babel.numbers import format_decimal, format_percent

from desktop_app import i18n

VALUES = [0, 1, -1, 0.5, 1.5, 2.5, 0.125, 0.285, 0.005, -0.004, 1234567.5, -1234.55, 999.995, 0.1 + 0.2,
          12345678901.25, Decimal("2.675"), 10**9, 2 / 3]


@pytest.mark.parametrize(("lang", "locale"), [("vi", "vi_VN"), ("en", "en_GB")])
def test_numbers_and_percents_read_as_babel_formats_them(lang, locale):
    rng = random.Random(7)
    values = VALUES + [rng.uniform(-1e7, 1e7) for _ in range(300)] + [round(rng.random(), 3) for _ in range(300)]
    i18n.set_language(lang)
    for value in values:
        for digits in (0, 1, 2):
            pattern = "#,##0" + ("." + "0" * digits if digits else "")
            assert i18n.format_number(value, digits) == format_decimal(value, format=pattern, locale=locale)
            # Percents: where babel's half-to-even and our whole values without decimals make no difference
            # (not on a tie, not a whole value), the same text as babel's, marks and grouping included.
            theirs = format_percent(value, format=pattern + "%", locale=locale)
            scaled = abs(Decimal(str(value)) * 100 * 10 ** digits)
            whole = digits and set(theirs.rstrip("%")[-digits:]) == {"0"}
            zero = scaled < Decimal("0.5")  # babel keeps the sign of a negative value that rounds to nothing
            if scaled % 1 != Decimal("0.5") and not whole and not zero:
                assert i18n.format_percent(value, digits=digits) == theirs, (value, digits)


@pytest.mark.parametrize(("lang", "locale"), [("vi", "vi_VN"), ("en", "en_GB")])
def test_month_names_of_documents_read_as_babel_gives_them(lang, locale):
    from babel.dates import get_month_names

    from desktop_app.reports.common import month_name

    i18n.set_language(lang)
    assert [month_name(m) for m in range(1, 13)] == [get_month_names("wide", locale=locale)[m] for m in range(1, 13)]
