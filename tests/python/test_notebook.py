"""Runs examples/notebook.ipynb end to end in a fresh kernel (nbclient), as a
reader would, and checks what it shows: the plan's table, the bar chart,
one explanation and the comparison of two scenarios."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List

import nbformat
import pytest
from nbclient import NotebookClient

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _execute(monkeypatch: pytest.MonkeyPatch) -> Any:
    notebook = nbformat.read(EXAMPLES / "notebook.ipynb", as_version=4)
    # Headless: the kernel draws with matplotlib's inline backend, which
    # renders through Agg into PNG outputs; no display is needed. Set
    # explicitly so that a MPLBACKEND in the caller's environment cannot
    # swallow the chart.
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    client = NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(EXAMPLES)}},
    )
    client.execute()  # raises CellExecutionError if any cell fails
    return notebook


def _outputs(cell: Any) -> List[Dict[str, Any]]:
    return list(cell.get("outputs", []))


def _text(cell: Any) -> str:
    parts = []
    for out in _outputs(cell):
        parts.append(out.get("text", ""))
        parts.append(out.get("data", {}).get("text/plain", ""))
        parts.append(out.get("data", {}).get("text/html", ""))
    return "\n".join(parts)


def test_the_notebook_runs_and_shows_what_it_says(monkeypatch: pytest.MonkeyPatch) -> None:
    notebook = _execute(monkeypatch)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(out.get("output_type") != "error" for cell in code for out in _outputs(cell))
    everything = "\n".join(_text(cell) for cell in code)

    # The result's table, as HTML, in Swedish as for every plan in SEK:
    # Hylte's 59 163 kr in 2021 (tests/vectors: the reference case).
    tables = [cell for cell in code if "text/html" in str(cell.get("outputs")) and "<table" in _text(cell)]
    assert tables, "no HTML table was shown"
    assert "59\u202f163" in _text(tables[0]) and ">Medlem</th>" in _text(tables[0])

    # The bar chart: one cell shows a PNG image.
    images = [out for cell in code for out in _outputs(cell) if "image/png" in out.get("data", {})]
    assert len(images) == 1

    # One member's figure explained, and the two scenarios compared.
    assert "Hylte (hylte), budgetår 2023" in everything
    comparison = next(cell for cell in code if "scenario_b" in cell.source)
    rows = [line.split() for line in _text(comparison).splitlines() if line.strip()]
    assert [row[0] for row in rows][:6] == ["Båstad", "Falkenberg", "Halmstad", "Hylte", "Laholm", "Ljungby"]
    # Equal parts move cost from the largest member to the smallest ones.
    halmstad = next(row for row in rows if row[0] == "Halmstad")
    hylte = next(row for row in rows if row[0] == "Hylte")
    assert int(halmstad[-1]) < 0 < int(hylte[-1])
    for row in rows[:6]:
        in_a, in_b, change = int(row[-3]), int(row[-2]), int(row[-1])
        assert in_b - in_a == change
