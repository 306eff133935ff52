"""Process hardening at start: private files by default, no core dumps."""

from __future__ import annotations

import contextlib
import os


def harden_process() -> None:
    """umask 077 so every file we write is private; core dumps off where the OS allows.

    A core dump would write keys and decrypted evidence to disk.
    """
    os.umask(0o077)
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    with contextlib.suppress(AttributeError, OSError, ImportError):
        import ctypes

        libc = ctypes.CDLL(None)
        pr_set_dumpable = 4
        libc.prctl(pr_set_dumpable, 0, 0, 0, 0)
