"""The import wizard: members or candidates from an Excel workbook, in four steps.

1. the workbook, its sheet, and the branch for rows that name none (the header row is found off the GUI thread);
2. which column goes into which field, guessed from the headers, correctable;
3. every row checked (off the GUI thread, streamed from the file), the rows with problems listed and savable
   as a workbook;
4. the import itself, in one transaction, with a progress bar.

Steps 3 and 4 show how far they have got and have a Stop button: a stopped check or import changes nothing.
Closing the wizard while a step works stops it first. The workbook is read within the import limits
(services.interchange.limits): a file far bigger than any list is refused with a message saying so.

``run_import_wizard(parent)`` returns True when people were imported, so the caller refreshes its lists.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop_app.i18n import _, format_number, ngettext
from desktop_app.interchange import xlsx_export, xlsx_import
from desktop_app.services.interchange import importing
from desktop_app.services.interchange import limits as import_limits
from desktop_app.services.organisation import branches
from desktop_app.ui.dialogs.import_wizard_steps import (
    XLSX_FILTER,
    MappingPage,
    PreviewPage,
    ProgressRow,
    ResultPage,
    _Busy,
    _hint,
)
from desktop_app.ui.messages import error, explain
from desktop_app.ui.operation import Operation
from desktop_app.ui.widgets.combo import compact


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(_("Choose the workbook"))
        self.setSubTitle(_("A list of members or candidates in an Excel workbook (.xlsx). The lists this program "
                           "exports are ready-made templates."))
        form = QFormLayout(self)
        self.kinds = QButtonGroup(self)
        kind_box = QVBoxLayout()
        for kind, text in ((importing.MEMBERS, _("Party members (official, probationary, exempt)")),
                           (importing.CANDIDATES, _("Candidates (outstanding mass members, sympathisers, "
                                                    "applicants)"))):
            button = QRadioButton(text, self)
            button.setObjectName(f"kind_{kind}")
            button.setChecked(kind == wizard.kind)
            button.toggled.connect(lambda on, k=kind: on and self._set_kind(k))
            self.kinds.addButton(button)
            kind_box.addWidget(button)
        form.addRow(_("Import:"), kind_box)
        row = QHBoxLayout()
        self.file = QLineEdit(self)
        self.file.setReadOnly(True)
        self.file.setObjectName("importFile")
        choose = QPushButton(_("&Choose…"), self)
        choose.clicked.connect(self._choose)
        row.addWidget(self.file, 1)
        row.addWidget(choose)
        form.addRow(_("Workbook:"), row)
        self.sheet = compact(QComboBox(self), 20)
        self.sheet.setObjectName("importSheet")
        self.sheet.activated.connect(lambda _i: self._read())
        form.addRow(_("Sheet:"), self.sheet)
        self.branch = compact(QComboBox(self), 24)
        self.branch.addItem(_("— none: refuse those rows —"), None)
        for branch_id, text in branches.branch_choices():
            self.branch.addItem(text, branch_id)
        default = wizard.branch_id or (self.branch.itemData(1) if self.branch.count() == 2 else None)
        self.branch.setCurrentIndex(max(self.branch.findData(default), 0))
        form.addRow(_("Rows without a branch go to:"), self.branch)
        self.status = _hint("", self)
        self.progress = ProgressRow(self)
        form.addRow(self.status)
        form.addRow(self.progress)
        template = QPushButton(_("Save an empty template…"), self)
        template.clicked.connect(self._template)
        form.addRow(_hint(_("Not sure how to lay out the sheet? Save an empty template, fill it in and import it: "
                            "its second sheet explains every column."), self))
        form.addRow("", template)
        self.busy = _Busy(wizard, self.progress)

    def _set_kind(self, kind: str) -> None:
        self.w.kind = kind

    def _choose(self) -> None:
        start = str(self.w.path.parent) if self.w.path else ""
        name, _f = QFileDialog.getOpenFileName(self, _("Choose the workbook"), start, _(XLSX_FILTER))
        if name:
            self.open(Path(name))

    def open(self, path: Path, sheet: str | None = None) -> None:
        """Take *path* (and read *sheet*, or the first sheet with a column of names)."""
        self.w.path, self.w.data = path, None
        self.file.setText(str(path))
        self.sheet.clear()
        self._read(sheet)

    def _read(self, sheet: str | None = None) -> None:
        if self.w.path is None:
            return
        sheet = sheet or (self.sheet.currentText() or None)
        self.w.data = None
        self.status.setText(_("Reading the sheet…"))
        self.completeChanged.emit()
        self.busy.start(Operation(self, xlsx_import.read_sheet, self.w.path, sheet, require_names=False,
                                  limits=self.w.limits).without_database(),
                        on_done=self._read_done, on_error=self._read_failed)

    def _read_done(self, data: xlsx_import.SheetData) -> None:
        self.w.data = data
        self.w.mapping = dict(data.mapping)
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(data.sheet_names)
        self.sheet.setCurrentText(data.sheet)
        self.sheet.blockSignals(False)
        rows = data.row_count
        if data.complete:
            text = ngettext("{n} row under the header in row {row}.", "{n} rows under the header in row {row}.",
                            rows)
        elif rows is not None:
            text = ngettext("About {n} row under the header in row {row}.",
                            "About {n} rows under the header in row {row}.", rows)
        else:
            text = _("The header is in row {row}; the rows under it are counted when they are checked.")
        self.status.setText(text.format(n=format_number(rows or 0), row=data.header_row))
        self.completeChanged.emit()

    def _read_failed(self, exc: BaseException) -> None:
        self.status.setText(explain(exc))
        self.completeChanged.emit()

    def _template(self) -> None:
        kind = self.w.kind
        default = _("Members template.xlsx") if kind == importing.MEMBERS else _("Candidates template.xlsx")
        name, _f = QFileDialog.getSaveFileName(self, _("Save an empty template…"), default, _(XLSX_FILTER))
        if not name:
            return
        try:
            xlsx_export.export_people(kind, Path(name), template=True)
        except Exception as exc:
            error(self, _("Save an empty template…"), exc)

    def isComplete(self) -> bool:
        return self.w.data is not None and self.w.data.has_rows

    def validatePage(self) -> bool:
        self.w.branch_id = self.branch.currentData()
        return True


class ImportWizard(QWizard):
    def __init__(self, parent: QWidget | None = None, *, kind: str = importing.MEMBERS, branch_id: int | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Import from Excel"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.kind, self.branch_id = kind, branch_id
        self.path: Path | None = None
        self.data: xlsx_import.SheetData | None = None
        self.mapping: dict[int, str] = {}
        self.plan: importing.ImportPlan | None = None
        self.imported = 0
        self.busy = 0  # background tasks running: the wizard closes once they have stopped
        self.closing = False
        self.limits = import_limits.current()
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.result_page = ResultPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.result_page):
            self.addPage(page)
        self.resize(900, 640)

    def reject(self) -> None:
        """Cancel, Esc or the close button: a step still working is stopped first (changing nothing), and the
        wizard closes when it has."""
        if self.busy:
            self.closing = True
            for page in (self.file_page, self.preview_page, self.result_page):
                page.busy.cancel()
            return
        super().reject()

    def close_now(self) -> None:
        self.closing = False
        super().reject()

    def done(self, result: int) -> None:
        if self.plan is not None:
            self.plan.close()  # the scratch file of the checked rows goes with the wizard
        super().done(result)


def run_import_wizard(parent: QWidget | None = None, *, kind: str = importing.MEMBERS,
                      branch_id: int | None = None) -> bool:
    """Show the wizard; True when people were imported (the views hear of it from the write itself)."""
    wizard = ImportWizard(parent, kind=kind, branch_id=branch_id)
    wizard.exec()
    return wizard.imported > 0
