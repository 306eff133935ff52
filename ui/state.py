"""The lock state machine (STYLE.md habit 5, after Cryptomator's VaultState).

locked -> unlocking -> unlocked -> locking -> locked; unlocking may fall back to locked.
Transitions are compare-and-set: `transition(expected, new)` changes the state only if it is
`expected` now, so two triggers (a panic key and an idle timer in the same turn) cannot both
start a lock sequence.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QObject, Signal


class LockState(StrEnum):
    LOCKED = "locked"
    UNLOCKING = "unlocking"
    UNLOCKED = "unlocked"
    LOCKING = "locking"


ALLOWED: dict[LockState, set[LockState]] = {
    LockState.LOCKED: {LockState.UNLOCKING},
    LockState.UNLOCKING: {LockState.UNLOCKED, LockState.LOCKED},
    LockState.UNLOCKED: {LockState.LOCKING},
    LockState.LOCKING: {LockState.LOCKED},
}


class LockStateMachine(QObject):
    changed = Signal(object)  # the new LockState

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = LockState.LOCKED

    @property
    def state(self) -> LockState:
        return self._state

    def transition(self, expected: LockState, new: LockState) -> bool:
        """Move to `new` if the state is `expected` and the move is allowed. True if moved."""
        if self._state is not expected or new not in ALLOWED[expected]:
            return False
        self._state = new
        self.changed.emit(new)
        return True
