"""What a rule check found: errors block a step, warnings inform (and are confirmed by the user)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.core.rules.policy import Policy

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    severity: str  # ERROR or WARNING
    rule_id: str  # a Policy parameter or policy.RULES key
    message: str  # translated, cites its rule
    source: str  # translated citation
    policy_version: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


class Findings(list[Finding]):
    """The findings of one check, in the order found, with the policy they were judged under."""

    def __init__(self, policy: Policy, items=()):
        super().__init__(items)
        self.policy = policy

    @property
    def policy_version(self) -> str:
        return self.policy.version

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self if f.severity == WARNING]

    @property
    def ok(self) -> bool:
        """No errors (warnings may remain)."""
        return not self.errors

    def rule_ids(self) -> list[str]:
        return [f.rule_id for f in self]

    def add(self, severity: str, rule_id: str, message: str) -> None:
        self.append(Finding(severity, rule_id, message, self.policy.source(rule_id), self.policy.version))

    def error(self, rule_id: str, message: str) -> None:
        self.add(ERROR, rule_id, message)

    def warning(self, rule_id: str, message: str) -> None:
        self.add(WARNING, rule_id, message)

    def messages(self) -> list[str]:
        return [f.message for f in self]
