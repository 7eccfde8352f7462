#!/usr/bin/env python3
"""Writes tests/vectors/plans/ (plan documents and expected.json) from the
hand-written plans below.

Every expected figure or error comes from plan_reference.py, never from
andel; the line and column of every error are found here, in the text, by
the rules of tests/vectors/plans/README.md.  Properties that define a case
(a cap that really binds, a figure that really is carried forward, a tie
that really is a tie, ...) are asserted, so a wrong reference or a wrong
case stops the generator instead of producing a weak vector.

    python3 tests/vectors/make_plans.py            # rewrite plans/
    python3 tests/vectors/make_plans.py --check    # fail if it differs
"""

from __future__ import annotations

import json
import re
import sys
from fractions import Fraction
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import plan_reference as ref  # noqa: E402

OUT = HERE / "plans"

# SCB population on 31 December (/work/shared/domain.md); None = not found.
SCB = {
    "bastad": ("Båstad", {2019: 15128, 2021: 15636, 2023: None}),
    "falkenberg": ("Falkenberg", {2019: 45367, 2021: 46773, 2023: 47108}),
    "halmstad": ("Halmstad", {2019: 102767, 2021: 104573, 2023: 105796}),
    "hylte": ("Hylte", {2019: 10815, 2021: 10619, 2023: 10299}),
    "laholm": ("Laholm", {2019: 25903, 2021: 26319, 2023: 26565}),
    "ljungby": ("Ljungby", {2019: 28521, 2021: None, 2023: 28304}),
}
SIX = list(SCB)


def header(name: str, first_year: int, years: int, extra: str = "") -> str:
    """The top of a plan document."""
    return (
        f'format = 1\nname = "{name}"\nfirst_year = {first_year}\nyears = {years}\n'
        + extra
    )


def scb_members(ids=SIX, years=(2019, 2021, 2023), extra: dict | None = None) -> str:
    """[[members]] tables with the real SCB figures of the given years."""
    out = []
    for i in ids:
        name, figures = SCB[i]
        series = ", ".join(
            f'"{y}-12-31" = {figures[y]}' for y in years if figures.get(y) is not None
        )
        out.append(f'\n[[members]]\nid = "{i}"\nname = "{name}"\n')
        out[-1] += (extra or {}).get(i, "")
        out[-1] += f"metrics.population = {{ {series} }}\n"
    return "".join(out)


def member(i: str, population: dict | None = None, extra: str = "") -> str:
    """A [[members]] table with made-up figures (labelled so in its case)."""
    text = f'\n[[members]]\nid = "{i}"\nname = "{i.upper()}"\n{extra}'
    if population:
        series = ", ".join(f'"{d}" = {v}' for d, v in population.items())
        text += f"metrics.population = {{ {series} }}\n"
    return text


def cost(i: str, body: str) -> str:
    return f'\n[[costs]]\nid = "{i}"\nname = "{i.capitalize()}"\n{body}'


CASES: list[dict] = []


def case(name: str, text: str, note: str, json_too: bool = False, **checks) -> None:
    """A plan vector; `json_too` also writes it as JSON (the JSON reader)."""
    CASES.append({"name": f"{name}.toml", "text": text, "note": note, "checks": checks})
    if json_too:
        doc = ref.load(text, "toml")
        CASES.append(
            {
                "name": f"{name}.json",
                "text": json.dumps(doc, ensure_ascii=False, indent=2) + "\n",
                "note": note + " (as JSON)",
                "checks": checks,
            }
        )


def json_case(name: str, text: str, note: str, **checks) -> None:
    CASES.append({"name": f"{name}.json", "text": text, "note": note, "checks": checks})


# --- per capita with the real SCB figures --------------------------------

case(
    "scb-2019-per-capita-kronor",
    header("SCB 2019, one line", 2021, 1) + scb_members() + cost("pm", 'amount = "1000000"\nfrom = 2021\n'),
    "Budget 2021 by the SCB figures of 31 Dec 2019 (years_before = 2); the same split as the "
    "allocate vector scb-2019-six-municipalities-kronor. Amount illustrative.",
    json_too=True,
    same_as_allocate="scb-2019-six-municipalities-kronor-largest_remainder",
)
case(
    "scb-2019-per-capita-ore",
    header("SCB 2019 in öre", 2021, 1, 'unit = "0.01"\n')
    + scb_members()
    + cost("pm", 'amount = "1234567.89"\nyear = 2021\n'),
    "Öre as the unit; amount illustrative.",
)
case(
    "carry-forward-on",
    header("Carry forward", 2023, 3, "population = { carry_forward = true }\n")
    + scb_members()
    + cost("pm", 'amount = "500000"\nfrom = 2023\n'),
    "2023 uses 31 Dec 2021 (Ljungby carried from 2019); 2024 uses 31 Dec 2022, which nobody "
    "has (all carried: 2021, Ljungby 2019); 2025 uses 31 Dec 2023 (Båstad carried from 2021).",
    json_too=True,
    carried=True,
)
case(
    "carry-forward-off-missing-figure",
    header("No carry forward", 2023, 1) + scb_members() + cost("pm", 'amount = "500000"\nfrom = 2023\n'),
    "Ljungby has no figure for 31 Dec 2021 and carry_forward is off.",
)
case(
    "carry-forward-nothing-earlier",
    header("Nothing to carry", 2021, 1, "population = { carry_forward = true }\n")
    + scb_members(years=(2021, 2023))
    + cost("pm", 'amount = "500000"\nfrom = 2021\n'),
    "carry_forward is on but no member has a figure on or before 31 Dec 2019.",
)
case(
    "reference-date-november-first",
    header(
        "Tax-equalisation date",
        2025,
        2,
        "population = { years_before = 1, month = 11, day = 1 }\n",
    )
    + member("a", {"2023-12-31": 999999, "2024-11-01": 1000, "2025-11-01": 1000})
    + member("b", {"2023-12-31": 1, "2024-11-01": 2000, "2025-11-01": 3000})
    + cost("pm", 'amount = "100"\nfrom = 2025\n'),
    "Reference date 1 November of Y-1 (figures made up); the 31 December figure must be ignored.",
)

# --- pro rata ------------------------------------------------------------

THREE = {"a": 3000, "b": 2000, "c": 1000}


def three(extra: dict | None = None, dates=("2022-12-31", "2023-12-31", "2024-12-31")) -> str:
    return "".join(
        member(i, {d: v for d in dates}, (extra or {}).get(i, "")) for i, v in THREE.items()
    )


