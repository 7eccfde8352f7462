#!/usr/bin/env python3
"""Writes tests/vectors/host_values.json: splits given host values (a float,
an integer) rather than decimal texts, and what every runtime must do with
them. The format is in tests/vectors/README.md (`host_values.json`).

The inputs below are written by hand; every outcome is computed here, from
the number policy written out in `outcome` and tests/vectors/reference.py,
never by andel. The policy: a host float is never money (a total or a unit
given as one is refused, `float_money`); elsewhere (a weight, a first
divisor) it is read through its shortest text, and one with no decimal
value (NaN, an infinity) is refused (`not_finite`); a host integer is exact.
The numbers are read in the shared order (total, unit, first divisor, the
weights in order) and the first refusal or bad text wins, before the method.

    python3 tests/vectors/make_host_values.py            # rewrite host_values.json
    python3 tests/vectors/make_host_values.py --check    # fail if it differs
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
import reference  # noqa: E402
from reference import RefError  # noqa: E402

OUT = Path(__file__).resolve().parent / "host_values.json"


def flt(text: str) -> Dict[str, str]:
    """A host float (Python `float(text)`, JavaScript `Number(text)`)."""
    return {"float": text}


def int_(text: str) -> Dict[str, str]:
    """A host integer (Python `int(text)`, JavaScript `BigInt(text)`)."""
    return {"int": text}


class Refused(Exception):
    """A host value refused before it is read as a decimal."""

    def __init__(self, kind: str, field: str) -> None:
        super().__init__(kind)
        self.kind = kind
        self.field = field


def read(value: Any, field: str, money: bool) -> str:
    """The decimal text a host value stands for, or Refused."""
    if isinstance(value, str):
        return value
    if "int" in value:
        return value["int"]
    text = value["float"]
    if money:
        raise Refused("float_money", field)
    if text.lstrip("+-").lower() in ("nan", "inf", "infinity"):
        raise Refused("not_finite", field)
    return text


def outcome(args: Dict[str, Any]) -> Dict[str, Any]:
    """`expected`, `error` or `refused` (with the `field` that lost) for one
    case, by the policy above."""
    names: Optional[List[str]] = args.get("names")

    def weight_field(i: int) -> str:
        return f"weight {i}" + (f" ({names[i]})" if names else "")

    texts: Dict[str, Any] = {}
    try:
        for key, money in (("total", True), ("unit", True), ("first_divisor", False)):
            if key in args:
                texts[key] = read(args[key], key, money)
                reference.parse_number(texts[key])
        texts["weights"] = []
        for i, w in enumerate(args["weights"]):
            text = read(w, weight_field(i), False)
            try:
                reference.parse_number(text)
            except RefError:
                return {"error": "invalid_number", "field": weight_field(i)}
            texts["weights"].append(text)
    except Refused as refused:
        return {"refused": refused.kind, "field": refused.field}
    except RefError as err:
        return {"error": str(err), "field": key}
    try:
        return {"expected": reference.allocate(**texts, **({"method": args["method"]} if "method" in args else {}))}
    except RefError as err:
        return {"error": str(err)}


def case(name: str, note: str, **args: Any) -> Dict[str, Any]:
    return {"name": name, "note": note, "call": "allocate", "args": args, **outcome(args)}


CASES = [
    case("float-weights-read-through-their-text", "0.1 is exactly one tenth",
         total="1.00", weights=[flt("0.1"), flt("0.3")]),
    case("float-first-divisor-is-not-money", "Python refused it and JS read it; now both read it",
         total="10", unit="1", method="sainte_lague", first_divisor=flt("1.2"),
         weights=["5", "3", "1"]),
    case("integers-are-exact", "a host integer beyond 2**53 keeps every digit",
         total=int_("9007199254740993"), unit="1", weights=[int_("9007199254740993"), int_("1")]),
    case("float-total-refused", "money is never a float", total=flt("10"), weights=["1", "2"]),
    case("float-unit-refused", "money is never a float", total="10", unit=flt("1"), weights=["1"]),
    case("float-total-before-bad-unit-text", "the total is read first",
         total=flt("10"), unit="1,0", weights=["1"]),
    case("bad-total-text-before-float-unit", "the total is read first",
         total="1,0", unit=flt("1"), weights=["1"]),
    case("float-unit-before-bad-weight", "the unit is read before the weights",
         total="10", unit=flt("1"), weights=["x"]),
    case("nan-weight-refused", "NaN has no decimal value", total="10", weights=["1", flt("NaN")]),
    case("infinite-weight-refused", "an infinity has no decimal value",
         total="10", weights=[flt("-Infinity")]),
    case("nan-weight-named", "the weight is named like core names it",
         total="10", weights=["1", flt("NaN")], names=["Båstad", "Hylte"]),
    case("infinite-first-divisor-before-bad-weight", "the first divisor is read before the weights",
         total="10", method="sainte_lague", first_divisor=flt("Infinity"), weights=["x"]),
    case("bad-weight-text-before-nan-weight", "weights in order",
         total="10", weights=["1", "1,5", flt("NaN")]),
    case("nan-weight-before-unknown-method", "numbers before the method",
         total="10", method="hare", weights=[flt("NaN")]),
    case("float-first-divisor-without-sainte-lague", "read, then refused by the split",
         total="10", method="dhondt", first_divisor=flt("1.4"), weights=["1"]),
]


def main() -> None:
    text = json.dumps({"format": 1, "cases": CASES}, ensure_ascii=False, indent=2) + "\n"
    if "--check" in sys.argv[1:]:
        if OUT.read_text(encoding="utf-8") != text:
            sys.exit(f"{OUT} is out of date: run python3 {Path(__file__).name}")
        return
    OUT.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
