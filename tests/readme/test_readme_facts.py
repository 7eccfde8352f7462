"""The README's reference tables must list everything the core defines:
every error code, method name and rounding mode, and nothing the core does
not define. The names are read from the core's Rust sources, so a new code
added there without a README row fails this test.

    python3 -m unittest discover -s tests/readme -v

Standard library only.
"""

from __future__ import annotations

import re
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def names_returned_by(path: str, function: str) -> set[str]:
    """The string literals a `match` in `fn <function>` maps variants to."""
    source = (ROOT / path).read_text(encoding="utf-8")
    start = source.index(f"fn {function}(")
    body = source[start : source.index("\n    }\n", start)]
    names = set(re.findall(r'=>\s*"([a-z_]+)"', body))
    if not names:
        raise AssertionError(f"no names found in {path} fn {function}")
    return names


def table_rows(heading: str) -> set[str]:
    """The `code` cells of the first column of the table under a heading."""
    section = README.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([a-z_]+)`", section, flags=re.M))


class ReadmeFactsTest(unittest.TestCase):
    def test_every_error_code(self):
        self.assertEqual(table_rows("Errors"), names_returned_by("core/src/error.rs", "code"))

    def test_every_method(self):
        self.assertEqual(table_rows("Methods"), names_returned_by("core/src/method.rs", "name"))

    def test_every_rounding_mode(self):
        self.assertEqual(table_rows("Rounding modes"), names_returned_by("core/src/rounding.rs", "name"))

    def test_the_two_commands(self):
        self.assertIn("\n```sh\nscripts/run\n```\n", README)
        self.assertIn("\n```sh\nscripts/test\n```\n", README)


if __name__ == "__main__":
    unittest.main()
