"""The fixed wording of the Party year's documents: the grading report, the branch's grading resolution and the
list of members for the Party badge, with the words every document shares (reports.vocabulary)."""

from __future__ import annotations

from desktop_app.i18n import pgettext
from desktop_app.reports.vocabulary import Words
from desktop_app.services.year.summary import short_label


class YearWords(Words):
    def __init__(self) -> None:
        super().__init__()
        # Grading report.
        self.sum_grading_branch = pgettext("document", "on the quality grading of Party members, {year}")
        self.sum_grading_org = pgettext("document", "on the quality grading of Party organisations and Party members, "
                                                    "{year}")
        self.h_general = pgettext("document", "OVERVIEW")
        self.h_member_results = pgettext("document", "RESULTS OF THE MEMBERS' GRADING")
        self.h_member_list = pgettext("document", "GRADE OF EACH MEMBER")
        self.h_not_graded = pgettext("document", "MEMBERS NOT GRADED")
        self.h_branch_grade = pgettext("document", "GRADING OF THE BRANCH")
        self.h_org_grades = pgettext("document", "GRADING OF THE PARTY ORGANISATIONS")
        self.g_members = pgettext("document", "Party members on the grading date ({date}): {total} ({official} "
                                              "official, {probationary} probationary).")
        self.g_graded = pgettext("document", "Graded: {graded}; not graded: {not_graded}.")
        self.g_waiting = pgettext("document", "Of those to be graded, not graded yet: {n}.")
        self.g_good_or_better = pgettext("document", "Completed tasks well or better: {n} of the {graded} graded "
                                                     "({share}).")
        self.g_decided = pgettext("document", "Grades as decided by the committee (last decision {date}).")
        self.g_proposed = pgettext("document", "Grades as proposed by the branch, not yet decided by the committee.")
        self.g_mixed = pgettext("document", "The committee has decided the grades of {decided} of the {graded} "
                                            "graded; the others are the branch's proposals.")
        self.g_nobody = pgettext("document", "No member has been graded yet.")
        self.g_all_graded = pgettext("document", "No member is left out of the grading.")
        self.g_corrected = pgettext("document", "grade corrected")
        self.col_grade = pgettext("document", "Grade")
        self.col_self = pgettext("document", "Self-assessment")
        self.col_proposed = pgettext("document", "Branch's proposal")
        self.col_votes = pgettext("document", "Votes in favour")
        self.col_decided = pgettext("document", "Committee's grade")
        self.col_reason = pgettext("document", "Reason")
        self.col_members = pgettext("document", "Members")
        self.col_graded = pgettext("document", "Graded")
        self.col_good_share = pgettext("document", "Well or better")
        self.col_branch_grade = pgettext("document", "Branch's grade")
        self.b_self = pgettext("document", "The branch's own assessment proposes: {grade}.")
        self.b_grade = pgettext("document", "The committee graded the branch: {grade} ({date}).")
        self.b_not_graded = pgettext("document", "The committee has not graded the branch yet.")
        self.o_branches = pgettext("document", "Branches graded by the committee: {n} of {total}.")
        self.o_good = pgettext("document", "Party organisations completing tasks well or better: {n} of the {graded} "
                                           "graded ({share}).")
        self.not_decided = pgettext("document", "proposed")
        # The grading resolution of a branch.
        self.sum_grading_resolution = pgettext("document", "on the results of grading the quality of Party members, "
                                                           "{year}")
        self.rg_meeting = pgettext("document", "On {date}, {branch} met to review, evaluate and grade the quality of "
                                               "its Party members for {year}.")
        self.rg_meeting_undated = pgettext("document", "{branch} met to review, evaluate and grade the quality of its "
                                                       "Party members for {year}.")
        self.rg_voters = pgettext("document", "Official members voting: {n}.")
        self.rg_basis = pgettext("document", "Under the regulations and guidance of the higher levels on the annual "
                                             "review, evaluation and grading of Party organisations and members, on "
                                             "the members' self-assessments and the views of the branch,")
        self.rg_resolves = pgettext("document", "THE BRANCH RESOLVES:")
        self.rg_grades = pgettext("document", "1. To propose the following quality grades of its Party members for "
                                              "{year}:")
        self.rg_count = pgettext("document", "{grade}: {n} ({share});")
        self.rg_not_graded = pgettext("document", "2. Members not graded: {n}.")
        self.rg_branch = pgettext("document", "3. The branch assesses itself and proposes the grade: {grade}.")
        self.rg_branch_blank = pgettext("document", "3. The branch assesses itself and proposes the grade: "
                                                    "........................")
        self.rg_propose = pgettext("document", "4. To ask {committee} to consider and decide.")
        self.votes_share = pgettext("document", "{yes}/{voters} ({percent})")
        # The list for the Party badge.
        self.sum_badges = pgettext("document", "of Party members reaching the party age for the Party badge, {year}")
        self.sum_badges_day = pgettext("document", "of Party members reaching the party age for the Party badge on "
                                                   "{date}")
        self.bl_day = pgettext("document", "AWARD OF {date}")
        self.bl_day_named = pgettext("document", "AWARD OF {date}, {occasion}")
        self.bl_none = pgettext("document", "No member reaches a milestone by this award day.")
        self.bl_total = pgettext("document", "In all: {n} ({detail}).")
        self.bl_milestone = pgettext("document", "{years} years: {n}")
        self.bl_posthumous = pgettext("document", "posthumously")
        self.bl_rule = pgettext("document", "Party age counts from the date of the admission decision; the list holds "
                                            "the members who reach a milestone after the award day before and have "
                                            "not received the badge.")
        self.col_born = pgettext("document", "Year of birth")
        self.col_admission = pgettext("document", "Admission decision")
        self.col_badge = pgettext("document", "Badge")
        self.col_reached = pgettext("document", "Party age reached on")
        self.badge_years = pgettext("document", "{years} years")

    @staticmethod
    def grade_short(code: str) -> str:
        """The abbreviation of a grade in a narrow column (HTXSNV, HTTNV, HTNV, KHTNV)."""
        return short_label(code)

    @staticmethod
    def occasion(day: int, month: int) -> str:
        """The anniversary a badge is awarded at; "" for an award day set locally."""
        return {
            (3, 2): pgettext("document", "the anniversary of the founding of the Communist Party of Vietnam"),
            (19, 5): pgettext("document", "the anniversary of President Hồ Chí Minh's birthday"),
            (2, 9): pgettext("document", "National Day"),
            (7, 11): pgettext("document", "the anniversary of the Russian October Revolution"),
        }.get((day, month), "")
