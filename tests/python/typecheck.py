#!/usr/bin/env python3
"""The type checks of the Python package, run by scripts/test-python:

1. ``mypy --strict`` on the examples a reader copies: every code cell of
   examples/notebook.ipynb (as one module, in order) and every ```python
   block of docs/python.md (one module each), checked against the
   installed andel with its stubs;
2. ``python -m mypy.stubtest andel``: the stubs and annotations against the
   built module at run time.

Exits non-zero if either fails, or if there is nothing to check.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def notebook_code(path: Path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    sources = ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "code"]
    # IPython magics and shell escapes are not Python.
    lines = [line for src in sources for line in src.splitlines() if not line.lstrip().startswith(("%", "!"))]
    return "\n".join(lines) + "\n"


def markdown_blocks(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return re.findall(r"^```python\n(.*?)^```", text, flags=re.S | re.M)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="andel-typecheck-") as tmp:
        out = Path(tmp)
        files = []
        notebook = out / "example_notebook.py"
        notebook.write_text(notebook_code(ROOT / "examples" / "notebook.ipynb"), encoding="utf-8")
        files.append(notebook)
        for number, block in enumerate(markdown_blocks(ROOT / "docs" / "python.md"), start=1):
            module = out / f"docs_python_{number:02d}.py"
            module.write_text(block, encoding="utf-8")
            files.append(module)
        if len(files) < 2:
            print("typecheck: no examples found in docs/python.md", file=sys.stderr)
            return 1
        print(f"typecheck: mypy --strict on the notebook and {len(files) - 1} blocks of docs/python.md")
        # Run from the temporary directory, so that `andel` is the installed
        # package (with its native module), never a source tree.
        mypy = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *[f.name for f in files]]
        if subprocess.run(mypy, cwd=out).returncode != 0:
            return 1
        print("typecheck: python -m mypy.stubtest andel")
        return subprocess.run([sys.executable, "-m", "mypy.stubtest", "andel"], cwd=out).returncode


if __name__ == "__main__":
    sys.exit(main())
