"""Branches: list with counts, the form with inline validation, the yearly quota."""

from __future__ import annotations

import pytest
from ui_helpers import TODAY, context_on, quiet_boxes, seed

from desktop_app.services.organisation import branches, quotas
from desktop_app.ui.views.branches_view import BranchesView


@pytest.fixture
def view(qtbot, org):
    _org, branch = org
    seed(branch.id)
    v = BranchesView(context_on(TODAY))
    qtbot.addWidget(v)
    v.show()
    return v


def test_list_shows_member_counts(view):
    row = view.model.row_at(0)
    assert row.code == "CB01"
    assert row.members == 6  # five official, one probationary
    assert view.form.fields["code"].widget.text() == "CB01"
    assert "Cảm tình Đảng" in view.counts_label.text() or "sympathiser" in view.counts_label.text().lower()


def test_new_branch_save_enabled_only_when_complete(view):
    view.new_branch()
    assert not view.save_button.isEnabled()
    view.form.fields["code"].widget.setText("CB02")
    assert not view.save_button.isEnabled()  # the name is required too
    view.form.fields["name"].widget.setText("Chi bộ bản Huổi Sứa")
    assert view.save_button.isEnabled()
    assert view.save() is True
    created = [b for b in branches.list_branches() if b.code == "CB02"]
    assert created and created[0].name == "Chi bộ bản Huổi Sứa"
    assert view.model.rowCount() == 2


def test_duplicate_code_is_refused_beside_the_field(view):
    view.new_branch()
    view.form.fields["code"].widget.setText("CB01")
    view.form.fields["name"].widget.setText("Trùng mã")
    assert view.save() is False
    assert "CB01" in view.form.fields["code"].error.text()
    assert len(branches.list_branches()) == 1


def test_edit_and_undo(view, monkeypatch):
    quiet_boxes(monkeypatch)
    view.form.fields["name"].widget.setText("Chi bộ bản Co Muông mới")
    assert view.has_unsaved_changes()
    view.revert()
    assert view.form.fields["name"].widget.text() == "Chi bộ bản Co Muông"
    view.form.fields["rural"].widget.setChecked(False)
    assert view.save() is True
    assert branches.list_branches()[0].rural is False


def test_secretary_must_be_chosen_from_members(view):
    combo = view.secretary
    names = [combo.itemText(i) for i in range(combo.count())]
    assert "Nguyễn Văn Bình" in names and "Lường Thị Hoa" not in names  # a candidate cannot be secretary
    combo.setCurrentIndex(names.index("Nguyễn Văn Bình"))
    assert view.save() is True
    assert branches.list_branches()[0].secretary == "Nguyễn Văn Bình"


def test_quota_for_the_year(view):
    view.quota_year.setValue(2026)
    view.quota_target.setValue(4)
    view.save_quota()
    bid = view.current_id
    assert quotas.quotas(2026)[bid] == 4
    assert "4" in view.quota_progress.text()


def test_delete_refused_while_the_branch_has_members(view, monkeypatch):
    shown = quiet_boxes(monkeypatch)
    view.delete_branch()
    assert any(kind == "warning" for kind, _text in shown)
    assert len(branches.list_branches()) == 1


def test_the_organisation_target_is_set_above_the_list(view):
    """One plan: the organisation's own target, the branches' targets added up beside it."""
    view.quota_year.setValue(2026)
    view.quota_target.setValue(4)
    view.save_quota()
    view.org_quota_year.setValue(2026)
    view.org_quota_target.setValue(9)
    view.save_org_quota()
    assert quotas.quotas(2026) == {view.current_id: 4, None: 9}
    assert "4" in view.org_quota_note.text()
    view.org_quota_year.setValue(2025)
    assert view.org_quota_target.value() == 0
    view.org_quota_year.setValue(2026)
    assert view.org_quota_target.value() == 9