case(
    "pro-rata-days-join-leap-year",
    header("Joins mid leap year", 2024, 2) + three({"c": 'joins = "2024-07-01"\n'})
    + cost("pm", 'amount = "100000"\nfrom = 2024\n'),
    "c joins on 1 July 2024: 184 of 366 days in 2024, the whole of 2025. Figures made up.",
    json_too=True,
)
case(
    "pro-rata-days-leave-common-year",
    header("Leaves mid common year", 2025, 2) + three({"a": 'leaves = "2025-06-30"\n'})
    + cost("pm", 'amount = "100000"\nfrom = 2025\n'),
    "a leaves on 30 June 2025: 181 of 365 days; in 2026 it is no longer a member. Figures made up.",
)
case(
    "pro-rata-days-join-and-leave-same-year",
    header("Member for one month of a leap year", 2024, 1, 'unit = "0.01"\n')
    + three({"b": 'joins = "2024-02-01"\nleaves = "2024-02-29"\n'})
    + cost("pm", 'amount = "36600"\nyear = 2024\n'),
    "b belongs from 1 to 29 February 2024: 29 of 366 days. Figures made up.",
)
case(
    "pro-rata-months-join",
    header("Months: joins on the 15th", 2025, 1, 'pro_rata = "months"\n')
    + three({"c": 'joins = "2025-03-15"\n'})
    + cost("pm", 'amount = "120000"\nyear = 2025\n'),
    "Months: c joins on 15 March, so March does not count: 9 of 12. Figures made up.",
)
case(
    "pro-rata-months-leave",
    header("Months: leaves before month end", 2025, 1, 'pro_rata = "months"\n')
    + three({"a": 'leaves = "2025-06-29"\n', "b": 'leaves = "2025-06-30"\n'})
    + cost("pm", 'amount = "120000"\nyear = 2025\n'),
    "Months: a leaves on 29 June (5 months), b on 30 June (6 months). Figures made up.",
)
case(
    "pro-rata-months-february-leap-year",
    header("Months: February of a leap year", 2024, 1, 'pro_rata = "months"\n')
    + three({"c": 'joins = "2024-02-01"\nleaves = "2024-02-29"\n', "b": 'leaves = "2024-02-28"\n'})
    + cost("pm", 'amount = "120000"\nyear = 2024\n'),
    "Months: c belongs all of February 2024 (1 month); b leaves on 28 February 2024, a day "
    "short of the month's end (1 month: January). Figures made up.",
)

# --- lines and indexation ------------------------------------------------

case(
    "one-off-and-recurring-lines",
    header("Lines", 2021, 4)
    + "".join(member(i, {f"{y}-12-31": v for y in range(2019, 2023)}) for i, v in THREE.items())
    + cost("pm", 'amount = "300000"\nfrom = 2021\nto = 2022\n')
    + cost("days", 'amount = "50000"\nfrom = 2022\n')
    + cost("analysis", 'amount = "80001"\nyear = 2023\n'),
    "A recurring line 2021-2022, a recurring line from 2022 to the end, a one-off in 2023 "
    "(figures made up).",
)
case(
    "indexation-rate",
    header(
        "Indexed at 3 %",
        2021,
        5,
        'population = { carry_forward = true }\nindexation = { rate = "0.03" }\n',
    )
    + scb_members()
    + cost("pm", 'amount = "900000"\nfrom = 2021\nindexed = true\n'),
    "900 000 indexed 3 % a year, rounded half away from zero each year: 927 000, 954 810, "
    "983 454 (983 454.3), 1 012 958 (1 012 957.62). Amount and rate illustrative.",
    indexed={"2025": "1012958"},
)
case(
    "indexation-rates-half-even",
    header(
        "Index series",
        2025,
        4,
        'indexation = { rate = "0.02", rates = { "2026" = "0.05", "2028" = "-0.01" }, '
        'rounding = "half_even" }\n',
    )
    + "".join(member(i, {f"{y}-12-31": v for y in range(2023, 2027)}) for i, v in THREE.items())
    + cost("pm", 'amount = "1010"\nfrom = 2025\nindexed = true\n'),
    "1010 x 1.05 = 1060.5 -> 1060 (half to even); x 1.02 (rate) = 1081.2 -> 1081; "
    "x 0.99 = 1070.19 -> 1070. Figures made up.",
    indexed={"2026": "1060", "2027": "1081", "2028": "1070"},
)
case(
    "indexation-from-later-year-ore-down",
    header(
        "Indexed from its own first year",
        2025,
        3,
        'unit = "0.01"\nindexation = { rate = "0.0333", rounding = "down" }\n',
    )
    + "".join(member(i, {f"{y}-12-31": v for y in range(2023, 2026)}) for i, v in THREE.items())
    + cost("pm", 'amount = "1000"\nfrom = 2025\n')
    + cost("x", 'amount = "777.77"\nfrom = 2026\nindexed = true\n'),
    "Line x starts in 2026 and is indexed from 2026: 777.77 in 2026, 803.66 in 2027 "
    "(803.669741 rounded down). Figures made up.",
    indexed={"2027": "803.66"},
)

# --- funding -------------------------------------------------------------

case(
    "funding-earmarked",
    header("Start grant", 2021, 1, 'population = { years_before = 2 }\n')
    + scb_members()
    + cost("pm", 'amount = "900000"\nfrom = 2021\n')
    + cost("analys", 'amount = "600000"\nyear = 2021\n')
    + '\n[[funding]]\nid = "start"\nname = "Startkapital"\nyear = 2021\namount = "400000"\nline = "analys"\n',
    "A start grant of 400 000 against the analysis line: the members share 1 100 000. "
    "Amounts illustrative.",
    json_too=True,
)
case(
    "funding-general",
    header("General grant", 2025, 1)
    + three()
    + cost("pm", 'amount = "1000"\nyear = 2025\n')
    + cost("days", 'amount = "301"\nyear = 2025\n')
    + cost("print", 'amount = "7"\nyear = 2025\n')
    + '\n[[funding]]\nid = "grant"\nname = "Grant"\nyear = 2025\namount = "100"\n',
    "A general grant of 100 spread by largest remainder over lines of 1000, 301 and 7: "
    "76, 23, 1. The members share 1208. Figures made up.",
    funding={"pm": "76", "days": "23", "print": "1"},
)

# --- keys ----------------------------------------------------------------

