"""Print the recovery key (QtPrintSupport) through the system's print dialog."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from ui.dialogs import Dialogs
from vault.recovery import group_words


def recovery_document(words: str) -> QTextDocument:
    doc = QTextDocument()
    lines = "<br>".join(group_words(words))
    doc.setHtml(
        "<h2>Recovery key</h2>"
        "<p>Keep this page somewhere safe, away from this computer. With these 24 words you "
        "can set a new password if you forget yours. Anyone who has them and a copy of the "
        "vault can open it.</p>"
        f"<p style='font-family: monospace; font-size: 14pt'>{lines}</p>")
    return doc


def print_recovery_key(parent: QWidget, words: str, dialogs: Dialogs) -> None:
    if dialogs.quiet:
        return
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName("Notes")
    dialog = QPrintDialog(printer, parent)
    dialogs.track(dialog)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        recovery_document(words).print_(printer)
    dialog.deleteLater()


def save_recovery_pdf(parent: QWidget, words: str, dialogs: Dialogs) -> None:
    from ui.unlock.recovery_pdf import write_recovery_pdf

    path = dialogs.save_file(parent, "Save the recovery key as a PDF", "recovery-key.pdf")
    if path is None:
        return
    try:
        write_recovery_pdf(path, words)
    except OSError as exc:
        dialogs.error(parent, exc)
        return
    dialogs.info(parent, "Saved", "Saved. Print it or copy it somewhere safe, then delete the "
                 "file from this computer.")
