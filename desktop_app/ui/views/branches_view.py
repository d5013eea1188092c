"""Branches: the list with member counts, and beside it the selected branch's details and its quota; above
them the organisation's own yearly admission target, with the branches' targets added up beside it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.enums import BranchKind, Status
from desktop_app.i18n import N_, _, format_plan
from desktop_app.services.common.errors import ServiceError
from desktop_app.services.documents import report_data
from desktop_app.services.organisation import branches, quotas
from desktop_app.services.people import people
from desktop_app.ui import context as kinds
from desktop_app.ui.messages import ask_discard, confirm, error, show_write_error
from desktop_app.ui.models.row_table import Column, RowTableModel
from desktop_app.ui.views.base import BaseView
from desktop_app.ui.widgets.form import Form
from desktop_app.ui.widgets.table import RowTable

COLUMNS = (
    Column(N_("Code"), lambda r: r.code),
    Column(N_("Branch"), lambda r: r.name),
    Column(N_("Members"), lambda r: r.members, numeric=True),
    Column(N_("Probationary"), lambda r: r.counts.get(Status.PROBATIONARY, 0), numeric=True),
    Column(N_("Candidates"), lambda r: sum(r.counts.get(s, 0) for s in Status.CANDIDATES), numeric=True),
    Column(N_("Secretary"), lambda r: r.secretary),
    Column(N_("Active"), lambda r: r.active),
)
MEMBER_ROLES = (Status.OFFICIAL, Status.PROBATIONARY)


class BranchesView(BaseView):
    KEY = "branches"
    WATCHES = (kinds.BRANCHES, kinds.PEOPLE, kinds.QUOTAS)

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.current_id: int | None = None
        self.creating = False
        self.dirty = False
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(self.new_branch)
        self.delete_button = QPushButton(self)
        self.delete_button.clicked.connect(self.delete_branch)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        target_row = QHBoxLayout()  # the organisation's own plan, on a line of its own
        self.org_quota_title = QLabel(self)
        self.org_quota_year = QSpinBox(self)
        self.org_quota_year.setRange(2000, 2100)
        self.org_quota_year.setValue(self.context.today().year)
        self.org_quota_year.valueChanged.connect(self._load_org_quota)
        self.org_quota_target = QSpinBox(self)
        self.org_quota_target.setObjectName("orgQuotaTarget")
        self.org_quota_target.setRange(0, 100000)
        self.org_quota_save = QPushButton(self)
        self.org_quota_save.clicked.connect(self.save_org_quota)
        self.org_quota_note = QLabel(self)
        self.org_quota_note.setObjectName("hint")
        for widget in (self.org_quota_title, self.org_quota_year, self.org_quota_target, self.org_quota_save,
                       self.org_quota_note):
            target_row.addWidget(widget)
        target_row.addStretch(1)
        layout.addLayout(target_row)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.model = RowTableModel(COLUMNS, self)
        self.table = RowTable(self.model, split, stretch=1)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        split.addWidget(self.table)
        split.addWidget(self._build_editor(split))
        split.setSizes([590, 540])
        layout.addWidget(split, 1)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_branch)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self.retranslate_ui()

    def _build_editor(self, parent: QWidget) -> QWidget:
        scroll = QScrollArea(parent)
        scroll.setWidgetResizable(True)
        panel = QWidget(scroll)
        box = QVBoxLayout(panel)
        self.form = Form(panel)
        self.details = self.form.section("")
        self.form.add_text("code", _("Code"), required=True, max_length=32)
        self.form.add_text("name", _("Name"), required=True)
        self.form.add_choice("kind", _("Kind"), BranchKind.choices())
        self.form.add_check("rural", _("Rural area"))
        self.secretary = self.form.add_choice("secretary", _("Secretary"), [(None, "")])
        self.deputy = self.form.add_choice("deputy", _("Deputy secretary"), [(None, "")])
        self.form.add_check("active", _("Active"))
        self.form.add_note("note", _("Note"), height=60)
        self.form.changed.connect(self._on_edit)
        box.addWidget(self.details)
        actions = QHBoxLayout()
        self.save_button = QPushButton(panel)
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(panel)
        self.revert_button.clicked.connect(self.revert)
        actions.addStretch(1)
        actions.addWidget(self.revert_button)
        actions.addWidget(self.save_button)
        box.addLayout(actions)
        self.counts_label = QLabel(panel)
        self.counts_label.setObjectName("summary")
        self.counts_label.setWordWrap(True)
        box.addWidget(self.counts_label)
        quota_row = QHBoxLayout()
        self.quota_title = QLabel(panel)
        self.quota_year = QSpinBox(panel)
        self.quota_year.setRange(2000, 2100)
        self.quota_year.setValue(self.context.today().year)
        self.quota_year.valueChanged.connect(self._load_quota)
        self.quota_target = QSpinBox(panel)
        self.quota_target.setObjectName("quotaTarget")
        self.quota_target.setRange(0, 1000)
        self.quota_save = QPushButton(panel)
        self.quota_save.clicked.connect(self.save_quota)
        for widget in (self.quota_title, self.quota_year, self.quota_target, self.quota_save):
            quota_row.addWidget(widget)
        quota_row.addStretch(1)
        box.addLayout(quota_row)
        self.quota_progress = QLabel(panel)
        box.addWidget(self.quota_progress)
        box.addStretch(1)
        scroll.setWidget(panel)
        self.editor = panel
        return scroll

    def title(self) -> str:
        return _("Branches")

    def retranslate_ui(self) -> None:
        self.new_button.setText(_("&New branch (Ctrl+N)"))
        self.delete_button.setText(_("Delete branch"))
        self.save_button.setText(_("&Save (Ctrl+S)"))
        self.revert_button.setText(_("Undo changes"))
        self.quota_title.setText(_("Admission quota for"))
        self.quota_save.setText(_("Save quota"))
        self.org_quota_title.setText(_("Target of the organisation for"))
        self.org_quota_save.setText(_("Save target"))
        self.model.retranslate()

    # ---- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        keep = self.current_id
        self._load_org_quota()
        rows = branches.list_branches()
        self.model.set_rows(rows)
        self.table.fit_columns()
        if self.creating:
            return
        if keep is None or not self.table.select_where(lambda r: r.id == keep):
            if not self.table.select_where(lambda r: r.id == self.branch_id) and rows:
                self.table.selectRow(0)
        if not rows:
            self._show(None)

    def _on_row(self, current, _previous) -> None:
        row = current.data(Qt.ItemDataRole.UserRole) if current.isValid() else None
        if row is not None and row.id == self.current_id and not self.creating:
            return
        if self.dirty and not ask_discard(self):
            selection = self.table.selectionModel()
            selection.blockSignals(True)
            self.table.select_where(lambda r: r.id == self.current_id)
            selection.blockSignals(False)
            return
        self._show(row)

    def _member_choices(self, branch_id: int | None) -> list[tuple[int | None, str]]:
        choices: list[tuple[int | None, str]] = [(None, _("(none)"))]
        if branch_id is not None:
            choices += [(p.id, p.full_name) for p in people.list_people(branch_id=branch_id, statuses=MEMBER_ROLES)]
        return choices

    def _fill_people(self, branch_id: int | None) -> None:
        for combo in (self.secretary, self.deputy):
            combo.blockSignals(True)
            combo.clear()
            for pid, label in self._member_choices(branch_id):
                combo.addItem(label, pid)
            combo.blockSignals(False)

    def _show(self, row) -> None:
        self.creating = False
        self.current_id = row.id if row is not None else None
        self.editor.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None)
        self._fill_people(self.current_id)
        if row is None:
            self.form.set_values({"code": "", "name": "", "kind": "other", "rural": False, "active": True, "note": ""})
            self.details.setTitle(_("No branch yet: press “New branch”."))
            self.counts_label.setText("")
            self._set_dirty(False)
            return
        branch = branches.get_branch(row.id)
        self.current_version = branch.version  # sent back on save: a branch saved meanwhile is not overwritten
        self.form.set_values({"code": branch.code, "name": branch.name, "kind": branch.kind, "rural": branch.rural,
                              "secretary": branch.secretary_id, "deputy": branch.deputy_id, "active": branch.active,
                              "note": branch.note})
        self.details.setTitle(_("Branch {code}").format(code=branch.code))
        parts = [f"{_(label)}: {row.counts.get(code, 0)}" for code, label in
                 ((c, m) for c, m in Status.ITEMS if row.counts.get(c, 0))]
        self.counts_label.setText(_("People by status — {counts}").format(counts="; ".join(parts) or _("none yet")))
        self._load_quota()
        self._set_dirty(False)

    def _load_quota(self) -> None:
        if self.current_id is None:
            return
        year = self.quota_year.value()
        target = quotas.quotas(year).get(self.current_id, 0)
        self.quota_target.setValue(target)
        line = next((x for x in report_data.quota_data(year, as_of=self.context.today()).branches
                     if x.branch_id == self.current_id), None)
        done = line.admitted if line else 0
        if target:
            self.quota_progress.setText(_("{year}: {done} admitted of {target} planned, {plan}.").format(
                year=year, done=done, target=target, plan=format_plan(done, target)))
        else:
            self.quota_progress.setText(_("{year}: {done} admitted; no quota set.").format(year=year, done=done))

    # ---- editing ----------------------------------------------------------------------------

    def _on_edit(self) -> None:
        self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self.save_button.setEnabled(dirty and self.form.complete())
        self.revert_button.setEnabled(dirty)

    def has_unsaved_changes(self) -> bool:
        return self.dirty

    def new_branch(self) -> None:
        if self.dirty and not ask_discard(self):
            return
        self.table.clearSelection()
        self.creating = True
        self.current_id = None
        self.editor.setEnabled(True)
        self._fill_people(None)
        self.form.set_values({"code": "", "name": "", "kind": "village", "rural": False, "secretary": None,
                              "deputy": None, "active": True, "note": ""})
        self.details.setTitle(_("New branch"))
        self.counts_label.setText("")
        self.quota_progress.setText("")
        self._set_dirty(False)
        self.form.fields["code"].widget.setFocus()

    def revert(self) -> None:
        if self.creating:
            self.creating = False
            self.dirty = False
            self.refresh()
            return
        self.dirty = False
        self._show(self.table.current_row())

    def save(self) -> bool:
        if not self.dirty or not self.form.complete():
            return False
        values = self.form.values()
        if self.creating:
            values.pop("secretary", None)
            values.pop("deputy", None)
        try:
            if self.creating:
                saved = branches.create_branch(values)
            else:
                saved = branches.update_branch(self.current_id,
                                               {**values, "version": getattr(self, "current_version", None)})
        except ServiceError as exc:
            show_write_error(self, self.title(), exc, self.form.set_errors)
            return False
        self.creating = False
        self.dirty = False
        self.current_id, self.current_version = saved.id, saved.version
        self.context.message(_("Branch {code} saved.").format(code=saved.code))
        self.refresh_if_stale()
        return True

    def delete_branch(self) -> None:
        row = self.table.current_row()
        if row is None:
            return
        if not confirm(self, _("Delete branch"),
                       _("Delete the branch {code} – {name}? It can be restored later.").format(
                           code=row.code, name=row.name)):
            return
        try:
            branches.delete_branch(row.id)
        except ServiceError as exc:
            error(self, _("Delete branch"), exc)
            return
        self.current_id = None
        self.dirty = False

    def _load_org_quota(self) -> None:
        year = self.org_quota_year.value()
        targets = quotas.quotas(year)
        self.org_quota_target.setValue(targets.get(None, 0))
        branch_sum = sum(t for bid, t in targets.items() if bid is not None)
        self.org_quota_note.setText(_("branch targets added up: {n}").format(n=branch_sum))

    def save_org_quota(self) -> None:
        try:
            quotas.set_quota(None, self.org_quota_year.value(), self.org_quota_target.value())
        except ServiceError as exc:
            error(self, self.title(), exc)
            return
        self._load_org_quota()

    def save_quota(self) -> None:
        if self.current_id is None:
            return
        try:
            quotas.set_quota(self.current_id, self.quota_year.value(), self.quota_target.value())
        except ServiceError as exc:
            error(self, self.title(), exc)
            return
        self._load_quota()

    def open_record(self, kind: str, record_id: int) -> bool:
        if kind != "branch":
            return False
        self.refresh_if_stale()
        return self.table.select_where(lambda r: r.id == record_id)