case(
    "key-equal-tie-to-earlier-member",
    header("Equal parts", 2025, 1, 'key = { type = "equal" }\n')
    + "".join(member(i) for i in ("a", "b", "c"))
    + cost("pm", 'amount = "100"\nyear = 2025\n'),
    "100 in three equal parts: the remainders and the exact totals tie, so the earlier member "
    "gets the unit: 34, 33, 33.",
)
case(
    "key-weights-tie-to-larger-total",
    header("Weights", 2025, 1)
    + "".join(member(i) for i in ("a", "b", "c"))
    + cost("pm", 'amount = "2"\nyear = 2025\nkey = { type = "weights", weights = { a = "1", b = "3" } }\n'),
    "2 units by weights 1 : 3 : (c not named = 0): quotas 0.5 and 1.5 tie on the remainder, so "
    "the larger exact total gets the unit: 0, 2, 0.",
)
case(
    "key-metric",
    header("By employees", 2025, 1, 'key = { type = "metric", metric = "employees" }\n')
    + member("a", None, 'metrics.employees = { "2023-12-31" = 120 }\n')
    + member("b", None, 'metrics.employees = { "2023-12-31" = 45 }\n')
    + member("c", None, 'metrics.employees = { "2023-12-31" = "7.5" }\n')
    + cost("pm", 'amount = "10000"\nyear = 2025\n'),
    "A key by another metric, read at the population rule's date (figures made up).",
)
case(
    "key-fixed-shares-finsam",
    header("Finsam", 2025, 1, 'unit = "0.01"\n')
    + member("agency", None, 'kind = "other"\n')
    + member("region", None, 'kind = "region"\n')
    + "".join(member(i, {"2023-12-31": v}) for i, v in THREE.items())
    + cost(
        "assoc",
        'amount = "1000000"\nyear = 2025\nkey = { type = "fixed_shares", '
        'shares = { agency = "0.5", region = "0.25" }, rest = { type = "per_capita" } }\n',
    ),
    "Finsam: the agency pays 1/2, the region 1/4, the municipalities 1/4 by population "
    "(populations made up).",
    json_too=True,
)
case(
    "key-fixed-amounts",
    header("A fixed amount first", 2025, 1)
    + "".join(member(i, {"2023-12-31": v}) for i, v in THREE.items())
    + cost(
        "pm",
        'amount = "100000"\nyear = 2025\nkey = { type = "fixed_amounts", '
        'amounts = { c = "10000" }, rest = { type = "per_capita" } }\n',
    ),
    "c pays 10 000; a and b share 90 000 by population (figures made up).",
)
case(
    "key-blend",
    header("Blend", 2021, 1)
    + scb_members()
    + cost(
        "pm",
        'amount = "240000"\nyear = 2021\nkey = { type = "blend", parts = [\n'
        '    { weight = "0.3", key = { type = "equal" } },\n'
        '    { weight = "0.7", key = { type = "per_capita" } },\n] }\n',
    ),
    "30 % equally and 70 % by population, SCB 2019 figures; amount illustrative.",
)
case(
    "key-per-inhabitant-fee",
    header("Fee per inhabitant", 2021, 1, 'unit = "0.01"\nkey = { type = "per_inhabitant_fee", fee = "42.25" }\n')
    + scb_members()
    + cost("fee", "year = 2021\n"),
    "42,25 kr per inhabitant (SCB 2019): the line costs 42.25 x 228 501 = 9 654 167.25.",
    fee_total="9654167.25",
)
case(
    "key-per-inhabitant-fee-pro-rata",
    header("Fee per inhabitant, a member joins", 2025, 1, 'key = { type = "per_inhabitant_fee", fee = "10" }\n')
    + three({"b": 'joins = "2025-04-01"\n'})
    + cost("fee", "year = 2025\n"),
    "A fee of 10 per inhabitant; b belongs 275 of 365 days: 10 x (3000 + 2000 x 275/365 + 1000) "
    "= 55068.49... -> 55068 (half away from zero). Figures made up.",
    fee_total="55068",
)
case(
    "limited-cap-redistributes",
    header("Cap at 40 %", 2021, 1)
    + scb_members()
    + cost(
        "pm",
        'amount = "1000000"\nyear = 2021\nkey = { type = "limited", max_share = "0.4", '
        'key = { type = "per_capita" } }\n',
    ),
    "Halmstad's 45 % by population is capped at 40 %; the other five share 60 % by population.",
    json_too=True,
    capped={"halmstad": Fraction(2, 5)},
)
case(
    "limited-cap-cascade",
    header("Cap that binds twice", 2025, 1)
    + "".join(member(i, {"2023-12-31": v}) for i, v in {"a": 50, "b": 30, "c": 10, "d": 10}.items())
    + cost(
        "pm",
        'amount = "1000"\nyear = 2025\nkey = { type = "limited", max_share = "0.35", '
        'key = { type = "per_capita" } }\n',
    ),
    "Shares 50/30/10/10 % capped at 35 %: a is held at 35 %; b's share of the rest, "
    "30/50 x 65 % = 39 %, is then over the cap too; c and d share 30 %. Figures made up.",
    capped={"a": Fraction(35, 100), "b": Fraction(35, 100)},
)
case(
    "limited-floor-and-amount-cap",
    header("Floor and amount cap", 2025, 1)
    + "".join(member(i, {"2023-12-31": v}) for i, v in {"a": 70, "b": 25, "c": 5}.items())
    + cost(
        "pm",
        'amount = "10000"\nyear = 2025\nkey = { type = "limited", key = { type = "per_capita" }, '
        'max_amount = { a = "6000" }, min_amount = { c = "1000" } }\n',
    ),
    "a (70 %) is capped at 6000 of 10000; then c (5/30 x 40 % = 6.67 %) is raised to its floor "
    "of 1000; b pays the rest. Figures made up.",
    capped={"a": Fraction(6, 10), "c": Fraction(1, 10)},
)
case(
    "limited-cap-that-does-not-bind",
    header("A cap that does not bind", 2025, 1)
    + "".join(member(i, {"2023-12-31": v}) for i, v in {"a": 50, "b": 30, "c": 20}.items())
    + cost(
        "pm",
        'amount = "1000"\nyear = 2025\nkey = { type = "limited", key = { type = "per_capita" }, '
        'max_amount = { a = "450" }, min_amount = { c = "400" } }\n',
    ),
    "c's floor of 400 binds; a and b share the other 600 as 50 : 30, so a pays 375, below its "
    "cap of 450, which does not bind (holding a at 450 first, as water-filling did, made a pay "
    "75 more). Figures made up.",
    capped={"a": Fraction(3, 8), "b": Fraction(9, 40), "c": Fraction(2, 5)},
)
case(
    "limited-floor-above-cap",
    header("Floor above cap", 2025, 1)
    + "".join(member(i, {"2023-12-31": v}) for i, v in {"a": 50, "b": 30, "c": 20}.items())
    + cost(
        "pm",
        'amount = "1000"\nyear = 2025\nkey = { type = "limited", key = { type = "per_capita" }, '
        'max_amount = { a = "400" }, min_amount = { a = "500" } }\n',
    ),
    "a's floor (500) is above its cap (400): refused, not one of them silently dropped.",
)
case(
    "limited-impossible-caps",
    header("Caps below the whole", 2025, 1)
    + "".join(member(i, {"2023-12-31": v}) for i, v in THREE.items())
    + cost(
        "pm",
        'amount = "1000"\nyear = 2025\nkey = { type = "limited", max_share = "0.3", '
        'key = { type = "per_capita" } }\n',
    ),
    "Three members each capped at 30 %: 90 % cannot pay the whole.",
)

# --- who pays ------------------------------------------------------------

case(
    "non-paying-member",
    header("A member in kind only", 2021, 1)
    + scb_members()
    + member("hh", None, 'kind = "university"\npaying = false\n')
    + cost("pm", 'amount = "1000000"\nyear = 2021\n'),
    "The university takes part in kind only (paying = false): it pays 0 and has no population.",
)
case(
    "working-group",
    header("Working group", 2023, 1)
    + scb_members(years=(2021,))
    + cost(
        "deep",
        'amount = "240000"\nyear = 2023\nparticipants = ["falkenberg", "halmstad", "hylte", "laholm"]\n',
    ),
    "A deep dive shared by four municipalities by population (SCB 2021); the others pay 0. "
    "Ljungby has no 2021 figure, which does not matter: it does not take part.",
)
case(
    "unit-with-trailing-zero",
    header("Unit 0.10", 2025, 1, 'unit = "0.10"\n')
    + "".join(member(i, {"2023-12-31": v}) for i, v in {"a": 2, "b": 1}.items())
    + cost("pm", 'amount = "11.00"\nyear = 2025\n'),
    "Unit 0.10: amounts are written with one decimal (7.3, 3.7; net 11.0).",
)
case(
    "unit-thousand",
    header("Unit 1000", 2021, 1, 'unit = "1000"\n')
    + scb_members()
    + cost("pm", 'amount = "2500000"\nyear = 2021\n'),
    "Whole thousands of kronor (SCB 2019; amount illustrative).",
    same_as_allocate="scb-2019-six-municipalities-thousands-largest_remainder",
)

