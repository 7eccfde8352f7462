"""andel.Budget: one year's total shared by one key.

The shared vectors tests/vectors/budgets.json are replayed as
core/tests/budget_vectors.rs does: the expected contributions come from
tests/vectors/make_budgets.py (exact fractions, never andel), the error
codes and places were written by hand. A missing or short file FAILS
test_budget_vectors_are_present: a lost vector must never pass as
"skipped".
"""

from __future__ import annotations

import json
import pickle
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import pytest

import andel

D = Decimal

VECTORS = Path(__file__).resolve().parents[1] / "vectors" / "budgets.json"

#: Fewer cases than this means the file was truncated or replaced (core's
#: replay asks for 15).
MIN_CASES = 15


def _load() -> Tuple[List[Dict[str, Any]], Optional[str]]:
    """The cases, or why they cannot be had (never raises, so collection
    cannot fail into an empty, skipped parameter list)."""
    try:
        doc = json.loads(VECTORS.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        return [], f"cannot read {VECTORS}: {err}"
    if not isinstance(doc, dict) or doc.get("format") != 1:
        return [], f"{VECTORS}: unknown vector format"
    cases = doc.get("cases")
    if not isinstance(cases, list):
        return [], f"{VECTORS}: `cases` must be a list"
    return cases, None


CASES, LOAD_ERROR = _load()


def test_budget_vectors_are_present() -> None:
    assert LOAD_ERROR is None, LOAD_ERROR
    assert len(CASES) >= MIN_CASES, f"only {len(CASES)} cases in {VECTORS}"
    names = [case["name"] for case in CASES]
    assert len(set(names)) == len(names), "case names must be unique"
    assert sum("error" in case for case in CASES) >= 5
    assert sum("expected" in case for case in CASES) >= 5


def _from_vector(data: Dict[str, Any]) -> andel.Budget:
    """The vector's budget through the constructor (not from_dict, which is
    tested on its own): members as tuples, the key as keyword arguments."""
    key = data["key"]
    kwargs: Dict[str, Any] = {"year": data["year"], "key": key["type"]}
    if "fixed" in key:
        kwargs["fixed"] = key["fixed"]
    if "shares" in key:
        kwargs["shares"] = key["shares"]
    if "unit" in data:
        kwargs["unit"] = data["unit"]
    members = [(m["id"], m["name"], m["population"]) for m in data["members"]]
    return andel.Budget(data["total"], members, **kwargs)


@pytest.mark.parametrize("case", CASES, ids=[case.get("name", "?") for case in CASES])
def test_budget_vector(case: Dict[str, Any]) -> None:
    assert ("expected" in case) != ("error" in case), "a case has expected or error"
    data = case["budget"]
    budget = _from_vector(data)
    if "error" in case:
        with pytest.raises(andel.PlanError) as info:
            budget.compute()
        assert info.value.code == case["error"]["code"], str(info.value)
        assert info.value.path == case["error"]["path"], str(info.value)
        return
    result = budget.compute()
    year = data["year"]
    got = {m["id"]: str(result.contribution(m["id"], year)) for m in data["members"]}
    assert got == case["expected"]
    assert result.to_dict()["total"] == D(data["total"]), "the parts add up to the total"


@pytest.mark.parametrize(
    "case",
    [case for case in CASES if "expected" in case],
    ids=[case["name"] for case in CASES if "expected" in case],
)
def test_from_dict_reads_the_vectors_form(case: Dict[str, Any]) -> None:
    budget = andel.Budget.from_dict(case["budget"])
    assert budget.to_dict() == _from_vector(case["budget"]).to_dict()
    # to_dict() is the serde form the vectors are written in.
    written = budget.to_dict()
    for field in ("year", "total", "key"):
        assert written[field] == case["budget"][field]
    assert written["members"] == case["budget"]["members"]


# ------------------------------------------------------ argument conversion


MEMBERS = [("a", "A", 3000), ("b", "B", 1000)]


def test_the_docstring_example() -> None:
    # 30 000 in equal parts (15 000 each), 70 000 by population 3:1
    # (52 500 and 17 500).
    budget = andel.Budget("100000", MEMBERS, key="blend", fixed="0.3", year=2025)
    result = budget.compute()
    assert result.contribution("a", 2025) == D("67500")
    assert result.contribution("b", 2025) == D("32500")


def test_dict_and_tuple_members_are_the_same() -> None:
    as_dicts: List[Dict[str, Any]] = [
        {"id": "a", "name": "A", "population": D("3000")},
        {"id": "b", "name": "B", "population": "1000"},
    ]
    by_tuple = andel.Budget(100, MEMBERS, year=2025)
    by_dict = andel.Budget(100, as_dicts, year=2025)
    assert by_dict.members == by_tuple.members == [
        andel.BudgetMember("a", "A", D(3000)),
        andel.BudgetMember("b", "B", D(1000)),
    ]
    assert by_dict.compute().to_json() == by_tuple.compute().to_json()
    # BudgetMember is a tuple, so a budget's members make a budget again.
    again = andel.Budget(100, by_dict.members, year=2025)
    assert again.to_dict() == by_dict.to_dict()


def test_none_population_and_a_dict_without_one() -> None:
    members: List[Any] = [("a", "A", 1), ("b", "B", 2), {"id": "c", "name": "C"}]
    budget = andel.Budget(100, members, key="fixed_shares", shares={"c": "0.25"}, year=2025)
    assert budget.members[2].population is None
    result = budget.compute()
    assert [result.contribution(m, 2025) for m in "abc"] == [D(25), D(50), D(25)]
    # Per capita, the member without a population is an error at its place.
    with pytest.raises(andel.PlanError) as info:
        andel.Budget(100, members, year=2025).compute()
    assert info.value.code == "missing_figure"
    assert info.value.path == "members[2].population"


@pytest.mark.parametrize(
    "kwargs, path",
    [
        ({"total": 100.0}, "total"),
        ({"unit": 1.0}, "unit"),
        ({"key": "blend", "fixed": 0.3}, "key.fixed"),
        ({"key": "fixed_shares", "shares": {"a": 0.25}}, "key.shares.a"),
        ({"members": [("a", "A", 1), ("b", "B", 2.0)]}, "members[1].population"),
    ],
)
def test_floats_are_refused(kwargs: Dict[str, Any], path: str) -> None:
    args: Dict[str, Any] = {"total": "100", "members": MEMBERS, "year": 2025, **kwargs}
    with pytest.raises(TypeError) as info:
        andel.Budget(args.pop("total"), args.pop("members"), **args)
    assert not isinstance(info.value, andel.AndelError)
    message = str(info.value)
    assert message.startswith(path + ":"), message
    assert "float" in message and "Decimal" in message


def test_bools_are_refused() -> None:
    with pytest.raises(TypeError, match=r"members\[0\].population: True is a bool"):
        andel.Budget(100, [("a", "A", True)], year=2025)
    with pytest.raises(TypeError, match="year"):
        andel.Budget(100, MEMBERS, year=True)


@pytest.mark.parametrize("total", [D("100"), 100, "100", "1e2"])
def test_numbers_as_decimal_int_or_str(total: Any) -> None:
    budget = andel.Budget(total, [("a", "A", D("1.5")), ("b", "B", "0.5")], year=2025)
    assert budget.total == D(100)
    result = budget.compute()
    assert [result.contribution(m, 2025) for m in "ab"] == [D(75), D(25)]


@pytest.mark.parametrize(
    "kwargs, path",
    [
        ({"total": "1,5"}, "total"),
        ({"unit": "one"}, "unit"),
        ({"key": "blend", "fixed": "30%"}, "key.fixed"),
        ({"key": "fixed_shares", "shares": {"b": "NaN"}}, "key.shares.b"),
        ({"members": [("a", "A", "1"), ("b", "B", "12a")]}, "members[1].population"),
    ],
)
def test_a_bad_number_text_is_invalid_number_at_its_place(
    kwargs: Dict[str, Any], path: str
) -> None:
    args: Dict[str, Any] = {"total": "100", "members": MEMBERS, "year": 2025, **kwargs}
    with pytest.raises(andel.PlanError) as info:
        andel.Budget(args.pop("total"), args.pop("members"), **args)
    assert info.value.code == "invalid_number"
    assert info.value.path == path
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    "kwargs, words",
    [
        ({"key": "per_inhabitant"}, "expected one of per_capita, equal, blend, fixed_shares"),
        ({"key": "blend"}, "needs its fixed part"),
        ({"key": "fixed_shares"}, "needs the shares"),
        ({"key": "equal", "fixed": "0.5"}, "only a blend"),
        ({"shares": {"a": "0.5"}}, "only fixed_shares"),
        ({"key": "blend", "fixed": "0.5", "shares": {"a": "0.5"}}, "not both"),
    ],
)
def test_a_bad_key_is_invalid_key_at_key(kwargs: Dict[str, Any], words: str) -> None:
    with pytest.raises(andel.PlanError) as info:
        andel.Budget(100, MEMBERS, year=2025, **kwargs)
    assert info.value.code == "invalid_key"
    assert info.value.path == "key"
    assert words in str(info.value)


