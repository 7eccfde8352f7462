#!/usr/bin/env python3
"""Writes tests/vectors/allocate.json from hand-written case inputs.

The inputs below are written by hand; every `expected` (or `error`) is
computed by reference.py, never by andel.  Published results (the 1790 US
House apportionments) and the defining properties of some cases (the
Alabama paradox pair) are asserted here, so a wrong reference stops the
generator instead of producing wrong vectors.

    python3 tests/vectors/make_allocate.py            # rewrite allocate.json
    python3 tests/vectors/make_allocate.py --check    # fail if it differs
"""

from __future__ import annotations

import json
import sys
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import reference  # noqa: E402
from reference import METHODS, RefError  # noqa: E402

OUT = Path(__file__).resolve().parent / "allocate.json"

# SCB population on 31 December (tests/vectors/README.md, /work/shared/domain.md).
SCB_2019 = {
    "Båstad": "15128",
    "Falkenberg": "45367",
    "Halmstad": "102767",
    "Hylte": "10815",
    "Laholm": "25903",
    "Ljungby": "28521",
}
# 2021: Ljungby's figure was not found, so only the five Halland members.
SCB_2021 = {
    "Båstad": "15636",
    "Falkenberg": "46773",
    "Halmstad": "104573",
    "Hylte": "10619",
    "Laholm": "26319",
}
# 2023: Båstad's figure was not found, so the five others.
SCB_2023 = {
    "Falkenberg": "47108",
    "Halmstad": "105796",
    "Hylte": "10299",
    "Laholm": "26565",
    "Ljungby": "28304",
}

# 1790 US census, apportionment population (free persons plus three fifths
# of "other persons"), in the order of the 1792 acts.
US_1790 = {
    "Connecticut": "236841",
    "Delaware": "55540",
    "Georgia": "70835",
    "Kentucky": "68705",
    "Maryland": "278514",
    "Massachusetts": "475327",
    "New Hampshire": "141822",
    "New Jersey": "179570",
    "New York": "331589",
    "North Carolina": "353523",
    "Pennsylvania": "432879",
    "Rhode Island": "68446",
    "South Carolina": "206236",
    "Vermont": "85533",
    "Virginia": "630560",
}
# Published: the Apportionment Act of 1792 (Jefferson's method, 105 seats).
US_1792_JEFFERSON_105 = [7, 1, 2, 2, 8, 14, 4, 5, 10, 10, 13, 2, 6, 2, 19]
# Published: the bill vetoed by Washington in April 1792 (Hamilton, 120).
US_1792_HAMILTON_120 = [8, 2, 2, 2, 9, 16, 5, 6, 11, 12, 14, 2, 7, 3, 21]

SCB_NOTE = "SCB population 31 Dec {year}; the total is illustrative"

CASES: list[dict] = []


def case(name, note, total, weights, *, unit="0.01", method="largest_remainder",
         first_divisor=None, names=None):
    """Adds one case. unit=None / method=None leave the key out, so the
    README's defaults are exercised."""
    c = {"name": name, "note": note, "total": total}
    if unit is not None:
        c["unit"] = unit
    if method is not None:
        c["method"] = method
    if first_divisor is not None:
        c["first_divisor"] = first_divisor
    if names is not None:
        c["names"] = list(names)
    c["weights"] = list(weights)
    CASES.append(c)


def named(table):
    return list(table.keys()), list(table.values())


# --- The reference case: six municipalities, SCB 2019 ---------------------

names19, pop19 = named(SCB_2019)
for m in METHODS:
    case(f"scb-2019-six-municipalities-kronor-{m}", SCB_NOTE.format(year=2019) + "; whole kronor",
         "1000000", pop19, unit="1", method=m, names=names19)
for m in METHODS:
    case(f"scb-2019-six-municipalities-ore-{m}", SCB_NOTE.format(year=2019) + "; öre",
         "250000.00", pop19, unit="0.01", method=m, names=names19)
case("scb-2019-six-municipalities-five-ore", SCB_NOTE.format(year=2019) + "; 5-öre steps",
     "123456.75", pop19, unit="0.05", names=names19)
case("scb-2019-six-municipalities-five-ore-sainte-lague", SCB_NOTE.format(year=2019) + "; 5-öre steps",
     "123456.75", pop19, unit="0.05", method="sainte_lague", names=names19)
for m in ("largest_remainder", "dhondt", "huntington_hill"):
    case(f"scb-2019-six-municipalities-thousands-{m}",
         SCB_NOTE.format(year=2019) + "; in steps of 1000 kr",
         "2500000", pop19, unit="1000", method=m, names=names19)
