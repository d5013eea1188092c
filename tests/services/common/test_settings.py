"""services.common.settings: every setting declared once, with its default; damaged values read as the default,
refused values write nothing, several settings save in one transaction, and no call site carries a default."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

from desktop_app.services.common import settings
from desktop_app.services.common.errors import ValidationError
from desktop_app.store.models import AuditEntry, Setting

SOURCE = Path(__file__).resolve().parents[3] / "desktop_app"


def test_every_declaration_has_a_title_and_a_default_it_accepts():
    assert settings.REGISTRY, "nothing declared"
    for key, declared in settings.REGISTRY.items():
        assert declared.key == key and declared.title
        assert declared.accepts(declared.default), key


def test_nothing_stored_reads_as_the_declared_default(db):
    assert settings.get(settings.BACKUP_KEEP) == 10
    assert settings.get(settings.LANGUAGE) == ""
    assert settings.get(settings.REPORT_MARGINS) == {"top": 20, "bottom": 20, "left": 30, "right": 15}


@pytest.mark.parametrize("stored", ["{not json", '"ten"', "true", "0", "400", "null"])
def test_a_damaged_value_reads_as_the_default_and_is_logged(db, caplog, stored):
    Setting.create(key=settings.BACKUP_KEEP.key, value=stored)
    with caplog.at_level(logging.WARNING, logger="desktop_app.services.common.settings"):
        assert settings.get(settings.BACKUP_KEEP) == 10
        assert settings.get_many([settings.BACKUP_KEEP]) == {"backup.keep": 10}
    assert "backup.keep" in caplog.text


def test_a_default_handed_out_cannot_change_the_declaration(db):
    margins = settings.get(settings.REPORT_MARGINS)
    margins["top"] = 55
    assert settings.REPORT_MARGINS.default["top"] == 20
    assert settings.get(settings.REPORT_MARGINS)["top"] == 20


def test_a_declared_setting_takes_no_other_default(db):
    with pytest.raises(TypeError):
        settings.get(settings.BACKUP_KEEP, 3)


@pytest.mark.parametrize(("setting", "value"), [
    (settings.BACKUP_KEEP, 0), (settings.BACKUP_KEEP, "10"), (settings.BACKUP_KEEP, True),
    (settings.IDLE_LOCK_MINUTES, 241), (settings.LANGUAGE, "fr"), (settings.MASK_IDS, 1),
    (settings.REPORT_MARGINS, {"top": 2}), (settings.REPORT_MARGINS, {"middle": 20}),
    (settings.RULE_OVERRIDES, {"dossier_stale_months": -1}), ("no.such.setting", 1),
])
def test_refused_values_write_nothing(db, setting, value):
    entries = AuditEntry.select().count()
    with pytest.raises(ValidationError):
        settings.set(setting, value)
    assert Setting.select().where(Setting.key.not_in(list(settings.RESERVED))).count() == 0
    assert AuditEntry.select().count() == entries


def test_set_many_writes_all_in_one_transaction_or_nothing(db):
    with pytest.raises(ValidationError) as refused:
        settings.set_many({settings.BACKUP_KEEP: 5, settings.IDLE_LOCK_MINUTES: -1})
    assert set(refused.value.errors) == {"security.idle_lock_minutes"}
    assert settings.get(settings.BACKUP_KEEP) == 10  # the good value was not written either
    settings.set_many({settings.BACKUP_KEEP: 5, settings.IDLE_LOCK_MINUTES: 30, settings.BACKUP_FOLDER: "/x"})
    assert [settings.get(s) for s in (settings.BACKUP_KEEP, settings.IDLE_LOCK_MINUTES, settings.BACKUP_FOLDER)] \
        == [5, 30, "/x"]
    assert AuditEntry.select().where(AuditEntry.table == "setting").count() == 3


def test_saving_an_unchanged_value_records_nothing(db):
    settings.set(settings.BACKUP_KEEP, 5)
    entries = AuditEntry.select().count()
    settings.set(settings.BACKUP_KEEP, 5)
    assert AuditEntry.select().count() == entries


def _calls(text: str, name: str) -> list[str]:
    """The argument lists of each call of *name* in *text*, brackets balanced."""
    found = []
    for match in re.finditer(re.escape(name) + r"\(", text):
        depth, start = 1, match.end()
        end = start
        while depth and end < len(text):
            depth += {"(": 1, ")": -1}.get(text[end], 0)
            end += 1
        found.append(text[start:end - 1])
    return found


def test_no_call_site_names_a_setting_by_its_key_or_gives_it_a_default():
    """Every read and write of a setting goes through its declaration, so its default lives in one place."""
    offenders = []
    for path in SOURCE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for name in ("settings.get", "settings.set", "settings.set_many", "settings.get_many"):
            for args in _calls(text, name):
                if re.match(r"\s*[\"'f]", args) or (name == "settings.get" and "," in args):
                    offenders.append(f"{path.relative_to(SOURCE)}: {name}({args})")
    assert offenders == []