def test_the_fixed_part_outside_0_to_1_is_found_by_compute() -> None:
    budget = andel.Budget(100, MEMBERS, key="blend", fixed="1.5", year=2025)
    with pytest.raises(andel.PlanError) as info:
        budget.compute()
    assert (info.value.code, info.value.path) == ("invalid_key", "key.fixed")


def test_an_unknown_method_is_placed_at_method() -> None:
    with pytest.raises(andel.PlanError) as info:
        andel.Budget(100, MEMBERS, year=2025, method="hare")
    assert (info.value.code, info.value.path) == ("unknown_method", "method")


@pytest.mark.parametrize(
    "members, words",
    [
        ([("a", "A")], "members[0]: a member is (id, name, population), not 2 values"),
        ([["a", "A", 1]], "members[0]: expected an (id, name, population) tuple or a dict"),
        ([{"id": "a", "name": "A", "populaton": 1}], "unknown key 'populaton'"),
        ([{"id": "a", "population": 1}], "members[0]: missing name"),
        ([("a", 7, 1)], "members[0].name: expected a str"),
        ({"a": ("a", "A", 1)}, "members: expected a sequence"),
    ],
)
def test_members_of_the_wrong_shape(members: Any, words: str) -> None:
    with pytest.raises(TypeError) as info:
        andel.Budget(100, members, year=2025)
    assert words in str(info.value)


