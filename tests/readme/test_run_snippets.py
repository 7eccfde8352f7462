"""Tests of the README snippet runner itself: it must run what it should,
fail what fails, and list what it does not run.

    .venv/bin/python -m unittest discover -s tests/readme -v

The JavaScript case needs wasm/pkg/node (scripts/build-wasm) and the Python
case needs andel installed in the interpreter running this; scripts/test runs
this after both are in place. Standard library only.
"""

from __future__ import annotations

import contextlib
import io
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run_snippets  # noqa: E402

SAMPLE = '''# Sample

Plain text.

```python
import andel
print("hello from", andel.__name__)
```

<!-- snippet: output -->
```text
hello from andel
```

```python
raise SystemExit("this block fails")
```

```sh
echo never run
```

<!-- snippet: run -->
```sh
echo hi
```

<!-- snippet: output -->
```
bye
```

<!-- snippet: skip needs a network -->
```python
import urllib.request
```

```json
{"not": "code"}
```

```js
import { allocate } from "andel";
if (typeof allocate !== "function") throw new Error("no allocate");
console.log("js ok");
```

```rust
let unit = andel::DEFAULT_UNIT;
assert_eq!(unit.to_string(), "0.01");
```

```rust
fn main() {
    let x: u32 = "not a number";
}
```
'''


class RunnerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="andel-readme-test-")
        path = Path(cls.tmp.name) / "SAMPLE.md"
        path.write_text(SAMPLE, encoding="utf-8")
        cls.blocks = run_snippets.parse(path)
        cls.outcomes = run_snippets.process(cls.blocks, Path(cls.tmp.name), dry_run=False)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def statuses(self):
        return [(o.block.info, o.status) for o in self.outcomes]

    def test_parses_every_block_with_its_marker(self):
        self.assertEqual(len(self.blocks), 11)
        self.assertEqual(
            [b.marker for b in self.blocks],
            [None, "output", None, None, "run", "output", "skip", None, None, None, None],
        )
        self.assertEqual(self.blocks[6].marker_text, "needs a network")

    def test_each_block_gets_the_right_outcome(self):
        self.assertEqual(
            self.statuses(),
            [
                ("python", "ok"),
                ("text", "ok"),  # the output matches
                ("python", "FAILED"),
                ("sh", "shown"),
                ("sh", "ok"),
                ("", "FAILED"),  # printed "hi", the README says "bye"
                ("python", "skipped"),
                ("json", "not code"),
                ("js", "ok"),
                # Both Rust blocks are built together: one that does not
                # compile fails them all, which is still a failure.
                ("rust", "FAILED"),
                ("rust", "FAILED"),
            ],
        )
        self.assertIn("this block fails", self.outcomes[2].detail)
        self.assertIn("needs a network", self.outcomes[6].detail)
        self.assertEqual(self.outcomes[8].stdout, "js ok\n")
        self.assertIn("do not compile", self.outcomes[9].detail)

    def test_the_report_fails_and_lists_skips(self):
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            status = run_snippets.report(self.outcomes)
        self.assertEqual(status, 1)
        text = printed.getvalue()
        line = self.blocks[6].line
        self.assertRegex(text, rf"skipped\s+\S+SAMPLE.md:{line}\s+python\s+needs a network")
        self.assertIn("snippets: 4 FAILED", text)

    def test_a_good_rust_block_runs(self):
        with tempfile.TemporaryDirectory(prefix="andel-readme-rust-") as tmp:
            path = Path(tmp) / "RUST.md"
            path.write_text(
                "```rust\nlet unit = andel::DEFAULT_UNIT;\nassert_eq!(unit.to_string(), \"0.01\");\n```\n"
                "```rust\nfn main() {\n    assert_eq!(1 + 1, 3, \"must fail\");\n}\n```\n",
                encoding="utf-8",
            )
            outcomes = run_snippets.process(run_snippets.parse(path), Path(tmp), dry_run=False)
        self.assertEqual([o.status for o in outcomes], ["ok", "FAILED"])
        self.assertIn("must fail", outcomes[1].detail)

    def test_nothing_run_is_a_failure(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "EMPTY.md"
            path.write_text("```text\nonly text\n```\n", encoding="utf-8")
            outcomes = run_snippets.process(run_snippets.parse(path), Path(tmp), dry_run=False)
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            status = run_snippets.report(outcomes)
        self.assertEqual(status, 1)
        self.assertIn("no block was run", printed.getvalue())


if __name__ == "__main__":
    unittest.main()
