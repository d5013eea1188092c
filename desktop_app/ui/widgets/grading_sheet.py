"""The grading screen of a branch, built for the keyboard: one table, a member a row, in name order.

Type a grade on a row and the cursor moves down: 1 to 4, or the first letter (X/E excellent, T/G good, H/C
completed, K/N not completed); 0, Delete or Backspace clears; Enter moves down; F2 opens the member's details (the
self-assessment text, sick or maternity leave, suspension, the host branch's comments); V sets the votes in favour.
The step chosen above (self-assessment, the branch's proposal, the committee's grade) is the column typed into.
The counts and shares of that column update at once, with the warning of the cap on "excellent" in place; the last
two years' grades stand beside each name. A refusal (a member not graded, a grade the rules forbid, a decided grade)
is said under the table and changes nothing; the cursor stays."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import rules
from desktop_app.core.enums import Status
from desktop_app.core.member_codes import Grade
from desktop_app.i18n import N_, _, format_date, format_percent, ngettext, pgettext
from desktop_app.services.common.errors import ServiceError, ValidationError
from desktop_app.services.organisation import branches
from desktop_app.services.year import member_grades, rounds, summary
from desktop_app.services.year.member_grades import BRANCH, COMMITTEE, SELF
from desktop_app.services.year.roster import RosterRow, roster
from desktop_app.ui.models.row_table import Column, RowTableModel
from desktop_app.ui.widgets.combo import compact
from desktop_app.ui.widgets.date_edit import DateEdit
from desktop_app.ui.widgets.table import RowTable

K = Qt.Key
GRADE_KEYS = {
    K.Key_1: Grade.EXCELLENT, K.Key_X: Grade.EXCELLENT, K.Key_E: Grade.EXCELLENT,
    K.Key_2: Grade.GOOD, K.Key_T: Grade.GOOD, K.Key_G: Grade.GOOD,
    K.Key_3: Grade.COMPLETED, K.Key_H: Grade.COMPLETED, K.Key_C: Grade.COMPLETED,
    K.Key_4: Grade.NOT_COMPLETED, K.Key_K: Grade.NOT_COMPLETED, K.Key_N: Grade.NOT_COMPLETED,
}
CLEAR_KEYS = (K.Key_0, K.Key_Delete, K.Key_Backspace)
GREY, LOCKED, RED = "#6b6b6b", "#1f3f7a", "#a00000"
STEP_COLUMN = {SELF: 5, BRANCH: 6, COMMITTEE: 8}


def step_grade(row: RosterRow, step: str) -> str:
    """The grade a step's column shows: the self-assessment, the branch's proposal, or what the committee's
    decision gives (its own grade, or the proposal it takes)."""
    e = row.entry
    if step == SELF:
        return e.self_grade
    if step == BRANCH:
        return e.branch_grade
    return e.committee_grade or e.branch_grade


def _short(code: str) -> str:
    return summary.short_label(code)


def _votes(row: RosterRow) -> str:
    e = row.entry
    if e.branch_yes is None:
        return ""
    return f"{e.branch_yes}/{e.branch_voters}" if e.branch_voters else str(e.branch_yes)


def _committee(row: RosterRow) -> str:
    e = row.entry
    if e.committee_on is not None:
        return _short(e.committee_grade) + (" ✎" if e.corrections else "")
    return _("{grade} (draft)").format(grade=_short(e.committee_grade)) if e.committee_grade else ""


def _colour(row: RosterRow) -> str | None:
    if not row.graded:
        return GREY
    if row.must_fail and row.grade not in ("", Grade.NOT_COMPLETED):
        return RED
    return LOCKED if row.locked else None


def _status(row: RosterRow) -> str:
    return {Status.OFFICIAL: pgettext("member standing", "Official"),
            Status.PROBATIONARY: pgettext("member standing", "Probationary"),
            Status.EXEMPT: pgettext("member standing", "Exempt")}.get(row.status, Status.label(row.status))


class GradingModel(RowTableModel):
    """The rows of a roster; the column typed into has a bold header."""

    def __init__(self, sheet: GradingSheet):
        self.sheet = sheet
        year = sheet.year_of

        columns = [
            Column(N_("No."), lambda r: self.rows.index(r) + 1, numeric=True),
            Column(N_("Full name"), lambda r: r.name, color=_colour,
                   tooltip=lambda r: "\n".join([r.name, *r.remarks()])),
            Column(N_("Status"), _status, color=_colour),
            Column("", lambda r: _short(r.previous.get(year() - 2, ""))),
            Column("", lambda r: _short(r.previous.get(year() - 1, ""))),
            Column(N_("Self"), lambda r: _short(r.entry.self_grade), color=_colour,
                   tooltip=lambda r: r.entry.self_text),
            Column(N_("Branch"), lambda r: _short(r.entry.branch_grade), color=_colour),
            Column(N_("Votes"), _votes, color=_colour),
            Column(N_("Committee"), _committee, color=_colour),
            Column(N_("Note"), lambda r: " ".join(r.remarks()) or (_("Decided {date}.").format(
                date=format_date(r.entry.committee_on)) if r.locked else ""), color=_colour),
        ]
        super().__init__(columns, sheet)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole and section in (3, 4):
                return str(self.sheet.year_of() - (5 - section))  # the two years before
            if role == Qt.ItemDataRole.FontRole and section == STEP_COLUMN.get(self.sheet.step()):
                font = QFont()
                font.setBold(True)
                font.setUnderline(True)
                return font
        return super().headerData(section, orientation, role)

    def replace(self, number: int, row: RosterRow) -> None:
        self.rows[number] = row
        self.dataChanged.emit(self.index(number, 0), self.index(number, self.columnCount() - 1))


class GradingTable(RowTable):
    """Keys type grades into the current row; the sheet writes them."""

    grade_typed = Signal(str)  # a Grade code, or "" to clear
    details_requested = Signal()
    votes_requested = Signal()

    def __init__(self, model: GradingModel, parent: QWidget | None = None):
        super().__init__(model, parent, stretch=9)
        self.setObjectName("gradingTable")
        self.setTabKeyNavigation(False)

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                                | Qt.KeyboardModifier.MetaModifier):
            super().keyPressEvent(event)
            return
        if key in GRADE_KEYS:
            self.grade_typed.emit(GRADE_KEYS[key])
        elif key in CLEAR_KEYS:
            self.grade_typed.emit("")
        elif key in (K.Key_Return, K.Key_Enter):
            self.move_down()
        elif key == K.Key_F2:
            self.details_requested.emit()
        elif key == K.Key_V:
            self.votes_requested.emit()
        else:
            super().keyPressEvent(event)

    def current_number(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def go_to(self, number: int) -> None:
        if 0 <= number < self.proxy.rowCount():
            column = max(self.currentIndex().column(), 1)
            self.setCurrentIndex(self.proxy.index(number, column))

    def move_down(self) -> None:
        self.go_to(self.current_number() + 1)


class GradingSheet(QWidget):
    """The members' grading of one branch in the round of the view's year."""

    wrote = Signal()  # after each write this sheet made (the view marks itself fresh)

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.found = None  # the round (services.year.rounds), None when the year has none
        self.year = context.today().year
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.branch_label = QLabel(self)
        self.branch = compact(QComboBox(self), 22)
        self.branch.setObjectName("gradingBranch")
        self.branch_label.setBuddy(self.branch)
        self.branch.currentIndexChanged.connect(lambda _i: self.refresh())
        self.step_label = QLabel(self)
        self.step_box = compact(QComboBox(self), 14)
        self.step_box.setObjectName("gradingStep")
        self.step_label.setBuddy(self.step_box)
        for step in (SELF, BRANCH, COMMITTEE):
            self.step_box.addItem("", step)
        self.step_box.setCurrentIndex(1)
        self.step_box.currentIndexChanged.connect(self._step_changed)
        self.self_label = QLabel(self)
        self.self_date = DateEdit(self)
        self.self_date.setObjectName("selfDate")
        self.self_label.setBuddy(self.self_date)
        for widget in (self.branch_label, self.branch, self.step_label, self.step_box, self.self_label,
                       self.self_date):
            bar.addWidget(widget)
        bar.addStretch(1)
        layout.addLayout(bar)
        meeting = QHBoxLayout()
        self.meeting_label = QLabel(self)
        self.meeting_date = DateEdit(self)
        self.meeting_date.setObjectName("meetingDate")
        self.meeting_label.setBuddy(self.meeting_date)
        self.meeting_date.editingFinished.connect(self._save_meeting)
        self.voters_label = QLabel(self)
        self.voters = QSpinBox(self)
        self.voters.setObjectName("voters")
        self.voters.setRange(0, rounds.MAX_VOTERS)
        self.voters.setSpecialValueText("—")
        self.voters_label.setBuddy(self.voters)
        self.voters.editingFinished.connect(self._save_meeting)
        self.outstanding = QCheckBox(self)
        self.outstanding.setObjectName("outstanding")
        self.outstanding.toggled.connect(lambda _on: self._save_meeting())
        for edit in (self.self_date, self.meeting_date):
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("00/00/00000") + 16)
        for widget in (self.meeting_label, self.meeting_date, self.voters_label, self.voters, self.outstanding):
            meeting.addWidget(widget)
        meeting.addStretch(1)
        layout.addLayout(meeting)
        self.model = GradingModel(self)
        self.table = GradingTable(self.model, self)
        self.table.grade_typed.connect(self.type_grade)
        self.table.details_requested.connect(self.open_details)
        self.table.votes_requested.connect(self.set_votes)
        self.table.activated_row.connect(lambda _row: self.open_details())
        layout.addWidget(self.table, 1)
        self.counts = QLabel(self)
        self.counts.setObjectName("summary")
        self.counts.setWordWrap(True)
        layout.addWidget(self.counts)
        self.cap = QLabel(self)
        self.cap.setObjectName("capWarning")
        self.cap.setWordWrap(True)
        self.cap.setStyleSheet(f"color: {RED}; font-weight: bold;")
        layout.addWidget(self.cap)
        self.message = QLabel(self)
        self.message.setObjectName("gradingMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.details_button = QPushButton(self)
        self.details_button.clicked.connect(self.open_details)
        self.decide_button = QPushButton(self)
        self.decide_button.clicked.connect(self.decide)
        self.correct_button = QPushButton(self)
        self.correct_button.clicked.connect(self.correct)
        self.report_button = QPushButton(self)
        self.report_button.clicked.connect(lambda: self._print("grading"))
        self.resolution_button = QPushButton(self)
        self.resolution_button.clicked.connect(lambda: self._print("grading_resolution"))
        for button in (self.details_button, self.decide_button, self.correct_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.resolution_button)
        buttons.addWidget(self.report_button)
        layout.addLayout(buttons)
        QShortcut(QKeySequence("Ctrl+G"), self, activated=lambda: self.table.setFocus())
        self.retranslate_ui()

    # ---- texts -------------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.branch_label.setText(_("&Branch:"))
        self.step_label.setText(_("&Grading step:"))
        labels = member_grades.step_labels()
        for index, step in enumerate((SELF, BRANCH, COMMITTEE)):
            self.step_box.setItemText(index, labels[step])
        self.self_label.setText(_("Self-assessments &dated"))
        self.meeting_label.setText(_("Branch &meeting on"))
        self.voters_label.setText(_("Official members &voting"))
        self.outstanding.setText(_("Outstanding unit (25 %)"))
        self.outstanding.setToolTip(_("A unit recognised as outstanding may grade up to 25 % of those graded "
                                      "“good” as “excellent” (20 % otherwise)."))
        self.details_button.setText(_("&Details… (F2)"))
        self.decide_button.setText(_("Committee &decides…"))
        self.correct_button.setText(_("Co&rrect…"))
        self.correct_button.setToolTip(_("Correct a grade the committee decided, with its date and reason"))
        self.report_button.setText(_("&Report…"))
        self.resolution_button.setText(_("Re&solution…"))
        self.table.setToolTip(_("Type 1–4 (or X, T, H, K) for the grade, 0 to clear; Enter moves down; F2 opens "
                                "the member's details; V sets the votes in favour."))
        self.model.retranslate()
        self._show_counts()

    def year_of(self) -> int:
        return self.year

    def step(self) -> str:
        return self.step_box.currentData() or BRANCH

    def branch_id(self) -> int | None:
        return self.branch.currentData()

    # ---- loading -----------------------------------------------------------------------------------

    def set_round(self, year: int, found) -> None:
        self.year, self.found = year, found

    def fill_branches(self, wanted: int | None) -> None:
        chosen = wanted if wanted is not None else self.branch.currentData()
        self.branch.blockSignals(True)
        self.branch.clear()
        for bid, label in branches.branch_choices():
            self.branch.addItem(label, bid)
        index = self.branch.findData(chosen)
        self.branch.setCurrentIndex(max(index, 0))
        self.branch.blockSignals(False)

    def refresh(self) -> None:
        number = self.table.current_number()
        bid = self.branch_id()
        rows = roster(self.found, bid) if self.found is not None and bid is not None else []
        self.model.set_rows(rows)
        self.table.fit_columns(widest=260)
        self._load_meeting()
        self.table.go_to(min(max(number, 0), len(rows) - 1))
        self._show_counts()
        self._update_buttons()

    def _load_meeting(self) -> None:
        part = rounds.branch_part(self.found, self.branch_id()) if self.found and self.branch_id() else None
        decided = bool(self.found and self.branch_id() and rounds.branch_decided_on(self.found, self.branch_id()))
        for widget in (self.meeting_date, self.voters, self.outstanding):
            widget.blockSignals(True)
        self.meeting_date.set_date(part.meeting_on if part else None)
        self.voters.setValue(part.voters or 0 if part else 0)
        self.outstanding.setChecked(bool(part and part.outstanding))
        for widget in (self.meeting_date, self.voters, self.outstanding):
            widget.blockSignals(False)
            widget.setEnabled(self.found is not None and not decided)
        if not self.self_date.date():
            default = part.meeting_on if part and part.meeting_on else self.context.today()
            self.self_date.set_date(min(default, self.context.today()))
        self.self_date.setEnabled(self.found is not None)

    def _update_buttons(self) -> None:
        has = self.found is not None and self.model.rows != []
        for button in (self.details_button, self.decide_button, self.correct_button, self.report_button,
                       self.resolution_button):
            button.setEnabled(has)

    def _step_changed(self) -> None:
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        self._show_counts()
        self.table.setFocus()

    # ---- counts ------------------------------------------------------------------------------------

    def _show_counts(self) -> None:
        rows = [r for r in self.model.rows if r.graded]
        if self.found is None or not self.model.rows:
            self.counts.setText("")
            self.cap.setText("")
            return
        step = self.step()
        grades = [step_grade(r, step) for r in rows]
        counts = rules.grade_counts(g for g in grades if g)
        done = sum(counts.values())
        parts = [_("Graded {done} of {eligible} ({not_graded} not graded)").format(
            done=done, eligible=len(rows), not_graded=len(self.model.rows) - len(rows))]
        for code in Grade.codes():
            n = counts[code]
            share = format_percent(n, digits=summary.SHARE_DIGITS, whole=done) if done else "—"
            parts.append(f"{_short(code)} {n} ({share})")
        good = counts[Grade.EXCELLENT] + counts[Grade.GOOD]
        parts.append(_("well or better: {share}").format(
            share=format_percent(good, digits=summary.SHARE_DIGITS, whole=done) if done else "—"))
        self.counts.setText(" · ".join(parts))
        self.cap.setText(" ".join(summary.cap_warnings(counts, outstanding=self.outstanding.isChecked(),
                                                       on=self.found.grading_date)))

    # ---- writing -----------------------------------------------------------------------------------

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {RED};" if error else "")
        if error:
            QApplication.beep()

    def _current(self) -> tuple[int, RosterRow | None]:
        number = self.table.current_number()
        return number, self.model.row_at(number)

    def type_grade(self, code: str) -> None:
        number, row = self._current()
        if row is None or self.found is None:
            return
        step = self.step()
        on = None
        if step == SELF:
            on = self.self_date.value()
        elif step == BRANCH:
            on = self.meeting_date.value()
        try:
            saved = member_grades.set_grade(self.year, row.person_id, step, code, on=on)
        except ServiceError as exc:
            self._say(_messages(exc), error=True)
            return
        self.model.replace(number, saved.row)
        self._say(" ".join(saved.warnings))
        self._show_counts()
        self.wrote.emit()
        self.table.move_down()

    def _save_meeting(self) -> None:
        if self.found is None or self.branch_id() is None:
            return
        try:
            rounds.set_branch_meeting(self.year, self.branch_id(), meeting_on=self.meeting_date.value() or None,
                                      voters=self.voters.value() or None, outstanding=self.outstanding.isChecked())
        except ServiceError as exc:
            self._say(_messages(exc), error=True)
            return
        self._say("")
        self.wrote.emit()
        self._show_counts()

    def set_votes(self) -> None:
        number, row = self._current()
        if row is None or not row.entry.branch_grade:
            self._say(_("Record the branch's proposal first, then its vote."), error=True)
            return
        voters = row.entry.branch_voters or self.voters.value() or rounds.MAX_VOTERS
        value, ok = QInputDialog.getInt(self, _("Votes in favour"), _("{name}: votes in favour of “{grade}”").format(
            name=row.name, grade=Grade.label(row.entry.branch_grade)), row.entry.branch_yes or voters, 0, voters)
        if not ok:
            return
        try:
            saved = member_grades.set_grade(self.year, row.person_id, BRANCH, row.entry.branch_grade,
                                            on=row.entry.branch_on, yes=value)
        except ServiceError as exc:
            self._say(_messages(exc), error=True)
            return
        self.model.replace(number, saved.row)
        self.wrote.emit()

    def open_details(self) -> None:
        from desktop_app.ui.dialogs.year_dialogs import MemberFactsDialog

        number, row = self._current()
        if row is None or self.found is None:
            return
        if row.locked:
            self._say(member_grades.locked_message(row), error=True)
            return
        dialog = MemberFactsDialog(self.year, row, self)
        if dialog.exec():
            self.model.replace(number, dialog.result.row)
            self._show_counts()
            self.wrote.emit()

    def decide(self) -> None:
        from desktop_app.ui.dialogs.year_dialogs import DecideDialog

        if self.found is None or self.branch_id() is None:
            return
        dialog = DecideDialog(self.year, self.branch_id(), self.branch.currentText(), self.context.today(), self)
        if dialog.exec():
            decided = dialog.result
            self.refresh()
            self._say(" ".join([ngettext_decided(decided.count), *decided.warnings]))
            self.wrote.emit()

    def correct(self) -> None:
        from desktop_app.ui.dialogs.year_dialogs import CorrectionDialog

        number, row = self._current()
        if row is None:
            return
        if not row.locked:
            self._say(_("The grade of {name} is not decided yet: type the grade itself.").format(name=row.name),
                      error=True)
            return
        dialog = CorrectionDialog(self.year, row.name, row.entry.committee_grade, self.context.today(), self,
                                  person_id=row.person_id)
        if dialog.exec():
            self.model.replace(number, dialog.result.row)
            self._show_counts()
            self.wrote.emit()

    def _print(self, kind: str) -> None:
        from desktop_app.ui.dialogs.document_preview import show_document

        show_document(self, kind, branch_id=self.branch_id(), year=self.year)

    def focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.table.currentIndex().isValid():
            self.table.go_to(0)


def ngettext_decided(count: int) -> str:
    return ngettext("The committee decided {n} grade.", "The committee decided {n} grades.", count).format(n=count)


def _messages(exc: ServiceError) -> str:
    return " ".join(exc.errors.values()) if isinstance(exc, ValidationError) else str(exc)


