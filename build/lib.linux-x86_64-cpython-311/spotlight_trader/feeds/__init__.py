"""Market data feeds: one protocol (:mod:`.base`), one module per source."""
