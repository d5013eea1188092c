"""Messages that count things read right for one as for many: English has two forms, Vietnamese one."""

from __future__ import annotations

import pytest

from desktop_app import i18n

CASES = [
    ("in {n} day", "in {n} days", "in 1 day", "in 3 days", "còn 1 ngày", "còn 3 ngày"),
    ("Exported {n} member to {path}.", "Exported {n} members to {path}.", "Exported 1 member to x.xlsx.",
     "Exported 3 members to x.xlsx.", None, None),
]


@pytest.fixture
def restore_language():
    yield
    i18n.set_language("vi")


@pytest.mark.parametrize(("singular", "plural", "en_one", "en_many", "vi_one", "vi_many"), CASES)
def test_counted_messages(restore_language, singular, plural, en_one, en_many, vi_one, vi_many):
    i18n.set_language("en")
    assert i18n.ngettext(singular, plural, 1).format(n=1, path="x.xlsx") == en_one
    assert i18n.ngettext(singular, plural, 3).format(n=3, path="x.xlsx") == en_many
    i18n.set_language("vi")
    one = i18n.ngettext(singular, plural, 1).format(n=1, path="x.xlsx")
    many = i18n.ngettext(singular, plural, 3).format(n=3, path="x.xlsx")
    assert one != en_one and many != en_many  # translated, in the one Vietnamese form
    if vi_one is not None:
        assert (one, many) == (vi_one, vi_many)