# --- several keys in a year (exact totals only) -------------------------

case(
    "multi-key-working-group-blend",
    header("Two keys", 2023, 1, "population = { carry_forward = true }\n")
    + scb_members()
    + cost("pm", 'amount = "1000000"\nyear = 2023\n')
    + cost(
        "deep",
        'amount = "240000"\nyear = 2023\nparticipants = ["falkenberg", "halmstad", "hylte", "laholm"]\n'
        'key = { type = "blend", parts = [\n'
        '    { weight = "0.3", key = { type = "equal" } },\n'
        '    { weight = "0.7", key = { type = "per_capita" } },\n] }\n',
    ),
    "Per capita for all plus a working group's blend: the table has two keys, so only the "
    "exact totals and the sums are pinned.",
    json_too=True,
)
case(
    "multi-key-equal-and-weights",
    header("Equal and weights", 2025, 2, 'unit = "0.01"\n')
    + "".join(member(i) for i in ("a", "b", "c", "d"))
    + cost("x", 'amount = "1000"\nfrom = 2025\nkey = { type = "equal" }\n')
    + cost("y", 'amount = "333.33"\nfrom = 2025\nkey = { type = "weights", weights = { a = "1", b = "2", c = "4" } }\n'),
    "Two lines with different keys each year.",
)

# --- the plan's method ------------------------------------------------------

case(
    "method-dhondt-per-capita",
    header("D'Hondt", 2021, 1, 'method = "dhondt"\n') + scb_members() + cost("pm", 'amount = "250000"\nyear = 2021\n'),
    "D'Hondt member totals (SCB 2019; 250 000 kr, illustrative): the larger members gain units "
    "over largest remainder.",
    json_too=True,
    method_differs=True,
)
case(
    "method-sainte-lague-first-divisor",
    header("Sainte-Laguë 1.2", 2021, 1, 'method = "sainte_lague"\nfirst_divisor = "1.2"\n')
    + scb_members()
    + cost("seats", 'amount = "21"\nyear = 2021\n'),
    "21 units by Sainte-Laguë with the Swedish first divisor 1.2 (SCB 2019): the README's "
    "21 seats of a joint body (here the same as largest remainder would give).",
    same_as=["1", "4", "10", "1", "2", "3"],
)
case(
    "method-largest-ratio",
    header("Largest ratio", 2025, 1, 'method = "largest_ratio"\n')
    + "".join(member(i, {"2023-12-31": p}) for i, p in (("a", 100), ("b", 205), ("c", 310)))
    + cost("x", 'amount = "10"\nyear = 2025\n'),
    "Leftover units to the largest weights (made-up figures).",
    method_differs=True,
)
case(
    "method-in-order",
    header("In order", 2025, 1, 'method = "in_order"\n')
    + "".join(member(i, {"2023-12-31": p}) for i, p in (("a", 310), ("b", 205), ("c", 100)))
    + cost("x", 'amount = "10"\nyear = 2025\n'),
    "Leftover units to the first members (made-up figures).",
    method_differs=True,
)
case(
    "method-dhondt-two-keys",
    header("D'Hondt, two keys", 2023, 2, 'method = "dhondt"\npopulation = { carry_forward = true }\n')
    + scb_members()
    + cost("pm", 'amount = "1000"\nfrom = 2023\n')
    + cost("office", 'amount = "301"\nfrom = 2023\nkey = { type = "equal" }\n'),
    "A per-capita line and an equal line: the member totals are D'Hondt's by the exact "
    "totals, and the lines carry them (SCB figures; amounts illustrative).",
    json_too=True,
    method_differs=True,
)
case(
    "error-method-cannot-be-carried",
    header("D'Hondt, separate groups", 2025, 1, 'method = "dhondt"\n')
    + "".join(member(i) for i in ("a", "b", "c", "d"))
    + cost("own", 'amount = "5"\nyear = 2025\nparticipants = ["a"]\nkey = { type = "equal" }\n')
    + cost("group", 'amount = "10"\nyear = 2025\nparticipants = ["b", "c", "d"]\nkey = { type = "equal" }\n'),
    "D'Hondt gives a 6 units, but a takes part only in its own line of 5: refused, not "
    "rounded another way.",
    at={"key": "method"},
)

# --- refunds and credits ----------------------------------------------------

case(
    "refund-shared-by-key",
    header("A refund shared by the key", 2025, 2)
    + three()
    + cost("pm", 'amount = "100000"\nfrom = 2025\n')
    + cost("refund", 'amount = "-12345"\nyear = 2026\n'),
    "2026 refunds 12345 of 2025's surplus by the same key as the costs: one pool, so the "
    "members share the net 87655 by largest remainder. Figures made up.",
    json_too=True,
    refund={"2026": "-12345"},
)
case(
    "refund-indexed-half-away-from-zero",
    header("An indexed credit", 2025, 2, 'indexation = { rate = "0.03" }\n')
    + three()
    + cost("pm", 'amount = "10000"\nfrom = 2025\n')
    + cost("credit", 'amount = "-1150"\nfrom = 2025\nindexed = true\n'),
    "A credit of 1150 a year, indexed by 3 %: -1184.5 in 2026 is a tie, rounded half away "
    "from zero to -1185 (not -1184). Figures made up.",
    indexed={"2026": "-1185"},
    refund={"2026": "-1185"},
)
case(
    "refund-with-general-funding",
    header("A refund beside a general grant", 2025, 1)
    + three()
    + cost("pm", 'amount = "10000"\nyear = 2025\n')
    + cost("days", 'amount = "5000"\nyear = 2025\n')
    + cost("refund", 'amount = "-3000"\nyear = 2025\n')
    + '\n[[funding]]\nid = "grant"\nname = "Grant"\nyear = 2025\namount = "6000"\n',
    "A general grant of 6000 is spread over the costs only (4000 and 2000), never over the "
    "refund; the members share 10000 + 5000 - 3000 - 6000 = 6000. Figures made up.",
    funding={"pm": "4000", "days": "2000", "refund": "0"},
    refund={"2025": "-3000"},
)
case(
    "refund-cancels-cost-in-one-pool",
    header("A refund as large as the cost", 2025, 1)
    + three()
    + cost("pm", 'amount = "1000"\nyear = 2025\n')
    + cost("refund", 'amount = "-1000"\nyear = 2025\n'),
    "The cost and the refund share one key and cancel out: every member pays 0, and each "
    "line is still shared (500, 333, 167 and back). Figures made up.",
    refund={"2025": "-1000"},
)
case(
    "multi-key-refund-to-working-group",
    header("A refund to a working group", 2025, 1)
    + three()
    + cost("pm", 'amount = "3000"\nyear = 2025\n')
    + cost("refund", 'amount = "-2000"\nyear = 2025\nparticipants = ["b", "c"]\n'),
    "A refund of 2000 to the working group b and c, per capita between them: their totals "
    "are negative (-1000/3 and -500/3), the year's net 1000 is not. Figures made up.",
    refund={"2025": "-2000"},
    negative_total=True,
)

