"""Deterministic demo data: ``generate(scale, seed=1, today=None, progress=None) -> DemoSummary``."""

from desktop_app.services.demo.generator import SCALES, DemoSummary, generate

__all__ = ["SCALES", "DemoSummary", "generate"]
