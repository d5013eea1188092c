"""Party fees: the fee ledger of one branch for one month (sổ thu nộp đảng phí), made to be filled from the
keyboard. The table has the focus; on each member:

* Space — paid as due (again: clear it); digits — another amount, Enter to record it and go to the next member;
* + — every month owed up to this one paid at once; Delete — clear the month's payment;
* Ctrl+B — the member's fee basis, exemptions and reductions;
* Alt+Left / Alt+Right (or Page Up / Page Down with Ctrl) — the month before or after; Ctrl+P — the fee book.

Each entry is written at once through the services (refused input is explained under the table and changes
nothing), and the month's totals — due, paid, collected, remitted upward, kept — follow.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
)

from desktop_app.core.rules import Month
from desktop_app.i18n import _, format_date, format_number, ngettext
from desktop_app.services.common.errors import ServiceError, ValidationError
from desktop_app.services.fees import ledger
from desktop_app.services.organisation import branches
from desktop_app.ui import context as kinds
from desktop_app.ui.messages import explain
from desktop_app.ui.models.fee_ledger_model import NOTE, PAID, FeeLedgerModel, parse_amount
from desktop_app.ui.views.base import BaseView
from desktop_app.ui.widgets.combo import compact
from desktop_app.ui.widgets.date_edit import DateEdit


class _AmountDelegate(QStyledItemDelegate):
    """A plain line edit for the amount, its text selected, so typing replaces it."""

    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        editor.setObjectName("feeAmountEditor")
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setMaxLength(16)
        return editor

    def setEditorData(self, editor, index):
        if not editor.text():
            editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")
            editor.selectAll()


class LedgerTable(QTableView):
    """The keys of the ledger (see the module docstring); everything else as a table view does it."""

    def __init__(self, view: FeesView):
        super().__init__(view)
        self.fees = view

    def keyPressEvent(self, event) -> None:
        key, text = event.key(), event.text()
        row = self.currentIndex().row()
        if self.state() != QAbstractItemView.State.EditingState and row >= 0:
            if key == Qt.Key.Key_Space:
                self.fees.toggle_paid(row)
                return
            if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal) and text in ("+", "="):
                self.fees.pay_owed(row)
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.fees.clear(row)
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
                self.edit_amount(row)
                return
            if text and text.isdigit():
                self.edit_amount(row, text)
                return
        super().keyPressEvent(event)

    def edit_amount(self, row: int, first: str = "") -> None:
        index = self.model().index(row, PAID)
        self.setCurrentIndex(index)
        self.edit(index)
        editor = self.indexWidget(index) or self.findChild(QLineEdit, "feeAmountEditor")
        if first and editor is not None:
            editor.setText(first)

    def closeEditor(self, editor, hint) -> None:
        row = self.currentIndex().row()
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter: on to the next member
            self.fees.after_entry(row)


class FeesView(BaseView):
    KEY = "fees"
    WATCHES = (kinds.PEOPLE, kinds.BRANCHES, kinds.MEETINGS, kinds.FEES)

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.month = Month.of(context.today())
        self.book = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.branch_label = QLabel(self)
        self.branch = compact(QComboBox(self), 30)
        self.branch.setObjectName("feeBranch")
        self.branch_label.setBuddy(self.branch)
        self.branch.currentIndexChanged.connect(lambda _i: self._branch_chosen())
        self.previous_button = QPushButton("◀", self)
        self.previous_button.clicked.connect(lambda: self.move_month(-1))
        self.month_label = QLabel(self)
        self.month_label.setObjectName("sectionHeading")
        self.next_button = QPushButton("▶", self)
        self.next_button.clicked.connect(lambda: self.move_month(1))
        self.received_label = QLabel(self)
        self.received_on = DateEdit(self)
        self.received_on.setObjectName("feeReceivedOn")
        self.received_label.setBuddy(self.received_on)
        for widget in (self.branch_label, self.branch, self.previous_button, self.month_label, self.next_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.received_label)
        bar.addWidget(self.received_on)
        layout.addLayout(bar)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = FeeLedgerModel(self)
        self.model.paid_edited.connect(self._paid_edited)
        self.table = LedgerTable(self)
        self.table.setObjectName("feeLedger")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(PAID, _AmountDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(34)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.hint = QLabel(self)
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.owed_button = QPushButton(self)
        self.owed_button.clicked.connect(lambda: self.pay_owed(self.table.currentIndex().row()))
        self.basis_button = QPushButton(self)
        self.basis_button.clicked.connect(lambda: self.edit_basis(self.table.currentIndex().row()))
        self.print_button = QPushButton(self)
        self.print_button.clicked.connect(self.print_book)
        buttons.addWidget(self.hint, 1)
        for button in (self.owed_button, self.basis_button, self.print_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        for keys, slot in ((("Alt+Left", "Ctrl+PgUp"), lambda: self.move_month(-1)),
                           (("Alt+Right", "Ctrl+PgDown"), lambda: self.move_month(1)),
                           (("Ctrl+B",), lambda: self.edit_basis(self.table.currentIndex().row())),
                           ((QKeySequence.StandardKey.Print,), self.print_book)):
            for key in keys:
                QShortcut(QKeySequence(key), self, activated=slot)
        self.retranslate_ui()

    def title(self) -> str:
        return _("Party fees")

    def retranslate_ui(self) -> None:
        self.branch_label.setText(_("&Branch:"))
        self.received_label.setText(_("&Received on:"))
        self.previous_button.setToolTip(_("The month before (Alt+Left)"))
        self.next_button.setToolTip(_("The month after (Alt+Right)"))
        self.owed_button.setText(_("Pay every month owed (+)"))
        self.basis_button.setText(_("Fee &basis… (Ctrl+B)"))
        self.print_button.setText(_("&Print the fee book… (Ctrl+P)"))
        self.hint.setText(_("Space: paid as due · digits and Enter: another amount · +: every month owed · "
                            "Delete: clear · Alt+Left/Right: another month"))
        self.model.retranslate()
        self._show_month()

    # ---- what is shown --------------------------------------------------------------------------

    def _show_month(self) -> None:
        self.month_label.setText(_("Month {month}").format(month=self.month))

    def _fill_branches(self) -> None:
        chosen = self.branch.currentData() if self.branch.count() else None
        wanted = self.branch_id or chosen
        self.branch.blockSignals(True)
        self.branch.clear()
        for bid, label in branches.branch_choices():
            self.branch.addItem(label, bid)
        index = self.branch.findData(wanted)
        self.branch.setCurrentIndex(max(index, 0))
        self.branch.blockSignals(False)

    def _branch_chosen(self) -> None:
        """The branch chosen here becomes the window's branch filter, which every view follows."""
        bid = self.current_branch()
        if bid != self.context.branch_id:
            self.context.set_branch(bid)
        else:
            self.refresh()

    def current_branch(self) -> int | None:
        return self.branch.currentData()

    def _set_received_default(self) -> None:
        bid = self.current_branch()
        if bid is not None:
            self.received_on.set_date(ledger.default_received_on(bid, self.month, self.context.today()))

    def refresh(self, keep_date: bool = False) -> None:
        self._fill_branches()
        bid = self.current_branch()
        if not keep_date or not self.received_on.text():
            self._set_received_default()
        self._show_month()
        row = self.table.currentIndex().row()
        if bid is None:
            self.model.set_rows([])
            self.summary.setText(_("Create a branch first."))
            return
        self.book = ledger.ledger(bid, self.month)
        self.model.set_rows(self.book.rows)
        self.summary.setText(self.summary_text())
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(min(max(row, 0), self.model.rowCount() - 1), PAID))
        self.table.setFocus()

    def summary_text(self) -> str:
        book = self.book
        owing = [r for r in book.rows if r.due]
        paid = sum(1 for r in owing if r.paid)
        parts = [_("Due {due} đồng · paid for the month {paid} đồng ({n} of {m} members)").format(
            due=format_number(book.due), paid=format_number(book.paid_for_month), n=paid, m=len(owing)),
            _("Collected in {month}: {amount} đồng").format(month=book.month, amount=format_number(book.collected))]
        if book.split is not None:
            parts.append(_("remitted upward ({percent}%) {remitted} đồng · kept {kept} đồng").format(
                percent=book.split.percent, remitted=format_number(book.split.remitted),
                kept=format_number(book.split.kept)))
        missing = sum(1 for r in book.rows if not r.has_basis)
        text = " · ".join(parts)
        if missing:
            text += "\n" + ngettext("{n} member has no fee basis yet (Ctrl+B).",
                                    "{n} members have no fee basis yet (Ctrl+B).", missing).format(n=missing)
        return text

    # ---- moving ---------------------------------------------------------------------------------

    def move_month(self, step: int) -> None:
        self.month = self.month.shifted(step)
        self._set_received_default()
        self.refresh(keep_date=True)

    def after_entry(self, row: int) -> None:
        if row + 1 < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row + 1, PAID))

    # ---- writing --------------------------------------------------------------------------------

    def _write(self, row: int, action) -> bool:
        """Run *action* (a service write); explain a refusal under the table; reload and announce on success."""
        self._show_error("")
        try:
            action()
        except ValidationError as exc:
            self._show_error("\n".join(exc.errors.values()))
            return False
        except ServiceError as exc:
            self._show_error(str(exc))
            return False
        except Exception as exc:
            self._show_error(explain(exc))
            return False
        self.refresh(keep_date=True)
        self.table.setCurrentIndex(self.model.index(row, PAID))
        self.mark_fresh()  # shown already: the change the write publishes does not reload the table again
        return True

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _received(self):
        return self.received_on.value()

    def toggle_paid(self, row: int) -> None:
        line = self.model.row_at(row)
        if line is None:
            return
        if line.paid:
            self._write(row, lambda: ledger.clear_payment(line.person_id, self.month))
        elif line.due:
            if self._write(row, lambda: ledger.record_payment(line.person_id, self.month, line.due, self._received(),
                                                               branch_id=self.current_branch())):
                self.after_entry(row)
        else:
            self._show_error(_("{name} owes nothing for {month}: {reason}").format(
                name=line.full_name, month=self.month, reason=line.due_reason))

    def _paid_edited(self, row: int, text: str) -> None:
        line = self.model.row_at(row)
        if line is None:
            return
        try:
            amount = parse_amount(text)
        except ValueError as exc:
            self._show_error(f"{line.full_name}: {exc}")
            return
        if amount is None or (amount == 0 and line.paid):
            if line.paid:
                self._write(row, lambda: ledger.clear_payment(line.person_id, self.month))
            return
        if amount == line.paid:
            return
        self._write(row, lambda: ledger.record_payment(line.person_id, self.month, amount, self._received(),
                                                       branch_id=self.current_branch()))

    def pay_owed(self, row: int) -> None:
        line = self.model.row_at(row)
        if line is None:
            return
        if self._write(row, lambda: ledger.record_months(line.person_id, self.month, self._received(),
                                                          branch_id=self.current_branch())):
            self.context.message(_("{name}: every month owed up to {month} recorded as paid on {date}.").format(
                name=line.full_name, month=self.month, date=format_date(self._received())))
            self.after_entry(row)

    def clear(self, row: int) -> None:
        line = self.model.row_at(row)
        if line is not None and line.paid:
            self._write(row, lambda: ledger.clear_payment(line.person_id, self.month))

    def edit_basis(self, row: int) -> None:
        line = self.model.row_at(row)
        if line is None:
            return
        from desktop_app.ui.dialogs.fee_basis_dialog import FeeBasisDialog

        dialog = FeeBasisDialog(line.person_id, line.full_name, self)
        dialog.exec()
        if dialog.changed:
            self.refresh(keep_date=True)
            self.table.setCurrentIndex(self.model.index(row, PAID))
            self.mark_fresh()

    def print_book(self) -> None:
        bid = self.current_branch()
        if bid is not None:
            from desktop_app.ui.views.reports_view import fee_book_key

            self.context.request_open("fee_book", fee_book_key(bid, self.month))

    def open_record(self, kind: str, record_id: int) -> bool:
        if kind != "person":
            return False
        self.refresh_if_stale()
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).person_id == record_id:
                self.table.setCurrentIndex(self.model.index(row, PAID))
                return True
        return False