# --- banded fees (issue 12) ------------------------------------------------

# Fees by population band: under 15 000 inhabitants 20 000 kr, 15 000 to
# under 25 000 25 000 kr, 25 000 and more 30 000 kr (the issue's example;
# the third band's fee is illustrative).
BANDS = (
    '\n[key]\ntype = "banded"\n'
    '\n[[key.bands]]\nbelow = 15000\nfee = "20000"\n'
    '\n[[key.bands]]\nbelow = 25000\nfee = "25000"\n'
    '\n[[key.bands]]\nfee = "30000"\n'
)
INLINE_BANDS = (
    'key = { type = "banded", bands = [\n'
    '    { below = 15000, fee = "20000" },\n'
    '    { below = 25000, fee = "25000" },\n'
    '    { fee = "30000" },\n] }\n'
)

case(
    "banded-scb-2019",
    header("Banded fees, SCB 2019", 2021, 1) + BANDS + scb_members() + cost("fee", "year = 2021\n"),
    "Fees by band of the SCB population of 31 Dec 2019: Hylte (10 815) 20 000, Båstad (15 128) "
    "25 000, the other four (25 903 and more) 30 000; the line costs 165 000. Fees illustrative.",
    json_too=True,
    fee_total="165000",
    fees={"2021": {"bastad": "25000", "falkenberg": "30000", "halmstad": "30000", "hylte": "20000", "laholm": "30000", "ljungby": "30000"}},
)
case(
    "banded-rebanded-each-year",
    header("Banded fees, re-banded each year", 2025, 3)
    + BANDS
    + member("a", {"2023-12-31": 10000, "2024-12-31": 10000, "2025-12-31": 10000})
    + member("x", {"2023-12-31": 14999, "2024-12-31": 15000, "2025-12-31": 25000})
    + member("c", {"2023-12-31": 30000, "2024-12-31": 30000, "2025-12-31": 30000})
    + cost("fee", "from = 2025\n"),
    "x has 14 999 inhabitants for 2025 (band under 15 000: 20 000), exactly 15 000 for 2026 "
    "(the lower edge is in the band: 25 000) and exactly 25 000 for 2027 (30 000). Figures made up.",
    fees={
        "2025": {"a": "20000", "x": "20000", "c": "30000"},
        "2026": {"a": "20000", "x": "25000", "c": "30000"},
        "2027": {"a": "20000", "x": "30000", "c": "30000"},
    },
)
case(
    "banded-member-joins",
    header("Banded fees, a member joins", 2025, 1)
    + BANDS
    + member("a", {"2023-12-31": 10000})
    + member("b", {"2023-12-31": 20000}, 'joins = "2025-04-01"\n')
    + member("c", {"2023-12-31": 30000})
    + cost("fee", "year = 2025\n"),
    "b (band 15 000 to under 25 000, fee 25 000) belongs 275 of 365 days: the line costs "
    "20 000 + 25 000 x 275/365 + 30 000 = 68 835.61... -> 68 836 (half away from zero), shared "
    "by fee x membership. Figures made up.",
    fee_total="68836",
)
case(
    "banded-member-joins-months",
    header("Banded fees, a member joins, months", 2025, 1, 'pro_rata = "months"\n')
    + BANDS
    + member("a", {"2023-12-31": 10000})
    + member("b", {"2023-12-31": 20000}, 'joins = "2025-04-15"\n')
    + member("c", {"2023-12-31": 30000})
    + cost("fee", "year = 2025\n"),
    "b joins on 15 April: 8 whole months of 12, 25 000 x 8/12 = 16 666.67; the line costs "
    "66 666.67 -> 66 667. Figures made up.",
    fee_total="66667",
)
case(
    "banded-carried-forward",
    header("Banded fees, a figure carried forward", 2025, 2, "population = { carry_forward = true }\n")
    + BANDS
    + member("a", {"2023-12-31": 10000, "2024-12-31": 16000})
    + member("b", {"2023-12-31": 24999})
    + cost("fee", "from = 2025\n"),
    "b has no figure for 31 Dec 2024: its 24 999 of 2023 is carried forward and keeps it in the "
    "middle band in 2026, while a moves up to it. Figures made up.",
    fees={"2025": {"a": "20000", "b": "25000"}, "2026": {"a": "25000", "b": "25000"}},
)
case(
    "multi-key-banded-beside-per-capita",
    header("Banded fees beside a cost per capita", 2025, 2)
    + member("a", {"2023-12-31": 10000, "2024-12-31": 10000})
    + member("x", {"2023-12-31": 14000, "2024-12-31": 16000})
    + member("c", {"2023-12-31": 30000, "2024-12-31": 30000})
    + cost("pm", 'amount = "100000"\nfrom = 2025\n')
    + cost("fee", "from = 2025\n" + INLINE_BANDS),
    "A project line of 100 000 per capita beside a banded fee line; x moves band in 2026. "
    "Figures made up.",
)

# --- errors ----------------------------------------------------------------

BASIC = header("Errors", 2025, 2) + three() + cost("pm", 'amount = "1000"\nfrom = 2025\n')

