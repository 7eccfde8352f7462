"""The andel package has no import circles (issue 13, 'layers without
circles'): every module's imports of its siblings, type-only ones included,
form a graph without a cycle, so each module can be read knowing only those
below it."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Dict, List, Set

# The package's source, as checked in (the installed copy is the same files).
PACKAGE = Path(__file__).resolve().parents[2] / "python" / "andel"


def sibling_imports(path: Path) -> Set[str]:
    """The package modules `path` imports, at any depth of its code."""
    found: Set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
    return found


def graph() -> Dict[str, Set[str]]:
    modules = {p.stem: p for p in PACKAGE.glob("*.py")}
    return {name: sibling_imports(path) & set(modules) for name, path in modules.items()}


def cycle_in(edges: Dict[str, Set[str]]) -> List[str]:
    """A cycle of `edges` as the modules along it, or [] when there is none."""
    state: Dict[str, int] = {}  # 1: on the path being walked, 2: done
    path: List[str] = []

    def walk(node: str) -> List[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state:
                found = walk(nxt)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return []

    for node in sorted(edges):
        if node not in state:
            found = walk(node)
            if found:
                return found
    return []


def test_the_checker_finds_a_cycle() -> None:
    assert cycle_in({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle_in({"a": {"b"}, "b": set(), "c": {"a", "b"}}) == []


def test_the_package_has_no_import_circle() -> None:
    edges = graph()
    assert {"_plan", "_cycle", "_result", "_document"} <= set(edges)
    # __init__ imports everything, and nothing imports it back.
    assert not any("__init__" in deps for deps in edges.values())
    assert cycle_in(edges) == [], " -> ".join(cycle_in(edges))