def test_year_is_required() -> None:
    with pytest.raises(TypeError, match="year"):
        andel.Budget(100, MEMBERS)  # type: ignore[call-arg]


def test_attributes_and_repr() -> None:
    budget = andel.Budget(
        "1000.50", MEMBERS, key="blend", fixed="0.25", unit="0.01", year=2026,
        method="sainte_lague", currency="EUR",
    )
    assert budget.year == 2026
    assert budget.total == D("1000.50")
    assert budget.unit == D("0.01")
    assert (budget.key, budget.fixed, budget.shares) == ("blend", D("0.25"), None)
    assert (budget.method, budget.currency) == ("sainte_lague", "EUR")
    assert repr(budget) == "<Budget 2026: 1000.50 EUR by blend (fixed 0.25), unit 0.01, 2 members>"
    shares = andel.Budget(100, MEMBERS, key="fixed_shares", shares={"a": "0.6"}, year=2025)
    assert (shares.key, shares.fixed, shares.shares) == ("fixed_shares", None, {"a": D("0.6")})
    assert andel.BUDGET_KEYS == ("per_capita", "equal", "blend", "fixed_shares")


def test_pickles_through_its_dict() -> None:
    budget = andel.Budget(100, MEMBERS, key="fixed_shares", shares={"a": "0.6"}, year=2025)
    again = pickle.loads(pickle.dumps(budget))
    assert isinstance(again, andel.Budget)
    assert again.to_dict() == budget.to_dict()


