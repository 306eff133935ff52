"""Run by test_crash.py in a subprocess that gets killed with SIGKILL at a random moment."""

from __future__ import annotations

import sys
from pathlib import Path

from vault.kdf import KdfParams
from vault.vault import Vault


def main() -> None:
    mode, folder, arg = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    if mode == "import":
        vault = Vault.open(folder, "correct horse battery staple")
        print("READY", flush=True)
        for path in sorted(Path(arg).iterdir()):
            report = vault.items.import_paths([path], workers=1)
            r = report.results[0]
            print(f"COMMITTED {r.reference} {r.sha256}", flush=True)
    elif mode == "passwd":
        passwords = ["correct horse battery staple", "another good password"]
        current = int(arg)
        vault = Vault.open(folder, passwords[current])
        print("READY", flush=True)
        while True:
            new = 1 - current
            vault.change_password(
                passwords[current], passwords[new], kdf_params=KdfParams.fast_for_tests()
            )
            current = new
            print(f"PW {current}", flush=True)


if __name__ == "__main__":
    main()
