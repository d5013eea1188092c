"""Read-only data for the printed documents: plain dataclasses from compact, aggregate queries.

Reports import this package and never the store; nothing here writes. Each name is imported from its
module when first used, so a report loads only the data modules it needs (a whole process prints one).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the names below are loaded from their module on first use (__getattr__)
    from desktop_app.services.documents.report_data.badge_list import AwardDay, BadgeListData, badge_list_data
    from desktop_app.services.documents.report_data.grading import GradedMember, GradingData, NotGraded, grading_data
    from desktop_app.services.documents.report_data.issuer import (
        BRANCH_SYMBOL,
        Issuer,
        branch_label,
        committee_name,
        issuer_for,
        organisation,
        resolve_branch,
    )
    from desktop_app.services.documents.report_data.meetings import (
        MinutesData,
        SigninData,
        SigninLine,
        minutes_data,
        signin_data,
    )
    from desktop_app.services.documents.report_data.monthly import MonthlyData, monthly_data, statuses_on
    from desktop_app.services.documents.report_data.pipeline import (
        CandidateLine,
        CandidatesData,
        SponsorLine,
        SponsorsData,
        candidates_data,
        sponsors_data,
    )
    from desktop_app.services.documents.report_data.register import RegisterLine, register_data
    from desktop_app.services.documents.report_data.resolution import (
        FORMS,
        TYPE_CODE,
        Particulars,
        ResolutionChoice,
        ResolutionData,
        resolution_choices,
        resolution_data,
    )
    from desktop_app.services.documents.report_data.statistics import QuotaData, QuotaLine, quota_data


__all__ = [
    "AwardDay", "BadgeListData", "GradedMember", "GradingData", "NotGraded", "badge_list_data", "grading_data",
    "BRANCH_SYMBOL", "FORMS", "TYPE_CODE", "CandidateLine", "CandidatesData", "Issuer", "MinutesData",
    "MonthlyData", "Particulars", "QuotaData", "QuotaLine", "RegisterLine", "ResolutionChoice", "ResolutionData",
    "SigninData", "SigninLine", "SponsorLine", "SponsorsData", "branch_label", "candidates_data", "committee_name",
    "issuer_for", "minutes_data", "monthly_data", "organisation", "quota_data", "register_data",
    "resolution_choices", "resolution_data", "resolve_branch", "signin_data", "sponsors_data", "statuses_on",
]

_HOMES = {
    "badge_list": ("AwardDay", "BadgeListData", "badge_list_data"),
    "grading": ("GradedMember", "GradingData", "NotGraded", "grading_data"),
    "issuer": ("BRANCH_SYMBOL", "Issuer", "branch_label", "committee_name", "issuer_for", "organisation",
               "resolve_branch"),
    "meetings": ("MinutesData", "SigninData", "SigninLine", "minutes_data", "signin_data"),
    "monthly": ("MonthlyData", "monthly_data", "statuses_on"),
    "pipeline": ("CandidateLine", "CandidatesData", "SponsorLine", "SponsorsData", "candidates_data", "sponsors_data"),
    "register": ("RegisterLine", "register_data"),
    "resolution": ("FORMS", "TYPE_CODE", "Particulars", "ResolutionChoice", "ResolutionData", "resolution_choices",
                   "resolution_data"),
    "statistics": ("QuotaData", "QuotaLine", "quota_data"),
}
_MODULE_OF = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str):
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
