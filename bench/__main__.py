"""``make bench``: run every benchmark, print figures, write bench/results.json."""

from __future__ import annotations

import json
import platform
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from bench import ingest

RESULTS = Path(__file__).with_name("results.json")


def main() -> None:
    """Run the benchmarks named on the command line (default: all)."""
    console = Console()
    wanted = set(sys.argv[1:]) or {"ingest"}
    results: dict[str, object] = {
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    if "ingest" in wanted:
        with console.status("ingest: encoding 1,000,000 trades as Polygon frames and measuring…"):
            figures = ingest.run()
        results["ingest"] = figures
        table = Table(title="Market data ingest (one core)")
        table.add_column("measure")
        table.add_column("value", justify="right")
        table.add_row("(a) parse-only, trades/s", f"{figures['parse_only_trades_per_s']:,}")
        table.add_row("(b) full ingest, trades/s", f"{figures['full_ingest_trades_per_s']:,}")
        table.add_row("(b)/(a)", f"{figures['ratio_full_over_parse']}")
        table.add_row("goal (b)", "≥ 1,000,000 trades/s")
        table.add_row("goal (b)/(a)", "≥ 0.5")
        table.add_row("bars / microbars", f"{figures['bars']:,} / {figures['microbars']:,}")
        console.print(table)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    console.print(f"wrote {RESULTS}")


main()
