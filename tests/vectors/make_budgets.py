#!/usr/bin/env python3
"""Writes tests/vectors/budgets.json: one-year budgets shared by one key
(andel's `Budget`), with every member's contribution computed here from
the key's definition with `fractions.Fraction`, not by andel.

    python3 tests/vectors/make_budgets.py            # writes budgets.json
    python3 tests/vectors/make_budgets.py --check    # fail if it differs

Rules (docs/plan-format.md): each member's exact share of the total comes
from the key; contributions are whole multiples of the unit, rounded down,
and the units left over go to the largest remainders, ties to the larger
exact amount, then the earlier member (largest remainder, the default
method). Error cases name the code and the place in the budget; they are
written by hand.
"""

from __future__ import annotations

import json
import sys
from fractions import Fraction as F
from pathlib import Path

OUT = Path(__file__).resolve().parent / "budgets.json"

SCB_2019 = [
    ("bastad", "Båstad", 15128),
    ("falkenberg", "Falkenberg", 45367),
    ("halmstad", "Halmstad", 102767),
    ("hylte", "Hylte", 10815),
    ("laholm", "Laholm", 25903),
    ("ljungby", "Ljungby", 28521),
]


def members(pops):
    return [
        {"id": f"m{i + 1}", "name": f"Member {i + 1}", "population": None if p is None else str(p)}
        for i, p in enumerate(pops)
    ]


def exact_amounts(budget):
    total = F(budget["total"])
    ms = budget["members"]
    key = budget["key"]

    def by_population(amount, who):
        pops = [F(m["population"]) if w else F(0) for m, w in zip(ms, who)]
        return [amount * p / sum(pops) for p in pops]

    everyone = [True] * len(ms)
    if key["type"] == "per_capita":
        return by_population(total, everyone)
    if key["type"] == "equal":
        return [total / len(ms)] * len(ms)
    if key["type"] == "blend":
        fixed = total * F(key["fixed"])
        rest = by_population(total - fixed, everyone)
        return [fixed / len(ms) + r for r in rest]
    if key["type"] == "fixed_shares":
        shares = {k: F(v) for k, v in key["shares"].items()}
        fixed = [total * shares[m["id"]] if m["id"] in shares else None for m in ms]
        rest = by_population(total - sum(f for f in fixed if f is not None), [f is None for f in fixed])
        return [f if f is not None else r for f, r in zip(fixed, rest)]
    raise ValueError(key)


def contributions(budget):
    unit = F(budget.get("unit", "1"))
    exact = exact_amounts(budget)
    floors = [int(e // unit) for e in exact]
    left = int(F(budget["total"]) / unit) - sum(floors)
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] / unit - floors[i]), -exact[i], i))
    for i in order[:left]:
        floors[i] += 1
    return {m["id"]: fmt(n * unit) for m, n in zip(budget["members"], floors)}


def fmt(x: F) -> str:
    """A whole multiple of the unit as andel writes it: no trailing zeros
    beyond the unit's decimals (the vectors' units are 0.01, 1 and 100)."""
    if x.denominator == 1:
        return str(x.numerator)
    cents = x * 100
    assert cents.denominator == 1
    n = cents.numerator
    sign = "-" if n < 0 else ""
    n = abs(n)
    return f"{sign}{n // 100}.{n % 100:02d}"


def budget(total, key, pops, unit=None, year=2025, ms=None):
    b = {"year": year, "total": total, "key": key, "members": ms or members(pops)}
    if unit is not None:
        b["unit"] = unit
    return b


def reference(total, key, unit=None):
    """A budget of the reference case's six municipalities in 2021."""
    ms = [{"id": i, "name": n, "population": str(p)} for i, n, p in SCB_2019]
    return budget(total, key, None, unit=unit, year=2021, ms=ms)


CASES = [
    ("per-capita", budget("100", {"type": "per_capita"}, [1, 1, 2])),
    ("equal-ties-to-the-earlier", budget("100", {"type": "equal"}, [1, 2, 3])),
    ("blend-ties-to-the-larger-exact-amount", budget("100", {"type": "blend", "fixed": "0.4"}, [1, 1, 2])),
    ("blend-all-fixed-is-equal", budget("100", {"type": "blend", "fixed": "1"}, [1, 2, 3])),
    ("blend-no-fixed-is-per-capita", budget("100", {"type": "blend", "fixed": "0"}, [5, 3, 2])),
    ("fixed-shares", budget("100", {"type": "fixed_shares", "shares": {"m3": "0.25"}}, [1, 2, None])),
    ("unit-of-hundreds", budget("1000", {"type": "per_capita"}, [1, 1, 1], unit="100")),
    ("unit-of-ore", budget("100", {"type": "equal"}, [1, 1, 1], unit="0.01")),
    ("reference-per-capita", reference("1250000", {"type": "per_capita"})),
    ("reference-blend-30-percent-fixed", reference("1250000", {"type": "blend", "fixed": "0.3"})),
    (
        "reference-halmstad-pays-40-percent",
        reference("1250000.50", {"type": "fixed_shares", "shares": {"halmstad": "0.4"}}, unit="0.01"),
    ),
]

ERRORS = [
    ("missing-population", budget("100", {"type": "per_capita"}, [1, None]), "missing_figure", "members[1].population"),
    ("negative-population", budget("100", {"type": "per_capita"}, [1, -3]), "negative_amount", "members[1].population"),
    ("every-population-zero", budget("100", {"type": "per_capita"}, [0, 0]), "nobody_to_pay", "members"),
    ("fixed-part-above-one", budget("100", {"type": "blend", "fixed": "1.5"}, [1, 1]), "invalid_key", "key.fixed"),
    ("fixed-part-below-zero", budget("100", {"type": "blend", "fixed": "-0.1"}, [1, 1]), "invalid_key", "key.fixed"),
    ("share-of-nobody", budget("100", {"type": "fixed_shares", "shares": {"m9": "0.5"}}, [1, 1]), "unknown_member", "key.shares.m9"),
    ("total-not-a-multiple-of-the-unit", budget("100.5", {"type": "per_capita"}, [1, 1]), "not_multiple_of_unit", "total"),
    ("unit-zero", budget("100", {"type": "per_capita"}, [1, 1], unit="0"), "invalid_unit", "unit"),
    ("no-members", budget("100", {"type": "equal"}, []), "invalid_plan", "members"),
]


def main(argv: list[str]) -> int:
    cases = [dict(name=name, budget=b, expected=contributions(b)) for name, b in CASES]
    cases += [dict(name=name, budget=b, error={"code": code, "path": path}) for name, b, code, path in ERRORS]
    text = json.dumps({"format": 1, "cases": cases}, ensure_ascii=False, indent=1) + "\n"
    if argv == ["--check"]:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} differs from the reference: run python3 tests/vectors/make_budgets.py", file=sys.stderr)
            return 1
        print(f"{OUT.name}: {len(cases)} cases match the reference")
        return 0
    if argv:
        print("usage: make_budgets.py [--check]", file=sys.stderr)
        return 2
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(cases)} cases)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
