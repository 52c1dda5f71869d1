"""How rule changes reach the running alert engine."""

from __future__ import annotations

from typing import Protocol


class RulesControl(Protocol):
    """Implemented by the engine's host (the ingest side). A route that changed a user's
    rules or settings awaits :meth:`rules_changed`; when it returns, the engine evaluates
    the next bar with the change."""

    async def rules_changed(self, user: str, rule_id: int | None = None) -> None:
        """``user``'s rules or settings changed (only ``rule_id``'s when given): reload."""
        ...
