"""Coded values stored in the database, with their translatable labels.

Codes are short English words (stable in the file, readable in SQL); labels go through gettext
when shown, so the same file reads in Vietnamese and English.
"""

from __future__ import annotations

from desktop_app.i18n import N_, _


class Codes:
    """A set of codes with labels; subclasses list (code, msgid) pairs in display order."""

    ITEMS: tuple[tuple[str, str], ...] = ()

    @classmethod
    def codes(cls) -> list[str]:
        return [code for code, _label in cls.ITEMS]

    @classmethod
    def label(cls, code: str | None) -> str:
        for value, msgid in cls.ITEMS:
            if value == code:
                return _(msgid)
        return code or ""

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(code, _(msgid)) for code, msgid in cls.ITEMS]


class Status(Codes):
    """A person's current status, from the first contact to leaving the Party."""

    PROSPECT = "prospect"  # quần chúng ưu tú, in the source plan
    SYMPATHISER = "sympathiser"  # on the cảm tình Đảng list
    APPLICANT = "applicant"  # application and dossier under way
    PROBATIONARY = "probationary"  # đảng viên dự bị
    OFFICIAL = "official"  # đảng viên chính thức
    EXEMPT = "exempt"  # miễn công tác và sinh hoạt đảng (still a member)
    TRANSFERRED = "transferred"  # chuyển sinh hoạt đi
    STRUCK_OFF = "struck_off"  # xóa tên
    DECEASED = "deceased"  # từ trần
    DROPPED = "dropped"  # a candidate removed from the list
    ITEMS = (
        (PROSPECT, N_("Outstanding mass member")),
        (SYMPATHISER, N_("Party sympathiser")),
        (APPLICANT, N_("Applicant")),
        (PROBATIONARY, N_("Probationary member")),
        (OFFICIAL, N_("Official member")),
        (EXEMPT, N_("Exempt from activities")),
        (TRANSFERRED, N_("Transferred out")),
        (STRUCK_OFF, N_("Struck off")),
        (DECEASED, N_("Deceased")),
        (DROPPED, N_("Removed from the candidate list")),
    )
    CANDIDATES = (PROSPECT, SYMPATHISER, APPLICANT)
    MEMBERS = (PROBATIONARY, OFFICIAL, EXEMPT)
    ACTIVE = CANDIDATES + MEMBERS
    GONE = (TRANSFERRED, STRUCK_OFF, DECEASED, DROPPED)


