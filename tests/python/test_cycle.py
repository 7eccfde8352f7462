"""The annual cycle through Python: calendar, invoices, settlement, diff of
two plans and why a contribution changed.

Expected sums are worked out here, with Decimal, from the figures of other
calls (the plan's own tables) or from the example files' text, never taken
from the function under test."""

from __future__ import annotations

import pathlib
from collections import defaultdict
from decimal import Decimal
from typing import Dict

import pytest

import andel

EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "examples"
CYCLE = EXAMPLES / "tillvaxtmotor-cycle.toml"
OUTCOME = EXAMPLES / "tillvaxtmotor-outcome.toml"
LJUNGBY = EXAMPLES / "tillvaxtmotor-ljungby-leaves.toml"


@pytest.fixture(scope="module")
def plan() -> andel.Plan:
    return andel.Plan.load(CYCLE)


def contributions(plan: andel.Plan, year: int) -> Dict[str, Decimal]:
    result = plan.compute().to_dict()
    (y,) = [y for y in result["years"] if y["year"] == year]
    return {m["id"]: m["contribution"] for m in y["members"]}


def test_calendar_lists_the_milestones_with_decimal_amounts(plan: andel.Plan) -> None:
    entries = plan.calendar()
    assert entries, "the cycle example has three milestones"
    assert {e["milestone"] for e in entries} == {"preliminary", "decision", "settlement"}
    dates = [e["date"] for e in entries]
    assert dates == sorted(dates)
    # The decision for 2022 is on 31 October 2021 and carries the 2022
    # contributions of the plan's own table.
    (decision,) = [e for e in entries if e["milestone"] == "decision" and e["budget_year"] == 2022]
    assert decision["date"] == "2021-10-31"
    assert decision["figures"] == "contributions"
    expected = contributions(plan, 2022)
    amounts = {a["id"]: a["amount"] for a in decision["amounts"]}
    assert all(isinstance(a, Decimal) for a in amounts.values())
    assert amounts == {k: v for k, v in expected.items() if k in amounts}
    assert amounts


def test_calendar_of_a_plan_without_milestones_is_empty() -> None:
    assert andel.Plan.reference().calendar() == []


def test_ics_is_an_icalendar(plan: andel.Plan) -> None:
    ics = plan.calendar_ics()
    assert ics.startswith("BEGIN:VCALENDAR")
    assert ics.rstrip().endswith("END:VCALENDAR")
    assert ics.count("BEGIN:VEVENT") == len(plan.calendar())


def test_invoices_add_up_both_ways(plan: andel.Plan) -> None:
    invoices = plan.invoices(2022)
    assert len(invoices["runs"]) == 4
    per_member: Dict[str, Decimal] = defaultdict(Decimal)
    for run in invoices["runs"]:
        run_sum = sum((i["amount"] for i in run["invoices"]), Decimal(0))
        assert run_sum == run["total"]
        for i in run["invoices"]:
            assert isinstance(i["amount"], Decimal)
            per_member[i["member"]] += i["amount"]
    expected = contributions(plan, 2022)
    assert dict(per_member) == {k: v for k, v in expected.items() if v or k in per_member}
    assert sum(per_member.values(), Decimal(0)) == invoices["net"]


def test_settlement_sums_to_the_change_in_net_cost(plan: andel.Plan) -> None:
    s = plan.settle(2021)
    # The change in net cost by hand from the outcome in the file: the lines'
    # actual cost less the planned, less the funding paid out short.
    year = [y for y in plan.compute().to_dict()["years"] if y["year"] == 2021][0]
    planned_gross = {line["id"]: line["gross"] for line in year["lines"]}
    funding = [f for f in plan.to_dict()["funding"] if f["id"] == "startkapital"][0]
    expected = (
        (Decimal("930000") - planned_gross["projektledning"])
        + (Decimal("500000") - planned_gross["analys"])
        - (Decimal("350000") - Decimal(str(funding["amount"])))
    )
    assert s["difference"] == expected
    assert s["actual"] - s["planned"] == expected
    assert sum((m["settlement"] for m in s["members"]), Decimal(0)) == expected
    for m in s["members"]:
        assert m["settlement"] == m["actual"] - m["planned"]


def test_settlement_from_a_file_a_text_and_a_dict_agree(plan: andel.Plan) -> None:
    own = plan.settle(2021)
    assert plan.settle(2021, OUTCOME) == own
    assert plan.settle(2021, str(OUTCOME)) == own
    assert plan.settle(2021, OUTCOME.read_text(encoding="utf-8")) == own
    one = {
        "year": 2021,
        "costs": {"projektledning": "930000", "analys": Decimal("500000")},
        "funding": {"startkapital": 350000},
    }
    assert plan.settle(2021, one) == own
    assert plan.settle(2021, {"outcome": [one]}) == own


def test_invoices_with_settlement_put_it_on_the_first_instalment(plan: andel.Plan) -> None:
    s = {m["id"]: m["settlement"] for m in plan.settle(2021)["members"]}
    invoices = plan.invoices(2022, settle=True)
    assert invoices["settles"] == 2021
    first, *rest = invoices["runs"]
    for i in first["invoices"]:
        assert i["settlement"] == s.get(i["member"], Decimal(0))
        assert i["total"] == i["amount"] + i["settlement"]
    for run in rest:
        assert all(i["settlement"] == 0 for i in run["invoices"])
    assert plan.invoices(2022, outcome=OUTCOME) == invoices


