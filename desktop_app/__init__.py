"""Sổ Chi bộ (BranchBook): records, admissions, meetings and documents of a Party branch."""

__version__ = "0.1.0"
APP_NAME = "SoChiBo"
