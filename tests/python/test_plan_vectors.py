"""Replays every shared plan vector in tests/vectors/plans/ through the
Python API, as core/tests/plan_vectors.rs does through Rust.

The expected figures and error codes come from tests/vectors/plan_reference.py
(an independent implementation with exact fractions) and the places of errors
from tests/vectors/make_plans.py, never from andel. The format is described
in tests/vectors/plans/README.md.

A missing folder, a missing or short expected.json, or plan files that do not
match its entries FAIL test_plan_vectors_are_present: a lost vector must never
pass as "skipped" or "no tests".
"""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import pytest

import andel

FOLDER = Path(__file__).resolve().parents[1] / "vectors" / "plans"

#: Fewer plans than this means the folder was truncated or replaced.
MIN_PLANS = 30


def _load() -> Tuple[Dict[str, Dict[str, Any]], Optional[str]]:
    """The entries of expected.json, or why they cannot be had.

    Never raises: a failure to load is reported by
    test_plan_vectors_are_present, so collection itself cannot fail silently
    into an empty parameter list that pytest would only skip.
    """
    path = FOLDER / "expected.json"
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        return {}, f"cannot read {path}: {err}"
    if not isinstance(doc, dict) or doc.get("format") != 1:
        return {}, f"{path}: unknown vector format"
    plans = doc.get("plans")
    if not isinstance(plans, dict):
        return {}, f"{path}: `plans` must be an object"
    return plans, None


PLANS, LOAD_ERROR = _load()
NAMES = sorted(PLANS)


def _plan_files() -> List[str]:
    return sorted(
        entry.name
        for entry in FOLDER.iterdir()
        if entry.name.endswith((".toml", ".json")) and entry.name != "expected.json"
    )


def _format_of(name: str) -> str:
    return "toml" if name.endswith(".toml") else "json"


def _text(name: str) -> str:
    # newline="": the text exactly as in the file (as Rust's read_to_string
    # gives it), so no line end is translated before the core reads it.
    with open(FOLDER / name, encoding="utf-8", newline="") as file:
        return file.read()


def _read(name: str, text: str) -> andel.Plan:
    if _format_of(name) == "toml":
        return andel.Plan.from_toml(text)
    return andel.Plan.from_json(text)


def _fraction(text: str) -> Fraction:
    """ "n/d" as written by the reference (never a float on the way)."""
    numerator, slash, denominator = text.partition("/")
    assert slash, f"{text!r} is not n/d"
    return Fraction(int(numerator), int(denominator))


def _place(error: andel.AndelError) -> Dict[str, Any]:
    """code, path, line and column of an error, shaped like a vector entry.

    The binding gives ``path=None`` for core's empty path (an error about the
    whole document, placed by line and column only; see andel.PlanError), so
    None stands for the vectors' ``""`` here.
    """
    path = getattr(error, "path", None)
    return {
        "error": error.code,
        "path": "" if path is None else path,
        "line": getattr(error, "line", None),
        "column": getattr(error, "column", None),
    }


# ---------------------------------------------------------------- the folder


def test_plan_vectors_are_present() -> None:
    assert LOAD_ERROR is None, LOAD_ERROR
    assert len(PLANS) >= MIN_PLANS, f"only {len(PLANS)} plans in {FOLDER} (at least {MIN_PLANS} expected)"
    assert _plan_files() == NAMES, "plan files and expected.json entries differ"


def test_plan_vectors_cover_errors_and_both_readers() -> None:
    assert any(name.endswith(".json") for name in NAMES), "no JSON plan"
    assert any(name.endswith(".toml") for name in NAMES), "no TOML plan"
    errors = sum(1 for want in PLANS.values() if "error" in want)
    assert errors >= 10, f"only {errors} error vectors"
    multi = sum(1 for want in PLANS.values() if "exact" in want)
    assert multi >= 2, f"only {multi} multi-key vectors"


# ---------------------------------------------------------- every vector


def _check_error(name: str, text: str, want: Dict[str, Any]) -> List[str]:
    """Problems of one error vector (empty when it agrees)."""
    try:
        plan = _read(name, text)
    except andel.PlanError as err:
        error: andel.AndelError = err
    else:
        try:
            plan.compute()
        except andel.PlanError as err:
            # Errors of the computation carry a path only; check() places
            # them in the text, and its first problem must be this one.
            problems = []
            if err.code != want["error"] or _place(err)["path"] != want["path"]:
                problems.append(
                    f"{name}: compute() raised {err.code} at {err.path!r}, expected "
                    f"{want['error']} at {want['path']!r} ({err})"
                )
            placed = andel.Plan.check(text, _format_of(name))
            if not placed or placed[0].code != err.code:
                first = repr(placed[0]) if placed else "nothing"
                return problems + [f"{name}: compute() raised {err!r}, check() said {first}"]
            error = placed[0]
        else:
            return [f"{name}: computed, expected error {want['error']}"]
    problems = []
    if not isinstance(error, andel.PlanError):
        problems.append(f"{name}: {error!r} is not a PlanError")
    got = _place(error)
    for field in ("error", "path", "line", "column"):
        if got[field] != want[field]:
            problems.append(f"{name}: {field} is {got[field]!r}, expected {want[field]!r} ({error})")
    return problems