def test_unknown_funding_in_an_outcome(plan: andel.Plan) -> None:
    with pytest.raises(andel.PlanError) as e:
        plan.settle(2021, {"year": 2021, "funding": {"nosuch": "1"}})
    assert e.value.code == "unknown_funding"


def test_no_outcome_for_the_year(plan: andel.Plan) -> None:
    with pytest.raises(andel.PlanError) as e:
        plan.settle(2022)
    assert e.value.code == "invalid_plan"


def test_diff_total_change_is_b_total_less_a_total() -> None:
    reference = andel.Plan.reference()
    text = (EXAMPLES / "tillvaxtmotor.toml").read_text(encoding="utf-8")
    dearer = andel.Plan.from_toml(text.replace('amount = "900000"', 'amount = "910000"'))
    d = andel.diff(reference, dearer)
    total = lambda plan: plan.compute().to_dict()["total"]  # noqa: E731
    assert d["change"] == total(dearer) - total(reference)
    assert d["change"] == sum(y["change"] for y in d["years"]) > 0


def test_diff_shows_ljungby_leaving_in_2025() -> None:
    reference = andel.Plan.reference()
    d = andel.diff(reference, andel.Plan.load(LJUNGBY))
    (y2025,) = [y for y in d["years"] if y["year"] == 2025]
    (ljungby,) = [m for m in y2025["members"] if m["id"] == "ljungby"]
    assert ljungby["change_percent"] == Decimal("-100")
    assert ljungby["b"] == 0
    assert ljungby["a"] == reference.compute().contribution("ljungby", 2025)
    assert ljungby["change"] == -ljungby["a"]
    # Before 2025 nothing changes for anyone.
    for y in d["years"]:
        if y["year"] < 2025:
            assert all(m["change"] == 0 for m in y["members"])
    # Results work as well as plans.
    assert andel.diff(reference.compute(), andel.Plan.load(LJUNGBY).compute()) == d


def test_incomparable_plans_raise_with_their_code() -> None:
    other = andel.Plan.from_toml(
        andel.REFERENCE_PLAN.replace('currency = "SEK"', 'currency = "EUR"', 1)
    )
    with pytest.raises(andel.PlanError) as e:
        andel.diff(andel.Plan.reference(), other)
    assert e.value.code == "incomparable_plans"


def test_causes_add_up_exactly_to_each_change(plan: andel.Plan) -> None:
    result = plan.compute()
    changes = plan.why_changed()
    assert len(changes) > 10
    for c in changes:
        assert sum((x["amount"] for x in c.causes), Decimal(0)) == c.change
        # The change itself, from the plan's table.
        expected = result.contribution(c.member, c.year) - result.contribution(c.member, c.year - 1)
        assert c.change == expected
        assert str(c) == c.text and c.name in c.text


def test_why_changed_filters_and_explains_in_words() -> None:
    plan = andel.Plan.reference()
    (why,) = plan.why_changed("halmstad", 2022, lang="en")
    assert why.member == "halmstad" and why.year == 2022
    assert "ended" in why.text
    assert {c["kind"] for c in why.causes} <= {
        "cost_level",
        "new_lines",
        "ended_lines",
        "funding",
        "population_share",
        "band",
        "membership",
        "rounding",
    }
    assert all(c.member == "halmstad" for c in plan.why_changed("halmstad"))
    assert all(c.year == 2023 for c in plan.why_changed(year=2023))
    with pytest.raises(andel.PlanError) as e:
        plan.why_changed("nosuch")
    assert e.value.code == "unknown_member"
    with pytest.raises(andel.PlanError):
        plan.why_changed(year=2021)


def test_why_changed_is_swedish_by_default_for_kronor() -> None:
    plan = andel.Plan.reference()  # in SEK
    (sv,) = plan.why_changed("halmstad", 2022)
    (en,) = plan.why_changed("halmstad", 2022, lang="en")
    assert sv == plan.why_changed("halmstad", 2022, lang="sv")[0]
    assert sv.text.startswith("Halmstad betalar ") and "kostnader upphörde" in sv.text
    assert en.text.startswith("Halmstad pays ") and "upphörde" not in en.text
    # The words differ, never the figures.
    assert (sv.change, sv.causes) == (en.change, en.causes)
    assert " kr" in sv.text and "SEK" in en.text
    with pytest.raises(andel.InputError) as e:
        plan.why_changed("halmstad", 2022, lang="fi")  # type: ignore[arg-type]
    assert e.value.code == "unknown_language"


def test_a_given_outcome_is_the_one_settled(plan: andel.Plan) -> None:
    # Not the plan's own [[outcome]]: only project management, 70 000 over.
    year = [y for y in plan.compute().to_dict()["years"] if y["year"] == 2021][0]
    planned = {line["id"]: line["gross"] for line in year["lines"]}["projektledning"]
    actual = planned + Decimal("70000")
    s = plan.settle(2021, {"year": 2021, "costs": {"projektledning": str(actual)}})
    assert s["difference"] == Decimal("70000")
    assert sum((m["settlement"] for m in s["members"]), Decimal(0)) == Decimal("70000")
    text = f'[[outcome]]\nyear = 2021\ncosts = {{ projektledning = "{actual}" }}\n'
    assert plan.settle(2021, text) == s
