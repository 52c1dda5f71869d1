"""Executions (fills): the journal's primitive. Immutable, exact decimals, UTC instants.

An execution's ``key`` identifies it within its account: the broker's execution id when
the file has one, else a content hash plus an occurrence index, so that two identical real
fills in one file (same second, price and size) stay two fills while importing the same
file again yields the same keys (and changes nothing)."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from typing import Literal

import msgspec

Side = Literal["buy", "sell"]
ZERO = Decimal(0)


class Execution(msgspec.Struct, frozen=True):
    """One fill. ``quantity`` is positive; ``side`` gives the direction. ``commission`` and
    ``fees`` are costs (positive numbers reduce net P&L)."""

    account: str
    symbol: str
    ts_ms: int
    side: Side
    quantity: Decimal
    price: Decimal
    commission: Decimal = ZERO
    fees: Decimal = ZERO
    key: str = ""
    exec_id: str | None = None

    @property
    def signed_quantity(self) -> Decimal:
        """``+quantity`` for a buy, ``-quantity`` for a sell."""
        return self.quantity if self.side == "buy" else -self.quantity

    @property
    def cost(self) -> Decimal:
        """Commission plus fees."""
        return self.commission + self.fees


def content_hash(e: Execution) -> str:
    """A hash of what the fill is (not where it came from)."""
    text = "|".join(
        (
            e.account,
            e.symbol,
            str(e.ts_ms),
            e.side,
            str(e.quantity.normalize()),
            str(e.price.normalize()),
            str(e.commission.normalize()),
            str(e.fees.normalize()),
        )
    )
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def with_keys(executions: Iterable[Execution]) -> list[Execution]:
    """Each execution with its ``key``: ``x:<exec id>`` or ``h:<content hash>:<n>`` where
    ``n`` counts the identical fills before it in the same batch."""
    seen: Counter[str] = Counter()
    keyed: list[Execution] = []
    for e in executions:
        if e.exec_id:
            key = f"x:{e.exec_id}"
        else:
            digest = content_hash(e)
            key = f"h:{digest}:{seen[digest]}"
            seen[digest] += 1
        keyed.append(msgspec.structs.replace(e, key=key))
    return keyed
