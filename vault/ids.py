"""Random record ids and timestamps."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime


def new_id() -> str:
    return secrets.token_hex(16)


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def local_now_iso() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")
