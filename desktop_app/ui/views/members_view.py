"""The member register: filters by status and category, sorted by given name; opens the member form."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from desktop_app.core.enums import Category, Gender, Status
from desktop_app.core.text import name_sort_key
from desktop_app.i18n import N_, _, ngettext
from desktop_app.services.common.errors import ServiceError
from desktop_app.services.people import people, privacy
from desktop_app.ui import context as kinds
from desktop_app.ui.dialogs.member_dialog import MemberDialog
from desktop_app.ui.messages import confirm, error
from desktop_app.ui.models.row_table import Column, RowTableModel
from desktop_app.ui.views.people_view import PeopleView
from desktop_app.ui.widgets.combo import combo
from desktop_app.ui.widgets.person_form import party_age_text
from desktop_app.ui.widgets.table import RowTable

# (key, msgid, statuses) of the status filter
STATUS_FILTERS = (
    ("members", N_("All members"), Status.MEMBERS),
    (Status.OFFICIAL, N_("Official members"), (Status.OFFICIAL,)),
    (Status.PROBATIONARY, N_("Probationary members"), (Status.PROBATIONARY,)),
    (Status.EXEMPT, N_("Exempt from activities"), (Status.EXEMPT,)),
    ("gone", N_("Former members"), (Status.TRANSFERRED, Status.STRUCK_OFF, Status.DECEASED)),
)


class MembersView(PeopleView):
    DIALOG = MemberDialog
    KEY = "members"
    WATCHES = (kinds.PEOPLE, kinds.BRANCHES, kinds.SETTINGS)  # settings: whether card numbers are masked

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.branch_codes: dict[int, str] = {}
        self.masked = True  # party card numbers show masked (privacy.mask_ids), read at each refresh
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.status_label = QLabel(self)
        self.status_filter = combo(self, 14)
        self.status_filter.setObjectName("statusFilter")
        for key, msgid, _statuses in STATUS_FILTERS:
            self.status_filter.addItem(_(msgid), key)
        self.status_label.setBuddy(self.status_filter)
        self.category_label = QLabel(self)
        self.category_filter = combo(self, 14)
        self.category_filter.setObjectName("categoryFilter")
        self.category_filter.addItem(_("All categories"), None)
        for code, label in Category.choices():
            self.category_filter.addItem(label, code)
        self.category_label.setBuddy(self.category_filter)
        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.category_filter.currentIndexChanged.connect(self.refresh)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("summary")
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(self.new_member)
        self.receive_button = QPushButton(self)
        self.receive_button.setObjectName("receiveTransfer")
        self.receive_button.clicked.connect(self.receive_member)
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(self.open_current)
        self.delete_button = QPushButton(self)
        self.delete_button.clicked.connect(self.delete_current)
        for widget in (self.status_label, self.status_filter, self.category_label, self.category_filter):
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.count_label, 1)
        bar.addWidget(self.delete_button)
        bar.addWidget(self.open_button)
        bar.addWidget(self.receive_button)
        bar.addWidget(self.new_button)
        layout.addLayout(bar)
        self.model = RowTableModel(self._columns(), self)
        self.table = RowTable(self.model, self)
        self.table.activated_row.connect(lambda row: self.open_person(row.id))
        self.table.enable_sorting()
        layout.addWidget(self.table, 1)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_member)
        self.retranslate_ui()

    def _columns(self) -> list[Column]:
        today = self.context.today
        return [
            Column(N_("Full name"), lambda r: r.full_name, sort=lambda r: r.sort_key or name_sort_key(r.full_name)),
            Column(N_("Gender"), lambda r: Gender.label(r.gender)),
            Column(N_("Date of birth"), lambda r: r.birth_date),
            Column(N_("Status"), lambda r: Status.label(r.status)),
            Column(N_("Branch"), lambda r: self.branch_codes.get(r.branch_id, r.branch_code)),
            Column(N_("Admitted"), lambda r: r.admission_date),
            Column(N_("Party age"), lambda r: party_age_text(r.admission_date, today()),
                   sort=lambda r: -(r.admission_date.toordinal()) if r.admission_date else 0),
            Column(N_("Party card"), lambda r: privacy.mask_card(r.card_number) if self.masked else r.card_number,
                   sort=lambda r: r.card_number or ""),
        ]

    def title(self) -> str:
        return _("Members")

    def retranslate_ui(self) -> None:
        self.status_label.setText(_("&Show:"))
        self.category_label.setText(_("C&ategory:"))
        self.new_button.setText(_("&New member (Ctrl+N)"))
        self.receive_button.setText(_("&Receive a transferred member…"))
        self.open_button.setText(_("&Open"))
        self.delete_button.setText(_("Delete"))
        self.model.retranslate()

    def statuses(self) -> tuple[str, ...]:
        key = self.status_filter.currentData()
        for k, _msgid, statuses in STATUS_FILTERS:
            if k == key:
                return statuses
        return Status.MEMBERS

    def refresh(self) -> None:
        self.masked = privacy.masking_enabled()
        rows = people.list_people(branch_id=self.branch_id, statuses=self.statuses(),
                                  category=self.category_filter.currentData())
        self.model.set_rows(rows)
        self.table.fit_columns()
        self.count_label.setText(ngettext("{n} person", "{n} people", len(rows)).format(n=len(rows)))

    def set_filter(self, status_key: str) -> None:
        index = self.status_filter.findData(status_key)
        if index >= 0:
            self.status_filter.setCurrentIndex(index)

    # ---- actions -------------------------------------------------------------------------------

    def new_member(self) -> None:
        self._dialog(None).exec()

    def receive_dialog(self):
        """The dialog receiving a member from another organisation into the branch chosen (not shown)."""
        from desktop_app.ui.dialogs.transfer_dialogs import TransferInDialog

        return TransferInDialog(self.context.today(), self, branch_id=self.branch_id)

    def receive_member(self) -> None:
        from PySide6.QtWidgets import QDialog

        dialog = self.receive_dialog()
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_ is not None:
            self.open_record("person", dialog.result_.id)

    def delete_current(self) -> None:
        row = self.table.current_row()
        if row is None:
            return
        if not confirm(self, _("Delete"), _("Delete {name} from the register? The record can be restored later, "
                                            "and its history is kept.").format(name=row.full_name)):
            return
        try:
            people.delete_person(row.id)
        except ServiceError as exc:
            error(self, _("Delete"), exc)

    def open_record(self, kind: str, record_id: int) -> bool:
        if kind != "person":
            return False
        self.refresh_if_stale()
        if not self.table.select_where(lambda r: r.id == record_id):
            self.set_filter("members")
            person = people.get_person(record_id)
            for key, _m, statuses in STATUS_FILTERS:
                if person.status in statuses:
                    self.set_filter(key)
            self.table.select_where(lambda r: r.id == record_id)
        self.open_person(record_id)
        return True

    def screenshot_dialog(self) -> MemberDialog | None:
        """The form of the first member in the list, shown without blocking (for --screenshots)."""
        self.refresh_if_stale()
        row = self.model.row_at(0)
        dialog = self._dialog(row.id if row else None)
        dialog.person_form.setCurrentIndex(1 if row else 0)
        return dialog
