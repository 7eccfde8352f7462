#!/usr/bin/env python3
"""Runs the code blocks of README.md (or other Markdown files) as tests.

    .venv/bin/python tests/readme/run_snippets.py [FILE.md ...]   # default: README.md
    .venv/bin/python tests/readme/run_snippets.py --list          # show, run nothing

Standard library only. Run it with the project's virtual environment (the
one scripts/test-python builds), where ``andel`` is installed: Python blocks
run with the same interpreter as this script.

Conventions for the Markdown (every block is listed in the output, with what
was done with it):

```python
    Run as a script with this interpreter, from the repository root.

```js  (or ```javascript)
    Run with ``node`` as an ES module. Write imports the way a user of the npm
    package would: ``import { allocate } from "andel";``. The runner runs the
    block from a temporary directory whose ``node_modules/andel`` is a link to
    ``wasm/pkg/node`` (built by scripts/build-wasm), so the specifier resolves
    through that package's own package.json; nothing is rewritten.

```rust
    Compiled and run as a program depending on the ``andel`` crate by path
    (one throwaway crate under target/readme-snippets, sharing the
    workspace's target directory and Cargo.lock so nothing is built twice).
    A block without ``fn main`` is wrapped in
    ``fn main() -> Result<(), Box<dyn std::error::Error>>`` ending in
    ``Ok(())``, so ``?`` works as in a doctest.

```sh  (or ```bash, ```shell)
    Shown only, unless the line before the block is ``<!-- snippet: run -->``;
    then run with ``bash -euo pipefail`` from the repository root. Mark only
    safe commands (``scripts/run``), never ``scripts/test`` (it runs this).

``<!-- snippet: output -->`` before any block: that block is the exact
standard output of the block run just before it (trailing spaces and blank
lines at the end are ignored), so output shown in the README cannot go stale.

``<!-- snippet: skip REASON -->`` before a runnable block: not run, and listed
as skipped with the reason. Blocks in other languages (text, json, toml, …)
are listed as not code.

A block that fails fails the run (exit status 1); so does a file without a
single block that runs, because then nothing was tested.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NODE_PACKAGE = ROOT / "wasm" / "pkg" / "node"
RUST_CRATE = ROOT / "target" / "readme-snippets"
TIMEOUT = 600  # seconds per block; a Rust or release build can be slow on CI

LANGUAGES = {
    "python": "python",
    "py": "python",
    "js": "js",
    "javascript": "js",
    "mjs": "js",
    "rust": "rust",
    "rs": "rust",
    "sh": "sh",
    "bash": "sh",
    "shell": "sh",
}

FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
MARKER = re.compile(r"^\s*<!--\s*snippet:\s*(?P<what>run|output|skip)\b(?P<rest>.*?)-->\s*$")


@dataclasses.dataclass
class Block:
    """One fenced code block and the marker line before it, if any."""

    path: Path
    line: int  # 1-based line of the opening fence
    info: str  # the info string, e.g. "python" or "rust ignore"
    code: str
    marker: str | None  # "run", "output", "skip" or None
    marker_text: str  # what follows the marker word (a skip reason)

    @property
    def language(self) -> str | None:
        word = self.info.split()[0].lower() if self.info.split() else ""
        word = word.split(",")[0]
        return LANGUAGES.get(word)

    @property
    def where(self) -> str:
        try:
            shown = self.path.relative_to(ROOT)
        except ValueError:
            shown = self.path
        return f"{shown}:{self.line}"


def parse(path: Path) -> list[Block]:
    """Every fenced block of a Markdown file, in order."""
    lines = path.read_text(encoding="utf-8").splitlines()
    blocks: list[Block] = []
    i = 0
    last_text = ""  # the last non-blank line outside a block
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            if lines[i].strip():
                last_text = lines[i]
            i += 1
            continue
        fence = m.group("fence")
        indent = len(m.group("indent"))
        start = i
        body: list[str] = []
        i += 1
        while i < len(lines):
            close = lines[i].strip()
            if close.startswith(fence[0] * len(fence)) and set(close) == {fence[0]}:
                break
            # Fences indented up to three spaces: strip that much from the body.
            line = lines[i]
            body.append(line[indent:] if line[:indent].strip() == "" else line)
            i += 1
        else:
            raise SystemExit(f"{path}:{start + 1}: code block is never closed")
        marker = MARKER.match(last_text)
        blocks.append(
            Block(
                path=path,
                line=start + 1,
                info=m.group("info").strip(),
                code="\n".join(body) + "\n",
                marker=marker.group("what") if marker else None,
                marker_text=marker.group("rest").strip() if marker else "",
            )
        )
        last_text = ""
        i += 1
    return blocks


@dataclasses.dataclass
class Outcome:
    """What happened to one block."""

    block: Block
    status: str  # "ok", "FAILED", "skipped", "shown", "not code", "output"
    detail: str = ""
    seconds: float = 0.0
    stdout: str = ""


def run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        cmd,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )


def failure_text(proc: subprocess.CompletedProcess) -> str:
    parts = [f"exit status {proc.returncode}"]
    if proc.stdout.strip():
        parts.append("stdout:\n" + proc.stdout.rstrip())
    if proc.stderr.strip():
        parts.append("stderr:\n" + proc.stderr.rstrip())
    return "\n".join(parts)


def run_python(block: Block, scratch: Path) -> subprocess.CompletedProcess:
    script = scratch / f"snippet_{block.line}.py"
    script.write_text(block.code, encoding="utf-8")
    return run([sys.executable, str(script)], cwd=ROOT)


def run_js(block: Block, scratch: Path) -> subprocess.CompletedProcess:
    entry = NODE_PACKAGE / "package.json"
    if not entry.is_file():
        raise RuntimeError(f"{entry} is missing: build the Node package first (scripts/build-wasm)")
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("node is not installed")
    home = scratch / "js"
    modules = home / "node_modules"
    if not (modules / "andel").exists():
        modules.mkdir(parents=True, exist_ok=True)
        (modules / "andel").symlink_to(NODE_PACKAGE, target_is_directory=True)
    script = home / f"snippet_{block.line}.mjs"
    script.write_text(block.code, encoding="utf-8")
    return run([node, str(script)], cwd=home)


def run_sh(block: Block, scratch: Path) -> subprocess.CompletedProcess:
    return run(["bash", "-euo", "pipefail", "-c", block.code], cwd=ROOT)


def rust_source(code: str) -> str:
    if re.search(r"\bfn\s+main\s*\(", code):
        return code
    body = "\n".join("    " + line if line else line for line in code.splitlines())
    return (
        "fn main() -> Result<(), Box<dyn std::error::Error>> {\n"
        f"{body}\n"
        "    Ok(())\n"
        "}\n"
    )


class RustCrate:
    """The throwaway crate holding every Rust block as a binary."""

    def __init__(self, blocks: list[Block]):
        self.blocks = blocks
        self.built = False
        self.error: str | None = None

    def binary(self, block: Block) -> str:
        # Numbered in order, so blocks from several files never clash.
        return f"readme_snippet_{self.blocks.index(block) + 1}"

    def build(self) -> None:
        if self.built or self.error:
            return
        src = RUST_CRATE / "src" / "bin"
        if RUST_CRATE.exists():
            shutil.rmtree(RUST_CRATE)
        src.mkdir(parents=True)
        core = (ROOT / "core").as_posix()
        # Its own [workspace] so cargo does not take it for a member of the
        # main workspace it lies inside.
        (RUST_CRATE / "Cargo.toml").write_text(
            "[package]\n"
            'name = "readme-snippets"\n'
            'version = "0.0.0"\n'
            'edition = "2024"\n'
            "publish = false\n\n"
            "[dependencies]\n"
            f'andel = {{ path = "{core}" }}\n\n'
            "[workspace]\n",
            encoding="utf-8",
        )
        # The workspace's lock file pins the same dependency versions, so the
        # shared target directory already holds them compiled.
        shutil.copyfile(ROOT / "Cargo.lock", RUST_CRATE / "Cargo.lock")
        for block in self.blocks:
            (src / f"{self.binary(block)}.rs").write_text(rust_source(block.code), encoding="utf-8")
        proc = run(
            [
                "cargo",
                "build",
                "--quiet",
                "--bins",
                "--manifest-path",
                str(RUST_CRATE / "Cargo.toml"),
                "--target-dir",
                str(ROOT / "target"),
            ],
            cwd=ROOT,
        )
        if proc.returncode != 0:
            self.error = "the Rust blocks do not compile:\n" + failure_text(proc)
        self.built = True

    def run(self, block: Block) -> subprocess.CompletedProcess:
        self.build()
        if self.error:
            raise RuntimeError(self.error)
        exe = ROOT / "target" / "debug" / self.binary(block)
        return run([str(exe)], cwd=ROOT)


def same_output(expected: str, actual: str) -> bool:
    def norm(text: str) -> list[str]:
        return [line.rstrip() for line in text.rstrip().splitlines()]

    return norm(expected) == norm(actual)


def process(blocks: list[Block], scratch: Path, dry_run: bool) -> list[Outcome]:
    rust = RustCrate([b for b in blocks if b.language == "rust" and b.marker != "skip"])
    outcomes: list[Outcome] = []
    previous: Outcome | None = None  # the last block that was run
    for block in blocks:
        if block.marker == "output":
            if previous is None or previous.block.marker == "output":
                outcomes.append(Outcome(block, "FAILED", "an output block must follow a block that runs"))
            elif dry_run:
                outcomes.append(Outcome(block, "output", f"of {previous.block.where}"))
            elif previous.status != "ok":
                outcomes.append(Outcome(block, "FAILED", f"{previous.block.where} did not run successfully"))
            elif same_output(block.code, previous.stdout):
                outcomes.append(Outcome(block, "ok", f"matches the output of {previous.block.where}"))
            else:
                outcomes.append(
                    Outcome(
                        block,
                        "FAILED",
                        f"the output of {previous.block.where} differs from this block; it printed:\n"
                        + previous.stdout.rstrip(),
                    )
                )
            previous = None
            continue
        language = block.language
        if language is None:
            outcomes.append(Outcome(block, "not code", block.info or "(no language)"))
            previous = None
            continue
        if block.marker == "skip":
            outcomes.append(Outcome(block, "skipped", block.marker_text or "no reason given"))
            previous = None
            continue
        if language == "sh" and block.marker != "run":
            outcomes.append(Outcome(block, "shown", "shell block without <!-- snippet: run -->"))
            previous = None
            continue
        if dry_run:
            outcome = Outcome(block, "would run", language)
            outcomes.append(outcome)
            previous = outcome
            continue
        start = time.monotonic()
        try:
            if language == "python":
                proc = run_python(block, scratch)
            elif language == "js":
                proc = run_js(block, scratch)
            elif language == "rust":
                proc = rust.run(block)
            else:
                proc = run_sh(block, scratch)
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as err:
            outcome = Outcome(block, "FAILED", str(err), time.monotonic() - start)
        else:
            seconds = time.monotonic() - start
            if proc.returncode == 0:
                outcome = Outcome(block, "ok", language, seconds, proc.stdout)
            else:
                outcome = Outcome(block, "FAILED", failure_text(proc), seconds, proc.stdout)
        outcomes.append(outcome)
        previous = outcome
    return outcomes


def report(outcomes: list[Outcome]) -> int:
    """Prints one line per block and a summary; returns the exit status."""
    for o in outcomes:
        timing = f" ({o.seconds:.1f} s)" if o.seconds else ""
        first, *rest = (o.detail or "").splitlines() or [""]
        print(f"{o.status:>9}  {o.block.where:<18} {o.block.info or '-':<10} {first}{timing}")
        for line in rest:
            print(f"{'':>11}| {line}")
    counts: dict[str, int] = {}
    for o in outcomes:
        counts[o.status] = counts.get(o.status, 0) + 1
    ran = sum(1 for o in outcomes if o.status in ("ok", "FAILED"))
    failed = counts.get("FAILED", 0)
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    print(f"\nsnippets: {summary or 'no code blocks'}")
    if failed:
        print(f"snippets: {failed} FAILED")
        return 1
    if ran == 0 and "would run" not in counts:
        print("snippets: FAILED: no block was run, so nothing was tested")
        return 1
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="Markdown files (default: README.md)")
    parser.add_argument("--list", action="store_true", help="list the blocks and what would be done; run nothing")
    args = parser.parse_args(argv)
    files = [f.resolve() for f in args.files] or [ROOT / "README.md"]
    blocks: list[Block] = []
    for path in files:
        if not path.is_file():
            print(f"snippets: {path} does not exist", file=sys.stderr)
            return 1
        blocks.extend(parse(path))
    with tempfile.TemporaryDirectory(prefix="andel-readme-") as tmp:
        outcomes = process(blocks, Path(tmp), dry_run=args.list)
    return report(outcomes)


if __name__ == "__main__":
    # Snippets print UTF-8 (Båstad); do not depend on the caller's locale.
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    sys.exit(main(sys.argv[1:]))