case(
    "error-unknown-field",
    BASIC + cost("deep", 'amount = "1000"\nyear = 2025\npartcipants = ["a", "b"]\n'),
    "A misspelt participants is an error, never silently ignored.",
    at={"key": "partcipants"},
)
case(
    "error-unknown-member-in-participants",
    BASIC + cost("deep", 'amount = "1000"\nyear = 2025\nparticipants = ["a", "zz"]\n'),
    "A participant that is not a member.",
)
case(
    "error-duplicate-member-id",
    BASIC + member("b", {"2023-12-31": 5}),
    "Two members with the id b.",
)
case(
    "error-year-outside-horizon",
    BASIC + cost("late", 'amount = "1000"\nyear = 2027\n'),
    "A one-off in 2027 in a plan of 2025-2026.",
)
case(
    "error-negative-amount",
    BASIC + '\n[[funding]]\nid = "grant"\nname = "Grant"\nyear = 2026\namount = "-5"\n',
    "Negative funding (a refund is a cost line with a negative amount, not negative funding).",
)
case(
    "error-refund-exceeds-costs",
    BASIC + cost("refund", 'amount = "-1500"\nyear = 2026\n'),
    "A refund of 1500 in a year that costs 1000: the members' net would be -500.",
)
case(
    "error-funding-earmarked-for-refund",
    BASIC
    + cost("refund", 'amount = "-5"\nyear = 2026\n')
    + '\n[[funding]]\nid = "grant"\nname = "Grant"\nyear = 2026\namount = "5"\nline = "refund"\n',
    "Funding earmarked for a refund: only a cost can be funded.",
)
case(
    "error-refund-pool-with-fixed-amounts",
    BASIC
    + cost(
        "refund",
        'amount = "-500"\nyear = 2026\n'
        'key = { type = "fixed_amounts", amounts = { a = "100" }, rest = { type = "per_capita" } }\n',
    ),
    "A refund alone under a key with fixed amounts: a fixed amount is a part of a cost, "
    "and this pool's net is -500.",
)
case(
    "error-method-refund-to-working-group",
    header("D'Hondt and a refund to a working group", 2025, 1, 'method = "dhondt"\n')
    + three()
    + cost("pm", 'amount = "3000"\nyear = 2025\n')
    + cost("refund", 'amount = "-2000"\nyear = 2025\nparticipants = ["b", "c"]\n'),
    "D'Hondt cannot apportion the negative totals of b and c: refused at method.",
)
case(
    "error-missing-amount",
    BASIC + cost("noamount", "year = 2026\n"),
    "A cost line without amount (its key is not a fee).",
)
case(
    "error-invalid-reference-date",
    header("Errors", 2025, 1, "population = { month = 2, day = 30 }\n")
    + three()
    + cost("pm", 'amount = "1000"\nyear = 2025\n'),
    "The population rule asks for 30 February.",
)
case(
    "error-unsupported-format",
    BASIC.replace("format = 1", "format = 2"),
    "A plan of format 2.",
)
case(
    "error-float-amount",
    BASIC + cost("half", "amount = 0.5\nyear = 2025\n"),
    "A TOML float is refused: money is written as a string or an integer.",
    at={"value": "0.5"},
)
case(
    "error-nobody-to-pay-zero-weights",
    BASIC + cost("w", 'amount = "10"\nyear = 2025\nkey = { type = "weights", weights = { a = "0" } }\n'),
    "A weights key that gives everybody 0.",
)
case(
    "error-nobody-to-pay-members-left",
    header("Errors", 2025, 2)
    + three({"b": 'leaves = "2025-12-31"\n', "c": 'leaves = "2025-12-31"\n'})
    + cost("pm", 'amount = "1000"\nfrom = 2025\n')
    + cost("group", 'amount = "10"\nfrom = 2025\nparticipants = ["b", "c"]\n'),
    "Both members of a working group leave at the end of 2025: nobody pays the group in 2026.",
)
case(
    "error-nobody-to-pay-fixed-shares",
    BASIC
    + cost(
        "fs",
        'amount = "10"\nyear = 2025\nparticipants = ["a", "b"]\nkey = { type = "fixed_shares", '
        'shares = { a = "0.25", b = "0.25" }, rest = { type = "equal" } }\n',
    ),
    "Fixed shares of 1/4 + 1/4 with nobody else to pay the other half.",
)
case(
    "error-unknown-line-in-funding",
    BASIC + '\n[[funding]]\nid = "g"\nname = "Grant"\nyear = 2025\namount = "10"\nline = "nope"\n',
    "Funding earmarked for a line the plan does not have.",
)
case(
    "error-funding-more-than-its-line",
    BASIC + '\n[[funding]]\nid = "g"\nname = "Grant"\nyear = 2025\namount = "1001"\nline = "pm"\n',
    "Earmarked funding of 1001 against a line that costs 1000.",
)
json_case(
    "error-json-unknown-member",
    json.dumps(
        {
            "format": 1,
            "name": "JSON errors",
            "first_year": 2025,
            "years": 1,
            "members": [
                {"id": "a", "name": "A", "metrics": {"population": {"2023-12-31": 10}}},
                {"id": "b", "name": "B", "metrics": {"population": {"2023-12-31": 20}}},
            ],
            "costs": [
                {"id": "pm", "name": "PM", "amount": "100", "year": 2025},
                {"id": "g", "name": "G", "amount": "100", "year": 2025, "participants": ["b", "c"]},
            ],
        },
        indent=2,
    )
    + "\n",
    "An unknown participant, located in JSON text.",
)
json_case(
    "error-json-unknown-field",
    '{\n  "format": 1,\n  "name": "JSON errors",\n  "first_year": 2025,\n  "years": 1,\n'
    '  "members": [{"id": "a", "name": "A", "colour": "red"}]\n}\n',
    "An unknown field in JSON: serde_json places it at the key's closing quote.",
    at={"key": "colour"},
)


# Errors inside keys: each at the field that has it, not at the key's
# `[key]` header or `key =` line (issue 12).

BLEND = '\n[key]\ntype = "blend"\n\n[[key.parts]]\nweight = "0.5"\n\n[key.parts.key]\ntype = "equal"\n'

case(
    "error-key-misspelt-type",
    BASIC + '\n[key]\ntyp = "per_capita"\n',
    "A misspelt `type` in the plan's [key] is named at its own line.",
    json_too=True,
    at={"key": "typ"},
)
case(
    "error-cost-key-misspelt-field",
    BASIC + cost("staff", 'amount = "10"\nyear = 2025\n') + '\n[costs.key]\ntype = "metric"\nmetirc = "employees"\n',
    "A misspelt `metric` inside a cost line's key table, at its own line.",
    json_too=True,
    at={"key": "metirc"},
)
case(
    "error-blend-part-misspelt-field",
    BASIC + BLEND + '\n[[key.parts]]\nwieght = "0.5"\n\n[key.parts.key]\ntype = "per_capita"\n',
    "The second part of a blend misspells `weight`: placed at key.parts[1].wieght.",
    json_too=True,
    at={"key": "wieght"},
)
case(
    "error-blend-part-without-key",
    BASIC + BLEND + '\n[[key.parts]]\nweight = "0.5"\n',
    "The second part of a blend has no key: placed at the part's [[key.parts]] header.",
    at={"nth": ("[[key.parts]]", 1)},
)
case(
    "error-blend-part-unknown-key-type",
    BASIC + BLEND + '\n[[key.parts]]\nweight = "0.5"\n\n[key.parts.key]\ntype = "percapita"\n',
    "The second part of a blend names a key that does not exist: placed at its type.",
    at={"value": '"percapita"'},
)


# Banded fees (issue 12): every refusal at its field.

BANDED = header("Banded errors", 2025, 1) + three()


def bands(*rows: str, head: str = "[key]") -> str:
    """A banded key of the given [[...bands]] bodies."""
    table = head.strip("[]")
    return f'\n{head}\ntype = "banded"\n' + "".join(f"\n[[{table}.bands]]\n{r}" for r in rows)


GOOD = ('below = 2500\nfee = "10"\n', 'fee = "20"\n')