class Stage(Codes):
    """Dated steps of the admission pipeline (domain.md §1.2) and of a member's life."""

    SOURCE = "source"  # S0 tạo nguồn
    SYMPATHISER_LIST = "sympathiser_list"  # S1
    HELPER_ASSIGNED = "helper_assigned"  # S2
    AWARENESS_CLASS = "awareness_class"  # S3 certificate CN-NTVĐ
    APPLICATION = "application"  # S4 1-KNĐ
    HISTORY = "history"  # S5 2-KNĐ and verification
    INTRODUCTIONS = "introductions"  # S6 3-KNĐ, 4-KNĐ / 4A-KNĐ
    OPINIONS = "opinions"  # S7 5-KNĐ
    BRANCH_RESOLUTION = "branch_resolution"  # S8 6-KNĐ
    PARTIAL_APPRAISAL = "partial_appraisal"  # S9 7-KNĐ
    COMMITTEE_RESOLUTION = "committee_resolution"  # S10 8-KNĐ
    ADMISSION_DECISION = "admission_decision"  # S11 9-KNĐ
    CEREMONY = "ceremony"  # S12, starts S13 probation
    NEW_MEMBER_CLASS = "new_member_class"  # S14
    RECOGNITION_RESOLUTION = "recognition_resolution"  # S15 13-KNĐ
    RECOGNITION_DECISION = "recognition_decision"  # S15 decision → S16a
    EXEMPTED = "exempted"
    RETURNED = "returned"  # back from exemption
    TRANSFERRED_OUT = "transferred_out"
    TRANSFERRED_IN = "transferred_in"
    STRUCK_OFF = "struck_off"  # S16b
    DECEASED = "deceased"
    DROPPED = "dropped"
    ITEMS = (
        (SOURCE, N_("Source plan")),
        (SYMPATHISER_LIST, N_("Added to the sympathiser list")),
        (HELPER_ASSIGNED, N_("Helper assigned")),
        (AWARENESS_CLASS, N_("Party awareness class")),
        (APPLICATION, N_("Application to join the Party")),
        (HISTORY, N_("Personal history verified")),
        (INTRODUCTIONS, N_("Introductions")),
        (OPINIONS, N_("Opinions of organisations")),
        (BRANCH_RESOLUTION, N_("Branch resolution proposing admission")),
        (PARTIAL_APPRAISAL, N_("Partial committee appraisal")),
        (COMMITTEE_RESOLUTION, N_("Grassroots committee resolution")),
        (ADMISSION_DECISION, N_("Admission decision")),
        (CEREMONY, N_("Admission ceremony")),
        (NEW_MEMBER_CLASS, N_("New-member class")),
        (RECOGNITION_RESOLUTION, N_("Branch resolution proposing recognition")),
        (RECOGNITION_DECISION, N_("Recognised as official member")),
        (EXEMPTED, N_("Exempted from activities")),
        (RETURNED, N_("Returned to activities")),
        (TRANSFERRED_OUT, N_("Transferred out")),
        (TRANSFERRED_IN, N_("Transferred in")),
        (STRUCK_OFF, N_("Struck off")),
        (DECEASED, N_("Deceased")),
        (DROPPED, N_("Removed from the candidate list")),
    )
    # The admission pipeline in order; a candidate advances along it.
    PIPELINE = (
        SOURCE, SYMPATHISER_LIST, HELPER_ASSIGNED, AWARENESS_CLASS, APPLICATION, HISTORY,
        INTRODUCTIONS, OPINIONS, BRANCH_RESOLUTION, PARTIAL_APPRAISAL, COMMITTEE_RESOLUTION,
        ADMISSION_DECISION, CEREMONY, NEW_MEMBER_CLASS, RECOGNITION_RESOLUTION, RECOGNITION_DECISION,
    )
    # The status a person has once the stage is recorded.
    STATUS_AFTER = {
        SOURCE: Status.PROSPECT,
        SYMPATHISER_LIST: Status.SYMPATHISER,
        HELPER_ASSIGNED: Status.SYMPATHISER,
        AWARENESS_CLASS: Status.SYMPATHISER,
        APPLICATION: Status.APPLICANT,
        HISTORY: Status.APPLICANT,
        INTRODUCTIONS: Status.APPLICANT,
        OPINIONS: Status.APPLICANT,
        BRANCH_RESOLUTION: Status.APPLICANT,
        PARTIAL_APPRAISAL: Status.APPLICANT,
        COMMITTEE_RESOLUTION: Status.APPLICANT,
        ADMISSION_DECISION: Status.APPLICANT,
        CEREMONY: Status.PROBATIONARY,
        NEW_MEMBER_CLASS: Status.PROBATIONARY,
        RECOGNITION_RESOLUTION: Status.PROBATIONARY,
        RECOGNITION_DECISION: Status.OFFICIAL,
        EXEMPTED: Status.EXEMPT,
        RETURNED: Status.OFFICIAL,
        TRANSFERRED_OUT: Status.TRANSFERRED,
        TRANSFERRED_IN: None,
        STRUCK_OFF: Status.STRUCK_OFF,
        DECEASED: Status.DECEASED,
        DROPPED: Status.DROPPED,
    }


