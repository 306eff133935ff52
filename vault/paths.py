"""Where vaults live by default, and folders that cloud services sync.

Names are neutral: nothing on disk says what the vault is for.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_DIR = "Notebook"  # neutral on purpose
DEFAULT_VAULT_NAME = "notes"

# Folder names that sync services create; their version history would keep old key files.
_SYNCED_NAMES = {
    "dropbox",
    "onedrive",
    "google drive",
    "googledrive",
    "my drive",
    "icloud drive",
    "icloud",
    "mobile documents",
    "box",
    "box sync",
    "pcloud drive",
    "nextcloud",
    "owncloud",
    "mega",
    "megasync",
    "sync",
    "tresorit",
    "seadrive",
    "yandex.disk",
}


def default_vault_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_DIR, appauthor=False)) / DEFAULT_VAULT_NAME


def settings_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_DIR, appauthor=False))


def synced_folder(path: Path) -> str:
    """The name of a cloud-synced folder that `path` is inside, or "" if none is known."""
    for part in Path(os.path.abspath(path)).parts:
        low = part.lower()
        if low in _SYNCED_NAMES or low.startswith(("onedrive - ", "onedrive-", "dropbox (")):
            return part
    return ""
