"""The recovery key, shown once: write it down, print it or save it as a PDF, then prove it
was written down by typing three of the words back."""

from __future__ import annotations

import secrets

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from ui.unlock.pages import heading, message, page_layout, para
from vault.recovery import group_words

CHECKED_WORDS = 3


class RecoveryKeyPage(QWidget):
    copy_requested = Signal(str)
    save_pdf_requested = Signal(str)
    print_requested = Signal(str)
    confirmed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._asked: list[int] = []
        self.stack = QStackedWidget(self)
        outer = page_layout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.stack.addWidget(self._show_page())
        self.stack.addWidget(self._check_page())

    def _show_page(self) -> QWidget:
        page = QWidget()
        layout = page_layout(page)
        layout.addWidget(heading("Your recovery key"))
        layout.addWidget(para(
            "If you forget your password, these 24 words are the only way back into the "
            "vault. They are shown once. Write them down on paper, in order, and keep the "
            "paper somewhere safe away from this computer. Anyone with these words and a copy "
            "of the vault can open it."))
        self.words_label = QLabel("")
        self.words_label.setObjectName("recoveryWords")
        self.words_label.setAccessibleName("Recovery key, 24 words")
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(mono.pointSizeF(), 10) * 1.25)
        mono.setWeight(QFont.Weight.DemiBold)
        self.words_label.setFont(mono)
        layout.addWidget(self.words_label)
        row = QHBoxLayout()
        print_button = QPushButton("Print...")
        print_button.clicked.connect(lambda: self.print_requested.emit(" ".join(self._words)))
        pdf_button = QPushButton("Save as PDF...")
        pdf_button.clicked.connect(lambda: self.save_pdf_requested.emit(" ".join(self._words)))
        copy_button = QPushButton("Copy (cleared after 10 seconds)")
        copy_button.clicked.connect(lambda: self.copy_requested.emit(" ".join(self._words)))
        row.addWidget(print_button)
        row.addWidget(pdf_button)
        row.addWidget(copy_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        done_row = QHBoxLayout()
        done_row.addStretch(1)
        self.written_button = QPushButton("I have written it down")
        self.written_button.setDefault(True)
        self.written_button.clicked.connect(self._ask_back)
        done_row.addWidget(self.written_button)
        layout.addLayout(done_row)
        return page

    def _check_page(self) -> QWidget:
        page = QWidget()
        layout = page_layout(page)
        layout.addWidget(heading("Check the recovery key"))
        layout.addWidget(para("To be sure it was written down, please type these words from "
                              "your copy."))
        form = QFormLayout()
        self.labels: list[QLabel] = []
        self.answers: list[QLineEdit] = []
        for _ in range(CHECKED_WORDS):
            label = QLabel("")
            field = QLineEdit()
            field.returnPressed.connect(self._on_check_clicked)
            self.labels.append(label)
            self.answers.append(field)
            form.addRow(label, field)
        layout.addLayout(form)
        self.message = message()
        layout.addWidget(self.message)
        layout.addStretch(1)
        row = QHBoxLayout()
        back = QPushButton("Show the key again")
        back.clicked.connect(lambda: self.stack.setCurrentIndex(0))
        check = QPushButton("Check")
        check.setDefault(True)
        check.clicked.connect(self._on_check_clicked)
        row.addWidget(back)
        row.addStretch(1)
        row.addWidget(check)
        layout.addLayout(row)
        return page

    def show_words(self, words: str) -> None:
        self._words = words.split()
        self.words_label.setText("\n".join(group_words(words)))
        self.stack.setCurrentIndex(0)
        self.written_button.setFocus()

    def asked_positions(self) -> list[int]:
        """1-based positions of the words asked back (for tests)."""
        return [i + 1 for i in self._asked]

    def _ask_back(self) -> None:
        picks: set[int] = set()
        while len(picks) < CHECKED_WORDS:
            picks.add(secrets.randbelow(len(self._words)))
        self._asked = sorted(picks)
        for label, field, index in zip(self.labels, self.answers, self._asked, strict=True):
            label.setText(f"Word {index + 1}")
            field.setAccessibleName(f"Word number {index + 1}")
            field.clear()
        self.message.setVisible(False)
        self.stack.setCurrentIndex(1)
        self.answers[0].setFocus()

    def _on_check_clicked(self) -> None:
        given = [f.text().strip().lower() for f in self.answers]
        wanted = [self._words[i] for i in self._asked]
        if given == wanted:
            self.confirmed.emit()
            return
        self.message.setText("Not all the words match. Please check your copy, or look at the "
                             "key again.")
        self.message.setVisible(True)

    def wipe(self) -> None:
        self._words = []
        self._asked = []
        self.words_label.clear()
        for field in self.answers:
            field.setText("")
