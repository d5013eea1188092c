"""Settings: organisation details, the language switch and the working-day calendar."""

from __future__ import annotations

import datetime as dt

import pytest
from ui_helpers import TODAY, context_on

from desktop_app.services.common import settings
from desktop_app.services.organisation import calendar_days, organisation
from desktop_app.ui.views.settings_view import SettingsView


@pytest.fixture
def view(qtbot, org):
    v = SettingsView(context_on(TODAY))
    qtbot.addWidget(v)
    v.show()
    return v


def test_organisation_details_are_saved(view):
    assert view.form.fields["name"].widget.text() == "Đảng bộ xã Mường Ảng"
    assert not view.save_button.isEnabled()
    view.form.fields["place"].widget.setText("Ẳng Nưa")
    view.form.fields["authorised_to_admit"].widget.setChecked(True)
    assert view.save() is True
    org = organisation.get_organisation()
    assert org.place == "Ẳng Nưa" and org.authorised_to_admit is True


def test_name_is_required(view):
    view.form.fields["name"].widget.setText("")
    assert not view.save_button.isEnabled()


def test_language_switch_is_stored_and_announced(view):
    asked = []
    view.context.hub.language_change_requested.connect(asked.append)
    view.language.setCurrentIndex(view.language.findData("en"))
    view.apply_language()
    assert asked == ["en"]
    assert settings.get("language") == "en"


def test_extra_day_off_is_added_and_removed(view):
    panel = view.calendar
    panel.year.setValue(2027)
    panel.form.fields["date"].widget.setText("11/02/2027")  # a Thursday given off
    panel.form.fields["note"].widget.setText("Nghỉ bù Tết")
    panel.add_day()
    days = calendar_days.list_days(2027)
    assert [(d.date, d.kind) for d in days] == [(dt.date(2027, 2, 11), calendar_days.OFF)]
    assert panel.model.rowCount() == 1
    panel.table.selectRow(0)
    panel.remove_day()
    assert calendar_days.list_days(2027) == []


def test_weekend_cannot_be_an_extra_day_off(view):
    view.calendar.form.fields["date"].widget.setText("14/11/2026")  # a Saturday
    view.calendar.add_day()
    assert view.calendar.form.fields["date"].error.text()
    assert calendar_days.list_days(2026) == []


def test_backup_settings_are_saved(view, tmp_path, monkeypatch):
    from ui_helpers import quiet_boxes

    from desktop_app.services.datafile import backups

    shown = quiet_boxes(monkeypatch)
    panel = view.security
    panel.folder.setText(str(tmp_path / "missing"))
    assert panel.save() is False and shown  # an unreachable folder is refused
    panel.folder.setText(str(tmp_path))
    panel.keep.setValue(7)
    assert panel.save() is True
    assert settings.get("backup.folder") == str(tmp_path) and backups.keep_count() == 7
    assert not panel.change_button.isVisibleTo(panel)  # no password yet


def test_masking_of_identifiers_is_saved_with_the_other_protection_settings(view):
    panel = view.security
    assert panel.mask.isChecked()  # lists mask identifiers unless told otherwise
    panel.mask.setChecked(False)
    panel.keep.setValue(4)
    assert panel.save() is True
    assert settings.get(settings.MASK_IDS) is False and settings.get(settings.BACKUP_KEEP) == 4