def _check_sums(name: str, result: andel.PlanResult) -> List[str]:
    """The sums every computed plan keeps, whatever its keys (in Fractions,
    so no decimal context can round them)."""
    problems = []
    for year in result.years:
        label = f"{name} {year['year']}"
        total = sum(Fraction(member["contribution"]) for member in year["members"])
        if total != Fraction(year["net"]):
            problems.append(f"{label}: contributions sum to {total}, net {year['net']}")
        for member in year["members"]:
            lines = sum(Fraction(line["amount"]) for line in member["lines"])
            if lines != Fraction(member["contribution"]):
                problems.append(f"{label} {member['id']}: lines sum to {lines}, contribution {member['contribution']}")
        for line in year["lines"]:
            column = sum(
                Fraction(part["amount"])
                for member in year["members"]
                for part in member["lines"]
                if part["line"] == line["id"]
            )
            if column != Fraction(line["net"]):
                problems.append(f"{label} line {line['id']}: column sums to {column}, net {line['net']}")
    return problems


def _check_figures(name: str, result: andel.PlanResult, want: Dict[str, Any]) -> List[str]:
    """Problems of one computed vector (empty when it agrees)."""
    problems = _check_sums(name, result)
    data = result.to_dict()
    nets: Dict[str, str] = want["net"]
    years = [str(year["year"]) for year in data["years"]]
    wanted = sorted(nets, key=int)
    if years != wanted:
        return problems + [f"{name}: years {years}, expected {wanted}"]
    unit = Fraction(data["unit"])
    for year in data["years"]:
        key = str(year["year"])
        label = f"{name} {key}"
        # Compared as strings: the Decimal must carry core's exact text
        # (its scale too: "1000000.00", never "1E+6" or "-0").
        if not isinstance(year["net"], Decimal) or str(year["net"]) != nets[key]:
            problems.append(f"{label}: net {year['net']!r}, expected {nets[key]!r}")
        members = year["members"]
        if key in want.get("contributions", {}):
            expected: Dict[str, str] = want["contributions"][key]
            ids = sorted(member["id"] for member in members)
            if ids != sorted(expected):
                problems.append(f"{label}: members {ids}, expected {sorted(expected)}")
            for member in members:
                got = member["contribution"]
                if not isinstance(got, Decimal) or str(got) != expected.get(member["id"]):
                    problems.append(f"{label} {member['id']}: {got!r}, expected {expected.get(member['id'])!r}")
        elif key in want.get("exact", {}):
            # Several keys in the year: the rounding is not unique, but every
            # member must be less than one unit away from its exact total.
            exact: Dict[str, str] = want["exact"][key]
            ids = sorted(member["id"] for member in members)
            if ids != sorted(exact):
                problems.append(f"{label}: members {ids}, expected {sorted(exact)}")
            for member in members:
                if member["id"] not in exact:
                    continue
                target = _fraction(exact[member["id"]])
                got = member["contribution"]
                if not isinstance(got, Decimal) or abs(Fraction(got) - target) >= unit:
                    problems.append(f"{label} {member['id']}: {got!r} is not within one unit of {target}")
        else:
            problems.append(f"{label}: neither contributions nor exact")
    return problems


#: Stands in for the vectors when none could be loaded, so the parametrized
#: test fails too instead of being collected as "skipped" (empty parameters).
NO_VECTORS = "<no plan vectors>"


@pytest.mark.parametrize("name", NAMES or [NO_VECTORS])
def test_plan_vector(name: str) -> None:
    if name == NO_VECTORS:
        pytest.fail(LOAD_ERROR or f"no plans in {FOLDER / 'expected.json'}")
    want = PLANS[name]
    assert ("error" in want) != ("net" in want), f"{name}: an entry has error or net"
    text = _text(name)
    if "error" in want:
        problems = _check_error(name, text, want)
    else:
        try:
            result = _read(name, text).compute()
        except andel.AndelError as err:
            problems = [f"{name}: {err!r}"]
        else:
            problems = _check_figures(name, result, want)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
