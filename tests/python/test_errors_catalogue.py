"""Replays the bad-input catalogue tests/vectors/errors.json through the
Python API, as core/tests/errors_catalogue.rs does through Rust and
tests/js/errors_catalogue.test.mjs through JavaScript: every case must raise
an ``andel.AndelError`` with the same stable code (and, for plans, the same
path). The format is described in tests/vectors/errors.md.

A missing or short file FAILS test_catalogue_is_present: a lost catalogue
must never pass as "skipped" or "no tests".
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import pytest

import andel

PATH = Path(__file__).resolve().parents[1] / "vectors" / "errors.json"

#: Fewer cases than this means the file was truncated or replaced.
MIN_CASES = 40


def _load() -> Tuple[List[Dict[str, Any]], Optional[str]]:
    """The cases, or why they cannot be had (reported by a test, never
    raised at collection, where pytest would turn it into an empty list)."""
    try:
        doc = json.loads(PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        return [], f"cannot read {PATH}: {err}"
    if not isinstance(doc, dict) or doc.get("format") != 1:
        return [], f"{PATH}: unknown catalogue format"
    cases = doc.get("cases")
    if not isinstance(cases, list):
        return [], f"{PATH}: `cases` must be an array"
    return cases, None


CASES, LOAD_ERROR = _load()


def test_catalogue_is_present() -> None:
    assert LOAD_ERROR is None, LOAD_ERROR
    assert len(CASES) >= MIN_CASES, f"only {len(CASES)} cases (at least {MIN_CASES} expected)"
    names = [case["name"] for case in CASES]
    assert len(set(names)) == len(names), "duplicate case names"


def _plan_text(case: Dict[str, Any]) -> str:
    """The plan's text, followed by its padding when the case has one."""
    text: str = case["text"]
    pad = case.get("pad")
    if pad is not None:
        text += pad["repeat"] * pad["times"]
    return text


def _run(case: Dict[str, Any]) -> None:
    """Calls andel the way the case says; returns only if andel accepted it."""
    if case["call"] == "allocate":
        args = case["args"]
        kwargs: Dict[str, Any] = {}
        for key in ("unit", "method", "first_divisor"):
            if key in args:
                kwargs[key] = args[key]
        andel.allocate(args["total"], list(args["weights"]), **kwargs)
    elif case["call"] == "plan":
        text = _plan_text(case)
        if case["format"] == "toml":
            plan = andel.Plan.from_toml(text)
        elif case["format"] == "json":
            plan = andel.Plan.from_json(text)
        else:
            raise AssertionError(f"unknown format {case['format']}")
        plan.compute()
    else:
        raise AssertionError(f"unknown call {case['call']}")


@pytest.mark.parametrize("case", CASES, ids=[str(case.get("name")) for case in CASES])
def test_bad_input_gives_its_code(case: Dict[str, Any]) -> None:
    with pytest.raises(andel.AndelError) as caught:
        _run(case)
    err = caught.value
    assert isinstance(err, andel.AndelError)
    assert err.code == case["error"], str(err)
    if "path" in case:
        assert getattr(err, "path", None) == case["path"], str(err)


def test_error_code_type_is_cores_list() -> None:
    import typing

    in_type = [typing.get_args(literal)[0] for literal in typing.get_args(andel.ErrorCode)]
    assert in_type == list(andel.ERROR_CODES)
    assert len(set(andel.ERROR_CODES)) == len(andel.ERROR_CODES)
    # Every code the catalogue expects is one core can raise.
    assert {case["error"] for case in CASES} <= set(andel.ERROR_CODES)