class MembershipKind(Codes):
    """Dated changes of a person's place in the organisation's branches (core.membership replays them).

    The branch of an event is the branch concerned: the one joined, left, or where the member stands.
    """

    ADMISSION = "admission"  # admitted at the ceremony: a probationary member of the branch
    RECOGNITION = "recognition"  # recognised as an official member
    ON_RECORD = "on_record"  # a member already, first recorded in the branch (standing given)
    TRANSFER_IN = "transfer_in"  # official transfer from outside the organisation (place: where from)
    TRANSFER_OUT = "transfer_out"  # official transfer out of the organisation (place: where to)
    MOVE = "move"  # into the branch from another branch of the organisation (other branch: the one left)
    ELSEWHERE_FROM = "elsewhere_from"  # introduced for temporary activity elsewhere (place)
    ELSEWHERE_UNTIL = "elsewhere_until"  # back from temporary activity elsewhere
    HERE_FROM = "here_from"  # a member of another organisation in temporary activity here (place: home)
    HERE_UNTIL = "here_until"  # temporary activity here ends
    EXEMPT_FROM = "exempt_from"  # exempted from Party work and activities by the branch
    EXEMPT_UNTIL = "exempt_until"  # back to activities
    DEATH = "death"
    STRIKE_OFF = "strike_off"
    ITEMS = (
        (ADMISSION, N_("Admitted")),
        (RECOGNITION, N_("Recognised as official member")),
        (ON_RECORD, N_("On the branch's records")),
        (TRANSFER_IN, N_("Transferred in")),
        (TRANSFER_OUT, N_("Transferred out")),
        (MOVE, N_("Moved between branches")),
        (ELSEWHERE_FROM, N_("Temporarily active elsewhere")),
        (ELSEWHERE_UNTIL, N_("Back from temporary activity elsewhere")),
        (HERE_FROM, N_("Temporarily active in the branch")),
        (HERE_UNTIL, N_("Temporary activity in the branch ended")),
        (EXEMPT_FROM, N_("Exempted from activities")),
        (EXEMPT_UNTIL, N_("Returned to activities")),
        (DEATH, N_("Deceased")),
        (STRIKE_OFF, N_("Struck off")),
    )
    # Kinds that start membership of the branch, and kinds that end membership of the organisation.
    JOINS = (ADMISSION, ON_RECORD, TRANSFER_IN)
    LEAVES = (TRANSFER_OUT, DEATH, STRIKE_OFF)
    # The status a person has after leaving.
    STATUS_AFTER_LEAVING = {TRANSFER_OUT: Status.TRANSFERRED, DEATH: Status.DECEASED, STRIKE_OFF: Status.STRUCK_OFF}
    # The membership change each dated step of a person's history makes.
    OF_STAGE = {
        Stage.CEREMONY: ADMISSION,
        Stage.RECOGNITION_DECISION: RECOGNITION,
        Stage.EXEMPTED: EXEMPT_FROM,
        Stage.RETURNED: EXEMPT_UNTIL,
        Stage.TRANSFERRED_IN: TRANSFER_IN,
        Stage.TRANSFERRED_OUT: TRANSFER_OUT,
        Stage.STRUCK_OFF: STRIKE_OFF,
        Stage.DECEASED: DEATH,
    }


class DossierCode(Codes):
    """Forms and certificates of the admission and recognition dossier (domain.md §1.5)."""

    ITEMS = (
        ("CN-NTVĐ", N_("Party awareness class certificate")),
        ("1-KNĐ", N_("Application to join the Party")),
        ("2-KNĐ", N_("Personal history of the applicant")),
        ("3-KNĐ", N_("Introduction by an official member")),
        ("4-KNĐ", N_("Youth Union introduction resolution")),
        ("4A-KNĐ", N_("Trade Union introduction resolution")),
        ("5-KNĐ", N_("Summary of opinions of organisations")),
        ("6-KNĐ", N_("Branch resolution proposing admission")),
        ("7-KNĐ", N_("Partial committee appraisal")),
        ("8-KNĐ", N_("Grassroots committee resolution")),
        ("9-KNĐ", N_("Admission decision")),
        ("LLĐV", N_("Party member history")),
        ("PĐV", N_("Party member record slip")),
        ("CN-ĐVM", N_("New-member class certificate")),
        ("10-KNĐ", N_("Probationary member's self-review")),
        ("11-KNĐ", N_("Helper's assessment of the probationary member")),
        ("12-KNĐ", N_("Summary of opinions on the probationary member")),
        ("13-KNĐ", N_("Branch resolution proposing recognition")),
    )
    BEFORE_ADMISSION = ("CN-NTVĐ", "1-KNĐ", "2-KNĐ", "3-KNĐ", "5-KNĐ")
    AFTER_ADMISSION = ("6-KNĐ", "8-KNĐ", "9-KNĐ", "LLĐV", "PĐV")
    RECOGNITION = ("CN-ĐVM", "10-KNĐ", "11-KNĐ", "12-KNĐ", "13-KNĐ")


