"""The admission pipeline: the steps with how many people stand at each, and the people at the chosen
step with their latest step, what is due and who helps them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.enums import Stage, Status
from desktop_app.core.text import name_sort_key
from desktop_app.i18n import N_, _, format_date, ngettext
from desktop_app.services.people import candidates
from desktop_app.ui import context as kinds
from desktop_app.ui import reminder_source
from desktop_app.ui.dialogs.candidate_dialog import CandidateDialog
from desktop_app.ui.models.row_table import Column, RowTableModel
from desktop_app.ui.views.people_view import PeopleView
from desktop_app.ui.widgets.table import RowTable

ALL = "*"
NO_STEP = ""


class CandidatesView(PeopleView):
    DIALOG = CandidateDialog
    KEY = "candidates"
    WATCHES = (kinds.PEOPLE, kinds.BRANCHES, kinds.SPONSORSHIPS, kinds.DOSSIER, kinds.MEETINGS)

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.rows: list = []
        self.due: dict[int, list] = {}
        layout = QHBoxLayout(self)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.stages = QListWidget(split)
        self.stages.setObjectName("stageList")
        self.stages.setWordWrap(True)
        self.stages.setSpacing(1)
        self.stages.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stages.currentRowChanged.connect(lambda _r: self._fill_table())
        split.addWidget(self.stages)
        right = QWidget(split)
        box = QVBoxLayout(right)
        box.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.count_label = QLabel(right)
        self.count_label.setObjectName("summary")
        self.new_button = QPushButton(right)
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(self.new_candidate)
        self.open_button = QPushButton(right)
        self.open_button.clicked.connect(self.open_current)
        bar.addWidget(self.count_label, 1)
        bar.addWidget(self.open_button)
        bar.addWidget(self.new_button)
        box.addLayout(bar)
        self.model = RowTableModel(self._columns(), self)
        self.table = RowTable(self.model, right)
        self.table.enable_sorting()
        self.table.activated_row.connect(lambda row: self.open_person(row.id))
        box.addWidget(self.table, 1)
        self.note = QLabel(right)
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        box.addWidget(self.note)
        split.addWidget(right)
        split.setSizes([240, 890])
        split.setStretchFactor(1, 1)
        layout.addWidget(split)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_candidate)
        self.retranslate_ui()

    def _columns(self) -> list[Column]:
        today = self.context.today

        def due_text(row) -> str:
            items = self.due.get(row.id, [])
            return f"{format_date(items[0].due)} — {items[0].title}" if items else ""

        def due_sort(row) -> int:
            items = self.due.get(row.id, [])
            return items[0].due.toordinal() if items and items[0].due else 10**7

        def due_colour(row) -> str | None:
            items = self.due.get(row.id, [])
            if not items:
                return None
            if items[0].due and items[0].due < today():
                return "#a00000"
            return "#8a5a00" if getattr(items[0], "severity", "") in ("error", "warning", "high") else None

        return [
            Column(N_("Full name"), lambda r: r.full_name, sort=lambda r: name_sort_key(r.full_name)),
            Column(N_("Branch"), lambda r: r.branch_code),
            Column(N_("Latest step"), lambda r: Stage.label(r.stage) if r.stage else _("none yet"),
                   sort=lambda r: Stage.PIPELINE.index(r.stage) if r.stage else -1),
            Column(N_("Since"), lambda r: r.stage_date),
            Column(N_("Due"), due_text, sort=due_sort, color=due_colour,
                   tooltip=lambda r: "\n".join(f"{format_date(i.due)} — {i.title}" for i in self.due.get(r.id, []))),
            Column(N_("Status"), lambda r: Status.label(r.status)),
            Column(N_("Helpers and introducers"), lambda r: r.helpers),
        ]

    def title(self) -> str:
        return _("Candidates")

    def retranslate_ui(self) -> None:
        self.new_button.setText(_("&New candidate (Ctrl+N)"))
        self.open_button.setText(_("&Open"))
        self.model.retranslate()

    # ---- loading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.rows = candidates.list_candidates(self.branch_id)
        self.due = reminder_source.by_person(self.context.today(), self.branch_id, self.context.generation)
        self.note.setText("" if reminder_source.available() else
                          _("Deadlines are shown in each candidate's file (open it with Enter)."))
        chosen = self.stages.currentItem().data(Qt.ItemDataRole.UserRole) if self.stages.currentItem() else ALL
        counts: dict[str, int] = {}
        for row in self.rows:
            counts[row.stage] = counts.get(row.stage, 0) + 1
        self.stages.blockSignals(True)
        self.stages.clear()
        self._add_stage(ALL, _("Everyone in the pipeline"), len(self.rows))
        self._add_stage(NO_STEP, _("No step recorded yet"), counts.get(NO_STEP, 0))
        for stage in Stage.PIPELINE:
            self._add_stage(stage, Stage.label(stage), counts.get(stage, 0))
        keys = [self.stages.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.stages.count())]
        self.stages.setCurrentRow(keys.index(chosen) if chosen in keys else 0)
        self.stages.blockSignals(False)
        self._fill_table()

    def _add_stage(self, key: str, label: str, count: int) -> None:
        item = QListWidgetItem(f"{count} · {label}")
        item.setData(Qt.ItemDataRole.UserRole, key)
        if not count and key != ALL:
            item.setForeground(Qt.GlobalColor.gray)
        self.stages.addItem(item)

    def current_stage(self) -> str:
        item = self.stages.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else ALL

    def _fill_table(self) -> None:
        stage = self.current_stage()
        rows = self.rows if stage == ALL else [r for r in self.rows if r.stage == stage]
        self.model.set_rows(rows)
        self.table.fit_columns(widest=210)
        self.count_label.setText(ngettext("{n} person", "{n} people", len(rows)).format(n=len(rows)))

    # ---- actions ------------------------------------------------------------------------------

    def new_candidate(self) -> None:
        self._dialog(None).exec()

    def open_record(self, kind: str, record_id: int) -> bool:
        if kind != "person":
            return False
        self.refresh_if_stale()
        self.stages.setCurrentRow(0)
        self.table.select_where(lambda r: r.id == record_id)
        self.open_person(record_id)
        return True

    # ---- for --screenshots ----------------------------------------------------------------------

    def _sample(self):
        self.refresh_if_stale()
        rows = sorted(self.rows, key=lambda r: Stage.PIPELINE.index(r.stage) if r.stage else -1, reverse=True)
        candidates_only = [r for r in rows if r.status in Status.CANDIDATES]
        return (candidates_only or rows or [None])[0]

    def screenshot_detail(self) -> CandidateDialog | None:
        row = self._sample()
        return self._dialog(row.id) if row else None

    def screenshot_advance(self):
        row = self._sample()
        return self._dialog(row.id).advance_dialog() if row else None
