"""The navigation entries, in order, each with the view class it shows (imported on first visit)."""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass

from desktop_app.i18n import N_

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class NavEntry:
    key: str
    label: str  # msgid, translated where shown
    module: str
    cls: str


ENTRIES: tuple[NavEntry, ...] = (
    NavEntry("dashboard", N_("Overview"), "desktop_app.ui.views.dashboard_view", "DashboardView"),
    NavEntry("branches", N_("Branches"), "desktop_app.ui.views.branches_view", "BranchesView"),
    NavEntry("members", N_("Members"), "desktop_app.ui.views.members_view", "MembersView"),
    NavEntry("candidates", N_("Candidates"), "desktop_app.ui.views.candidates_view", "CandidatesView"),
    NavEntry("sponsors", N_("Sponsors"), "desktop_app.ui.views.sponsors_view", "SponsorsView"),
    NavEntry("meetings", N_("Meetings"), "desktop_app.ui.views.meetings_view", "MeetingsView"),
    NavEntry("fees", N_("Party fees"), "desktop_app.ui.views.fees_view", "FeesView"),
    NavEntry("year", N_("Grading and badges"), "desktop_app.ui.views.year_view", "YearView"),
    NavEntry("review", N_("Data review"), "desktop_app.ui.views.review_view", "ReviewView"),
    NavEntry("reports", N_("Reports and printing"), "desktop_app.ui.views.reports_view", "ReportsView"),
    NavEntry("settings", N_("Settings"), "desktop_app.ui.views.settings_view", "SettingsView"),
    NavEntry("audit", N_("Audit trail"), "desktop_app.ui.views.audit_view", "AuditView"),
)
KEYS = tuple(e.key for e in ENTRIES)
FALLBACKS = {"meetings": ("desktop_app.ui.views.meeting_list_fallback", "MeetingListView")}


def entry(key: str) -> NavEntry:
    for item in ENTRIES:
        if item.key == key:
            return item
    raise KeyError(key)


def view_class(key: str):
    """The view class of *key*; the meetings entry falls back to a simple list until its editor exists."""
    item = entry(key)
    try:
        return getattr(importlib.import_module(item.module), item.cls)
    except (ImportError, AttributeError) as exc:
        if key not in FALLBACKS:
            raise
        if not (isinstance(exc, ImportError) and exc.name == item.module):
            log.warning("view %s could not be loaded, using the fallback: %s", item.module, exc)
        module, cls = FALLBACKS[key]
        return getattr(importlib.import_module(module), cls)