class DossierStatus(Codes):
    MISSING = "missing"
    RECEIVED = "received"
    ITEMS = ((MISSING, N_("Missing")), (RECEIVED, N_("Received")))


class BranchKind(Codes):
    ITEMS = (
        ("village", N_("Village")),
        ("residential", N_("Residential group")),
        ("agency", N_("Agency")),
        ("enterprise", N_("Enterprise")),
        ("school", N_("School")),
        ("armed_forces", N_("Armed forces")),
        ("other", N_("Other")),
    )


class Gender(Codes):
    ITEMS = (("male", N_("Male")), ("female", N_("Female")))


class SponsorRole(Codes):
    HELPER = "helper"  # giúp đỡ cảm tình Đảng
    INTRODUCER = "introducer"  # giới thiệu (3-KNĐ)
    PROBATION_HELPER = "probation_helper"  # giúp đỡ đảng viên dự bị
    ITEMS = (
        (HELPER, N_("Helps the sympathiser")),
        (INTRODUCER, N_("Introduces the applicant")),
        (PROBATION_HELPER, N_("Helps the probationary member")),
    )


class MeetingKind(Codes):
    REGULAR = "regular"
    THEMATIC = "thematic"
    COMBINED = "combined"
    EXTRAORDINARY = "extraordinary"
    ITEMS = (
        (REGULAR, N_("Regular")),
        (THEMATIC, N_("Thematic")),
        (COMBINED, N_("Regular and thematic")),
        (EXTRAORDINARY, N_("Extraordinary")),
    )


class MeetingStatus(Codes):
    DRAFT = "draft"
    ADOPTED = "adopted"
    ITEMS = ((DRAFT, N_("Draft")), (ADOPTED, N_("Adopted")))


class AttendanceStatus(Codes):
    PRESENT = "present"
    EXCUSED = "excused"
    UNEXCUSED = "unexcused"
    EXEMPT = "exempt"
    ELSEWHERE = "elsewhere"  # introduced for temporary activity elsewhere
    GUEST = "guest"  # temporary member or guest from elsewhere
    ITEMS = (
        (PRESENT, N_("Present")),
        (EXCUSED, N_("Absent with reason")),
        (UNEXCUSED, N_("Absent without reason")),
        (EXEMPT, N_("Exempt")),
        (ELSEWHERE, N_("Temporarily elsewhere")),
        (GUEST, N_("Guest")),
    )


class DecisionKind(Codes):
    ADMISSION = "admission"
    RECOGNITION = "recognition"
    HELPER_ASSIGNMENT = "helper_assignment"
    SYMPATHISER_ADD = "sympathiser_add"
    SYMPATHISER_REMOVE = "sympathiser_remove"
    ORDINARY = "ordinary"
    ITEMS = (
        (ADMISSION, N_("Admission")),
        (RECOGNITION, N_("Recognition as official member")),
        (HELPER_ASSIGNMENT, N_("Helper assignment")),
        (SYMPATHISER_ADD, N_("Add to the sympathiser list")),
        (SYMPATHISER_REMOVE, N_("Remove from the sympathiser list")),
        (ORDINARY, N_("Ordinary resolution")),
    )


class Category(Codes):
    """Statistical categories reported upward (domain.md §4); a person may have several."""

    ITEMS = (
        ("civil_servant", N_("Civil servant or public employee")),
        ("worker", N_("Worker")),
        ("farmer", N_("Farmer")),
        ("student", N_("Pupil or student")),
        ("non_state_enterprise", N_("Non-state enterprise")),
        ("armed_forces", N_("Armed forces")),
        ("veteran", N_("Demobilised soldier")),
        ("private_business", N_("Private business owner")),
        ("retired", N_("Retired")),
    )


class TheoryLevel(Codes):
    ITEMS = (
        ("", N_("None")),
        ("basic", N_("Elementary")),
        ("intermediate", N_("Intermediate")),
        ("advanced", N_("Advanced")),
        ("bachelor", N_("Bachelor of political science")),
    )
