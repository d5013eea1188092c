"""Read-only data for the printed documents: plain dataclasses from compact, aggregate queries.

Reports import this package and never the store; nothing here writes.
"""

from desktop_app.services.report_data.issuer import (
    BRANCH_SYMBOL,
    Issuer,
    branch_label,
    committee_name,
    issuer_for,
    organisation,
    resolve_branch,
)
from desktop_app.services.report_data.meetings import MinutesData, SigninData, SigninLine, minutes_data, signin_data
from desktop_app.services.report_data.monthly import MonthlyData, monthly_data, statuses_on
from desktop_app.services.report_data.pipeline import (
    CandidateLine,
    CandidatesData,
    SponsorLine,
    SponsorsData,
    candidates_data,
    sponsors_data,
)
from desktop_app.services.report_data.resolution import (
    FORMS,
    TYPE_CODE,
    Particulars,
    ResolutionData,
    resolution_data,
)
from desktop_app.services.report_data.statistics import QuotaData, QuotaLine, quota_data

__all__ = [
    "BRANCH_SYMBOL", "FORMS", "TYPE_CODE", "CandidateLine", "CandidatesData", "Issuer", "MinutesData",
    "MonthlyData", "Particulars", "QuotaData", "QuotaLine", "ResolutionData", "SigninData", "SigninLine", "SponsorLine",
    "SponsorsData", "branch_label", "candidates_data", "committee_name", "issuer_for", "minutes_data",
    "monthly_data", "organisation", "quota_data", "resolution_data", "resolve_branch", "signin_data",
    "sponsors_data", "statuses_on",
]
