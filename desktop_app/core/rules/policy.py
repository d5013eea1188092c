"""Every number the Party rules set, in one place, with where it comes from.

A :class:`Policy` is the set of parameters in force from one date. Each field is declared with
:func:`.params.param`, which keeps its value and its source side by side; those of a member's life
after admission (fees, re-admission, grading, badges) are declared in :mod:`.policy_members`.
Sources are English templates (translated when shown) that name the document and point;
``{regulation}`` and ``{guidance}`` stand for the implementing regulation and the Secretariat's
guidance of the policy, so older policies reuse the same template with their own document numbers
(the point numbering of 29-QĐ/TW, 24-QĐ/TW, 232-QĐ/TW and 294-QĐ/TW is the same for these rules).

Items marked ``unconfirmed`` (domain.md: UNCONFIRMED) and local application settings are
``configurable``: the user may override them (see :mod:`.overrides`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from desktop_app.core.rules.params import APP_SETTING, CHARTER, Fraction, param
from desktop_app.core.rules.policy_members import MEMBER_RULES, MemberLifeParameters
from desktop_app.i18n import N_, _

__all__ = ["APP_SETTING", "CHARTER", "PARAMETERS", "RULES", "Fraction", "Policy", "param"]


@dataclass(frozen=True)
class Policy(MemberLifeParameters):
    """The rule parameters in force from ``effective``; the defaults are those of the current policy.

    The parameters of a member's life after admission (fees, re-admission, grading, badges) are declared in
    :class:`.policy_members.MemberLifeParameters` and are fields of every policy like the ones below.
    """

    version: str
    effective: dt.date
    regulation: str = "294-QĐ/TW"  # Quy định thi hành Điều lệ Đảng
    guidance: str = "06-HD/TW"  # Hướng dẫn một số vấn đề cụ thể thi hành Điều lệ Đảng
    # Per-policy replacements of source templates, for rules whose document changed (field name → template).
    sources: tuple[tuple[str, str], ...] = ()
    # Local overrides applied on top of the published values (name → value), for the record.
    overrides: tuple[tuple[str, Any], ...] = ()

    # ---- admission (domain.md §1) -------------------------------------------------------
    # "Tại thời điểm chi bộ xét kết nạp, người vào Đảng phải đủ 18 tuổi đến đủ 60 tuổi (tính theo tháng)."
    min_age_months: int = param(216, N_("Regulation {regulation}, point 1.1.1; Party Charter, Article 1.2"))
    max_age_months: int = param(720, N_("Regulation {regulation}, points 1.1.1 and 1.1.2"))
    # Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng có giá trị 60 tháng.
    certificate_valid_months: int = param(60, N_("Guidance {guidance}, point 5.4"))
    # Introductions, Youth/Trade Union resolutions and opinion summaries are redone after 12 months without a
    # branch vote (UNCONFIRMED under 06-HD/TW).
    dossier_stale_months: int = param(
        12, N_("Guidance {guidance}, point 5.4 (wording unconfirmed)"), configurable=True, unconfirmed=True,
        label=N_("Dossier documents must be redone after (months)"), minimum=1, maximum=60)
    # Introducer: official member who worked, studied or lived alongside the applicant at least 12 months.
    introducer_months: int = param(12, N_("Party Charter, Article 4.2; Regulation {regulation}, point 3.2.1"))
    # Where a Youth Union exists, a person of youth age must be a Youth Union member (youth age 16–30).
    youth_age_max_years: int = param(
        30, N_("Party Charter, Article 4.1; Law on Youth 2020, Article 1"), configurable=True,
        label=N_("Youth Union age limit (years)"), minimum=30, maximum=35)
    # "Được hai phần ba số đảng viên chính thức trở lên đồng ý."
    admission_vote: Fraction = param((2, 3, False), N_("Party Charter, Article 4.3; Guidance {guidance}, point 3.6b"))
    recognition_vote: Fraction = param((2, 3, False), N_("Party Charter, Article 5.2"))
    committee_vote: Fraction = param((2, 3, False), N_("Party Charter, Article 4.3"))
    ordinary_vote: Fraction = param((1, 2, True), N_("Party Charter, Article 9.5"))
    # Official members summoned, less: introduced for temporary activity elsewhere, exempt members who are
    # absent (counted when present), suspended / prosecuted / detained members, and members absent throughout
    # with a reason the convener accepted.
    denominator_excludes: tuple[str, ...] = param(
        ("elsewhere", "exempt_absent", "suspended", "absent_accepted"), N_("Regulation {regulation}, point 9.3.2"))
    # A branch has at least three official members; with fewer it cannot vote admissions or recognitions.
    min_official_members: int = param(3, N_("Party Charter, Article 24.1"))
    # The competent committee decides within 60 working days of the branch resolution (admission), 30 (recognition),
    # extendable by at most 30 in special cases.
    decision_admission_working_days: int = param(60, N_("Regulation {regulation}, point 4.3.1"))
    decision_recognition_working_days: int = param(30, N_("Regulation {regulation}, point 4.3.1"))
    decision_extension_working_days: int = param(30, N_("Regulation {regulation}, point 4.3.1"))
    # Ceremony within 30 working days of receiving the decision; later only with the consent of the committee above.
    ceremony_working_days: int = param(30, N_("Regulation {regulation}, point 4.1"))
    # Probation lasts 12 months from the ceremony.
    probation_months: int = param(12, N_("Party Charter, Article 5.1"))
    # Party-member history and record slip declared within 30 working days of the ceremony.
    history_declaration_working_days: int = param(30, N_("Guidance 12-HD/BTCTW (2022)"))
    # The branch votes on recognition within 30 working days after the 12 months.
    recognition_vote_working_days: int = param(30, N_("Regulation {regulation}, point 4.2.1"))
    # Official as of the end of the 12 months, even when the branch or the committee is late.
    official_at_probation_end: bool = param(True, N_("Regulation {regulation}, point 4.2.2"))
    # Party age runs from the date written in the admission decision.
    party_age_from: str = param("admission_decision", N_("Party Charter, Article 5.4"))
    # After three votes without two thirds either way, report to the committee above.
    failed_votes_escalation: int = param(3, N_("Regulation {regulation}, point 4.2.3"))
    # Whether recognition is barred without the new-member class certificate (UNCONFIRMED): warn by default.
    new_member_class_required: bool = param(
        False, N_("Guidance {guidance}, point 8.3 (unconfirmed)"), configurable=True, unconfirmed=True,
        label=N_("Recognition requires the new-member class certificate"))

    # ---- meetings (domain.md §3) ---------------------------------------------------------
    # The whole Party meets on the 3rd of each month (None: no fixed day).
    meeting_day: int | None = param(
        3, N_("Directive 50-CT/TW (23/7/2025)"), configurable=True, label=N_("Monthly meeting day"),
        minimum=1, maximum=28, optional=True)
    thematic_per_quarter: int = param(1, N_("Directive 50-CT/TW (23/7/2025)"))
    meeting_min_minutes: int = param(
        90, N_("Guidance 42-HD/BTCTW (28/10/2025)"), configurable=True,
        label=N_("Minimum meeting length (minutes)"), minimum=30, maximum=240)
    combined_meeting_min_minutes: int = param(
        120, N_("Guidance 42-HD/BTCTW (28/10/2025)"), configurable=True,
        label=N_("Minimum length of a combined regular and thematic meeting (minutes)"), minimum=30, maximum=300)
    # Good attendance: more than 85 %, nobody absent without reason, nobody excused more than 3 times running.
    attendance_min_percent: int = param(85, N_("Guidance 12-HD/BTCTW (06/7/2018), Part 2, point 3"))
    max_unexcused_absences: int = param(0, N_("Guidance 12-HD/BTCTW (06/7/2018), Part 2, point 3"))
    max_consecutive_excused: int = param(3, N_("Guidance 12-HD/BTCTW (06/7/2018), Part 2, point 3"))
    # Skipping activity (or fees) 3 months in a year without valid reason: the branch proposes striking off.
    strike_off_months: int = param(3, N_("Party Charter, Article 8.2"))
    # Official transfer: start within 60 working days, report to the new branch within 30.
    transfer_start_working_days: int = param(60, N_("Regulation {regulation}, point 6.3.1"))
    transfer_report_working_days: int = param(30, N_("Regulation {regulation}, point 6.3.1"))
    # Document numbers restart from 01 for each type in each committee term.
    document_numbering_reset: str = param("term", N_("Guidance 36-HD/VPTW (03/4/2018)"))

    # ---- reminders (application settings) -------------------------------------------------
    certificate_warning_days: int = param(
        90, APP_SETTING, configurable=True, label=N_("Warn before a certificate expires (days)"),
        minimum=0, maximum=365)
    reminder_window_days: int = param(
        30, APP_SETTING, configurable=True, label=N_("Show deadlines due within (days)"), minimum=0, maximum=365)

    # ---- looking things up --------------------------------------------------------------
    def source(self, name: str) -> str:
        """The translated source of parameter (or rule) *name* under this policy."""
        template = dict(self.sources).get(name)
        if template is None:
            meta = PARAMETERS.get(name)
            template = meta.metadata["source"] if meta else RULES.get(name, "")
        return _(template).format(regulation=self.regulation, guidance=self.guidance) if template else ""

    def title(self) -> str:
        return _("Regulation {regulation} and Guidance {guidance}, in force from {date}").format(
            regulation=self.regulation, guidance=self.guidance, date=f"{self.effective:%d/%m/%Y}")

    def with_values(self, **values: Any) -> Policy:
        """This policy with local values, marked in its version. Unchecked: use overrides.apply_overrides."""
        if not values:
            return self
        merged = dict(self.overrides)
        merged.update(values)
        suffix = ",".join(f"{k}={_compact(merged[k])}" for k in sorted(merged))
        base_version = self.version.split(" [", 1)[0]
        return dataclasses.replace(self, **values, overrides=tuple(sorted(merged.items())),
                                   version=f"{base_version} [{suffix}]")


def _compact(value: Any) -> str:
    """A value as written in a version id: tables as "3.2/19.5", lists as "30/40"."""
    if isinstance(value, tuple):
        return "/".join(".".join(map(str, v)) if isinstance(v, tuple) else str(v) for v in value)
    return str(value)


_MEMBER_FIELDS = {f.name for f in dataclasses.fields(MemberLifeParameters)}
# In reading order: the admission and meeting rules first, then those of a member's life after admission.
PARAMETERS: dict[str, dataclasses.Field] = {
    f.name: f for f in sorted(dataclasses.fields(Policy), key=lambda f: f.name in _MEMBER_FIELDS)
    if "source" in f.metadata
}

# Rules that are not numbers (order of steps, dossier contents…), with their sources.
RULES: dict[str, str] = {
    "status": N_("Party Charter, Articles 4 and 5"),
    "stage_order": N_("Guidance {guidance}, point 3"),
    "application_first": N_("Guidance {guidance}, point 3"),
    "dossier_admission": N_("Guidance {guidance}, point 8.3; Guidance 12-HD/BTCTW (2022), Part II, point 1.1"),
    "dossier_recognition": N_("Guidance {guidance}, point 8.3; Guidance 12-HD/BTCTW (2022), Part II, point 1.1"),
    "introductions": N_("Party Charter, Article 4.1; Regulation {regulation}, point 3.2.1"),
    "youth_union": N_("Party Charter, Article 4.1"),
    "over_age": N_("Regulation {regulation}, point 1.1.2"),
    "ceremony_before": N_("Regulation {regulation}, point 4.1"),
    "probation_complete": N_("Party Charter, Article 5.2; Regulation {regulation}, point 4.2.1"),
    "grassroots_branch": N_("Party Charter, Article 4.3"),
    "monthly_meeting": N_("Party Charter, Article 24.2"),
    "date_order": "",
    **MEMBER_RULES,
}
