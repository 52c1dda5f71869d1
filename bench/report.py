"""``bench/results.md`` from ``bench/results.json``: every figure in a table per benchmark
and every latency distribution (keys ending in ``_cdf_ms``: 101 quantiles) drawn as a
cumulative distribution, saved as PNG under ``bench/plots/``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
PLOTS = HERE / "plots"


def _flatten(prefix: str, value: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _flatten(f"{prefix}.{key}" if prefix else str(key), inner)
    elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        for i, inner in enumerate(value):
            label = inner.get("clients", i) if isinstance(inner, dict) else i
            yield from _flatten(f"{prefix}[{label}]", inner)
    else:
        yield prefix, value


def _plot(name: str, curves: dict[str, list[float]]) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    PLOTS.mkdir(exist_ok=True)
    fig, ax = plt.subplots(figsize=(6.4, 3.6), dpi=110)
    for label, quantiles in curves.items():
        ax.plot(quantiles, [i / (len(quantiles) - 1) for i in range(len(quantiles))], label=label)
    ax.set_xscale("symlog", linthresh=1.0)
    ax.set_xlabel("ms")
    ax.set_ylabel("fraction ≤ x")
    ax.set_title(name)
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=7)
    fig.tight_layout()
    path = PLOTS / f"{name}.png"
    fig.savefig(path)
    plt.close(fig)
    return path


def render(results: dict[str, Any], out: Path = HERE / "results.md") -> Path:
    """Write the report; the path written."""
    lines = [
        "# Benchmark results",
        "",
        "Written by `make bench` (`python -m bench`); the method and the goals are in "
        "`docs/benchmarks.md`.",
        "",
        f"Python {results.get('python')}, {results.get('machine')}, "
        f"{results.get('cpus', '?')} CPUs.",
        "",
    ]
    for name, figures in results.items():
        if not isinstance(figures, dict):
            continue
        lines += [f"## {name}", "", "| figure | value |", "|---|---|"]
        curves: dict[str, list[float]] = {}
        for key, value in _flatten("", figures):
            if key.endswith("_cdf_ms"):
                if value:
                    curves[key.removesuffix("_cdf_ms")] = value
                continue
            if key.endswith(("window_start", "ready_at")):
                continue
            lines.append(f"| `{key}` | {value} |")
        lines.append("")
        if curves:
            path = _plot(name, curves)
            lines += [f"![{name} latency distributions](plots/{path.name})", ""]
    out.write_text("\n".join(lines) + "\n")
    return out


if __name__ == "__main__":
    print(render(json.loads((HERE / "results.json").read_text())))
