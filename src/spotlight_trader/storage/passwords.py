"""Password hashing: argon2id (argon2-cffi) with its recommended parameters.

Verification runs in a worker thread (a hash costs tens of milliseconds by design) and
takes as long for an unknown account as for a known one."""

from __future__ import annotations

import asyncio

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from spotlight_trader.errors import InputError

MIN_PASSWORD = 10
MAX_PASSWORD = 1_024

_HASHER = PasswordHasher()  # argon2id, RFC 9106 low-memory profile
# verified against when the account does not exist, so timing does not tell
_DUMMY = _HASHER.hash("spotlight: no such account")


def check_password(password: str) -> str:
    """``password`` if it is acceptable; :class:`InputError` (naming no value) if not."""
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise InputError(f"password: {MIN_PASSWORD} to {MAX_PASSWORD} characters")
    return password


async def hash_password(password: str) -> str:
    """The argon2id hash of an acceptable password."""
    return await asyncio.to_thread(_HASHER.hash, check_password(password))


async def verify_password(stored: str | None, password: str) -> bool:
    """True when ``password`` matches the ``stored`` hash (None: no account, or none set)."""
    if len(password) > MAX_PASSWORD:
        return False

    def verify() -> bool:
        try:
            return _HASHER.verify(stored or _DUMMY, password) and stored is not None
        except (VerificationError, InvalidHashError):
            return False

    return await asyncio.to_thread(verify)
