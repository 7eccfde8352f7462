"""Replays tests/vectors/host_values.json with real Python values: a
``{"float": t}`` is ``float(t)``, an ``{"int": t}`` is ``int(t)``. Rust
(core/tests/host_values.rs) and JavaScript (tests/js/host_values.test.mjs)
replay the same file, so a float or an integer is read, or refused, the
same way and in the same order everywhere. The format is in
tests/vectors/README.md.

Python phrases a refusal its own way: money given as a float is a
``TypeError``; a float with no decimal value is ``andel.AndelError``
``invalid_number``. The message names the field that lost either way.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict, List

import pytest

import andel

PATH = Path(__file__).resolve().parents[1] / "vectors" / "host_values.json"
MIN_CASES = 12


def _cases() -> List[Dict[str, Any]]:
    doc = json.loads(PATH.read_text(encoding="utf-8"))
    assert doc["format"] == 1
    cases: List[Dict[str, Any]] = doc["cases"]
    return cases


CASES = _cases()


def test_the_file_is_there() -> None:
    assert len(CASES) >= MIN_CASES, f"only {len(CASES)} cases"


def _value(v: Any) -> Any:
    """A vector value as the Python value it stands for."""
    if isinstance(v, str):
        return v
    if "float" in v:
        return float(v["float"])
    return int(v["int"])


def _call(args: Dict[str, Any]) -> Any:
    weights = [_value(w) for w in args["weights"]]
    names = args.get("names")
    kwargs = {key: _value(args[key]) for key in ("unit", "first_divisor") if key in args}
    if "method" in args:
        kwargs["method"] = args["method"]
    by = dict(zip(names, weights)) if names else weights
    out = andel.allocate(_value(args["total"]), by, **kwargs)  # type: ignore[call-overload]
    return list(out.values()) if isinstance(out, dict) else out


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_host_value_case(case: Dict[str, Any]) -> None:
    if "expected" in case:
        assert _call(case["args"]) == [Decimal(a) for a in case["expected"]]
        return
    refused = case.get("refused")
    kind: Any = TypeError if refused == "float_money" else andel.AndelError
    with pytest.raises(kind) as info:
        _call(case["args"])
    err = info.value
    if isinstance(err, andel.AndelError):
        assert err.code == case.get("error", "invalid_number")
    if case.get("field"):
        assert str(err).startswith(case["field"] + ":"), str(err)