case("scb-2019-six-municipalities-defaults", SCB_NOTE.format(year=2019)
     + "; unit and method left out: 0.01 and largest_remainder", "480000", pop19)
case("scb-2019-six-municipalities-settlement-refund",
     SCB_NOTE.format(year=2019) + "; a negative settlement (refund) split by the same key",
     "-37211.17", pop19, unit="0.01", names=names19)
case("scb-2019-six-municipalities-21-seats-swedish",
     "SCB population 31 Dec 2019; 21 seats of a joint body by the Swedish Sainte-Laguë (first divisor 1.2)",
     "21", pop19, unit="1", method="sainte_lague", first_divisor="1.2", names=names19)

names21, pop21 = named(SCB_2021)
for m in ("largest_remainder", "sainte_lague"):
    case(f"scb-2021-halland-members-{m}", SCB_NOTE.format(year=2021) + "; Ljungby's figure not found, so left out",
         "750000.00", pop21, unit="0.01", method=m, names=names21)
case("scb-2021-halland-members-huntington-hill-seats",
     SCB_NOTE.format(year=2021) + "; 31 seats", "31", pop21, unit="1",
     method="huntington_hill", names=names21)
names23, pop23 = named(SCB_2023)
for m in ("largest_remainder", "dhondt"):
    case(f"scb-2023-five-members-{m}", SCB_NOTE.format(year=2023) + "; Båstad's figure not found, so left out",
         "1200000", pop23, unit="1", method=m, names=names23)

# --- Published oracles: the 1790 census --------------------------------------

states, pop1790 = named(US_1790)
case("us-1790-hamilton-120", "1790 census; Hamilton's method, 120 seats: the bill Washington vetoed in 1792",
     "120", pop1790, unit="1", method="largest_remainder", names=states)
case("us-1790-jefferson-105", "1790 census; Jefferson's method, 105 seats: the Apportionment Act of 1792",
     "105", pop1790, unit="1", method="dhondt", names=states)
case("us-1790-webster-105", "1790 census; Webster's method (Sainte-Laguë), 105 seats; computed, not published",
     "105", pop1790, unit="1", method="sainte_lague", names=states)
case("us-1790-huntington-hill-105", "1790 census; Huntington–Hill, 105 seats; computed, not published",
     "105", pop1790, unit="1", method="huntington_hill", names=states)

# --- The Alabama paradox --------------------------------------------------------

# Quotas for 10 units: 4.29, 4.29, 1.43 -> C's .43 wins the one leftover.
# For 11 units: 4.71, 4.71, 1.57 -> A and B win both leftovers; C drops to 1.
ALABAMA = ["6", "6", "2"]
for units in ("10", "11"):
    case(f"alabama-paradox-hamilton-{units}", "Alabama paradox: under Hamilton C gets 2 of 10 units but 1 of 11",
         units, ALABAMA, unit="1", method="largest_remainder", names=["A", "B", "C"])
for m in ("dhondt", "sainte_lague"):
    for units in ("10", "11"):
        case(f"alabama-paradox-{m}-{units}", "the Alabama pair under a divisor method: nobody loses when the total grows",
             units, ALABAMA, unit="1", method=m, names=["A", "B", "C"])

# --- Election-style divisors ------------------------------------------------------

VOTES = ["5100", "2900", "1400", "600"]
case("sainte-lague-swedish-first-divisor", "Sainte-Laguë with the Swedish first divisor 1.2",
     "10", VOTES, unit="1", method="sainte_lague", first_divisor="1.2")
case("sainte-lague-norwegian-first-divisor", "Sainte-Laguë with the Norwegian first divisor 1.4",
     "10", VOTES, unit="1", method="sainte_lague", first_divisor="1.4")
case("sainte-lague-pure", "pure Sainte-Laguë (first divisor 1), no first divisor given",
     "10", VOTES, unit="1", method="sainte_lague")
case("sainte-lague-first-divisor-three", "first divisor 3, the largest allowed: d = 3, 3, 5, 7, …",
     "10", VOTES, unit="1", method="sainte_lague", first_divisor="3")
case("sainte-lague-first-divisor-half", "first divisor 0.5, a small one: favours the smallest parties",
     "7", VOTES, unit="1", method="sainte_lague", first_divisor="0.5")
