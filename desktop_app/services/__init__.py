"""Use cases: the only code that writes. Every write is one transaction, validated and audited."""