case(
    "error-banded-with-amount",
    BANDED + bands(*GOOD) + cost("fee", 'amount = "30"\nyear = 2025\n'),
    "A banded line gets its amount from the fees: an amount is refused at it.",
)
case(
    "error-banded-indexed",
    BANDED + bands(*GOOD) + cost("fee", "from = 2025\nindexed = true\n"),
    "A banded line cannot be indexed: the bands give its amount.",
)
case(
    "error-banded-bands-out-of-order",
    BANDED + bands('below = 2500\nfee = "10"\n', 'below = 2500\nfee = "15"\n', 'fee = "20"\n') + cost("fee", "year = 2025\n"),
    "The second band's below (2500) is not above the first's.",
    at={"nth_key": ("below", 1)},
)
case(
    "error-banded-no-open-band",
    BANDED + bands('below = 2500\nfee = "10"\n', 'below = 5000\nfee = "20"\n') + cost("fee", "year = 2025\n"),
    "The last band has a below: a population of 5000 or more would have no band.",
    at={"nth_key": ("below", 1)},
)
case(
    "error-banded-two-open-bands",
    BANDED + bands('below = 2500\nfee = "10"\n', 'fee = "15"\n', 'fee = "20"\n') + cost("fee", "year = 2025\n"),
    "Two bands without below: only the last band is open; placed at the second band's header.",
    at={"nth": ("[[key.bands]]", 1)},
)
case(
    "error-banded-fee-not-multiple-of-unit",
    BANDED + bands('below = 2500\nfee = "10"\n', 'fee = "20.5"\n') + cost("fee", "year = 2025\n"),
    "A fee of 20.5 in a plan of whole kronor.",
    at={"nth_key": ("fee", 1)},
)
case(
    "error-banded-negative-fee",
    BANDED + bands('below = 2500\nfee = "-10"\n', 'fee = "20"\n') + cost("fee", "year = 2025\n"),
    "A negative fee.",
    at={"nth_key": ("fee", 0)},
)
case(
    "error-banded-misspelt-fee",
    BANDED + bands('below = 2500\nfee = "10"\n', 'fe = "20"\n') + cost("fee", "year = 2025\n"),
    "A band misspells fee: placed at key.bands[1].fe.",
    json_too=True,
    at={"key": "fe"},
)
case(
    "error-banded-in-blend",
    BASIC
    + cost(
        "fee",
        'amount = "100"\nyear = 2025\nkey = { type = "blend", parts = [\n'
        '    { weight = "0.5", key = { type = "equal" } },\n'
        '    { weight = "0.5", key = { type = "banded", bands = [{ fee = "10" }] } },\n] }\n',
    ),
    "A banded key inside a blend: a banded key is a line's own key or the plan's, never part of another.",
    at={"inline_key": ("key", 2)},
)
case(
    "error-banded-in-limited",
    BASIC
    + cost(
        "fee",
        'amount = "100"\nyear = 2025\nkey = { type = "limited", max_share = "0.5", key = { type = "banded", bands = [{ fee = "10" }] } }\n',
    ),
    "A banded key limited by caps: refused at the inner key.",
    at={"inline_key": ("key", 1)},
)

# In-kind entries are checked as cost lines are (issue 12): each of these
# was accepted before.


def in_kind(body: str) -> str:
    return '\n[[in_kind]]\nmember = "c"\ndescription = "Staff time"\n' + body


for name, body, note, extra in (
    ("amount-not-multiple-of-unit", 'amount = "100.50"\n', "An in-kind amount of 100.50 kr in a plan of whole kronor.", {}),
    ("hours-times-rate-not-multiple-of-unit", 'hours = "10.5"\nrate = "333"\n', "10.5 hours at 333 kr is 3496.50 kr: not whole kronor; placed at the rate.", {}),
    ("amount-and-hours", 'amount = "5000"\nhours = "10"\nrate = "500"\n', "Valued both by amount and by hours × rate: which one is meant is not said.", {"json_too": True}),
    ("year-and-from", 'year = 2025\nfrom = 2025\namount = "5000"\n', "Both a one-off year and a recurring from, as a cost line may not have.", {}),
    ("to-before-from", 'from = 2026\nto = 2025\namount = "5000"\n', "A recurring entry that ends before it starts.", {}),
    ("to-without-from", 'to = 2025\namount = "5000"\n', "A to without its from (it was ignored: the entry counted every year).", {}),
):
    case(f"error-in-kind-{name}", BASIC + in_kind(body), note, **extra)


# --- places in the text ----------------------------------------------------


def steps(path: str) -> list:
    """`costs[1].participants[0]` -> ['costs', 1, 'participants', 0]."""
    out: list = []
    for part in filter(None, path.split(".")):
        name, *indices = part.split("[")
        if name:
            out.append(name)
        out.extend(int(i.rstrip("]")) for i in indices)
    return out