case("dhondt-votes", "D'Hondt on the same votes", "10", VOTES, unit="1", method="dhondt")
case("huntington-hill-votes", "Huntington–Hill on the same votes", "10", VOTES, unit="1",
     method="huntington_hill")

# --- Ties ------------------------------------------------------------------------

for m in METHODS:
    case(f"tie-equal-weights-{m}", "equal weights: leftover units go to the earliest parts",
         "100", ["1", "1", "1"], unit="1", method=m)
# Quotas 0.5, 1.5, 1: the two .5 remainders tie; the larger weight (3) wins.
case("tie-equal-remainders-larger-weight-wins", "equal remainders: the larger weight wins, though later",
     "3", ["1", "3", "2"], unit="1", method="largest_remainder")
# Quotas 3/7, 1/7, 3/7: one leftover; equal remainders, equal weights.
case("tie-equal-remainders-equal-weights", "equal remainders and equal weights: the earlier part wins",
     "1", ["3", "1", "3"], unit="1", method="largest_remainder")
case("tie-largest-ratio-equal-weights", "largest ratio: equal largest weights, earlier position wins",
     "1", ["2", "5", "5", "1"], unit="1", method="largest_ratio")
case("tie-in-order-skips-zero-weight", "in order: the first positive-weight parts, in input order",
     "2", ["0", "1", "1", "1"], unit="1", method="in_order")
# D'Hondt averages 1, 2 | 1/1 = 2/2: equal averages, the larger weight wins.
case("tie-dhondt-equal-averages-larger-weight", "equal averages (2/2 = 1/1): the larger weight wins",
     "2", ["1", "2"], unit="1", method="dhondt")
case("tie-dhondt-equal-averages-earlier", "equal averages and equal weights: the earlier part wins",
     "3", ["4", "4"], unit="1", method="dhondt")
# Sainte-Laguë averages 3/1 = 9/3: tie, larger weight (9) wins.
case("tie-sainte-lague-equal-averages-larger-weight", "equal averages (9/3 = 3/1): the larger weight wins",
     "2", ["3", "9"], unit="1", method="sainte_lague")
# Huntington-Hill: both get a first unit; the third unit's averages 5/√2 tie.
case("tie-huntington-hill-first-units", "equal weights: both get a first unit, the third goes to the earlier",
     "3", ["5", "5"], unit="1", method="huntington_hill")
# Squared averages w²/(k(k+1)): 1²/(1·2) = 6²/(8·9) = 1/2. After 9 units
# (1 and 8) the 10th is that tie, and the larger weight wins: 1 and 9.
case("tie-huntington-hill-equal-averages-larger-weight",
     "equal averages 1/√2 = 6/√72: the larger weight wins, though later",
     "10", ["1", "6"], unit="1", method="huntington_hill")

# --- Zero weights ----------------------------------------------------------------

for m in METHODS:
    case(f"zero-weights-first-and-last-{m}", "zero weights first and last get nothing",
         "10.01", ["0", "5", "3", "0"], unit="0.01", method=m)
case("zero-weight-in-middle", "a zero weight in the middle of an in-order split",
     "1", ["1", "0", "1", "1"], unit="0.01", method="in_order")
case("zero-weight-written-with-decimals", "zero written as 0.00 and -0 is still zero",
     "10", ["0.00", "1", "-0"], unit="1", method="largest_remainder")

# --- Single weight, fractional weights, percentages ---------------------------------

case("single-weight", "one member pays everything", "123.45", ["7"], unit="0.01")
case("single-weight-huntington-hill", "one member, Huntington–Hill", "5", ["0.5"], unit="1",
     method="huntington_hill")
case("fractional-weights", "weights with different numbers of decimals", "1000", ["0.333", "12.5", "1"],
     unit="0.01")
case("fractional-weights-dhondt", "weights with different numbers of decimals", "1000", ["0.333", "12.5", "1"],
     unit="0.01", method="dhondt")
case("percentages-thirds", "percentages that already sum to 100", "1000.00", ["33.34", "33.33", "33.33"],
     unit="0.01")
case("percentages-eighths", "percentages 12.5/37.5/50", "999.99", ["12.5", "37.5", "50"], unit="0.01")
case("finsam-quarters", "Finsam: agency 1/2, region 1/4, municipalities 1/4", "1000000.01",
     ["50", "25", "25"], unit="0.01", method="largest_remainder")
case("weight-in-exponent-form", "weights as a float repr prints them (1e6, 2.5E3)", "100",
     ["1e6", "2.5E3", "100"], unit="0.01")

# --- Signs and zero ------------------------------------------------------------------

