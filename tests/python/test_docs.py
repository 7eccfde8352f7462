"""Every ```python block of docs/python.md runs, each in a fresh namespace,
against the installed package (the blocks assert their own figures)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[2] / "docs" / "python.md"
BLOCKS = re.findall(r"^```python\n(.*?)^```", DOC.read_text(encoding="utf-8"), flags=re.S | re.M)


def test_there_are_blocks() -> None:
    assert len(BLOCKS) >= 15


@pytest.mark.parametrize("number", range(1, len(BLOCKS) + 1))
def test_block_runs(number: int) -> None:
    code = compile(BLOCKS[number - 1], f"{DOC}:block {number}", "exec")
    exec(code, {"__name__": f"docs_python_{number}"})