def line_column(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, len(before.rsplit("\n", 1)[-1]) + 1


def toml_offset(text: str, path: str) -> int:
    """Where a path is in the TOML texts of these vectors: a key at its first
    character (the segment, in a dotted key), an element of an array of
    tables at the `[` of its header, an element of an inline array at its
    first character. The deepest step found wins."""
    lines = text.split("\n")
    starts = [sum(len(x) + 1 for x in lines[:i]) for i in range(len(lines))]
    todo = steps(path)
    scope = range(0, next((i for i, x in enumerate(lines) if x.startswith("[")), len(lines)))
    best = None
    i = 0
    while i < len(todo):
        name = todo[i]
        if isinstance(todo[i + 1] if i + 1 < len(todo) else None, int) and any(
            lines[k] == f"[[{name}]]" for k in range(len(lines))
        ):
            index = todo[i + 1]
            headers = [k for k, x in enumerate(lines) if x == f"[[{name}]]"]
            k = headers[index]
            best = starts[k]
            end = next((j for j in range(k + 1, len(lines)) if lines[j].startswith("[")), len(lines))
            scope = range(k + 1, end)
            i += 2
            continue
        found = [k for k in scope if re.match(rf"{re.escape(name)}\s*[=.]", lines[k])]
        if not found:
            return best
        k = found[0]
        best = starts[k]
        rest = lines[k][len(name):]
        i += 1
        if rest.startswith(".") and i < len(todo) and isinstance(todo[i], str):
            # A dotted key: the next step is its next segment.
            if rest[1:].startswith(todo[i]):
                best = starts[k] + len(name) + 1
                i += 1
        if i < len(todo) and isinstance(todo[i], int):
            # An element of an inline array of strings on this line.
            value = lines[k].index("[")
            elements = [m.start() for m in re.finditer(r'"', lines[k][value:])][::2]
            best = starts[k] + value + elements[todo[i]]
            i += 1
        if i < len(todo):
            return best
    return best


def json_offset(text: str, path: str) -> int:
    """Where a path is in a JSON text: a key at its opening quote, an array
    element at its first character. A small parser that records offsets."""

    def skip(p: int) -> int:
        while text[p] in " \t\r\n":
            p += 1
        return p

    def value(p: int):
        """(node, end): node = ('obj', {key: (key offset, node)}) or
        ('arr', [(offset, node)]) or ('leaf', None)."""
        p = skip(p)
        if text[p] == "{":
            items = {}
            p = skip(p + 1)
            while text[p] != "}":
                key_at = p
                key, p = json.JSONDecoder().raw_decode(text, p)
                p = skip(p)
                assert text[p] == ":"
                node, p = value(p + 1)
                items[key] = (key_at, node)
                p = skip(p)
                if text[p] == ",":
                    p = skip(p + 1)
            return ("obj", items), p + 1
        if text[p] == "[":
            items = []
            p = skip(p + 1)
            while text[p] != "]":
                at = p
                node, p = value(p)
                items.append((at, node))
                p = skip(p)
                if text[p] == ",":
                    p = skip(p + 1)
            return ("arr", items), p + 1
        _, end = json.JSONDecoder().raw_decode(text, p)
        return ("leaf", None), end

    node, _ = value(0)
    best = None
    for step in steps(path):
        kind, items = node
        if kind == "obj" and isinstance(step, str) and step in items:
            best, node = items[step]
        elif kind == "arr" and isinstance(step, int) and step < len(items):
            best, node = items[step]
        else:
            break
    return best


def place(c: dict, expected: dict) -> dict:
    """Adds the line and column of an error."""
    text, fmt = c["text"], c["name"].rsplit(".", 1)[1]
    at = c["checks"].get("at")
    if at and "key" in at:
        # Reader errors about a key: at the key, its opening quote in JSON.
        if fmt == "toml":
            offset = re.search(rf"^{re.escape(at['key'])}\s*=", text, re.M).start()
        else:
            offset = text.index(f'"{at["key"]}"')
    elif at and "nth" in at:
        # An element of an array of tables below the top: the `[` of the
        # header of the element the path names.
        header, n = at["nth"]
        offset = [m.start() for m in re.finditer(re.escape(header), text)][n]
    elif at and "nth_key" in at and fmt == "toml":
        # The n-th `name =` of the text, at its first character.
        name, n = at["nth_key"]
        offset = [m.start() for m in re.finditer(rf"^{re.escape(name)}\s*=", text, re.M)][n]
    elif at and "inline_key" in at and fmt == "toml":
        # The n-th `name = {` of the text, inline or not, at its first
        # character.
        name, n = at["inline_key"]
        offset = [m.start() for m in re.finditer(rf"\b{re.escape(name)} = \{{", text)][n]
    elif at and "value" in at:
        offset = re.search(rf"=\s*({re.escape(at['value'])})\s*$", text, re.M).start(1)
    elif fmt == "toml":
        offset = toml_offset(text, expected["path"])
    else:
        offset = json_offset(text, expected["path"])
    assert offset is not None, (c["name"], expected)
    line, column = line_column(text, offset)
    return {**expected, "line": line, "column": column}


# --- checks of the cases' defining properties ------------------------------


def check(c: dict, expected: dict) -> None:
    checks = c["checks"]
    name = c["name"]
    fmt = name.rsplit(".", 1)[1]
    plan = None if "error" in expected else ref.read(c["text"], fmt)
    if "same_as_allocate" in checks:
        allocate = json.loads((HERE / "allocate.json").read_text(encoding="utf-8"))
        # A one-line plan by the 2019 figures is the allocate vector of the
        # same total: two independent routes to the same figures.
        split = next(x for x in allocate["cases"] if x["name"] == checks["same_as_allocate"])
        assert split["method"] == "largest_remainder" and split["unit"] == format(plan["unit"])
        assert expected["net"]["2021"] == split["total"], name
        assert list(expected["contributions"]["2021"].values()) == split["expected"], name
    if checks.get("carried"):
        rule = plan["population"]
        for year in range(plan["first_year"], plan["first_year"] + plan["years"]):
            wanted = ref.datetime.date(year - rule["years_before"], rule["month"], rule["day"])
            assert any(wanted not in m["metrics"]["population"] for m in plan["members"]), year
    for year, amount in checks.get("indexed", {}).items():
        y = ref.compute_year(plan, int(year))
        assert any(ref.format_amount(ln["gross"], plan["unit"]) == amount for ln in y["lines"].values()), (name, year)
    if "funding" in checks:
        y = ref.compute_year(plan, plan["first_year"])
        got = {k: ref.format_amount(ln["funding"], plan["unit"]) for k, ln in y["lines"].items()}
        assert got == checks["funding"], (name, got)
    if "fee_total" in checks:
        y = ref.compute_year(plan, plan["first_year"])
        assert ref.format_amount(y["lines"]["fee"]["gross"], plan["unit"]) == checks["fee_total"]
    for year, fees in checks.get("fees", {}).items():
        # Each member's fee by its band: with nobody joining or leaving, its
        # contribution is its fee.
        assert expected["contributions"][year] == fees, (name, year, expected["contributions"][year])
    if "capped" in checks:
        y = ref.compute_year(plan, plan["first_year"])
        ids = [m["id"] for m in plan["members"]]
        for member_id, share in checks["capped"].items():
            assert y["exact"][ids.index(member_id)] == share * y["net"], (name, member_id)
    if checks.get("method_differs"):
        # The method really changes the figures: some year's totals are not
        # largest remainder's.
        assert plan["method"] != "largest_remainder"
        differs = False
        for year, got in expected["contributions"].items():
            y = ref.compute_year(plan, int(year))
            lr = [ref.format_amount(c * plan["unit"], plan["unit"]) for c in ref.largest_remainder(y["net"], y["exact"])]
            differs |= list(got.values()) != lr
        assert differs, name
    for year, amount in checks.get("refund", {}).items():
        # The case really has a refund or credit that year.
        y = ref.compute_year(plan, int(year))
        grosses = [ref.format_amount(ln["gross"], plan["unit"]) for ln in y["lines"].values()]
        assert amount in grosses and amount.startswith("-"), (name, year, grosses)
    if checks.get("negative_total"):
        y = ref.compute_year(plan, plan["first_year"])
        assert any(e < 0 for e in y["exact"]) and y["net"] > 0, name
    if "same_as" in checks:
        assert list(next(iter(expected["contributions"].values())).values()) == checks["same_as"], name
    if name.startswith("error-"):
        assert "error" in expected, (name, expected)
    if name.startswith("multi-key-"):
        assert "exact" in expected and "contributions" not in expected, name
    elif "error" not in expected:
        assert "exact" not in expected, (name, "a single-key plan must be determined")


def build() -> dict[str, str]:
    names = [c["name"] for c in CASES]
    assert len(names) == len(set(names)), "duplicate case names"
    expected = {}
    files = {}
    for c in CASES:
        fmt = c["name"].rsplit(".", 1)[1]
        result = ref.run(c["text"], fmt)
        if "error" in result:
            result = place(c, result)
        check(c, result)
        expected[c["name"]] = {"note": c["note"], **result}
        files[c["name"]] = c["text"]
    codes = {e.get("error") for e in expected.values()}
    for code in (
        "unknown_field", "unknown_member", "duplicate_id", "year_outside_horizon",
        "negative_amount", "missing_field", "invalid_date", "unsupported_format",
        "plan_syntax", "nobody_to_pay", "missing_figure", "impossible_caps", "unknown_line",
        "not_multiple_of_unit",
    ):
        assert code in codes, code
    files["expected.json"] = json.dumps({"format": 1, "plans": expected}, ensure_ascii=False, indent=2) + "\n"
    return files


def main(argv: list[str]) -> int:
    files = build()
    if argv == ["--check"]:
        stale = [n for n, t in files.items() if not (OUT / n).exists() or (OUT / n).read_text(encoding="utf-8") != t]
        extra = sorted(
            p.name for p in OUT.glob("*") if p.suffix in (".toml", ".json") and p.name not in files
        ) if OUT.exists() else []
        if stale or extra:
            print(f"{OUT} differs from the reference ({stale + extra}): run "
                  "python3 tests/vectors/make_plans.py", file=sys.stderr)
            return 1
        print(f"plans/: {len(CASES)} plans match the reference")
        return 0
    if argv:
        print("usage: make_plans.py [--check]", file=sys.stderr)
        return 2
    OUT.mkdir(exist_ok=True)
    for p in OUT.glob("*"):
        if p.suffix in (".toml", ".json") and p.name not in files:
            p.unlink()
    for n, t in files.items():
        (OUT / n).write_text(t, encoding="utf-8")
    print(f"wrote {OUT} ({len(CASES)} plans)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