for m in METHODS:
    case(f"negative-total-{m}", "a negative total mirrors the positive one", "-100.00",
         ["1", "2", "4"], unit="0.01", method=m)
case("zero-total", "nothing to split", "0", ["1", "2"], unit="0.01")
case("zero-total-negative-zero", "-0.00 is zero: amounts never print as -0", "-0.00", ["1", "2"],
     unit="0.01", method="dhondt")
case("unit-with-trailing-zero", "unit 0.10 prints one decimal", "1", ["1", "2"], unit="0.10")
case("unit-quarter", "unit 0.25", "1.00", ["1", "2", "2"], unit="0.25", method="largest_remainder")

# --- Large totals ------------------------------------------------------------------

for m in METHODS:
    case(f"large-total-scb-2019-{m}", "12 345 678 901 units of 0.01; SCB 2019 population",
         "123456789.01", pop19, unit="0.01", method=m, names=names19)
UNEVEN = ["3", "5", "7", "11", "13", "1000003"]
for m in METHODS:
    case(f"large-total-uneven-weights-{m}", "987 654 321 units of 0.1 by very uneven weights",
         "98765432.1", UNEVEN, unit="0.1", method=m)
case("large-total-sainte-lague-swedish", "millions of units, first divisor 1.2", "7654321.00",
     ["1", "2", "3", "4"], unit="0.01", method="sainte_lague", first_divisor="1.2")

# --- Errors ---------------------------------------------------------------------------

case("error-empty-weights", "no weights", "100", [])
case("error-negative-weight", "a negative weight", "10", ["1", "-1"])
case("error-negative-weight-named", "a negative weight, named", "10", ["5", "-0.01", "-3"],
     names=["a", "b", "c"])
case("error-zero-weights", "every weight zero", "10", ["0", "0", "0.0"])
case("error-not-multiple-of-unit", "0.015 is not a whole number of öre", "10.015", ["1", "1"])
case("error-not-multiple-of-unit-thousands", "not a whole number of thousands", "2500", ["1"], unit="1000")
case("error-invalid-unit-zero", "unit 0", "10", ["1"], unit="0")
case("error-invalid-unit-negative", "negative unit", "10", ["1"], unit="-0.01")
case("error-invalid-number-letters", "a weight that is not a number", "10", ["1", "abc"])
case("error-invalid-number-comma", "decimal comma", "10", ["1,5", "1"])
case("error-invalid-number-nan", "NaN as the total", "NaN", ["1"])
case("error-invalid-number-empty-weight", "an empty weight", "10", ["1", ""])
case("error-invalid-number-empty-total", "an empty total", "", ["1"])
case("error-invalid-number-thousands-separator", "a space as thousands separator", "1 000", ["1"])
case("error-invalid-number-infinity", "infinity as the unit", "10", ["1"], unit="inf")
case("error-unknown-method", "an unknown method name", "10", ["1", "2"], method="hare")
case("error-too-few-units", "Huntington–Hill: 2 units for 3 positive weights", "2", ["1", "1", "1"],
     unit="1", method="huntington_hill")
case("error-too-few-units-zero-total", "Huntington–Hill cannot split 0 among positive weights", "0",
     ["1"], unit="1", method="huntington_hill")
case("huntington-hill-zero-weights-not-counted", "zero weights need no unit: 2 units for 2 positive weights",
     "2", ["1", "0", "1"], unit="1", method="huntington_hill")
case("error-first-divisor-with-dhondt", "only sainte_lague takes a first divisor", "10", ["1", "2"],
     unit="1", method="dhondt", first_divisor="1.2")
case("error-first-divisor-with-largest-remainder", "only sainte_lague takes a first divisor", "10",
     ["1", "2"], unit="1", method="largest_remainder", first_divisor="1")
case("error-first-divisor-zero", "first divisor 0", "10", ["1", "2"], unit="1", method="sainte_lague",
     first_divisor="0")
case("error-first-divisor-too-large", "first divisor 3.5 (at most 3)", "10", ["1", "2"], unit="1",
     method="sainte_lague", first_divisor="3.5")
case("error-first-divisor-negative", "negative first divisor", "10", ["1", "2"], unit="1",
     method="sainte_lague", first_divisor="-1.2")
case("error-overflow-largest-total", "the largest decimal total times a weight above 2^32 passes 2^128",
     "79228162514264337593543950335", ["1", "4294967297"], unit="1")
