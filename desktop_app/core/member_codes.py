"""Coded values of a member's life after admission: Party fees, leaving and re-admission, discipline,
and the annual grading of members and Party organisations (domain.md §1.7 and §6).

Like :mod:`desktop_app.core.enums`: short English codes stored in the file, labels translated when shown.
The rules that use them are in :mod:`desktop_app.core.rules` (fees, readmission, discipline, grading).
"""

from __future__ import annotations

from desktop_app.core.enums import Codes
from desktop_app.i18n import N_


class FeeBasisKind(Codes):
    """What a member's monthly Party fee is computed from (Decision 342-QĐ/TW, Part I; Regulation 01-QĐ/TW,
    Article 3, from 02/2026)."""

    SALARY = "salary"  # 342: tiền lương, phụ cấp (1%); 01: tiền lương làm căn cứ đóng BHXH tháng trước (1%)
    PENSION = "pension"  # lương hưu, trợ cấp bảo hiểm xã hội hằng tháng (0.5%)
    WAGE_INCOME = "wage_income"  # thu nhập từ quỹ tiền lương: enterprises, public service units (1%)
    ALLOWANCE = "allowance"  # 01: trợ cấp ốm đau, thai sản do cơ quan BHXH chi trả (1%)
    FIXED = "fixed"  # 342: the fixed amount of the table; 01: students' amount, others' share of the minimum wage
    SET_AMOUNT = "set_amount"  # an amount the committee decided for this member (reduced, or paid above the rate)
    WAIVED = "waived"  # waived by decision of the committee (miễn đóng)
    ITEMS = (
        (SALARY, N_("Share of salary and allowances")),
        (PENSION, N_("Share of pension")),
        (WAGE_INCOME, N_("Share of income from the wage fund")),
        (ALLOWANCE, N_("Share of sickness or maternity allowance")),
        (FIXED, N_("Fixed monthly amount by group and area")),
        (SET_AMOUNT, N_("Amount set by the committee")),
        (WAIVED, N_("Waived by the committee")),
    )
    SHARES = (SALARY, PENSION, WAGE_INCOME, ALLOWANCE)
    INCOMES = SHARES  # the kinds whose basis is an income in đồng


class FeeGroup(Codes):
    """Rows of the fixed-amount table: members without salary, pension or wage income."""

    OTHER = "other"  # đảng viên khác ở trong nước
    STUDENT = "student"  # học sinh, sinh viên không hưởng lương, phụ cấp
    ITEMS = (
        (OTHER, N_("Other members in the country")),
        (STUDENT, N_("Pupils and students without pay")),
    )


class FeeArea(Codes):
    """Columns of the fixed-amount table (342-QĐ/TW: the areas the provincial committee sets amounts for); from
    02/2026 the regions of the minimum wage where the member is active in the Party (Regulation 01-QĐ/TW, point
    3.2.2: vùng I–IV of the Government's decree)."""

    ITEMS = (
        ("area_1", N_("Area I")),
        ("area_2", N_("Area II")),
        ("area_3", N_("Area III")),
        ("area_4", N_("Area IV")),
    )


class FeeReliefGround(Codes):
    """Why a member is exempted from Party fees or pays less (Regulation 01-QĐ/TW, Article 5, point 1)."""

    SOCIAL_PENSION = "social_pension"  # hưởng trợ cấp hưu trí xã hội: exempt by the rule itself
    POOR_HOUSEHOLD = "poor_household"  # thuộc hộ nghèo
    NEAR_POOR_HOUSEHOLD = "near_poor_household"  # thuộc hộ cận nghèo
    GRAVE_ILLNESS = "grave_illness"  # mắc bệnh hiểm nghèo
    HARDSHIP = "hardship"  # hoàn cảnh khó khăn khác
    ITEMS = (
        (SOCIAL_PENSION, N_("Draws the social retirement allowance")),
        (POOR_HOUSEHOLD, N_("Poor household")),
        (NEAR_POOR_HOUSEHOLD, N_("Near-poor household")),
        (GRAVE_ILLNESS, N_("Grave illness")),
        (HARDSHIP, N_("Other financial hardship")),
    )
    # Exempt on application for special hardship (the others may also be granted a reduction).
    SPECIAL_HARDSHIP = (POOR_HOUSEHOLD, NEAR_POOR_HOUSEHOLD, GRAVE_ILLNESS)
    # Not limited to 12 months: the rule, not a decision on application, exempts the member.
    BY_RULE = (SOCIAL_PENSION,)


class LeavingKind(Codes):
    """How a member left the Party (for the register of those who left and for re-admission)."""

    EXPELLED = "expelled"  # khai trừ
    STRUCK_OFF = "struck_off"  # xóa tên
    LEFT_ON_REQUEST = "left_on_request"  # xin ra khỏi Đảng
    ITEMS = (
        (EXPELLED, N_("Expelled")),
        (STRUCK_OFF, N_("Struck off")),
        (LEFT_ON_REQUEST, N_("Left the Party at own request")),
    )


