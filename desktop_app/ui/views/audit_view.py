"""The audit trail: who changed, printed, exported, backed up or revealed what, and when, newest first,
with filters; the selected entry's before and after values below; a button that verifies the chain."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
)

from desktop_app.i18n import N_, _, format_date, pgettext
from desktop_app.services.datafile import audit_log, maintenance
from desktop_app.ui.context import AUDIT
from desktop_app.ui.models.row_table import Column, RowTableModel
from desktop_app.ui.views.base import BaseView
from desktop_app.ui.widgets.table import RowTable

PAGE = 500
ACTION_LABELS = {
    "create": N_("Created"), "update": N_("Changed"), "delete": N_("Deleted"), "restore": N_("Restored"),
    "print": N_("Printed"), "export": N_("Exported"), "backup": N_("Backed up"), "reveal": N_("Revealed"),
    "password set": N_("Password set"), "password changed": N_("Password changed"),
    "password removed": N_("Password removed"), "carry": N_("Carried over"), "repair": N_("Trail repaired"),
    "copy": N_("Copied"), "issue": N_("Number issued"), "import": N_("Imported"),
}


def table_labels() -> dict[str, str]:
    """What kind of record an entry is about (a context keeps "Person" apart from other uses)."""
    return {
        "person": pgettext("audit record", "Person"), "branch": pgettext("audit record", "Branch"),
        "organisation": pgettext("audit record", "Organisation"), "meeting": pgettext("audit record", "Meeting"),
        "attendance": pgettext("audit record", "Attendance"), "decision": pgettext("audit record", "Decision"),
        "sponsorship": pgettext("audit record", "Helper or introducer"),
        "stageevent": pgettext("audit record", "Step of the admission"),
        "dossieritem": pgettext("audit record", "Dossier paper"), "quota": pgettext("audit record", "Quota"),
        "progressnote": pgettext("audit record", "Progress report"), "actionitem": pgettext("audit record", "Task"),
        "setting": pgettext("audit record", "Setting"), "database": pgettext("audit record", "Database file"),
        "report": pgettext("audit record", "Document"),
    }


def table_label(table: str) -> str:
    return table_labels().get(table, table)


def action_label(action: str) -> str:
    return _(ACTION_LABELS[action]) if action in ACTION_LABELS else action


def _when(at) -> str:
    return f"{format_date(at.date())} {at:%H:%M:%S}" if hasattr(at, "date") else str(at)


COLUMNS = (
    Column(N_("Date and time"), lambda r: _when(r.at), sort=lambda r: r.id),
    Column(N_("Who"), lambda r: r.actor),
    Column(N_("Action"), lambda r: action_label(r.action)),
    Column(N_("Record"), lambda r: table_label(r.table)),
    Column(N_("Concerning"), lambda r: r.record_label),
    Column(N_("Fields"), lambda r: ", ".join(r.changes)),
)


def _pretty(text: str) -> str:
    if not text:
        return ""
    try:
        return json.dumps(json.loads(text), ensure_ascii=False, indent=2, sort_keys=True)
    except ValueError:
        return text


class AuditView(BaseView):
    KEY = "audit"
    WATCHES = (AUDIT,)  # every write, print and export adds to the trail

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.action_box = QComboBox(self)
        self.table_box = QComboBox(self)
        self.text_box = QLineEdit(self)
        self.text_box.setClearButtonEnabled(True)
        self.verify_button = QPushButton(self)
        self.verify_button.clicked.connect(self.verify)
        self.repair_button = QPushButton(self)
        self.repair_button.clicked.connect(self.repair)
        self.repair_button.hide()  # offered once a check finds the trail altered
        self._found: list[str] = []
        self.action_label = QLabel(self)
        self.table_label = QLabel(self)
        for widget in (self.action_label, self.action_box, self.table_label, self.table_box):
            filters.addWidget(widget)
        filters.addWidget(self.text_box, 1)
        filters.addWidget(self.verify_button)
        filters.addWidget(self.repair_button)
        layout.addLayout(filters)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.model = RowTableModel(COLUMNS, self)
        self.table = RowTable(self.model, split, stretch=4)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        self.details = QPlainTextEdit(split)
        self.details.setReadOnly(True)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setSizes([500, 200])
        layout.addWidget(split, 1)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.refresh)
        self.text_box.textChanged.connect(self._debounce.start)
        self.action_box.currentIndexChanged.connect(self.refresh)
        self.table_box.currentIndexChanged.connect(self.refresh)
        self.retranslate_ui()

    def title(self) -> str:
        return _("Audit trail")

    def retranslate_ui(self) -> None:
        self.action_label.setText(_("Action"))
        self.table_label.setText(_("Record"))
        self.text_box.setPlaceholderText(_("Name or word…"))
        self.verify_button.setText(_("Verify the trail"))
        self.repair_button.setText(_("Repair the trail…"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._fill_filters()

    def _fill_filters(self) -> None:
        for box, values, label in ((self.action_box, audit_log.actions, action_label),
                                   (self.table_box, audit_log.tables, table_label)):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(_("All"), None)
            try:
                for value in values():
                    box.addItem(label(value), value)
            except Exception:  # no database open yet
                pass
            index = box.findData(current)
            box.setCurrentIndex(max(0, index))
            box.blockSignals(False)

    def filters(self) -> dict:
        return {"action": self.action_box.currentData(), "table": self.table_box.currentData(),
                "text": self.text_box.text().strip() or None}

    def refresh(self) -> None:
        self._fill_filters()
        filters = self.filters()
        rows = audit_log.list_entries(limit=PAGE, **filters)
        self.model.set_rows(rows)
        for column in range(len(COLUMNS) - 2):
            self.table.resizeColumnToContents(column)
        total = audit_log.count_entries(**filters)
        self.status.setText(_("{shown} of {total} entries, newest first.").format(shown=len(rows), total=total))
        self.details.clear()

    def _on_row(self, current, _previous=None) -> None:
        row = self.model.row_at(self.table.proxy.mapToSource(current).row()) if current.isValid() else None
        if row is None:
            self.details.clear()
            return
        parts = []
        if row.before:
            parts += [_("Before:"), _pretty(row.before)]
        if row.after:
            parts += [_("After:"), _pretty(row.after)]
        self.details.setPlainText("\n".join(parts))

    def verify(self) -> None:
        """The full check (integrity, foreign keys, schema, whole chain) on a worker thread."""
        from desktop_app.ui.operation import Operation

        self.verify_button.setEnabled(False)
        self.status.setText(_("Checking the database and its audit trail…"))
        Operation(self, maintenance.check).reading().success(self._verified) \
            .failure(lambda exc: self._verified(None, exc)).run()

    def _verified(self, report, exc: BaseException | None = None) -> None:
        self.verify_button.setEnabled(True)
        if report is None:
            from desktop_app.ui.messages import explain

            self.status.setText(explain(exc))
        elif report.healthy:
            self.status.setText(_("The database and its audit trail are intact."))
            self.repair_button.hide()
        else:
            self.status.setText("\n".join(report.problems))
            self._found = list(report.problems)
            self.repair_button.setVisible(bool(report.trail) and not report.damaged)

    def repair(self) -> None:
        """Re-anchor the trail after a check found it altered (committee staff; the entry says who and why)."""
        from desktop_app.ui.dialogs import repair_dialog

        result = repair_dialog.run(self._found, self)
        if result is None:
            return
        self.repair_button.hide()
        self.refresh()
        self.mark_fresh()
        self.status.setText(_("The audit trail was re-anchored; its newest entry records who repaired it, why, and "
                              "what was found."))
