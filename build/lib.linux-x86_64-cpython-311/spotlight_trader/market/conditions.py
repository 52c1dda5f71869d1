"""Which prints may update a bar: Polygon's consolidated update rules per sale condition.

Each condition id maps to three permissions: update high/low, update open/close (last),
update volume. A print with several conditions gets the intersection (the most restrictive
condition wins). Ids without update rules (legacy flags we do not know, short-sale and
financial-status indicators) are neutral.

Exception (Polygon, verbatim): "trades in extended-hours markets can update OHLC for minute
bars". Form T (12) therefore moves minute bars in full, and an extended-hours print sold out
of sequence (13) is treated like any out-of-sequence print (32): high/low and volume only.
"""

from __future__ import annotations

from typing import Final

HIGH_LOW: Final = 1
OPEN_CLOSE: Final = 2
VOLUME: Final = 4
ALL: Final = HIGH_LOW | OPEN_CLOSE | VOLUME

# Commonly used condition ids (Polygon / CTA / UTP unified numbering).
REGULAR: Final = 0
AVERAGE_PRICE: Final = 2
CASH: Final = 7
CLOSING_PRINTS: Final = 8
DERIVATIVELY_PRICED: Final = 10
FORM_T: Final = 12
EXT_HOURS_SOLD_OOS: Final = 13
ISO: Final = 14
OFFICIAL_CLOSE: Final = 15
OFFICIAL_OPEN: Final = 16
NEXT_DAY: Final = 20
OPENING_PRINTS: Final = 25
SELLER: Final = 29
SOLD_OUT_OF_SEQUENCE: Final = 32
ODD_LOT: Final = 37
TRADE_THRU_EXEMPT: Final = 41

_RULES: Final[dict[int, int]] = {
    **dict.fromkeys((0, 1, 3, 4, 8, 9, 11, 14, 18, 19, 23, 24, 25, 28, 30, 34, 36, 41), ALL),
    **dict.fromkeys((5, 10, 17, 22, 32, 33), HIGH_LOW | VOLUME),
    **dict.fromkeys((2, 7, 20, 21, 29, 37, 52, 53), VOLUME),
    **dict.fromkeys((15, 16), 0),
    38: HIGH_LOW | OPEN_CLOSE,
    # legacy ids Polygon marks "legacy": treated as regular
    **dict.fromkeys((6, 27, 31, 35, 55), ALL),
    # extended-hours exception for minute bars (see module docstring)
    FORM_T: ALL,
    EXT_HOURS_SOLD_OOS: HIGH_LOW | VOLUME,
}


def rule_for(condition: int) -> int:
    """Update permissions (bit set of HIGH_LOW, OPEN_CLOSE, VOLUME) for one condition id."""
    return _RULES.get(condition, ALL)


def eligibility(conditions: tuple[int, ...]) -> int:
    """Update permissions for a print carrying all of ``conditions``."""
    flags = ALL
    for condition in conditions:
        flags &= _RULES.get(condition, ALL)
    return flags