class LeavingGround(Codes):
    """Circumstances of a member's leaving that decide whether they may ever be re-admitted (Regulation 294-QĐ/TW,
    point 3.5.2); stored on the former member's record, comma-separated."""

    QUIT_ACTIVITY = "quit_activity"  # tự ý bỏ sinh hoạt đảng
    FAMILY_HARDSHIP = "family_hardship"  # xin ra vì hoàn cảnh gia đình đặc biệt khó khăn
    SERIOUS_DISUNITY = "serious_disunity"  # gây mất đoàn kết nghiêm trọng
    ITEMS = (
        (QUIT_ACTIVITY, N_("Quit Party activity of their own accord")),
        (FAMILY_HARDSHIP, N_("Left on request for very difficult family circumstances")),
        (SERIOUS_DISUNITY, N_("Caused serious disunity")),
    )


class ConvictionKind(Codes):
    """A criminal conviction, as far as re-admission cares (Regulation 294-QĐ/TW, point 3.5)."""

    NONE = ""
    LESS_SERIOUS = "less_serious"  # tội ít nghiêm trọng
    SERIOUS = "serious"  # tội nghiêm trọng trở lên
    CORRUPTION = "corruption"  # tội tham nhũng
    ITEMS = (
        (NONE, N_("No criminal conviction")),
        (LESS_SERIOUS, N_("Convicted of a less serious offence")),
        (SERIOUS, N_("Convicted of a serious or graver offence")),
        (CORRUPTION, N_("Convicted of corruption")),
    )


class DisciplineKind(Codes):
    """Disciplinary measures against a member, mildest first (Party Charter, Article 35; Regulation 296-QĐ/TW)."""

    REPRIMAND = "reprimand"  # khiển trách
    WARNING = "warning"  # cảnh cáo
    DISMISSAL = "dismissal"  # cách chức (only of a member holding a post)
    EXPULSION = "expulsion"  # khai trừ
    ITEMS = (
        (REPRIMAND, N_("Reprimand")),
        (WARNING, N_("Disciplinary warning")),
        (DISMISSAL, N_("Removal from post")),
        (EXPULSION, N_("Expulsion")),
    )
    # A probationary member may only be reprimanded or warned.
    PROBATIONARY = (REPRIMAND, WARNING)
    # What a branch may decide for its own members (except on tasks assigned by a higher level).
    BRANCH = (REPRIMAND, WARNING)


class DisciplineAuthority(Codes):
    """Who decides a member's discipline (Party Charter, Article 36)."""

    BRANCH = "branch"  # chi bộ: its own members, reprimand or warning
    BRANCH_COMMITTEE = "branch_committee"  # chi ủy: no disciplinary power
    HIGHER = "higher"  # a higher committee or its inspection commission
    ITEMS = (
        (BRANCH, N_("The branch")),
        (BRANCH_COMMITTEE, N_("The branch committee")),
        (HIGHER, N_("A higher committee or its inspection commission")),
    )


class Grade(Codes):
    """The four quality grades of a member (Regulation 366-QĐ/TW, Article 11), best first."""

    EXCELLENT = "excellent"  # hoàn thành xuất sắc nhiệm vụ
    GOOD = "good"  # hoàn thành tốt nhiệm vụ
    COMPLETED = "completed"  # hoàn thành nhiệm vụ
    NOT_COMPLETED = "not_completed"  # không hoàn thành nhiệm vụ
    ITEMS = (
        (EXCELLENT, N_("Completed tasks excellently")),
        (GOOD, N_("Completed tasks well")),
        (COMPLETED, N_("Completed tasks")),
        (NOT_COMPLETED, N_("Did not complete tasks")),
    )
    # "Hoàn thành tốt nhiệm vụ trở lên", the share the committees publish.
    GOOD_OR_BETTER = (EXCELLENT, GOOD)

    @classmethod
    def rank(cls, code: str) -> int:
        """0 for the best grade, 3 for the worst; ValueError for an unknown code."""
        return cls.codes().index(code)


class OrganisationGrade(Grade):
    """The four quality grades of a branch or other Party organisation: the same levels and names as a
    member's (Regulation 366-QĐ/TW, Article 11 grades collectives and individuals alike)."""


class NotGradedReason(Codes):
    """Why a member is not graded this year (Regulation 366-QĐ/TW, Article 5, point 2.1)."""

    EXEMPT = "exempt"
    SUSPENDED = "suspended"
    NEW_MEMBER = "new_member"
    ITEMS = (
        (EXEMPT, N_("Exempt from Party work and activities")),
        (SUSPENDED, N_("Suspended from Party activities")),
        (NEW_MEMBER, N_("Newly admitted member")),
    )


class GradingNote(Codes):
    """How a graded member's case is handled (Guidance 43-HD/BTCTW, points 7.5 and 7.6)."""

    SICK = "sick"
    MATERNITY = "maternity"
    ELSEWHERE = "elsewhere"
    ITEMS = (
        (SICK, N_("Long sick leave: graded on the work actually done")),
        (MATERNITY, N_("Maternity leave: graded on the work actually done")),
        (ELSEWHERE, N_("Temporarily active elsewhere: graded here with the host branch's comments")),
    )