case("largest-total-dhondt-big-integers", "past 2^128 a divisor method computes in big integers instead of overflowing",
     "79228162514264337593543950335", ["4294967297", "1"], unit="1", method="dhondt")
case("error-overflow-many-decimals", "a weight with 21 decimals puts the other at 10^27, times 10^14 units",
     "1000000000000", ["1000000", "0.000000000000000000001"], unit="0.01")
case("largest-total-huntington-hill-big-integers", "the largest decimal total by weights at scale 10^28, in big integers",
     "79228162514264337593543950335", ["1", "0.0000000000000000000000000001"], unit="1",
     method="huntington_hill")

# --- Precedence (README: the first applicable error wins) --------------------------------

case("precedence-invalid-number-before-invalid-unit", "the bad weight text wins over unit 0", "10",
     ["x"], unit="0")
case("precedence-invalid-unit-before-first-divisor", "unit 0 wins over a first divisor with dhondt",
     "10", ["1"], unit="0", method="dhondt", first_divisor="1.2")
case("precedence-first-divisor-before-not-multiple", "bad first divisor wins over a total of 10.5 units",
     "10.5", ["1"], unit="1", method="sainte_lague", first_divisor="4")
case("precedence-not-multiple-before-empty", "not a multiple wins over no weights", "0.001", [])
case("precedence-empty-is-not-zero-weights", "no weights at all", "0", [], unit="1")
case("precedence-negative-before-zero-weights", "negative wins over all-zero", "10", ["0", "-1"])
case("precedence-zero-weights-before-too-few-units", "all zero wins over Huntington–Hill's too few units",
     "0", ["0", "0"], unit="1", method="huntington_hill")


# --- Compute, assert, write -------------------------------------------------------------


def compute(c: dict) -> dict:
    out = dict(c)
    try:
        out["expected"] = reference.allocate(
            c["total"], c["weights"], c.get("unit", reference.DEFAULT_UNIT),
            c.get("method", reference.DEFAULT_METHOD), c.get("first_divisor"))
    except RefError as e:
        out["error"] = e.code
    # Both textbook definitions of a divisor method must agree wherever
    # one-at-a-time is used.
    if "expected" in out and c.get("method") in reference.DIVISOR_METHODS:
        units = abs(Fraction(c["total"]) / Fraction(c.get("unit", "0.01")))
        ws = [reference.parse_number(w) for w in c["weights"]]
        first = reference.parse_number(c.get("first_divisor", "1"))
        if units <= reference.ONE_AT_A_TIME_LIMIT:
            reference.cross_check(c["method"], first, int(units), ws)
    return out


def ints(amounts):
    return [int(a) for a in amounts]


def check_published(results: dict) -> None:
    assert ints(results["us-1790-jefferson-105"]["expected"]) == US_1792_JEFFERSON_105, \
        results["us-1790-jefferson-105"]
    assert ints(results["us-1790-hamilton-120"]["expected"]) == US_1792_HAMILTON_120, \
        results["us-1790-hamilton-120"]
    a10 = ints(results["alabama-paradox-hamilton-10"]["expected"])
    a11 = ints(results["alabama-paradox-hamilton-11"]["expected"])
    assert a11[2] < a10[2], ("no Alabama paradox", a10, a11)
    for m in ("dhondt", "sainte_lague"):
        d10 = ints(results[f"alabama-paradox-{m}-10"]["expected"])
        d11 = ints(results[f"alabama-paradox-{m}-11"]["expected"])
        assert all(x <= y for x, y in zip(d10, d11)), (m, d10, d11)


def build() -> str:
    names = [c["name"] for c in CASES]
    assert len(names) == len(set(names)), "duplicate case names"
    results = [compute(c) for c in CASES]
    check_published({r["name"]: r for r in results})
    # Every error code that the README lists must have a vector.
    codes = {r.get("error") for r in results}
    for code in ("empty_weights", "negative_weight", "zero_weights", "not_multiple_of_unit",
                 "invalid_unit", "invalid_number", "unknown_method", "too_few_units",
                 "invalid_first_divisor", "overflow"):
        assert code in codes, code
    return json.dumps({"format": 1, "cases": results}, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str]) -> int:
    text = build()
    if argv == ["--check"]:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} differs from the reference: run python3 tests/vectors/make_allocate.py",
                  file=sys.stderr)
            return 1
        print(f"{OUT.name}: {len(CASES)} cases match the reference")
        return 0
    if argv:
        print("usage: make_allocate.py [--check]", file=sys.stderr)
        return 2
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(CASES)} cases)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
