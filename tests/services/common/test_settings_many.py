"""settings.get_many reads several settings in one query and answers exactly as settings.get does."""

from __future__ import annotations

from desktop_app.services.common import settings
from desktop_app.store.models import Setting


def test_get_many_answers_as_get(db):
    settings.set("report.body_size", 13)
    settings.set("report.page_numbers", False)
    Setting.create(key="report.broken", value="{not json")
    Setting.create(key="report.blank", value="")
    keys = ["report.body_size", "report.page_numbers", "report.margins_mm", "report.broken", "report.blank",
            "report.unknown"]
    assert settings.get_many(keys) == {key: settings.get(key) for key in keys}
    assert settings.get_many(keys)["report.margins_mm"] == settings.DEFAULTS["report.margins_mm"]
