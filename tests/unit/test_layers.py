"""The import graph: no module imports upward across the layers, and the packages form no
cycle. Read from the source with :mod:`ast` (imports under ``TYPE_CHECKING`` count too:
a type is a dependency)."""

from __future__ import annotations

import ast
from collections import defaultdict

from tests.conftest import REPO

PACKAGE = REPO / "src" / "spotlight_trader"

# Lower layers never import higher ones (docs/architecture.md, "Layers").
LAYERS: dict[str, int] = {
    "errors": 0,
    "model": 0,
    "config": 0,
    "logs": 0,
    "tasks": 0,
    "limits": 1,
    "bus": 1,
    "market": 1,
    "feeds": 2,
    "rules": 2,
    "journal": 2,
    "cluster": 2,
    "storage": 3,
    "coach": 4,
    "api": 5,
    "runtime": 6,
    "cli": 7,
    "cli_accounts": 7,
    "cli_journal": 7,
    "__main__": 7,
}


def _unit(module: str) -> str:
    """``spotlight_trader.market.ring`` → ``market`` (the first component below the root)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imports() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        name = ".".join(rel.parts).removesuffix(".__init__")
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                if node.module.startswith("spotlight_trader"):
                    targets.add(node.module)
            elif isinstance(node, ast.ImportFrom) and node.level > 0:
                base = name.split(".")
                if path.name != "__init__.py":
                    base = base[:-1]
                base = base[: len(base) - (node.level - 1)]
                targets.add(".".join([*base, node.module] if node.module else base))
            elif isinstance(node, ast.Import):
                targets.update(a.name for a in node.names if a.name.startswith("spotlight_trader"))
        graph[name] = targets
    return graph


def test_no_module_imports_upward() -> None:
    upward = []
    for module, targets in _imports().items():
        source = _unit(module)
        if source not in LAYERS:
            continue
        for target in targets:
            dest = _unit(target)
            if dest in LAYERS and LAYERS[dest] > LAYERS[source]:
                upward.append(f"{module} → {target}")
    assert sorted(upward) == []


def test_every_package_is_placed_in_a_layer() -> None:
    units = {_unit(m) for m in _imports()} - {"__init__", "spotlight_trader"}
    assert sorted(units - set(LAYERS)) == []


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    cycles: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    return cycles


def test_packages_form_no_cycle() -> None:
    """Between the top-level units, and between sibling sub-packages of one package
    (``feeds.polygon`` / ``feeds.simulated`` / ``feeds.files``, ...)."""
    graph = _imports()
    top: dict[str, set[str]] = defaultdict(set)
    siblings: dict[str, set[str]] = defaultdict(set)
    for module, targets in graph.items():
        for target in targets:
            a, b = module.split("."), target.split(".")
            if _unit(module) != _unit(target):
                top[_unit(module)].add(_unit(target))
            elif (
                len(a) > 3
                and len(b) > 3
                and a[2] != b[2]
                and (PACKAGE / a[1] / a[2]).is_dir()
                and (PACKAGE / b[1] / b[2]).is_dir()
            ):
                siblings[".".join(a[:3])].add(".".join(b[:3]))
    assert _cycles(top) == []
    assert _cycles(siblings) == []


def test_modules_stay_small() -> None:
    """No module over ~400 lines without a stated reason (a ``# size:`` comment)."""
    big = [
        f"{p.relative_to(PACKAGE)}: {n} lines"
        for p in PACKAGE.rglob("*.py")
        if "migrations" not in p.parts
        and (n := len(p.read_text().splitlines())) > 420
        and "# size:" not in p.read_text()
    ]
    assert big == []
