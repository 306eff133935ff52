"""The hash chain: any change to any entry is detected (property tests)."""

from __future__ import annotations

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from vault import custody
from vault.model import CustodyEntry


def make_chain(n: int) -> list[CustodyEntry]:
    head = custody.GENESIS
    out = []
    for seq in range(1, n + 1):
        e = CustodyEntry(
            seq=seq,
            at=f"2026-11-0{1 + seq % 9}T10:00:00+00:00",
            event="item_imported",
            item_ref=f"JS/{seq}",
            item_id=f"id{seq}",
            details={"sha256": "ab" * 32, "size": seq},
            salt=f"{seq:032x}",
            prev=head.hex(),
        )
        head = custody.chain(head, custody.leaf_hash(e))
        e.head = head.hex()
        out.append(e)
    return out


def test_intact_chain_verifies() -> None:
    entries = make_chain(5)
    head, problems = custody.verify_entries(entries)
    assert problems == [] and head.hex() == entries[-1].head


FIELDS = ["seq", "at", "event", "item_ref", "item_id", "details", "salt", "prev", "head"]


@settings(max_examples=200, deadline=None)
@given(n=st.integers(1, 8), data=st.data())
def test_any_change_to_any_entry_is_detected(n: int, data: st.DataObject) -> None:
    entries = make_chain(n)
    victim = data.draw(st.integers(0, n - 1))
    field = data.draw(st.sampled_from(FIELDS))
    e = entries[victim]
    original = copy.deepcopy(getattr(e, field))
    if isinstance(original, int):
        new = data.draw(st.integers(-5, 50).filter(lambda v: v != original))
    elif isinstance(original, dict):
        new = {**original, data.draw(st.text(min_size=1, max_size=5)): data.draw(st.integers())}
    else:
        new = data.draw(st.text(max_size=70).filter(lambda v: v != original))
    setattr(e, field, new)
    _, problems = custody.verify_entries(entries)
    assert problems


@settings(max_examples=100, deadline=None)
@given(n=st.integers(2, 8), data=st.data())
def test_removing_or_reordering_is_detected(n: int, data: st.DataObject) -> None:
    entries = make_chain(n)
    size, head = len(entries), entries[-1].head
    if data.draw(st.booleans()):
        del entries[data.draw(st.integers(0, n - 1))]
    else:
        i = data.draw(st.integers(0, n - 2))
        entries[i], entries[i + 1] = entries[i + 1], entries[i]
    _, problems = custody.verify_entries(entries, size, head)
    assert problems


def test_signature_checks(vault) -> None:  # type: ignore[no-untyped-def]
    cp = vault.custody.checkpoint()
    assert custody.verify_signature(
        vault.custody.public_key, vault.vault_id, cp.size, cp.head, bytes.fromhex(cp.signature)
    )
    assert not custody.verify_signature(
        vault.custody.public_key, vault.vault_id, cp.size + 1, cp.head, bytes.fromhex(cp.signature)
    )
