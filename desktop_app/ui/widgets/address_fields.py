"""The Addresses tab of a person's form: home town, place of birth registration and permanent residence, each as
country, province and the rest (core.places), as the central member database keeps them. The country and the
province offer the known names as they are typed (today's provinces first, then the older ones a home town may
carry); any other text is kept as typed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop_app.core.places import ALL_PROVINCES, COUNTRIES, VIETNAM
from desktop_app.i18n import _


def _suggest(edit: QLineEdit, names) -> None:
    completer = QCompleter(list(names), edit)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    edit.setCompleter(completer)


def add_address_tab(person_form) -> QWidget:
    """Add the tab to *person_form* (a PersonForm), its fields to the person's form; returns the page."""
    form = person_form.form
    page = QWidget(person_form)
    box = QVBoxLayout(page)
    hint = QLabel(_("Each address is kept as the central member database keeps it: the country, the province or "
                    "centrally-run city, and the rest (commune, village, street), as on the person's papers."), page)
    hint.setObjectName("hint")
    hint.setWordWrap(True)
    box.addWidget(hint)
    titles = {"home_town": _("Home town"), "birth_place": _("Place of birth registration"),
              "residence": _("Permanent residence")}
    sections = {}
    for address, title in titles.items():
        section = form.section(title)
        country = form.add_text(f"{address}_country", _("Country"), placeholder=VIETNAM)
        _suggest(country, COUNTRIES)
        province = form.add_text(f"{address}_province", _("Province or city"))
        _suggest(province, ALL_PROVINCES)
        form.add_text(f"{address}_detail", _("Commune, village, street"))
        sections[address] = section
    left = QVBoxLayout()
    left.addWidget(sections["home_town"])
    left.addWidget(sections["birth_place"])
    right = QVBoxLayout()
    right.addWidget(sections["residence"])
    right.addStretch(1)
    row = QHBoxLayout()
    row.addLayout(left, 1)
    row.addLayout(right, 1)
    box.addLayout(row)
    box.addStretch(1)
    person_form.addTab(page, _("Addresses"))
    return page
