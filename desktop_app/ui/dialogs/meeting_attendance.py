"""The opening of the minutes: time, place, chair, secretary; the attendance of every member with its reason
and, at the monthly meeting, the Party fee each pays (prefilled with what is due, written to the fee ledger);
and the counts the chair announces and the fees collected, updated as they are marked."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.enums import AttendanceStatus as A
from desktop_app.core.enums import MeetingKind, Status
from desktop_app.i18n import _, format_number, format_percent, ngettext
from desktop_app.services.common.errors import ServiceError, ValidationError
from desktop_app.services.meetings import attendance, meeting_fees
from desktop_app.ui import messages
from desktop_app.ui.dialogs.meeting_autosave import AutoSaver
from desktop_app.ui.widgets.form import Form

MEMBER_CHOICES = (A.PRESENT, A.EXCUSED, A.UNEXCUSED, A.ELSEWHERE)
NAME, MEMBER, STATUS, ACCEPTED, FEE, REASON = range(6)


class FeeCell(QWidget):
    """"Paid" and the amount, prefilled with what is due: ticking it (Space) records the payment in the ledger."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 0, 4, 0)
        self.paid = QCheckBox(_("Paid"), self)
        self.amount = QLineEdit(self)
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.amount.setMaxLength(12)
        self.amount.setFixedWidth(96)
        row.addWidget(self.paid)
        row.addWidget(self.amount)

    def value(self) -> int | str:
        text = self.amount.text().replace(".", "").replace(",", "").replace(" ", "")
        return int(text) if text.lstrip("-").isdigit() else text


def counts_text(c: attendance.Counts) -> str:
    """The counts as the minutes state them."""
    first = _("Members {total} (official {official}, probationary {probationary}) · present {present} of "
              "{expected}").format(total=c.total, official=c.official, probationary=c.probationary,
                                   present=c.present, expected=c.expected)
    if c.rate is not None:
        first += f" ({format_percent(c.present, whole=c.expected)})"
    second = _("Absent with reason {excused} (reason accepted: {accepted}) · without reason {unexcused} · exempt "
               "{exempt} · elsewhere {elsewhere} · guests {guests}").format(
        excused=c.excused, accepted=len(c.excused_accepted), unexcused=c.unexcused, exempt=c.exempt,
        elsewhere=c.elsewhere, guests=c.guests)
    third = _("Vote denominator {den} (official members not counted: {not_counted}) · official members present "
              "who vote: {voters}").format(den=c.denominator, not_counted=c.not_counted, voters=c.voters)
    return "\n".join((first, second, third))


