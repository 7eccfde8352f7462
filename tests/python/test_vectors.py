"""Runs every case of the shared vectors tests/vectors/allocate.json.

The expected values come from tests/vectors/reference.py, never from andel.
A missing or empty vectors file FAILS (it must never pass as "skipped").
"""

from __future__ import annotations

import json
from decimal import Decimal, localcontext
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest

import andel

VECTORS = Path(__file__).resolve().parents[1] / "vectors" / "allocate.json"


def _load() -> "tuple[List[Dict[str, Any]], Optional[str]]":
    try:
        data = json.loads(VECTORS.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        return [], f"cannot read {VECTORS}: {err}"
    if data.get("format") != 1:
        return [], f"{VECTORS}: unknown format {data.get('format')!r}"
    return data["cases"], None


CASES, LOAD_ERROR = _load()

FAMILY = {"invalid_number": andel.InputError, "overflow": andel.AndelOverflowError}


def test_vectors_file_is_present_and_has_cases() -> None:
    assert LOAD_ERROR is None, LOAD_ERROR
    assert len(CASES) > 0, f"{VECTORS} has no cases"
    assert len({case["name"] for case in CASES}) == len(CASES), "case names must be unique"


def _call(function: Any, case: Dict[str, Any]) -> Any:
    kwargs = {key: case[key] for key in ("unit", "method", "first_divisor") if key in case}
    weights: Any = list(case["weights"])
    if "names" in case:
        assert len(set(case["names"])) == len(case["names"]), "names must be unique for a dict"
        weights = dict(zip(case["names"], case["weights"]))
    return function(case["total"], weights, **kwargs)


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_allocate(case: Dict[str, Any]) -> None:
    assert ("expected" in case) != ("error" in case), "a case has expected or error"
    if "error" in case:
        with pytest.raises(andel.AndelError) as info:
            _call(andel.allocate, case)
        err = info.value
        assert err.code == case["error"], str(err)
        assert isinstance(err, ValueError)
        assert isinstance(err, FAMILY.get(case["error"], andel.AllocationError))
        assert str(err), "the message must not be empty"
        return
    result = _call(andel.allocate, case)
    if "names" in case:
        assert isinstance(result, dict)
        assert list(result) == case["names"]
        amounts = list(result.values())
    else:
        assert isinstance(result, list)
        amounts = result
    assert all(isinstance(a, Decimal) for a in amounts)
    assert [str(a) for a in amounts] == case["expected"]


@pytest.mark.parametrize(
    "case",
    [case for case in CASES if "expected" in case],
    ids=[case["name"] for case in CASES if "expected" in case],
)
def test_explain_agrees(case: Dict[str, Any]) -> None:
    """explain() gives the same amounts, and its parts add up."""
    split = _call(andel.explain, case)
    assert [str(part.amount) for part in split.parts] == case["expected"]
    assert [part.name for part in split.parts] == case.get("names", [None] * len(case["weights"]))
    assert sum(part.share for part in split.parts) == 1
    assert sum(part.quota for part in split.parts) == Decimal(case["total"])


I64_MAX = 2**63 - 1


def _units(amount: str, unit: str) -> int:
    """``amount / unit`` exactly (the amounts are whole multiples of the unit)."""
    with localcontext() as context:
        context.prec = 100
        quotient = Decimal(amount) / Decimal(unit)
    assert quotient == quotient.to_integral_value(), (amount, unit)
    return int(quotient)


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_allocate_as_units(case: Dict[str, Any]) -> None:
    """as_units=True: the same split as ints, counts of units (overflow
    when one does not fit in 64 bits); the same errors."""
    kwargs = {key: case[key] for key in ("unit", "method", "first_divisor") if key in case}
    weights: Any = list(case["weights"])
    if "names" in case:
        weights = dict(zip(case["names"], case["weights"]))
    if "error" in case:
        with pytest.raises(andel.AndelError) as info:
            andel.allocate(case["total"], weights, as_units=True, **kwargs)
        assert info.value.code == case["error"], str(info.value)
        return
    want = [_units(a, case.get("unit", "0.01")) for a in case["expected"]]
    if any(abs(u) > I64_MAX for u in want):
        with pytest.raises(andel.AndelOverflowError):
            andel.allocate(case["total"], weights, as_units=True, **kwargs)
        return
    got = andel.allocate(case["total"], weights, as_units=True, **kwargs)
    if "names" in case:
        assert isinstance(got, dict) and list(got) == case["names"]
        got = list(got.values())
    assert all(type(u) is int for u in got)
    assert got == want
