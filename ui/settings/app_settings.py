"""The few settings kept outside the vault: which vault to open, discreet mode, the panic key.

Stored as a small JSON file under the platform's config folder (vault/paths.py settings_dir()),
with neutral names on disk: nothing there says what the app is for. Passed around as an
object; tests give it a folder in tmp_path. Everything else lives inside the vault.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from ui.keys import DEFAULT_PANIC_KEY, PANIC_KEYS
from vault.paths import default_vault_path, settings_dir

FILE_NAME = "prefs.json"
PANIC_ACTIONS = ("lock", "cover", "minimise")


@dataclass
class AppSettings:
    folder: Path = field(default_factory=settings_dir)
    vault_path: Path = field(default_factory=default_vault_path)
    discreet: bool = False
    panic_key: str = DEFAULT_PANIC_KEY
    seen_welcome: bool = False

    @classmethod
    def load(cls, folder: Path | None = None) -> AppSettings:
        s = cls() if folder is None else cls(folder=folder)
        try:
            data = json.loads((s.folder / FILE_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return s
        if not isinstance(data, dict):
            return s
        if isinstance(data.get("path"), str) and data["path"]:
            s.vault_path = Path(data["path"])
        s.discreet = bool(data.get("plain", False))
        if data.get("key") in {k for k, _l, _q in PANIC_KEYS}:
            s.panic_key = str(data["key"])
        s.seen_welcome = bool(data.get("seen", False))
        return s

    def save(self) -> None:
        data = {"path": str(self.vault_path), "plain": self.discreet, "key": self.panic_key,
                "seen": self.seen_welcome}
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = self.folder / (FILE_NAME + ".tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        with contextlib.suppress(OSError):
            os.chmod(tmp, 0o600)
        os.replace(tmp, self.folder / FILE_NAME)
