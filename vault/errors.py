"""Typed errors of the core. Every message is safe to show a person as it is.

No message names a file of evidence, a password, a key or anything the person wrote.
"""

from __future__ import annotations


class VaultError(Exception):
    """Base of every error the core raises on purpose."""

    default_message = "Something went wrong. Nothing has been lost."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.default_message)

    @property
    def message(self) -> str:
        return str(self.args[0])


class WrongPassword(VaultError):
    default_message = "That password did not open the vault. Please try again."

    def __init__(self, message: str | None = None, *, retry_after: float = 0.0) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class WrongRecoveryKey(VaultError):
    default_message = "That recovery key did not open the vault. Check each word and try again."


class TooManyAttempts(VaultError):
    default_message = "Please wait a moment before trying again."

    def __init__(self, seconds: float) -> None:
        super().__init__(f"Please wait {max(1, round(seconds))} seconds before trying again.")
        self.seconds = seconds


class NotAVault(VaultError):
    default_message = "This folder is not a vault."


class UnsupportedVersion(VaultError):
    default_message = (
        "This vault was made by a newer version of the app. Please update the app to open it."
    )


class DamagedVault(VaultError):
    """Part of the vault failed its integrity check. `part` says which, in plain words."""

    def __init__(self, part: str, detail: str = "") -> None:
        msg = f"Part of the vault is damaged ({part})."
        if detail:
            msg += f" {detail}"
        super().__init__(msg)
        self.part = part


class VaultLocked(VaultError):
    default_message = "The vault is locked. Unlock it to continue."


class VaultInUse(VaultError):
    default_message = "This vault is already open in another window or program."


class DiskFull(VaultError):
    default_message = (
        "There is not enough space on the disk. Nothing was lost; free some space and try again."
    )


class StorageError(VaultError):
    default_message = "The vault could not be written to. Nothing was lost."


class Cancelled(VaultError):
    default_message = "Stopped. Everything finished before that was kept."


class NotFound(VaultError):
    default_message = "That record is not in the vault."


class InvalidInput(VaultError):
    default_message = "Some of what was entered is not valid."


class ReadFailed(VaultError):
    default_message = "That file could not be read. It was not changed."


class BundleError(VaultError):
    default_message = "The evidence bundle could not be made. Nothing in the vault was changed."


def from_os_error(exc: OSError) -> VaultError:
    """Map an OSError to a calm typed error (disk full, permission, other)."""
    import errno

    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull()
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StorageError("The vault's folder cannot be written to. Nothing was lost.")
    return StorageError()
