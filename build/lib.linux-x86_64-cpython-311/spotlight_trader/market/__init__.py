"""Market data: trade eligibility, bar building, sessions and the bar ring."""
