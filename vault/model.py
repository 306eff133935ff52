"""The evidence model: incidents, suspects, evidence items, custody entries.

Plain dataclasses that serialise to JSON-safe dicts. They are stored encrypted by
`vault.records`; nothing here touches disk or keys.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

T = TypeVar("T")


class Behaviour(StrEnum):
    """Behaviours named by the Protection from Harassment Act 1997 s.2A(3), plus a few more."""

    FOLLOWING = "following"
    CONTACTING = "contacting"
    PUBLISHING = "publishing"
    MONITORING = "monitoring"
    LOITERING = "loitering"
    PROPERTY = "property"
    WATCHING = "watching"
    GIFTS = "gifts"
    THREATS = "threats"
    OTHER = "other"


BEHAVIOUR_LABELS: dict[str, str] = {
    Behaviour.FOLLOWING: "Following me",
    Behaviour.CONTACTING: (
        "Contacting or trying to contact me (calls, texts, messages, e-mail, letters)"
    ),
    Behaviour.PUBLISHING: "Publishing material about me",
    Behaviour.MONITORING: "Monitoring my phone, e-mail or internet use",
    Behaviour.LOITERING: "Loitering near me, my home or work",
    Behaviour.PROPERTY: "Interfering with my property (including damage)",
    Behaviour.WATCHING: "Watching or spying on me",
    Behaviour.GIFTS: "Unwanted gifts",
    Behaviour.THREATS: "Threats",
    Behaviour.OTHER: "Other",
}

BEHAVIOUR_SHORT: dict[str, str] = {
    Behaviour.FOLLOWING: "Following",
    Behaviour.CONTACTING: "Contact",
    Behaviour.PUBLISHING: "Publishing",
    Behaviour.MONITORING: "Monitoring",
    Behaviour.LOITERING: "Loitering",
    Behaviour.PROPERTY: "Property",
    Behaviour.WATCHING: "Watching",
    Behaviour.GIFTS: "Gifts",
    Behaviour.THREATS: "Threats",
    Behaviour.OTHER: "Other",
}


class ItemKind(StrEnum):
    LETTER = "letter"
    GIFT_PHOTO = "gift_photo"
    MESSAGE_SCREENSHOT = "message_screenshot"
    DAMAGE_PHOTO = "damage_photo"
    PHOTO = "photo"
    DOCUMENT = "document"
    EMAIL = "email"
    AUDIO = "audio"
    VIDEO = "video"
    OTHER = "other"


KIND_LABELS: dict[str, str] = {
    ItemKind.LETTER: "Letter",
    ItemKind.GIFT_PHOTO: "Photo of a gift",
    ItemKind.MESSAGE_SCREENSHOT: "Screenshot of messages",
    ItemKind.DAMAGE_PHOTO: "Photo of damaged property",
    ItemKind.PHOTO: "Other photo",
    ItemKind.DOCUMENT: "Document",
    ItemKind.EMAIL: "E-mail",
    ItemKind.AUDIO: "Audio recording",
    ItemKind.VIDEO: "Video",
    ItemKind.OTHER: "Other",
}


class Effect(StrEnum):
    """How an incident affected the person (what s.4A turns on)."""

    FEAR_OF_VIOLENCE = "fear_of_violence"
    ALARM_DISTRESS = "alarm_distress"
    SLEEP = "sleep"
    WORK = "work"
    CHANGED_ROUTINE = "changed_routine"


EFFECT_LABELS: dict[str, str] = {
    Effect.FEAR_OF_VIOLENCE: "I feared violence would be used against me",
    Effect.ALARM_DISTRESS: "It caused me serious alarm or distress",
    Effect.SLEEP: "It affected my sleep",
    Effect.WORK: "It affected my work or studies",
    Effect.CHANGED_ROUTINE: "I had to change my routine, route or home",
}


@functools.cache
def _shape(cls: type) -> tuple[frozenset[str], dict[str, Any], dict[str, Any]]:
    """Field names, default factories and every default in its stored (JSON) form."""
    names, factories, stored = set(), {}, {}
    for f in dataclasses.fields(cls):
        names.add(f.name)
        if f.default is not dataclasses.MISSING:
            default = f.default
        elif f.default_factory is not dataclasses.MISSING:
            factories[f.name] = f.default_factory
            default = f.default_factory()
        else:
            continue
        stored[f.name] = dataclasses.asdict(default) if _is_record(default) else default
    return frozenset(names), factories, stored


def _is_record(value: Any) -> bool:
    return dataclasses.is_dataclass(value) and not isinstance(value, type)


class _Record:
    """Base of the stored records.

    A record is kept with the fields at their default left out (`_to_record`), and read
    back by taking the decoded dict as the instance's attributes (`_from_dict`): unlocking
    decodes every incident and exhibit at once, most fields of most records are empty, and
    building each object through __init__ cost more than decrypting it. A field left out
    reads the class's default; one whose default comes from a factory (a list, a dict) gets
    a fresh one the first time it is read.
    """

    if not TYPE_CHECKING:  # keeps mypy checking attribute names

        def __getattr__(self, name: str) -> Any:
            factory = _shape(type(self))[1].get(name)
            if factory is None:
                raise AttributeError(name)
            value = self.__dict__[name] = factory()
            return value


def _to_record(obj: Any) -> dict[str, Any]:
    """The stored form of a record: its fields as JSON-safe values, defaults left out."""
    _, _, stored = _shape(type(obj))  # type: ignore[arg-type]
    return {k: v for k, v in dataclasses.asdict(obj).items()
            if k not in stored or stored[k] != v}


def _from_dict(cls: type[T], data: dict[str, Any], *, adopt: bool = False) -> T:
    """A record from its stored dict; unknown keys (from a newer version) are dropped.

    With `adopt` the dict itself becomes the instance's attributes: the caller hands over
    a dict it has just decoded and keeps no reference to it.
    """
    names = _shape(cls)[0]  # type: ignore[arg-type]
    if not names.issuperset(data):
        values = {k: v for k, v in data.items() if k in names}
    else:
        values = data if adopt else dict(data)
    obj = object.__new__(cls)
    object.__setattr__(obj, "__dict__", values)
    return obj


def _nested(cls: type[T], value: Any) -> T:
    """A nested record from its stored dict (or as it is, when it already is one)."""
    if isinstance(value, cls):
        return value
    if not value:
        return cls()
    return _from_dict(cls, value)


def _as_list(values: dict[str, Any], name: str) -> None:
    if name in values and type(values[name]) is not list:
        values[name] = list(values[name] or ())


@dataclass(frozen=True)
class Vehicle:
    make: str = ""
    model: str = ""
    colour: str = ""
    plate: str = ""

    def is_empty(self) -> bool:
        return not (self.make or self.model or self.colour or self.plate)


@dataclass(frozen=True)
class Witness:
    name: str = ""
    contact: str = ""
    saw: str = ""


@dataclass(frozen=True)
class PoliceReport:
    reported_at: str = ""  # ISO 8601 date or date-time
    reference: str = ""  # crime or incident reference number
    officer: str = ""  # officer name and number

    def is_empty(self) -> bool:
        return not (self.reported_at or self.reference or self.officer)


@dataclass
class Suspect(_Record):
    """The person responsible, reused across incidents."""

    id: str = ""
    name: str = ""  # may be "unknown"
    relationship: str = ""
    appearance: str = ""
    voice: str = ""
    usual_clothing: str = ""
    notes: str = ""

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def to_record(self) -> dict[str, Any]:
        return _to_record(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Suspect:
        return _from_dict(cls, data)


@dataclass
class Incident(_Record):
    """One occasion. Only `start` is required.

    Times are ISO 8601 strings: a date ("2026-11-20") or a local date-time with its UTC
    offset ("2026-11-20T17:30:00+00:00"). `recorded_at` and `edited_at` are set by the
    vault, never by the person.
    """

    id: str = ""
    start: str = ""
    end: str = ""
    approximate: bool = False
    title: str = ""
    where: str = ""
    behaviours: list[str] = field(default_factory=list)
    account: str = ""  # what happened, in the person's own words
    suspect_id: str = ""
    suspect_wore: str = ""
    suspect_said: str = ""
    vehicle: Vehicle = Vehicle()  # frozen: every incident without one shares it
    witnesses: list[Witness] = field(default_factory=list)
    police: PoliceReport = PoliceReport()
    channel: str = ""  # phone number, e-mail address, account or handle, app, a third person
    orders_in_force: str = ""
    breaches_order: bool = False
    other_reports: str = ""
    effects: list[str] = field(default_factory=list)
    effect_notes: str = ""
    private_notes: str = ""  # never in a bundle unless the person asks
    from_memory: bool = False  # "written later from memory", set by the person
    recorded_at: str = ""  # set by the vault when first written down
    edited_at: str = ""  # set by the vault at each later edit
    revision: int = 0  # 1 for the first version, +1 for each edit

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def to_record(self) -> dict[str, Any]:
        return _to_record(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, adopt: bool = False) -> Incident:
        inc = _from_dict(cls, data, adopt=adopt)
        values = inc.__dict__
        if "vehicle" in values:
            values["vehicle"] = _nested(Vehicle, values["vehicle"])
        if "police" in values:
            values["police"] = _nested(PoliceReport, values["police"])
        if values.get("witnesses"):
            values["witnesses"] = [_nested(Witness, w) for w in values["witnesses"]]
        _as_list(values, "behaviours")
        _as_list(values, "effects")
        return inc


@dataclass(frozen=True)
class PhysicalEvidence:
    """Where the object itself (letter, gift, damaged thing) is kept."""

    location: str = ""
    handled: str = ""  # who has handled it; gifts may hold fingerprints or DNA
    handed_to_police_at: str = ""
    police_reference: str = ""

    def is_empty(self) -> bool:
        return not (
            self.location or self.handled or self.handed_to_police_at or self.police_reference
        )


@dataclass
class Item(_Record):
    """One exhibit: the original bytes live encrypted in a blob; this is its record."""

    id: str = ""
    reference: str = ""  # "JS/7": initials and a running number, never reused
    number: int = 0
    kind: str = ItemKind.OTHER
    description: str = ""
    original_name: str = ""
    size: int = 0
    media_type: str = "application/octet-stream"  # sniffed from the bytes
    sha256: str = ""  # hex, of the original bytes at import
    imported_at: str = ""
    capture_time: str = ""  # ISO 8601 when the file says; "" when it does not
    capture_time_note: str = ""  # where the capture time came from, or why there is none
    device: str = ""  # camera or phone make and model
    gps: list[float] | None = None  # [latitude, longitude]
    width: int = 0
    height: int = 0
    frames: int = 0  # frames of an animation, pages of a PDF or TIFF
    duration: float | None = None  # seconds, audio and video
    details: dict[str, Any] = field(default_factory=dict)  # e-mail headers, PDF facts ...
    problems: list[str] = field(default_factory=list)  # plain notes on damage found
    preview_note: str = ""  # "" when a preview exists; else why none can be made
    has_thumbnail: bool = False
    has_preview: bool = False
    incidents: list[str] = field(default_factory=list)  # incident ids
    source: str = ""  # where it came from: by post, by hand, text from ..., app ...
    metadata_note: str = ""  # e.g. "screenshots carry little or no metadata"
    physical: PhysicalEvidence = PhysicalEvidence()
    derived_from: str = ""  # item id of the untouched original (a redacted copy)
    blob: str = ""  # random blob file name; "" for none

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def to_record(self) -> dict[str, Any]:
        return _to_record(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, adopt: bool = False) -> Item:
        item = _from_dict(cls, data, adopt=adopt)
        values = item.__dict__
        if "physical" in values:
            values["physical"] = _nested(PhysicalEvidence, values["physical"])
        _as_list(values, "incidents")
        _as_list(values, "problems")
        if "details" in values and type(values["details"]) is not dict:
            values["details"] = dict(values["details"] or {})
        return item

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/")


@dataclass
class CustodyEntry:
    """One event in the chain-of-custody log."""

    seq: int
    at: str  # ISO 8601 UTC
    event: str  # see vault.custody.EVENTS
    item_ref: str = ""  # exhibit reference, when the event concerns one item
    item_id: str = ""
    details: dict[str, Any] = field(default_factory=dict)
    salt: str = ""  # random hex, so leaf hashes can be shared without revealing entries
    prev: str = ""  # chain head before this entry (hex)
    head: str = ""  # chain head after this entry (hex)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CustodyEntry:
        return _from_dict(cls, data)
