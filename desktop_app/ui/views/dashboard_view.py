"""The overview: what is due (from the rules engine), branches without last month's meeting, the
admission quota of the year per branch and how many people stand at each step of the pipeline.

The quota figures are the quota report's (report_data.quota_data): the organisation's target and,
where it differs, the branches' targets added up, each named.

It is the first view of a start, so it can be built before the data layer is loaded: the services are imported
when its figures are first computed, and until a database is attached it shows the figures kept when the app
last closed that database (ui.overview_snapshot), saying they are being checked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHeaderView, QLabel, QVBoxLayout

from desktop_app.core.enums import Stage
from desktop_app.i18n import N_, _, format_percent, format_plan, ngettext
from desktop_app.ui import context as kinds
from desktop_app.ui import reminder_source
from desktop_app.ui.models.row_table import Column, RowTableModel
from desktop_app.ui.operation import Operation
from desktop_app.ui.views.base import BaseView
from desktop_app.ui.widgets.table import RowTable

ERROR_COLOUR, WARNING_COLOUR = "#a00000", "#8a5a00"
SHOWN = 150  # reminders listed at once (rows of two lines each); the rest are one branch choice away


def _severity_colour(item) -> str | None:
    return ERROR_COLOUR if item.severity == "error" else WARNING_COLOUR


REMINDER_COLUMNS = (
    Column(N_("Due"), lambda r: r.due),
    Column(N_("What"), lambda r: r.title, color=_severity_colour,
           tooltip=lambda r: f"{r.title}\n{r.source}" if r.source else r.title),
)
QUOTA_COLUMNS = (
    Column(N_("Branch"), lambda r: f"{r[1]} – {r[2]}"),
    Column(N_("Planned"), lambda r: r[3], numeric=True),
    Column(N_("Admitted"), lambda r: r[4], numeric=True),
    Column(N_("% of plan"), lambda r: format_percent(r[4], whole=r[3]) if r[3] else "—",
           sort=lambda r: r[4] / r[3] if r[3] else -1, numeric=True),
)
STAGE_COLUMNS = (
    Column(N_("Step"), lambda r: Stage.label(r[0]) if r[0] else _("No step recorded yet"),
           sort=lambda r: Stage.PIPELINE.index(r[0]) if r[0] else -1),
    Column(N_("People"), lambda r: r[1], numeric=True),
)


def overview_figures(year: int, branch_id: int | None = None, as_of=None) -> dict:
    """What the overview shows and what its snapshot keeps, of one branch or all (None): the quota rows of
    *year* (branch id, code, name, target, admitted), the admitted count against the plan (the branch's target
    for one branch, else the organisation's), the targets each named, and the pipeline's counts by step."""
    from desktop_app.services.documents import report_data
    from desktop_app.services.people import candidates

    data = report_data.quota_data(year, as_of=as_of)
    rows = [[line.branch_id, line.code, line.name, line.target or 0, line.admitted]
            for line in data.branches if line.branch_id is not None]
    targets = None
    if branch_id is not None:
        rows = [r for r in rows if r[0] == branch_id]
        done, target = (rows[0][4], rows[0][3] or None) if rows else (0, None)
    else:
        done, target = data.total.admitted, data.target
        targets = {"organisation": data.organisation_target, "branches": data.branch_targets,
                   "differ": bool(data.targets_differ)}
    return {"year": year, "quota": rows, "stages": candidates.stage_counts(branch_id), "admitted": done,
            "target": target, "targets": targets}


class DashboardView(BaseView):
    KEY = "dashboard"
    WATCHES = (kinds.PEOPLE, kinds.BRANCHES, kinds.SPONSORSHIPS, kinds.DOSSIER, kinds.MEETINGS, kinds.QUOTAS,
               kinds.SETTINGS, kinds.ORGANISATION, kinds.GRADING, kinds.BADGES)  # what its figures count from

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        grid = QGridLayout(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        grid.addWidget(self.summary, 0, 0, 1, 2)
        self.reminder_model = RowTableModel(REMINDER_COLUMNS, self)
        self.reminders_box, self.reminder_table = self._box(self.reminder_model, 1, wrap=True)
        self.reminder_table.activated_row.connect(self._open_reminder)
        self.reminder_note = QLabel(self.reminders_box)
        self.reminder_note.setObjectName("hint")
        self.reminder_note.setWordWrap(True)
        self.reminders_box.layout().addWidget(self.reminder_note)
        self.missing_model = RowTableModel(REMINDER_COLUMNS[1:], self)
        self.missing_box, self.missing_table = self._box(self.missing_model, 0, wrap=True)
        self.missing_table.activated_row.connect(self._open_reminder)
        self.missing_note = QLabel(self.missing_box)
        self.missing_note.setObjectName("hint")
        self.missing_note.setWordWrap(True)
        self.missing_box.layout().addWidget(self.missing_note)
        self.quota_model = RowTableModel(QUOTA_COLUMNS, self)
        self.quota_box, self.quota_table = self._box(self.quota_model, 0)
        self.quota_note = QLabel(self.quota_box)
        self.quota_note.setObjectName("hint")
        self.quota_note.setWordWrap(True)
        self.quota_box.layout().addWidget(self.quota_note)
        self.quota_table.activated_row.connect(lambda r: self.context.request_open("branch", r[0]))
        self.stage_model = RowTableModel(STAGE_COLUMNS, self)
        self.stage_box, self.stage_table = self._box(self.stage_model, 0)
        grid.addWidget(self.reminders_box, 1, 0)
        grid.addWidget(self.missing_box, 1, 1)
        grid.addWidget(self.quota_box, 2, 0)
        grid.addWidget(self.stage_box, 2, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(1, 3)
        grid.setRowStretch(2, 2)
        self._reminders: Operation | None = None  # worked out off the GUI thread…
        self._unstarted = False  # …from the next paint on
        self._items: list | None = None
        self._admitted, self._target, self._targets = 0, None, None
        self._in_pipeline = 0
        self._kept = False  # showing the figures kept at the last closing (show_snapshot)
        self.retranslate_ui()

    def _box(self, model: RowTableModel, stretch: int, wrap: bool = False) -> tuple[QGroupBox, RowTable]:
        box = QGroupBox(self)
        layout = QVBoxLayout(box)
        table = RowTable(model, box, stretch=stretch)
        table.setAlternatingRowColors(False)
        if wrap:  # long reminders read whole, on two lines if need be
            table.setWordWrap(True)
            table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(table)
        return box, table

    def title(self) -> str:
        return _("Overview")

    def retranslate_ui(self) -> None:
        self.reminders_box.setTitle(_("Due and overdue (Enter opens the record)"))
        self.missing_box.setTitle(_("Meetings missing"))
        self.stage_box.setTitle(_("Admission pipeline"))
        for model in (self.reminder_model, self.missing_model, self.quota_model, self.stage_model):
            model.retranslate()

    def refresh_if_stale(self) -> None:
        if self._kept and self.context.db_path is None:  # the snapshot until the database is attached
            return
        super().refresh_if_stale()

    def show_snapshot(self, figures: dict) -> None:
        """Show the figures kept at the last closing until the database is open (then ``refresh`` replaces
        them): they match the file as it is, and say they are being checked."""
        self._kept = True
        self._show_figures(figures)
        self._items = None
        self.reminder_note.setText(_("Opening the database…"))
        self.summary.setText(_("{figures} · checking them against the database…").format(
            figures=self._figures_summary()))

    def _show_figures(self, figures: dict) -> None:
        rows, counts = figures["quota"], figures["stages"]
        self.quota_box.setTitle(_("Admission quota {year}").format(year=figures["year"]))
        self.quota_model.set_rows(rows)
        self.quota_table.fit_columns()
        self._admitted, self._target, self._targets = figures["admitted"], figures["target"], figures["targets"]
        self.quota_note.setText(self._targets_text())
        order = [""] + list(Stage.PIPELINE)
        self.stage_model.set_rows([(s, counts[s]) for s in order if counts.get(s)])
        self.stage_table.fit_columns()
        self._in_pipeline = sum(counts.values())

    def refresh(self) -> None:
        today = self.context.today()
        if self._reminders is not None:
            self._reminders.discard()  # a result still on its way for an older request is not wanted
            self._reminders, self._unstarted = None, False
        self._kept = False
        self._show_figures(overview_figures(today.year, self.branch_id, as_of=today))
        generation = self.context.generation
        items = reminder_source.cached(today, self.branch_id, generation)
        if items is None and not self.context.background:
            items = reminder_source.reminders(today, self.branch_id, generation)
        if items is not None:
            self._show_reminders(items)
            return
        # The rules engine dates every deadline of the year: the rest of the overview shows meanwhile.
        self._items = None
        self.reminder_model.set_rows([])
        self.reminder_table.fit_columns(widest=140)
        self.missing_model.set_rows([])
        self.missing_table.fit_columns()
        self.missing_note.setVisible(False)
        self.reminder_note.setText(_("Working out what is due…"))
        self.reminder_note.setVisible(True)
        self._update_summary()
        # Started when the overview has painted what it has: a worker busy from the start would compete with
        # the first paint for the interpreter.
        self._reminders = Operation(self, reminder_source.reminders, today, self.branch_id, generation).reading() \
            .success(self._show_reminders).failure(self._reminders_failed)
        self._unstarted = True
        self.update()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self._unstarted and self._reminders is not None:
            self._unstarted = False
            self._reminders.run()

    def _reminders_failed(self, exc: BaseException) -> None:
        from desktop_app.ui.messages import explain

        self.reminder_note.setText(_("What is due could not be worked out: {error}").format(error=explain(exc)))

    def _show_reminders(self, items: list) -> None:
        self._items = items
        branch_items = [r for r in items if r.kind in ("meeting_missing", "thematic_missing")]
        people_items = [r for r in items if r not in branch_items]
        self.reminder_model.set_rows(people_items[:SHOWN])
        self.reminder_table.fit_columns(widest=140)
        self.missing_model.set_rows(branch_items)
        self.missing_table.fit_columns()
        self.missing_note.setText(_("Every branch has held its meetings.") if not branch_items else "")
        self.missing_note.setVisible(not branch_items)
        if not reminder_source.available():
            self.reminder_note.setText(_("Reminders are not available in this version."))
        elif not people_items:
            self.reminder_note.setText(_("Nothing is due. Well done."))
        elif len(people_items) > SHOWN:
            self.reminder_note.setText(_("The first {shown} of {n} are shown; choose a branch above to see its "
                                         "own.").format(shown=SHOWN, n=len(people_items)))
        else:
            self.reminder_note.setText("")
        self.reminder_note.setVisible(bool(self.reminder_note.text()))
        self._update_summary()

    def _figures_summary(self) -> str:
        return " · ".join([
            self._admitted_text(),
            ngettext("{n} person in the pipeline", "{n} people in the pipeline", self._in_pipeline)
            .format(n=self._in_pipeline)])

    def _admitted_text(self) -> str:
        """Admitted this year against the plan: the branch's target for one branch, else the organisation's."""
        done, target = self._admitted, self._target
        if not target:
            return _("Admitted this year: {n}; no target set").format(n=done)
        return _("Admitted this year: {n} of {target}, {plan}").format(n=done, target=target,
                                                                       plan=format_plan(done, target))

    def _targets_text(self) -> str:
        """The targets, each named: the organisation's, and the branches' added up where it differs."""
        targets = self._targets
        if not targets:
            return ""
        parts = []
        if targets["organisation"] is not None:
            parts.append(_("Target of the organisation: {n}").format(n=targets["organisation"]))
        if targets["branches"] is not None and (targets["organisation"] is None or targets["differ"]):
            parts.append(_("branch targets added up: {n}").format(n=targets["branches"]))
        if targets["differ"] and targets["branches"] is not None:
            parts.append(_("the share of the plan is of the organisation's target"))
        return " · ".join(parts)

    def _update_summary(self) -> None:
        items = self._items
        parts = []
        if items is not None:
            overdue = sum(1 for r in items if r.severity == "error")
            parts += [ngettext("{n} item due", "{n} items due", len(items)).format(n=len(items)),
                      ngettext("{n} overdue", "{n} overdue", overdue).format(n=overdue)]
        self.summary.setText(" · ".join(parts + [self._figures_summary()]))

    def reminders_pending(self) -> bool:
        """True while the reminders are being worked out on a worker thread."""
        return self._items is None

    def _open_reminder(self, item) -> None:
        if getattr(item, "person_id", None):
            self.context.request_open("person", item.person_id)
        elif getattr(item, "kind", "") in ("grading_due", "grading_decision_due", "grading_not_started"):
            self.context.request_open("grading_branch", item.branch_id or 0)
        elif getattr(item, "kind", "") == "badges_due":
            self.context.request_open("badges", item.branch_id or 0)
        elif getattr(item, "branch_id", None):
            if item.kind in ("meeting_missing", "thematic_missing"):
                self.context.set_branch(item.branch_id)
                self.context.request_open("meeting_branch", item.branch_id)
            else:
                self.context.request_open("branch", item.branch_id)

    def open_record(self, kind: str, record_id: int) -> bool:
        return False

    def reminder_rows(self) -> list:
        return list(self.reminder_model.rows)

    def stage_rows(self) -> list:
        return list(self.stage_model.rows)

    def focus_first(self) -> None:
        self.reminder_table.setFocus(Qt.FocusReason.OtherFocusReason)
