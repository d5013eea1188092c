"""Every field of a person (design.md §3), in tabs that fit a 1366×768 screen, with inline messages.

Used by the member dialog and the candidate detail; the caller adds its own tabs (history,
timeline, dossier) after these.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop_app.core.enums import Category, Gender, Status, TheoryLevel
from desktop_app.core.rules import party_age_months
from desktop_app.i18n import _, format_date, ngettext
from desktop_app.services.organisation import branches
from desktop_app.services.people import people
from desktop_app.ui.widgets.address_fields import add_address_tab
from desktop_app.ui.widgets.form import Form

STATUS_CHOICES_NEW_MEMBER = (Status.OFFICIAL, Status.PROBATIONARY)
# Fields holding another record's id, read from the column of the id (not the record it points at).
FOREIGN_KEYS = {"branch": "branch_id", "residence_branch": "residence_branch_id"}
STATUS_CHOICES_NEW_CANDIDATE = (Status.PROSPECT, Status.SYMPATHISER, Status.APPLICANT)


def party_age_text(admission: dt.date | None, on: dt.date) -> str:
    """'23 years 4 months' of party membership since the admission decision (Điều lệ Đảng, Điều 5.4)."""
    if admission is None or admission > on:
        return ""
    months = party_age_months(admission, on)
    years, rest = divmod(months, 12)
    year_text = ngettext("{n} year", "{n} years", years).format(n=years)
    month_text = ngettext("{n} month", "{n} months", rest).format(n=rest)
    if years and rest:
        return _("{years} {months}").format(years=year_text, months=month_text)
    return year_text if years else month_text


class PersonForm(QTabWidget):
    """The fields of a person. ``new_statuses`` lists the starting statuses offered when creating."""

    def __init__(self, today: dt.date, parent: QWidget | None = None, *, new_statuses=()):
        super().__init__(parent)
        self.setObjectName("personTabs")
        self.today = today
        self.form = Form(self)
        labels = people.field_labels()
        self.new_statuses = tuple(new_statuses)

        personal = self._tab(_("Personal details"))
        left = self.form.section(_("Identity"))
        self.form.add_text("full_name", labels["full_name"], required=True, max_length=120)
        self.form.add_text("other_names", labels["other_names"])
        self.form.add_choice("gender", labels["gender"], Gender.choices())
        self.form.add_date("birth_date", labels["birth_date"])
        self.form.add_text("ethnicity", labels["ethnicity"])
        self.form.add_text("religion", labels["religion"])
        self.form.add_text("cccd", labels["cccd"], max_length=14, placeholder=_("12 digits"))
        self.form.add_text("old_id_number", labels["old_id_number"], max_length=15, placeholder=_("9 or 12 digits"))
        right = self.form.section(_("Contact"))
        self.form.add_text("phone", labels["phone"], max_length=20)
        self.form.add_note("note", labels["note"], height=90)
        self._columns(personal, left, right)

        add_address_tab(self)

        party = self._tab(_("Party"))
        left = self.form.section(_("Membership"))
        self.form.add_choice("branch", labels["branch"], [(None, _("(no branch)"))] + branches.branch_choices())
        if self.new_statuses:
            self.form.add_choice("status", labels["status"], [(s, Status.label(s)) for s in self.new_statuses])
        self.form.add_text("card_number", labels["card_number"], max_length=32)
        self.form.add_date("admission_date", labels["admission_date"])
        self.form.add_date("ceremony_date", labels["ceremony_date"])
        self.form.add_date("official_date", labels["official_date"])
        self.form.add_date("joined_branch_date", labels["joined_branch_date"])
        right = self.form.section(_("Unions and statistics"))
        self.form.add_check("youth_union", labels["youth_union"])
        self.form.add_check("trade_union", labels["trade_union"])
        self.form.add_multi("categories", labels["categories"], Category.choices(), columns=1)
        self._columns(party, left, right)
        self.status_label = QLabel(party)
        self.status_label.setObjectName("summary")
        self.party_age = QLabel(party)
        self.party_age.setObjectName("summary")
        party.layout().insertWidget(0, self.status_label)
        party.layout().insertWidget(1, self.party_age)
        self.form.fields["admission_date"].widget.textChanged.connect(self._update_party_age)

        work = self._tab(_("Education and work"))
        left = self.form.section(_("Education"))
        self.form.add_text("education", labels["education"], placeholder=_("e.g. 12/12"))
        self.form.add_text("professional_level", labels["professional_level"])
        self.form.add_choice("theory_level", labels["theory_level"], TheoryLevel.choices())
        self.form.add_text("foreign_language", labels["foreign_language"], placeholder=_("e.g. Tiếng Anh B1"))
        self.form.add_text("it_level", labels["it_level"], placeholder=_("e.g. Tin học cơ bản"))
        right = self.form.section(_("Work"))
        self.form.add_text("occupation", labels["occupation"])
        self.form.add_text("workplace", labels["workplace"])
        self.form.add_text("position", labels["position"])
        self._columns(work, left, right)

    def _tab(self, title: str) -> QWidget:
        page = QWidget(self)
        QVBoxLayout(page)
        self.addTab(page, title)
        return page

    def _columns(self, page: QWidget, left: QWidget, right: QWidget) -> None:
        row = QHBoxLayout()
        row.addWidget(left, 1)
        row.addWidget(right, 1)
        page.layout().addLayout(row)
        page.layout().addStretch(1)

    # ---- values ---------------------------------------------------------------------------

    def load(self, person) -> None:
        """Fill from a person record (None: an empty form for a new person)."""
        if person is None:
            values = {"gender": "male", "ethnicity": "Kinh", "religion": _("None"), "theory_level": "",
                      "status": self.new_statuses[0] if self.new_statuses else None}
            self.status_label.setText("")
        else:
            values = {name: getattr(person, FOREIGN_KEYS.get(name, name), None)
                      for name in self.form.fields if name != "status"}
            self.status_label.setText(_("Status: {status}").format(status=Status.label(person.status)))
        self.form.set_values(values)
        self._update_party_age()

    def values(self, *, creating: bool) -> dict:
        data = self.form.values()
        if not creating:
            data.pop("status", None)
        if isinstance(data.get("cccd"), str):
            data["cccd"] = data["cccd"].replace(" ", "")
        return data

    def _update_party_age(self, *_args) -> None:
        value = self.form.fields["admission_date"].widget.date()
        text = party_age_text(value, self.today)
        self.party_age.setText(_("Party age: {age} (since {date})").format(age=text, date=format_date(value))
                               if text else "")

    def show_errors(self, errors: dict[str, str]) -> list[str]:
        """Inline messages; switches to the tab of the first field in error."""
        orphans = self.form.set_errors(errors)
        for name in errors:
            field = self.form.fields.get(name)
            if field is None:
                continue
            for index in range(self.count()):
                if self.widget(index).isAncestorOf(field.widget):
                    self.setCurrentIndex(index)
                    field.widget.setFocus()
                    return orphans
        return orphans
