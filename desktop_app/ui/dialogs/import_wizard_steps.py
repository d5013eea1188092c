"""The later steps of the import wizard: matching the columns, checking the rows, importing them;
and the background-task helper every step uses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop_app.i18n import N_, _, current_language, format_date, format_number, ngettext
from desktop_app.interchange import xlsx_export, xlsx_import
from desktop_app.interchange.columns import column_for
from desktop_app.interchange.progress import rows_text
from desktop_app.services.common.errors import Cancelled
from desktop_app.services.interchange import importing
from desktop_app.services.interchange.limits import WorkbookLimits
from desktop_app.ui.messages import error, explain
from desktop_app.ui.models.row_table import Column, RowTableModel, SortProxy
from desktop_app.ui.operation import Operation


class WizardState(Protocol):
    """What the steps read and set on the wizard that holds them (import_wizard.ImportWizard, a QWizard).

    A protocol rather than the class itself, so the steps need not import the wizard that imports them."""

    kind: str
    branch_id: int | None
    path: Path | None
    data: xlsx_import.SheetData | None
    mapping: dict[int, str]
    plan: importing.ImportPlan | None
    imported: int
    busy: int  # background tasks running: the wizard cannot close under them
    closing: bool  # asked to close while a task ran: it closes once the task has stopped
    limits: WorkbookLimits

    def close_now(self) -> None: ...


XLSX_FILTER = N_("Excel workbooks (*.xlsx)")
PROBLEM_COLOUR = "#b00020"
SHOWN_ROWS = 2000  # rows listed on the check page; all of them go into the workbook of problems


def _hint(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setObjectName("hint")
    return label


class ProgressRow(QWidget):
    """A progress bar, how far the work has got in words, and a Stop button; hidden when nothing runs."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.bar = QProgressBar(self)
        self.text = QLabel(self)
        self.text.setObjectName("progressText")
        self.stop = QPushButton(_("Stop"), self)
        self.stop.setObjectName("stopButton")
        self.stop.setToolTip(_("Stop and change nothing"))
        row.addWidget(self.bar, 1)
        row.addWidget(self.text)
        row.addWidget(self.stop)
        self.hide()


class _Busy:
    """The one operation a page waits for, shown on its progress row; results of one the page no longer wants
    are dropped. The page's Stop button (and closing the wizard) cancels it: the work unwinds and changes
    nothing."""

    def __init__(self, wizard: WizardState, row: ProgressRow):
        self.wizard, self.row = wizard, row
        self.bar = row.bar
        self.operation: Operation | None = None
        row.stop.clicked.connect(self.cancel)

    def start(self, operation: Operation, on_done, on_error) -> None:
        """Run *operation* (its work takes a ``progress`` callback), then *on_done(result)* or *on_error(exc)*
        (a stop arrives there as ``Cancelled``)."""
        self.operation = operation
        self.wizard.busy += 1
        self.bar.setRange(0, 0)
        self.row.text.setText("")
        self.row.stop.setEnabled(True)
        self.row.show()

        def progress(done: int, total: int, what: str) -> None:
            if self.operation is operation and total > 0 and not (operation.task and operation.task.cancelled):
                self.bar.setRange(0, total)
                self.bar.setValue(min(done, total))
                self.row.text.setText(what or rows_text(done, total))

        def finish(callback, value) -> None:
            self.wizard.busy -= 1
            if self.operation is operation:
                self.operation = None
                self.row.hide()
                if not self.wizard.closing:
                    callback(value)
            if self.wizard.closing and self.wizard.busy == 0:
                self.wizard.close_now()

        operation.cancellable().progress(progress)
        operation.success(lambda r: finish(on_done, r)).failure(lambda e: finish(on_error, e))
        operation.run()

    def cancel(self) -> None:
        if self.operation is not None:
            self.operation.cancel()
            self.row.stop.setEnabled(False)
            self.row.text.setText(_("Stopping…"))

    def forget(self) -> None:
        """Drop the operation's result (the page was left): one still running is stopped too."""
        if self.operation is not None:
            self.operation.cancel()
        self.operation = None
        self.row.hide()


