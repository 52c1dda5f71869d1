"""The package's error hierarchy.

SpotlightError
├── ConfigError              a setting is missing or invalid (start-up stops)
├── InputError               bad external input: a file, a frame, a query value
│   ├── PayloadTooLarge      a request body over its limit (HTTP 413)
│   ├── TradeFileError       a trade file cannot be read or has the wrong shape
│   ├── ToolError            a voice-coach tool call that cannot run (bad arguments)
│   ├── InvalidExpression    a custom rule that does not parse (rules/expr.py; carries
│                            the position and what was expected)
│   ├── QuotaError           a per-user cap was reached (e.g. RULES_PER_USER)
│   └── UnknownSymbol        a ticker the feed's reference data does not list (HTTP 422)
├── ReadOnlyError            a change to something shared the user may not change (HTTP 403)
├── AuthError                missing or wrong credentials (HTTP 401)
│   └── TokenError           a voice token that must be refused
├── ReferenceUnavailable     the feed's reference data cannot be asked now (HTTP 503)
├── FeedError                a market data feed failed in a way it cannot recover from
│   └── HistoryError         Polygon REST history failed (→ HistoryAuthError: key refused)
├── SubscriberOverflow       a bus subscriber fell behind on lossless messages (bus.py)
└── Fenced                   a write of a feed leader whose lease a newer leader holds
"""

from __future__ import annotations


class SpotlightError(Exception):
    """Base class for every error this package raises on purpose."""


class ConfigError(SpotlightError):
    """A setting is missing or invalid; the message names the variable."""


class InputError(SpotlightError):
    """External input was rejected; the message says what was wrong and where."""


class QuotaError(InputError):
    """A per-user cap was reached; the message names the cap and its setting."""


class UnknownSymbol(InputError):
    """A ticker the feed's reference data does not list (or lists as not tradable); the
    message says which source refused it and why."""


class ReferenceUnavailable(SpotlightError):
    """The feed's reference data could not be asked (e.g. Polygon REST is down); retry."""


class ReadOnlyError(SpotlightError):
    """A change the user may not make (e.g. a version of a shared built-in rule)."""


class PayloadTooLarge(InputError):
    """A request body over its limit, found while it streams (HTTP 413)."""


class TradeFileError(InputError):
    """A trade file could not be read."""


class FeedError(SpotlightError):
    """A feed stopped for a reason that retrying will not fix."""


class ToolError(InputError):
    """A tool call that cannot run (unknown tool, bad arguments, bad input); the message
    goes back to the model."""


class AuthError(SpotlightError):
    """The request's credentials are missing or wrong (HTTP 401)."""


class TokenError(AuthError):
    """A voice token that must be refused; the message is safe to show (no token in it)."""


class Fenced(SpotlightError):
    """A write under a fencing token that is no longer the lease's newest: another process
    took over the market feed (``cluster/lease.py``); this one must stop writing."""
