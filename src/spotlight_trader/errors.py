"""The package's error hierarchy.

SpotlightError
├── ConfigError          a setting is missing or invalid (start-up stops)
├── InputError           bad external input: a file, a frame, a query value
│   └── TradeFileError   a trade file cannot be read or has the wrong shape
└── FeedError            a market data feed failed in a way it cannot recover from
"""

from __future__ import annotations


class SpotlightError(Exception):
    """Base class for every error this package raises on purpose."""


class ConfigError(SpotlightError):
    """A setting is missing or invalid; the message names the variable."""


class InputError(SpotlightError):
    """External input was rejected; the message says what was wrong and where."""


class TradeFileError(InputError):
    """A trade file could not be read."""


class FeedError(SpotlightError):
    """A feed stopped for a reason that retrying will not fix."""