class MappingPage(QWizardPage):
    def __init__(self, wizard: WizardState):
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(_("Match the columns"))
        self.setSubTitle(_("Each column of the sheet goes into one field. The columns were matched by their "
                           "headers; correct any that are wrong."))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("mappingTable")
        self.table.setHorizontalHeaderLabels([_("Column in the sheet"), _("Examples"), _("Goes into")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        self.warning = _hint("", self)
        layout.addWidget(self.warning)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:
        data, lang = self.w.data, current_language()
        fields = [c for c in xlsx_export.person_columns(self.w.kind) if not c.key.startswith("_")]
        self.table.setRowCount(len(data.headers))
        self.combos = []
        for index, header in enumerate(data.headers):
            letter = _column_letter(index)
            title = _("{letter}: {header}").format(letter=letter, header=header) if header else letter
            self.table.setItem(index, 0, QTableWidgetItem(title))
            samples = "; ".join(_shown(v) for v in data.sample(index))
            self.table.setItem(index, 1, QTableWidgetItem(samples))
            combo = QComboBox(self.table)
            combo.addItem(_("— not imported —"), None)
            for column in fields:
                combo.addItem(column.header(lang), column.key)
            combo.setCurrentIndex(max(combo.findData(self.w.mapping.get(index)), 0))
            combo.currentIndexChanged.connect(self._changed)
            self.table.setCellWidget(index, 2, combo)
            self.combos.append(combo)
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(2, 260)
        self._changed()

    def _changed(self, *_args) -> None:
        self.w.mapping = {i: c.currentData() for i, c in enumerate(self.combos) if c.currentData()}
        chosen = list(self.w.mapping.values())
        twice = sorted({k for k in chosen if chosen.count(k) > 1})
        if "full_name" not in chosen:
            self.warning.setText(_("Choose the column that holds the full names."))
        elif twice:
            self.warning.setText(_("“{field}” is chosen for more than one column.").format(
                field=column_for(twice[0]).header(current_language())))
        else:
            self.warning.setText("")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        chosen = list(self.w.mapping.values())
        return "full_name" in chosen and len(chosen) == len(set(chosen))


def _shown(value) -> str:
    """A cell as the user typed it: dates dd/mm/yyyy, whole numbers without ".0"."""
    if isinstance(value, dt.datetime | dt.date):
        return format_date(value.date() if isinstance(value, dt.datetime) else value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class PreviewPage(QWizardPage):
    def __init__(self, wizard: WizardState):
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(_("Check the rows"))
        self.setSubTitle(_("Every row has been checked. Rows with problems are not imported; save them, correct "
                           "them in Excel and import that file again."))
        self.setCommitPage(True)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("importSummary")
        layout.addWidget(self.summary)
        self.progress = ProgressRow(self)
        layout.addWidget(self.progress)
        self.only_problems = QCheckBox(_("Show only the rows with problems"), self)
        self.only_problems.setChecked(True)
        self.only_problems.toggled.connect(lambda _on: self._fill())
        layout.addWidget(self.only_problems)
        self.model = RowTableModel([
            Column(N_("Row"), lambda r: r.number, numeric=True),
            Column(N_("Full name"), lambda r: r.name),
            Column(N_("Problems"), lambda r: "; ".join(r.errors) if r.errors else _("Ready to import"),
                   color=lambda r: PROBLEM_COLOUR if r.errors else None),
        ], self)
        proxy = SortProxy(self)
        proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setObjectName("previewTable")
        self.view.setModel(proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        layout.addWidget(self.view, 1)
        self.more = _hint("", self)
        self.more.hide()
        layout.addWidget(self.more)
        self.save = QPushButton(_("Save the rows with problems…"), self)
        self.save.clicked.connect(lambda: save_problems(self, self.w))
        layout.addWidget(self.save, 0, Qt.AlignmentFlag.AlignLeft)
        self.busy = _Busy(wizard, self.progress)

    def initializePage(self) -> None:
        if self.w.plan is not None:
            self.w.plan.close()
        self.w.plan = None
        self.model.set_rows([])
        self.more.hide()
        self.save.setEnabled(False)
        count = self.w.data.row_count
        self.summary.setText(ngettext("Checking {n} row…", "Checking {n} rows…", count).format(n=format_number(count))
                             if count is not None else _("Checking the rows…"))
        self.w.setButtonText(QWizard.WizardButton.CommitButton, _("&Import"))
        self.busy.start(Operation(self, xlsx_import.check_workbook, self.w.kind, self.w.data, self.w.mapping,
                                  default_branch_id=self.w.branch_id, limits=self.w.limits).reading(),
                        on_done=self._checked, on_error=self._failed)

    def cleanupPage(self) -> None:
        self.busy.forget()

    def _checked(self, plan: importing.ImportPlan) -> None:
        self.w.plan = plan
        good, bad = len(plan.accepted), len(plan.refused)
        self.summary.setText(_("{good} rows can be imported; {bad} rows have problems and will be left out.").format(
            good=good, bad=bad))
        self.only_problems.setChecked(bad > 0)
        self.save.setEnabled(bad > 0)
        label = ngettext("&Import {n} row", "&Import {n} rows", good).format(n=good)
        self.w.setButtonText(QWizard.WizardButton.CommitButton, label)
        self._fill()
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self.summary.setText(_("Checking stopped; nothing was changed. Press Back, then Next to check the rows "
                                   "again."))
        else:
            self.summary.setText(explain(exc))
        self.completeChanged.emit()

    def _fill(self) -> None:
        plan = self.w.plan
        if plan is not None:
            rows = plan.refused if self.only_problems.isChecked() else plan.rows
            self.model.set_rows(rows.first(SHOWN_ROWS))
            self.more.setVisible(len(rows) > SHOWN_ROWS)
            self.more.setText(_("The first {shown} of {n} rows are listed; save the rows with problems to see them "
                                "all.").format(shown=SHOWN_ROWS, n=len(rows)))
            self.view.resizeColumnToContents(0)
            self.view.resizeColumnToContents(1)

    def isComplete(self) -> bool:
        return self.w.plan is not None and bool(self.w.plan.accepted)


def save_problems(parent: QWidget, wizard: WizardState) -> Path | None:
    """Ask where, and write the refused rows with their problems."""
    stem = wizard.path.stem if wizard.path else "import"
    start = str((wizard.path.parent if wizard.path else Path.home()) / _("{name} - problems.xlsx").format(name=stem))
    name, _f = QFileDialog.getSaveFileName(parent, _("Save the rows with problems…"), start, _(XLSX_FILTER))
    if not name:
        return None
    target = Path(name) if name.lower().endswith(".xlsx") else Path(name + ".xlsx")
    try:
        xlsx_import.write_errors(target, wizard.data, wizard.plan, wizard.mapping)
    except Exception as exc:
        error(parent, _("Save the rows with problems…"), exc)
        return None
    return target


class ResultPage(QWizardPage):
    def __init__(self, wizard: WizardState):
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(_("Import"))
        self.setSubTitle(_("The rows are written in one go: either all of them are imported, or none."))
        layout = QVBoxLayout(self)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setObjectName("importResult")
        layout.addWidget(self.label)
        self.progress = ProgressRow(self)
        layout.addWidget(self.progress)
        self.save = QPushButton(_("Save the rows with problems…"), self)
        self.save.clicked.connect(lambda: save_problems(self, self.w))
        self.save.hide()
        layout.addWidget(self.save, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.ended = False
        self.busy = _Busy(wizard, self.progress)

    def initializePage(self) -> None:
        self.ended = False
        count = len(self.w.plan.accepted)
        self.label.setText(ngettext("Importing {n} row…", "Importing {n} rows…", count).format(n=format_number(count)))
        self.busy.start(Operation(self, importing.write_plan, self.w.plan, source=self.w.path.name),
                        on_done=self._written, on_error=self._failed)

    def _written(self, count: int) -> None:
        self.w.imported = count
        text = (ngettext("Imported {n} party member.", "Imported {n} party members.", count)
                if self.w.kind == importing.MEMBERS else
                ngettext("Imported {n} candidate.", "Imported {n} candidates.", count)).format(n=count)
        refused = len(self.w.plan.refused)
        if refused:
            text += "\n" + ngettext("{n} row with problems was left out.", "{n} rows with problems were left out.",
                                     refused).format(n=refused)
            self.save.show()
        self._finish(text)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self._finish(_("Import stopped: nothing was imported."))
        else:
            self._finish(explain(exc) + "\n" + _("Nothing was imported."))

    def _finish(self, text: str) -> None:
        self.label.setText(text)
        self.ended = True
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.ended
