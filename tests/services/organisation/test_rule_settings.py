"""Local rule settings: UNCONFIRMED parameters stay configurable (domain.md §7), refused values change nothing."""

import datetime as dt

import pytest

from desktop_app.core import rules
from desktop_app.services.common import settings
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.organisation import rule_settings
from desktop_app.store.models import Setting


@pytest.fixture(autouse=True)
def _clean_overrides():
    yield
    rules.set_overrides({})


def test_dossier_staleness_can_be_set_locally_and_applies_at_once(db):
    created = dt.date(2025, 1, 10)
    on = dt.date(2026, 3, 1)  # 13 months later: stale under the published 12 months (06-HD/TW wording UNCONFIRMED)
    assert rules.dossier_stale(created, on)
    rule_settings.save({"dossier_stale_months": 18})
    assert not rules.dossier_stale(created, on)
    assert settings.get(rules.SETTING_KEY) == {"dossier_stale_months": 18}
    values = {param.name: value for param, value in rule_settings.parameters()}
    assert values["dossier_stale_months"] == 18 and values["meeting_min_minutes"] == 90


def test_refused_values_write_nothing(db):
    with pytest.raises(ValidationError) as info:
        rule_settings.save({"dossier_stale_months": -3, "no_such_rule": 1})
    assert set(info.value.errors) == {"dossier_stale_months", "no_such_rule"}
    assert not Setting.select().where(Setting.key == rules.SETTING_KEY).exists()  # nothing stored


def test_defaults_are_not_stored(db):
    rule_settings.save({"meeting_min_minutes": 90})
    assert settings.get(rules.SETTING_KEY) == {}


def test_local_values_are_loaded_when_a_database_opens(tmp_path):
    from desktop_app.services.datafile import dbfile

    path = tmp_path / "a.sqlite3"
    dbfile.open_file(path, create=True, lock=False)
    rule_settings.save({"dossier_stale_months": 24})
    dbfile.close()
    rules.set_overrides({})
    dbfile.open_file(path, lock=False)
    assert rules.get_overrides() == {"dossier_stale_months": 24}
    dbfile.close()
