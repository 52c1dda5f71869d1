"""Tools the model may call; the server runs them for the authenticated user.

:mod:`.registry` holds the registry (``REGISTRY``, the ``tool`` decorator, ``ToolContext``).
Each area is one module whose decorated functions register on import: :mod:`.market`
(snapshot, watchlist), :mod:`.alerts` (recent alerts), :mod:`.rules` (the user's rules),
:mod:`.journal` (the trader's notes and statistics: the coach's memory).
A new area is one module here plus its name in the import below.
"""

from spotlight_trader.coach.tools import alerts, journal, market, rules  # noqa: F401  (registers them)
from spotlight_trader.coach.tools.registry import REGISTRY, ToolContext, ToolRegistry, tool

__all__ = ["REGISTRY", "ToolContext", "ToolRegistry", "tool"]
