"""evidence-vault-cli: the headless command line.

Passwords come only from standard input (`--password-stdin`, one line), never from an
argument. Exit 0 on success; otherwise one plain line on standard error and a non-zero code.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO, cast

from vault import __version__, kdf
from vault.errors import InvalidInput, VaultError
from vault.hardening import harden_process
from vault.model import Behaviour, Incident, ItemKind
from vault.runtime import tune_gc
from vault.vault import Vault

EXIT_OK = 0
EXIT_FAIL = 1
EXIT_USAGE = 2


class Io:
    """Standard streams, replaceable in tests."""

    def __init__(self, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> None:
        self.stdin, self.stdout, self.stderr = stdin, stdout, stderr

    def line(self, what: str) -> str:
        text = self.stdin.readline()
        if not text:
            raise InvalidInput(f"Expected {what} on standard input.")
        return text.rstrip("\r\n")

    def out(self, text: str = "") -> None:
        print(text, file=self.stdout)


def kdf_params() -> kdf.KdfParams | None:
    """Tests set EVIDENCE_VAULT_FAST_KDF=1 to skip the deliberately slow derivation."""
    if os.environ.get("EVIDENCE_VAULT_FAST_KDF") == "1":
        return kdf.KdfParams.fast_for_tests()
    return None


def _open(args: argparse.Namespace, io: Io) -> Vault:
    if not args.password_stdin:
        raise InvalidInput("Give the password on standard input with --password-stdin.")
    vault = Vault.open(Path(args.vault), io.line("the password"))
    if vault.failed_attempts:
        n = len(vault.failed_attempts)
        times = ", ".join(t for t in vault.failed_attempts if t) or "times unknown"
        print(
            f"{n} failed unlock attempt{'s' if n != 1 else ''} since the last unlock: {times}",
            file=io.stderr,
        )
    return vault


def _dump(io: Io, data: Any) -> None:
    io.out(json.dumps(data, ensure_ascii=False, indent=2))


# -- vault commands --------------------------------------------------------------------------
def cmd_init(args: argparse.Namespace, io: Io) -> int:
    if not args.password_stdin:
        raise InvalidInput("Give the password on standard input with --password-stdin.")
    password = io.line("the password")
    vault, words = Vault.create(
        Path(args.vault), password, initials=args.initials or "", kdf_params=kdf_params()
    )
    vault.lock()
    io.out("Vault created. Your recovery key (write it down now; it is shown only once):")
    io.out(words)
    return EXIT_OK


def cmd_passwd(args: argparse.Namespace, io: Io) -> int:
    with _open(args, io) as vault:
        new = io.line("the new password")
        # the old password was the first line; ask the vault to check it again
        vault.change_password(args._old_password, new, kdf_params=kdf_params())
    io.out("Password changed.")
    return EXIT_OK


def cmd_new_recovery_key(args: argparse.Namespace, io: Io) -> int:
    with _open(args, io) as vault:
        words = vault.new_recovery_key(args._old_password)
    io.out("New recovery key (the old one no longer opens the vault). "
           "Write it down and keep it somewhere safe:")
    io.out(words)
    return EXIT_OK


def cmd_recover(args: argparse.Namespace, io: Io) -> int:
    words = io.line("the recovery key")
    new = io.line("the new password")
    Vault.recover(Path(args.vault), words, new, kdf_params=kdf_params()).lock()
    io.out("New password set. The recovery key still works; keep it somewhere safe.")
    return EXIT_OK


def cmd_info(args: argparse.Namespace, io: Io) -> int:
    info = Vault.info(Path(args.vault))
    if args.json:
        _dump(io, info)
    else:
        for key, value in info.items():
            io.out(f"{key}: {value}")
    return EXIT_OK


# -- incidents -------------------------------------------------------------------------------
def _apply_incident_args(inc: Incident, args: argparse.Namespace) -> None:
    for arg, attr in (
        ("when", "start"),
        ("end", "end"),
        ("title", "title"),
        ("where", "where"),
        ("details", "account"),
        ("channel", "channel"),
        ("private_notes", "private_notes"),
    ):
        value = getattr(args, arg, None)
        if value is not None:
            setattr(inc, attr, value)
    if getattr(args, "behaviour", None):
        inc.behaviours = list(args.behaviour)
    if getattr(args, "approximate", False):
        inc.approximate = True
    if getattr(args, "from_memory", False):
        inc.from_memory = True


def _incident_dict(inc: Incident, vault: Vault) -> dict[str, Any]:
    data = inc.to_dict()
    data["exhibits"] = [i.reference for i in vault.items.for_incident(inc.id)]
    return data


def cmd_incident_add(args: argparse.Namespace, io: Io) -> int:
    with _open(args, io) as vault:
        inc = Incident()
        _apply_incident_args(inc, args)
        inc = vault.incidents.add(inc)
    io.out(inc.id)
    return EXIT_OK


def cmd_incident_edit(args: argparse.Namespace, io: Io) -> int:
    with _open(args, io) as vault:
        inc = vault.incidents.get(args.id)
        _apply_incident_args(inc, args)
        inc = vault.incidents.update(inc)
    io.out(f"Saved (version {inc.revision}).")
    return EXIT_OK


def cmd_incident_list(args: argparse.Namespace, io: Io) -> int:
    with _open(args, io) as vault:
        incs = vault.incidents.list()
        if args.json:
            _dump(io, [_incident_dict(i, vault) for i in incs])
        else:
            for i in incs:
                io.out(f"{i.id}\t{i.start}\t{', '.join(i.behaviours)}\t{i.title}")
    return EXIT_OK


def cmd_incident_show(args: argparse.Namespace, io: Io) -> int:
    with _open(args, io) as vault:
        inc = vault.incidents.get(args.id)
        data = _incident_dict(inc, vault)
        if args.json:
            data["history"] = [h.to_dict() for h in vault.incidents.history(inc.id)]
            _dump(io, data)
        else:
            for key, value in data.items():
                if value not in ("", [], False, None, {}):
                    io.out(f"{key}: {value}")
    return EXIT_OK


# -- items -----------------------------------------------------------------------------------
def cmd_import(args: argparse.Namespace, io: Io) -> int:
    with _open(args, io) as vault:
        report = vault.items.import_paths(
            [Path(p) for p in args.paths],
            incident_id=args.incident or "",
            kind=args.kind or "",
            source=args.source or "",
        )
        for result in report.results:
            io.out(f"{result.line()}\t{result.name}")
        print(report.summary(), file=io.stderr)
        if not args.no_previews:
            # As the app does in the background: the page-sized pictures the viewer and the
            # bundle use, made after the import so that the import itself stays fast.
            vault.items.make_missing_previews()
    return EXIT_FAIL if report.failed else EXIT_OK


def _item_dict(item: Any) -> dict[str, Any]:
    data = dict(item.to_dict())
    data.pop("blob", None)
    return data


def cmd_list(args: argparse.Namespace, io: Io) -> int:
    with _open(args, io) as vault:
        items = vault.items.list()
        if args.json:
            _dump(io, [_item_dict(i) for i in items])
        else:
            for i in items:
                io.out(f"{i.reference}\t{i.kind}\t{i.size}\t{i.sha256}\t{i.original_name}")
    return EXIT_OK


def cmd_verify(args: argparse.Namespace, io: Io) -> int:
    with _open(args, io) as vault:
        report = vault.items.verify()
    for problem in report.problems:
        io.out(problem)
    if report.ok:
        io.out(f"All {report.items_checked} exhibits and the custody log check out.")
        return EXIT_OK
    print(f"{len(report.problems)} problem(s) found.", file=io.stderr)
    return EXIT_FAIL


def cmd_log(args: argparse.Namespace, io: Io) -> int:
    from vault.custody import EVENTS

    with _open(args, io) as vault:
        entries = vault.custody.entries()
        cp = vault.custody.checkpoint()
    if args.json:
        _dump(io, {"entries": [e.to_dict() for e in entries], "checkpoint": cp.to_dict()})
    else:
        for e in entries:
            io.out(f"{e.seq}\t{e.at}\t{EVENTS.get(e.event, e.event)}\t{e.item_ref}")
        io.out(f"head {cp.head} ({cp.size} entries, signed)")
    return EXIT_OK


def cmd_export(args: argparse.Namespace, io: Io) -> int:
    with _open(args, io) as vault:
        item = vault.items.by_reference(args.ref)
        dest = vault.items.export(item.id, Path(args.dest))
    io.out(str(dest))
    return EXIT_OK


# -- bundle ----------------------------------------------------------------------------------
def cmd_bundle(args: argparse.Namespace, io: Io) -> int:
    from vault.bundle_source import build_from_vault

    with _open(args, io) as vault:
        result = build_from_vault(
            vault,
            Path(args.out_dir),
            incident_ids=args.incident or None,
            date_from=args.date_from or "",
            date_to=args.date_to or "",
            case_reference=args.case_ref or "",
            producer_name=args.producer or "",
            include_custody_log=not args.no_custody_log,
            include_private_notes=args.include_private_notes,
        )
    io.out(str(result.folder))
    io.out(str(result.zip_path))
    io.out(result.manifest_sha256)
    return EXIT_OK


def cmd_verify_bundle(args: argparse.Namespace, io: Io) -> int:
    from vault.bundle import verify_bundle

    problems = verify_bundle(Path(args.path))
    for problem in problems:
        io.out(problem.message)
    if problems:
        print(f"The bundle is NOT intact: {len(problems)} problem(s).", file=io.stderr)
        return EXIT_FAIL
    io.out("The bundle is intact: every file matches and the signature is valid.")
    return EXIT_OK


# -- parser ------------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="evidence-vault-cli", description="Evidence Vault, headless.")
    p.add_argument("--version", action="version", version=__version__)
    sub = p.add_subparsers(dest="command", required=True)

    def cmd(
        name: str,
        func: Callable[[argparse.Namespace, Io], int],
        help_text: str,
        *,
        parent: Any = sub,
        vault_arg: bool = True,
        password: bool = True,
    ) -> Any:
        sp = parent.add_parser(name, help=help_text)
        if vault_arg:
            sp.add_argument("vault", help="the vault folder")
        if password:
            sp.add_argument(
                "--password-stdin",
                action="store_true",
                help="read the password from standard input (one line)",
            )
        sp.set_defaults(func=func)
        return sp

    sp = cmd("init", cmd_init, "create a vault and print its recovery key once")
    sp.add_argument("--initials", help="initials for exhibit references, e.g. JS for JS/1")
    cmd("passwd", cmd_passwd, "change the password (old, then new, one a line on stdin)")
    cmd("new-recovery-key", cmd_new_recovery_key,
        "make a new recovery key and print it once; the old one stops working")
    cmd(
        "recover",
        cmd_recover,
        "set a new password with the recovery key (key, then password)",
        password=False,
    )
    sp = cmd("info", cmd_info, "what the vault shows without a password", password=False)
    sp.add_argument("--json", action="store_true")

    inc = sub.add_parser("incident", help="record and read incidents")
    isub = inc.add_subparsers(dest="incident_command", required=True)
    behaviours = [b.value for b in Behaviour]

    def incident_fields(sp: Any, required: bool) -> None:
        sp.add_argument("--when", required=required, help="ISO 8601 date or date-time")
        sp.add_argument("--end")
        sp.add_argument("--approximate", action="store_true")
        sp.add_argument("--title", required=required)
        sp.add_argument("--where")
        sp.add_argument("--behaviour", action="append", choices=behaviours)
        sp.add_argument("--details", help="what happened")
        sp.add_argument("--channel")
        sp.add_argument("--private-notes")
        sp.add_argument("--from-memory", action="store_true")

    incident_fields(cmd("add", cmd_incident_add, "record an incident", parent=isub), True)
    sp = cmd("edit", cmd_incident_edit, "edit an incident (keeps every version)", parent=isub)
    sp.add_argument("id")
    incident_fields(sp, False)
    sp = cmd("list", cmd_incident_list, "list incidents, newest first", parent=isub)
    sp.add_argument("--json", action="store_true")
    sp = cmd("show", cmd_incident_show, "show one incident", parent=isub)
    sp.add_argument("id")
    sp.add_argument("--json", action="store_true")

    sp = cmd("import", cmd_import, "import files and folders")
    sp.add_argument("paths", nargs="+")
    sp.add_argument("--incident")
    sp.add_argument("--kind", choices=[k.value for k in ItemKind])
    sp.add_argument("--source", help="where it came from (by post, by hand, text from ...)")
    sp.add_argument("--no-previews", action="store_true",
                    help="skip making the page-sized pictures now (a bundle makes them later)")
    sp = cmd("list", cmd_list, "list every exhibit")
    sp.add_argument("--json", action="store_true")
    cmd("verify", cmd_verify, "re-check every exhibit's fingerprint and the custody log")
    sp = cmd("log", cmd_log, "show the chain-of-custody log")
    sp.add_argument("--json", action="store_true")
    sp = cmd("export", cmd_export, "save a copy of one exhibit's original bytes")
    sp.add_argument("ref")
    sp.add_argument("dest")

    sp = cmd("bundle", cmd_bundle, "build the evidence bundle for police")
    sp.add_argument("out_dir")
    sp.add_argument("--incident", action="append")
    sp.add_argument("--from", dest="date_from")
    sp.add_argument("--to", dest="date_to")
    sp.add_argument("--case-ref")
    sp.add_argument("--producer")
    sp.add_argument("--no-custody-log", action="store_true")
    sp.add_argument("--include-private-notes", action="store_true")
    sp = cmd(
        "verify-bundle",
        cmd_verify_bundle,
        "check a bundle (folder or zip); no vault needed",
        vault_arg=False,
        password=False,
    )
    sp.add_argument("path")
    return p


def run(argv: list[str], io: Io) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) and EXIT_USAGE
    try:
        if args.func in (cmd_passwd, cmd_new_recovery_key):
            if not args.password_stdin:
                raise InvalidInput("Give the passwords on standard input with --password-stdin.")
            args._old_password = io.stdin.readline().rstrip("\r\n")
            io = Io(cast(TextIO, _Replay(args._old_password, io.stdin)), io.stdout, io.stderr)
        return int(args.func(args, io))
    except VaultError as exc:
        print(exc.message, file=io.stderr)
        return EXIT_FAIL
    except KeyboardInterrupt:
        print("Stopped.", file=io.stderr)
        return EXIT_FAIL


class _Replay:
    """Standard input with one line put back in front (passwd reads the old password twice)."""

    def __init__(self, first: str, rest: TextIO) -> None:
        self._first: str | None = first + "\n"
        self._rest = rest

    def readline(self) -> str:
        if self._first is not None:
            line, self._first = self._first, None
            return line
        return self._rest.readline()


def main() -> None:
    harden_process()
    tune_gc()
    sys.exit(run(sys.argv[1:], Io(sys.stdin, sys.stdout, sys.stderr)))


if __name__ == "__main__":
    main()
