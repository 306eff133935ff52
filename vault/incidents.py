"""Incidents and suspects. An edit never rewrites: every version is kept and logged."""

from __future__ import annotations

import builtins
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from vault.errors import InvalidInput, NotFound
from vault.ids import local_now_iso, new_id
from vault.model import Behaviour, Effect, Incident, Suspect

if TYPE_CHECKING:
    from vault.vault import Vault

TABLE = "incidents"
HISTORY = "incident_history"
SUSPECTS = "suspects"
_VALID_BEHAVIOURS = {b.value for b in Behaviour}
_VALID_EFFECTS = {e.value for e in Effect}


def parse_when(text: str) -> str:
    """Accept an ISO 8601 date or date-time; a time without an offset gets the local one."""
    text = text.strip()
    if not text:
        raise InvalidInput("Please give the date it happened.")
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        raise InvalidInput(
            "That date is not valid. Use the form 2026-11-20 or 2026-11-20T17:30."
        ) from exc
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.isoformat(timespec="minutes" if moment.second == 0 else "seconds")


def sort_key(when: str) -> float:
    """A key that sorts dates and date-times in time order (a bare date counts as its start)."""
    try:
        moment = datetime.fromisoformat(when if len(when) != 10 else when + "T00:00")
    except ValueError:
        return 0.0
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def validate(inc: Incident) -> None:
    inc.start = parse_when(inc.start)
    if inc.end:
        inc.end = parse_when(inc.end)
        if sort_key(inc.end) < sort_key(inc.start):
            raise InvalidInput("The end is before the start. Please check the times.")
    bad = set(inc.behaviours) - _VALID_BEHAVIOURS
    if bad:
        raise InvalidInput("Unknown kind of behaviour.")
    if set(inc.effects) - _VALID_EFFECTS:
        raise InvalidInput("Unknown effect.")
    inc.behaviours = [b.value for b in Behaviour if b.value in inc.behaviours]


def changed_fields(old: Incident, new: Incident) -> list[str]:
    skip = {"recorded_at", "edited_at", "revision", "id"}
    a, b = old.to_dict(), new.to_dict()
    return sorted(k for k in a if k not in skip and a[k] != b.get(k))


class Incidents:
    def __init__(self, vault: Vault, clock: Callable[[], str] = local_now_iso) -> None:
        self._vault = vault
        self._clock = clock

    def add(self, incident: Incident) -> Incident:
        s = self._vault.session
        inc = Incident.from_dict(incident.to_dict(), adopt=True)
        validate(inc)
        inc.id = new_id()
        inc.revision = 1
        inc.recorded_at = self._clock()
        inc.edited_at = ""
        if inc.suspect_id and s.store.get(SUSPECTS, inc.suspect_id) is None:
            raise NotFound("That person is not in the vault.")
        with s.write() as conn:
            body = inc.to_record()
            s.store.put(conn, TABLE, inc.id, inc.revision, body)
            s.store.put(conn, HISTORY, inc.id, inc.revision, body)
            s.custody.append(conn, "incident_recorded", details={"incident": inc.id})
        return inc

    def get(self, incident_id: str) -> Incident:
        got = self._vault.session.store.get(TABLE, incident_id)
        if got is None:
            raise NotFound("That incident is not in the vault.")
        return Incident.from_dict(got[1], adopt=True)

    def list(self) -> builtins.list[Incident]:
        """Every incident, newest first."""
        rows = self._vault.session.store.all(TABLE)
        incs = [Incident.from_dict(body, adopt=True) for _, _, body in rows]
        # by when it happened, then when it was written down (two stable sorts: cheaper
        # than one on pairs, for the 10,000 sorted at every unlock)
        incs.sort(key=lambda i: i.recorded_at, reverse=True)
        incs.sort(key=lambda i: sort_key(i.start), reverse=True)
        return incs

    def update(self, incident: Incident) -> Incident:
        """Save a new version. The earlier one stays in the history; the log says what changed.

        Reading the current version happens inside the write, so two saves of the same
        incident at once (the app's worker and its lock sequence) cannot both take one number.
        """
        s = self._vault.session
        new = Incident.from_dict(incident.to_dict(), adopt=True)
        validate(new)
        with s.write() as conn:
            old = self.get(incident.id)
            fields = changed_fields(old, new)
            if not fields:
                return old
            new.recorded_at = old.recorded_at
            new.revision = old.revision + 1
            new.edited_at = self._clock()
            body = new.to_record()
            s.store.put(conn, TABLE, new.id, new.revision, body)
            s.store.put(conn, HISTORY, new.id, new.revision, body)
            s.custody.append(
                conn, "incident_edited", details={"incident": new.id, "fields": fields}
            )
        return new

    def history(self, incident_id: str) -> builtins.list[Incident]:
        """Every version, oldest first."""
        s = self._vault.session
        rows = s.store.query(
            "SELECT rev, body FROM incident_history WHERE id = ? ORDER BY rev", (incident_id,)
        )
        return [
            Incident.from_dict(s.store.unseal(HISTORY, incident_id, rev, body), adopt=True)
            for rev, body in rows
        ]

    # -- suspects ----------------------------------------------------------------------
    def save_suspect(self, suspect: Suspect) -> Suspect:
        s = self._vault.session
        sus = Suspect.from_dict(suspect.to_dict())
        rev = 1
        if sus.id:
            got = s.store.get(SUSPECTS, sus.id)
            if got is None:
                raise NotFound("That person is not in the vault.")
            rev = got[0] + 1
        else:
            sus.id = new_id()
        with s.write() as conn:
            s.store.put(conn, SUSPECTS, sus.id, rev, sus.to_record())
        return sus

    def suspects(self) -> dict[str, Suspect]:
        rows = self._vault.session.store.all(SUSPECTS)
        return {rid: Suspect.from_dict(body) for rid, _, body in rows}

    def counts(self) -> dict[str, Any]:
        return {"incidents": len(self._vault.session.store.query("SELECT id FROM incidents"))}
