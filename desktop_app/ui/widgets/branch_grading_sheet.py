"""The committee's side of the round: a line per branch with its members' counts per grade and share, the grade
the branch proposes for itself (typed: 1–4 or the first letter, 0 clears) and the committee's grade of it (given
in a dialog with its date, then locked; corrected by date). The counts of the branches' grades and the cap on
"excellent" among them show below."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.core import rules
from desktop_app.core.member_codes import Grade
from desktop_app.i18n import N_, _, format_percent
from desktop_app.services.common.errors import ServiceError, ValidationError
from desktop_app.services.year import branch_grades, summary
from desktop_app.ui.models.row_table import Column, RowTableModel
from desktop_app.ui.widgets.grading_sheet import CLEAR_KEYS, GRADE_KEYS, RED
from desktop_app.ui.widgets.table import RowTable


def _share(line) -> str:
    s = line.members
    return format_percent(s.good_or_better, digits=summary.SHARE_DIGITS, whole=s.graded) if s.graded else ""


COLUMNS = (
    Column(N_("Code"), lambda r: r.code),
    Column(N_("Branch"), lambda r: r.name),
    Column(N_("Members"), lambda r: r.members.members, numeric=True),
    Column(N_("Graded"), lambda r: r.members.graded, numeric=True),
    Column(N_("Decided"), lambda r: r.members.decided, numeric=True),
    *(Column("", lambda r, c=code: r.members.counts[c], numeric=True) for code in Grade.codes()),
    Column(N_("Well or better"), _share, numeric=True),
    Column(N_("Branch proposes"), lambda r: summary.short_label(r.self_grade)),
    Column(N_("Committee's grade"), lambda r: summary.short_label(r.grade) + (" ✎" if r.corrections else "")),
    Column(N_("Graded on"), lambda r: r.graded_on),
)


class BranchModel(RowTableModel):
    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 5 <= section < 9:
            return summary.short_label(Grade.codes()[section - 5])
        return super().headerData(section, orientation, role)


class BranchTable(RowTable):
    grade_typed = Signal(str)

    def keyPressEvent(self, event) -> None:
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if plain and event.key() in GRADE_KEYS:
            self.grade_typed.emit(GRADE_KEYS[event.key()])
        elif plain and event.key() in CLEAR_KEYS:
            self.grade_typed.emit("")
        else:
            super().keyPressEvent(event)


class BranchGradingSheet(QWidget):
    wrote = Signal()

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.year = context.today().year
        self.found = None
        layout = QVBoxLayout(self)
        self.hint = QLabel(self)
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.model = BranchModel(COLUMNS, self)
        self.table = BranchTable(self.model, self, stretch=1)
        self.table.setObjectName("branchGradingTable")
        self.table.grade_typed.connect(self.propose)
        self.table.activated_row.connect(lambda _row: self.grade())
        layout.addWidget(self.table, 1)
        self.counts = QLabel(self)
        self.counts.setObjectName("summary")
        self.counts.setWordWrap(True)
        layout.addWidget(self.counts)
        self.cap = QLabel(self)
        self.cap.setWordWrap(True)
        self.cap.setStyleSheet(f"color: {RED}; font-weight: bold;")
        layout.addWidget(self.cap)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.grade_button = QPushButton(self)
        self.grade_button.clicked.connect(self.grade)
        self.correct_button = QPushButton(self)
        self.correct_button.clicked.connect(self.correct)
        self.report_button = QPushButton(self)
        self.report_button.clicked.connect(self.print_report)
        buttons.addWidget(self.grade_button)
        buttons.addWidget(self.correct_button)
        buttons.addStretch(1)
        buttons.addWidget(self.report_button)
        layout.addLayout(buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.hint.setText(_("Type 1–4 (or X, T, H, K) for the grade a branch proposes for itself; Enter opens the "
                            "committee's grade of the branch, which is locked once given."))
        self.grade_button.setText(_("&Grade the branch… (Enter)"))
        self.correct_button.setText(_("Co&rrect the branch's grade…"))
        self.report_button.setText(_("Report of the &organisation…"))
        self.model.retranslate()

    def set_round(self, year: int, found) -> None:
        self.year, self.found = year, found

    def refresh(self) -> None:
        number = self.table.currentIndex().row()
        lines = branch_grades.branch_rows(self.found) if self.found is not None else []
        self.model.set_rows(lines)
        self.table.fit_columns(widest=260)
        if lines:
            self.table.setCurrentIndex(self.table.proxy.index(min(max(number, 0), len(lines) - 1), 1))
        self._show_counts()
        for button in (self.grade_button, self.correct_button, self.report_button):
            button.setEnabled(bool(lines))

    def _show_counts(self) -> None:
        lines = self.model.rows
        if not lines or self.found is None:
            self.counts.setText("")
            self.cap.setText("")
            return
        counts = rules.grade_counts(r.grade for r in lines if r.grade)
        graded = sum(counts.values())
        parts = [_("Branches graded: {n} of {total}").format(n=graded, total=len(lines))]
        parts += [f"{summary.short_label(c)} {counts[c]}" for c in Grade.codes()]
        self.counts.setText(" · ".join(parts))
        self.cap.setText(" ".join(summary.cap_warnings(counts, on=self.found.grading_date)))

    def _current(self):
        return self.table.current_row()

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {RED};" if error else "")

    def propose(self, code: str) -> None:
        line = self._current()
        if line is None or self.found is None:
            return
        try:
            branch_grades.propose(self.year, line.branch_id, code)
        except ServiceError as exc:
            self._say(" ".join(exc.errors.values()) if isinstance(exc, ValidationError) else str(exc), error=True)
            return
        self._say("")
        self.refresh()
        self.wrote.emit()
        self.table.setCurrentIndex(self.table.proxy.index(min(self.table.currentIndex().row() + 1,
                                                              self.model.rowCount() - 1), 1))

    def grade(self) -> None:
        from desktop_app.ui.dialogs.year_dialogs import BranchGradeDialog

        line = self._current()
        if line is None or self.found is None:
            return
        if line.graded_on is not None:
            self._say(_("The committee graded {branch} already: correct it by date if need be.").format(
                branch=line.name), error=True)
            return
        dialog = BranchGradeDialog(self.year, line.branch_id, line.name, line.self_grade, self.context.today(), self)
        if dialog.exec():
            self.refresh()
            self._say(" ".join(dialog.result or []))
            self.wrote.emit()

    def correct(self) -> None:
        from desktop_app.ui.dialogs.year_dialogs import CorrectionDialog

        line = self._current()
        if line is None or self.found is None:
            return
        if line.graded_on is None:
            self._say(_("The committee has not graded {branch} yet.").format(branch=line.name), error=True)
            return
        dialog = CorrectionDialog(self.year, line.name, line.grade, self.context.today(), self,
                                  branch_id=line.branch_id)
        if dialog.exec():
            self.refresh()
            self.wrote.emit()

    def print_report(self) -> None:
        from desktop_app.ui.dialogs.document_preview import show_document

        show_document(self, "grading", branch_id=None, year=self.year)
