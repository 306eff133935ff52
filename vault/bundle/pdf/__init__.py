"""The evidence report PDF, one module per section. Built with reportlab platypus."""

from vault.bundle.pdf.report import ReportInput, write_report

__all__ = ["ReportInput", "write_report"]