class OpeningPage(QWidget):
    """Emits ``edited(values)`` with the meeting fields changed; attendance is saved here directly."""

    edited = Signal(dict)
    attendance_changed = Signal()
    fees_changed = Signal()  # a fee was recorded in the ledger

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.meeting_id: int | None = None
        self.locked = False
        self.collects_fees = False
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.form = Form(self)
        opening = self.form.section(_("Opening"))
        grid_top = QHBoxLayout()
        self.form.add_date("date", _("Meeting date"), required=True)
        self.form.add_choice("kind", _("Kind of meeting"), MeetingKind.choices())
        self.form.add_text("start_time", _("Start time"), max_length=5, placeholder=_("hh:mm"))
        self.form.add_text("end_time", _("End time"), max_length=5, placeholder=_("hh:mm"))
        self.form.add_text("place", _("Place"))
        self.form.add_choice("chair", _("Chair"), [])
        self.form.add_choice("secretary", _("Secretary of the meeting"), [])
        for name in ("kind", "chair", "secretary"):  # names may be long: the combo must not widen the editor
            combo: QComboBox = self.form.fields[name].widget
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        self._two_columns(opening)
        grid_top.addWidget(opening)
        layout.addLayout(grid_top)
        self.form.changed.connect(self._on_form_changed)

        box = self.attendance_box = QGroupBox(_("Attendance"), self)
        box_layout = QVBoxLayout(box)
        self.counts = QLabel(box)
        self.counts.setObjectName("attendanceCounts")
        self.counts.setWordWrap(True)
        self.counts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box_layout.addWidget(self.counts)
        self.table = QTableWidget(0, 6, box)
        self.table.setObjectName("attendanceTable")
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(38)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MEMBER, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ACCEPTED, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(FEE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(MEMBER, 130)
        header.resizeSection(STATUS, 210)
        header.resizeSection(ACCEPTED, 92)
        header.resizeSection(FEE, 175)
        box_layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_guest = QPushButton(_("Add a guest…"), box)
        self.remove_guest = QPushButton(_("Remove the guest"), box)
        self.sync = QPushButton(_("Add new members of the branch"), box)
        for button in (self.add_guest, self.remove_guest, self.sync):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box_layout.addLayout(buttons)
        layout.addWidget(box, 1)
        self.add_guest.clicked.connect(self._add_guest)
        self.remove_guest.clicked.connect(self._remove_guest)
        self.sync.clicked.connect(self._sync)
        self.reasons = AutoSaver(self._write_reasons, self)
        self.reasons.failed.connect(lambda exc: messages.error(self, _("Attendance"), exc))
        self.reasons.invalid.connect(lambda errors: messages.error(self, _("Attendance"),
                                                                   "\n".join(errors.values())))
        self.retranslate_headers()

    def _two_columns(self, section) -> None:
        """Re-lay the opening fields in two columns so the attendance table keeps the height."""
        grid: QGridLayout = section.grid
        while grid.count():
            grid.takeAt(0)
        names = list(self.form.fields)
        for i, name in enumerate(names):
            field = self.form.fields[name]
            row, col = (i // 2) * 2, (i % 2) * 2
            grid.addWidget(field.label, row, col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(field.widget, row, col + 1)
            grid.addWidget(field.error, row + 1, col + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

    def retranslate_headers(self) -> None:
        self.table.setHorizontalHeaderLabels([_("Full name"), _("Member"), _("Attendance"), _("Accepted"),
                                              _("Party fee (đồng)"), _("Reason or note")])
        self.table.horizontalHeaderItem(ACCEPTED).setToolTip(_(
            "Only a member absent with a reason the chair accepted is left out of the vote denominator "
            "(Regulation 294-QĐ/TW, point 9.3.2)."))

    # ---- loading ------------------------------------------------------------------------------

    def load(self, meeting, locked: bool) -> None:
        self.meeting_id = meeting.id
        self.locked = locked
        members = [(None, "")] + attendance.member_choices(meeting.id)
        for name in ("chair", "secretary"):
            combo: QComboBox = self.form.fields[name].widget
            combo.blockSignals(True)
            combo.clear()
            for pid, label in members:
                combo.addItem(label, pid)
            combo.blockSignals(False)
        self.form.set_values({"date": meeting.date, "kind": meeting.kind, "place": meeting.place,
                              "start_time": meeting.start_time or "", "end_time": meeting.end_time or "",
                              "chair": meeting.chair_id, "secretary": meeting.secretary_id})
        self.collects_fees = meeting_fees.collects_fees(meeting)
        self._saved = self.form.values()
        for field in self.form.fields.values():
            field.widget.setEnabled(not locked)
            if isinstance(field.widget, QLineEdit):
                field.widget.setCursorPosition(0)  # show the start of a long place name
        for button in (self.add_guest, self.remove_guest, self.sync):
            button.setVisible(not locked)
        self.load_attendance()

    def load_attendance(self) -> None:
        rows = attendance.attendance(self.meeting_id)
        fees = meeting_fees.fee_cells(self.meeting_id) if self.collects_fees else {}
        self.table.setColumnHidden(FEE, not self.collects_fees)
        self._loading = True
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            name = QTableWidgetItem(row.full_name)
            name.setData(Qt.ItemDataRole.UserRole, row.person_id)
            self.table.setItem(r, NAME, name)
            member = _("Guest") if row.is_guest else self._short_status(row.member_status)
            self.table.setItem(r, MEMBER, QTableWidgetItem(member))
            combo = QComboBox(self.table)
            codes = [A.GUEST] if row.is_guest else list(MEMBER_CHOICES)
            if row.member_status == Status.EXEMPT:
                codes.insert(1, A.EXEMPT)
            for code in codes:
                combo.addItem(A.label(code), code)
            combo.setCurrentIndex(max(combo.findData(row.status), 0))
            combo.setEnabled(not self.locked and not row.is_guest)
            combo.currentIndexChanged.connect(lambda _i, pid=row.person_id, c=combo: self._status_changed(pid, c))
            self.table.setCellWidget(r, STATUS, combo)
            accepted = QCheckBox(self.table)
            accepted.setStyleSheet("QCheckBox { margin-left: 36px; }")  # centred in its narrow column
            accepted.setChecked(row.reason_accepted)
            accepted.setEnabled(not self.locked and row.status == A.EXCUSED)
            accepted.setAccessibleName(_("Reason accepted"))
            accepted.toggled.connect(lambda on, pid=row.person_id: self._accepted_changed(pid, on))
            self.table.setCellWidget(r, ACCEPTED, accepted)
            reason = QLineEdit(row.reason, self.table)
            reason.setMaxLength(300)
            reason.setReadOnly(self.locked or row.is_guest)
            reason.setEnabled(row.status != A.PRESENT)
            reason.setPlaceholderText(_("Reason") if row.status == A.EXCUSED else "")
            reason.textEdited.connect(lambda text, pid=row.person_id: self.reasons.queue(str(pid), text))
            self.table.setCellWidget(r, REASON, reason)
            if self.collects_fees:
                self._fee_cell(r, row.person_id, fees.get(row.person_id))
        self._loading = False
        self.update_counts()

    def _fee_cell(self, r: int, person_id: int, fee) -> None:
        if fee is None:  # a guest, or not a member in the meeting's month
            self.table.setCellWidget(r, FEE, None)
            return
        cell = FeeCell(self.table)
        cell.setObjectName(f"fee_{person_id}")
        cell.paid.setChecked(fee.paid > 0)
        cell.amount.setText(format_number(fee.paid or fee.due or 0) if (fee.paid or fee.due) else "")
        tip = fee.reason
        if fee.owed_months:
            tip += "\n" + ngettext("{n} earlier month still owed: {amount} đồng (pay it in Party fees).",
                                    "{n} earlier months still owed: {amount} đồng (pay them in Party fees).",
                                    fee.owed_months).format(n=fee.owed_months, amount=format_number(fee.owed))
            cell.paid.setText(_("Paid") + " ⚠")
        cell.setToolTip(tip)
        usable = not self.locked and (fee.due is not None and (fee.due > 0 or fee.paid > 0))
        cell.paid.setEnabled(usable)
        cell.amount.setEnabled(usable)
        cell.paid.toggled.connect(lambda _on, pid=person_id, c=cell: self._fee_changed(pid, c))
        cell.amount.editingFinished.connect(lambda pid=person_id, c=cell: c.paid.isChecked()
                                            and self._fee_changed(pid, c))
        self.table.setCellWidget(r, FEE, cell)

    @staticmethod
    def _short_status(status: str) -> str:
        return {Status.OFFICIAL: _("Official"), Status.PROBATIONARY: _("Probationary"),
                Status.EXEMPT: _("Exempt")}.get(status, Status.label(status))

    def update_counts(self) -> None:
        if self.meeting_id is not None:
            self.counts.setText(counts_text(attendance.attendance_counts(self.meeting_id)))
            # The fees collected in the box's title: the attendance table keeps every line of its height.
            title = _("Attendance")
            if self.collects_fees:
                title = _("{attendance} · Party fees collected: {amount} đồng").format(
                    attendance=title, amount=format_number(meeting_fees.fees_collected(self.meeting_id)))
            self.attendance_box.setTitle(title)
            self.attendance_box.setToolTip(_("The Party fees collected are the fee ledger's total of the meeting's "
                                             "month, as the minutes state it.") if self.collects_fees else "")

    def _fee_changed(self, person_id: int, cell: FeeCell) -> None:
        if self._loading:
            return
        value = cell.value() if cell.paid.isChecked() else None
        try:
            meeting_fees.set_fee_paid(self.meeting_id, person_id, value)
        except ValidationError as exc:
            messages.error(self, _("Party fees"), "\n".join(exc.errors.values()))
            self.load_attendance()
            return
        except ServiceError as exc:
            messages.error(self, _("Party fees"), exc)
            self.load_attendance()
            return
        self.update_counts()
        self.fees_changed.emit()

    # ---- saving -------------------------------------------------------------------------------

    def _on_form_changed(self) -> None:
        values = self.form.values()
        changed = {k: v for k, v in values.items() if v != self._saved.get(k)}
        if changed:
            self.edited.emit(changed)

    def mark_saved(self, values: dict) -> None:
        self._saved.update({k: v for k, v in values.items() if k in self._saved})

    def _row_of(self, person_id: int) -> int:
        for r in range(self.table.rowCount()):
            if self.table.item(r, NAME).data(Qt.ItemDataRole.UserRole) == person_id:
                return r
        return -1

    def _status_changed(self, person_id: int, combo: QComboBox) -> None:
        if self._loading:
            return
        self.reasons.flush()
        r = self._row_of(person_id)
        reason_edit: QLineEdit = self.table.cellWidget(r, REASON)
        status = combo.currentData()
        try:
            attendance.set_attendance(self.meeting_id, person_id, status, reason_edit.text())
        except ServiceError as exc:
            messages.error(self, _("Attendance"), exc)
            self.load_attendance()
            return
        if status == A.PRESENT:
            reason_edit.clear()
        accepted: QCheckBox = self.table.cellWidget(r, ACCEPTED)
        accepted.blockSignals(True)
        accepted.setChecked(accepted.isChecked() and status == A.EXCUSED)
        accepted.setEnabled(status == A.EXCUSED)
        accepted.blockSignals(False)
        reason_edit.setEnabled(status != A.PRESENT)
        reason_edit.setPlaceholderText(_("Reason") if status == A.EXCUSED else "")
        if status == A.EXCUSED and not reason_edit.text():
            reason_edit.setFocus()
        self.update_counts()
        self.attendance_changed.emit()

    def _accepted_changed(self, person_id: int, accepted: bool) -> None:
        """The chair accepted (or no longer accepts) the reason of an absence: the denominator moves with it."""
        if self._loading:
            return
        self.reasons.flush()
        r = self._row_of(person_id)
        reason_edit: QLineEdit = self.table.cellWidget(r, REASON)
        try:
            attendance.set_attendance(self.meeting_id, person_id, A.EXCUSED, reason_edit.text(),
                                      reason_accepted=accepted)
        except ServiceError as exc:
            messages.error(self, _("Attendance"), exc)
            self.load_attendance()
            return
        self.update_counts()
        self.attendance_changed.emit()

    def _write_reasons(self, pending: dict) -> None:
        for key, text in list(pending.items()):
            person_id = int(key)
            r = self._row_of(person_id)
            combo: QComboBox = self.table.cellWidget(r, STATUS)
            attendance.set_attendance(self.meeting_id, person_id, combo.currentData(), text)
        self.update_counts()

    def flush(self) -> bool:
        return self.reasons.flush()

    def _add_guest(self) -> None:
        from desktop_app.ui.dialogs.meeting_new import GuestDialog

        if GuestDialog(self.meeting_id, self).exec():
            self.load_attendance()
            self.attendance_changed.emit()

    def _remove_guest(self) -> None:
        r = self.table.currentRow()
        if r < 0:
            return
        try:
            attendance.remove_guest(self.meeting_id, self.table.item(r, NAME).data(Qt.ItemDataRole.UserRole))
        except ServiceError as exc:
            messages.error(self, _("Attendance"), exc)
            return
        self.load_attendance()
        self.attendance_changed.emit()

    def _sync(self) -> None:
        try:
            added = attendance.sync_members(self.meeting_id)
        except ServiceError as exc:
            messages.error(self, _("Attendance"), exc)
            return
        self.load_attendance()
        messages.info(self, _("Attendance"), ngettext("{n} member added to the list.", "{n} members added to the list.",
                                                        added).format(n=format_number(added)))
