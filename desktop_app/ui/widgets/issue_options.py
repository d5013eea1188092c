"""Whether a numbered document is issued: "Issue it", what was issued before, and "Issue a new version".

Issuing takes the document's number once; printing an issued document again keeps its number and date.
A new number is taken only when the user asks for a new version, which is confirmed first.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from desktop_app.i18n import _, format_date, pgettext


class IssueOptions(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._issued = None  # services.documents.issued.Issue of the document chosen, if it was issued
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.issue = QCheckBox(self)
        self.issue.setObjectName("issueBox")
        self.note = QLabel(self)
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.new_version = QCheckBox(self)
        self.new_version.setObjectName("newVersionBox")
        for widget in (self.issue, self.note, self.new_version):
            layout.addWidget(widget)
        self.issue.toggled.connect(lambda _on: self._update())
        self.retranslate_ui()
        self._update()

    def retranslate_ui(self) -> None:
        self.issue.setText(_("Issue it (give it a document number)"))
        self.new_version.setText(_("Issue a new version (a new number and today's date)"))
        self._update()

    def show_issued(self, issued) -> None:
        """*issued*: the number and date of the document as issued before, or None."""
        self._issued = issued
        self._update()

    def _update(self) -> None:
        issued = self._issued
        self.note.setVisible(issued is not None)
        self.new_version.setVisible(issued is not None)
        if issued is not None:
            self.note.setText(_("Issued as {number} of {date}: printing it again keeps this number and date.")
                              .format(number=f"{pgettext('document', 'No.')} {issued.symbol}",
                                      date=format_date(issued.date)))
        self.new_version.setEnabled(self.issue.isChecked())
        if not self.issue.isChecked():
            self.new_version.setChecked(False)

    @property
    def issued(self):
        return self._issued

    def issue_it(self) -> bool:
        return self.issue.isChecked()

    def wants_new_version(self) -> bool:
        return self.issue.isChecked() and self.new_version.isChecked() and self._issued is not None

    def issued_now(self) -> None:
        """After a document was issued: a further print is a reprint again, unless asked."""
        self.new_version.setChecked(False)