def test_from_dict_refuses_unknown_fields() -> None:
    data = andel.Budget(100, MEMBERS, year=2025).to_dict()
    with pytest.raises(TypeError, match="'totl'"):
        andel.Budget.from_dict({**data, "totl": "5"})
    with pytest.raises(TypeError, match="'fixd'"):
        andel.Budget.from_dict({**data, "key": {"type": "blend", "fixd": "0.3"}})


# ------------------------------------------------- the same as a plan


def _plan_of(budget_kwargs: Dict[str, Any]) -> andel.Plan:
    """The one-year plan docs/plan-format.md says a budget stands for,
    written out by hand (not by Budget.to_plan)."""
    members = [
        {
            "id": id,
            "name": name,
            "metrics": {} if population is None else {"population": {"2025-12-31": str(population)}},
        }
        for id, name, population in budget_kwargs["members"]
    ]
    return andel.Plan(
        name="Budget 2025",
        first_year=2025,
        years=1,
        unit=budget_kwargs.get("unit", "1"),
        population={"years_before": 0, "month": 12, "day": 31},
        key=budget_kwargs["plan_key"],
        members=members,
        costs=[{"id": "budget", "name": "Budget", "amount": budget_kwargs["total"], "year": 2025}],
    )


@pytest.mark.parametrize(
    "kwargs",
    [
        {"key": "per_capita", "plan_key": {"type": "per_capita"}},
        {"key": "equal", "plan_key": {"type": "equal"}},
        {
            "key": "blend",
            "fixed": "0.3",
            "plan_key": {
                "type": "blend",
                "parts": [
                    {"weight": "0.3", "key": {"type": "equal"}},
                    {"weight": "0.7", "key": {"type": "per_capita"}},
                ],
            },
        },
        {
            "key": "fixed_shares",
            "shares": {"c": "0.4"},
            "plan_key": {
                "type": "fixed_shares",
                "shares": {"c": "0.4"},
                "rest": {"type": "per_capita"},
            },
        },
    ],
    ids=lambda kwargs: str(kwargs["key"]),
)
def test_compute_equals_the_equivalent_plans(kwargs: Dict[str, Any]) -> None:
    spec = {
        "total": "1000.05",
        "unit": "0.05",
        "members": [("a", "A", 15128), ("b", "B", 45367), ("c", "C", 102767)],
        **kwargs,
    }
    budget = andel.Budget(
        spec["total"],
        spec["members"],
        year=2025,
        unit=spec["unit"],
        key=spec["key"],
        fixed=spec.get("fixed"),
        shares=spec.get("shares"),
    )
    result = budget.compute()
    assert type(result) is andel.PlanResult
    plan_result = _plan_of(spec).compute()
    assert result.to_dict() == plan_result.to_dict()
    assert result.to_json() == plan_result.to_json()
    # Budget.to_plan() is that plan.
    assert budget.to_plan().to_dict() == _plan_of(spec).to_dict()
    # A result of a budget explains like a plan's.
    assert str(result.explain("a", 2025)) == str(plan_result.explain("a", 2025))


def test_the_reference_budget_is_the_reference_plans_first_year() -> None:
    budget = andel.Budget.reference()
    assert isinstance(budget, andel.Budget)
    assert (budget.year, budget.total, budget.key) == (2021, D(1250000), "per_capita")
    plan_year = andel.Plan.reference().compute().to_dict()["years"][0]
    paying = [m for m in plan_year["members"] if m["paying"]]
    assert [(m.id, m.name, m.population) for m in budget.members] == [
        (m["id"], m["name"], m["population"]) for m in paying
    ]
    # Per capita among the paying members of the plan, the same figures.
    result = budget.compute()
    for m in paying:
        assert result.contribution(m["id"], 2021) == m["contribution"]
