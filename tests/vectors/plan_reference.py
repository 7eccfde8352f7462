#!/usr/bin/env python3
"""An independent reference for andel's budget-cycle plans, used to compute
the expected values of tests/vectors/plans/expected.json.

Written from the documented rules (the doc comments of core/src/plan,
core/src/document and core/src/dates.rs, and tests/vectors/plans/README.md),
NOT by porting the Rust code.  Every number is a `fractions.Fraction`;
dates are Python `datetime.date`.  It covers the features whose rounded
result is uniquely determined and the checks the error vectors need.

The rules, in the order a year is computed:

* Membership: the part of year Y a member belongs, by `pro_rata`:
  - `days`: days from max(joins, 1 Jan) to min(leaves, 31 Dec), both
    counted, over 365 or 366;
  - `months`: the months of Y on every day of which the member belongs,
    over 12.
* The population rule: the figure of year Y is the one dated
  `month`/`day` of Y - `years_before`; with `carry_forward`, a missing
  figure is replaced by the latest earlier one; otherwise (or when there
  is no earlier one) it is the error `missing_figure`.
* Lines: a one-off line (`year`) or a recurring one (`from`, optional
  `to`, default the last year). Those sharing a line are the paying
  members that belong to the collaboration for part of the year at least
  and are among its `participants` (default: all).
* Indexation, from the line's `from` year: amount_t =
  round(amount_{t-1} * (1 + rate_t)) to the unit with the plan's
  indexation rounding; rate_t = `rates[t]` if given, else `rate`, else 0.
* A per_inhabitant_fee line costs round(fee * sum(population * membership))
  (same rounding), summed over its participants.
* A banded line costs round(sum(fee(band of population) * membership))
  (same rounding); a member's band is the first whose `below` is above
  its population at the reference date (lower edge included, `below`
  not), the last band open.
* Refunds and credits: a cost line's amount may be negative; it is shared
  by its key like a cost.
* Funding: earmarked funding is set against its line (`invalid_plan` when
  the line has no cost that year, is a refund, or the funding exceeds
  it); general funding is spread over the lines by largest remainder
  (ties: the larger line, then the earlier) in proportion to what is left
  of each line, a refund counting as nothing left (`invalid_plan` when it
  exceeds what is left).
* The year's net (every line's amount less funding) below zero is
  `negative_amount`, at the amount of the year's first refund line; so is
  a pool whose net is below zero when its key measures amounts (fixed
  amounts, amount caps or floors, anywhere in the key), at the pool's
  first line.
* Pools: the lines of a year with the same key and the same participants.
  A pool's net (in units) is what amount caps/floors and fixed amounts are
  measured against.
* Keys (exact shares summing to 1; `membership` = the member's fraction):
  per_capita / metric: figure * membership; equal: membership; weights:
  weight (default 0) * membership; fixed_shares: share * membership for
  the members named, the rest (1 - their sum) shared among the others by
  `rest`; fixed_amounts: the same with share = amount / pool net;
  blend: sum of weight * inner share; per_inhabitant_fee: as per_capita;
  banded: the member's band fee * membership;
  limited: x_i = clamp(lam * b_i, floor_i, cap_i) with sum 1 on the base
  key's shares b_i, for the smallest lam >= 0 (see `bounded`).
* Rounding: when every line of a year with a net cost belongs to one pool
  (a rank-one table), each member's contribution is the largest-remainder
  apportionment of the year's net units by the member's exact total (ties:
  the larger exact total, then the earlier member).  Otherwise the
  reference gives the exact totals only.
"""

from __future__ import annotations

import datetime
import json
import sys
import tomllib
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reference import apportion, format_amount, parse_number  # noqa: E402
from reference import RefError as NumberError  # noqa: E402


class PlanError(Exception):
    """A refused plan: the stable code and the path of the field."""

    def __init__(self, code: str, path: str = ""):
        super().__init__(f"{code} at {path!r}")
        self.code = code
        self.path = path


class Float:
    """A float as written in the document (refused: money is never a float)."""

    def __init__(self, text: str):
        self.text = text


# --- reading -------------------------------------------------------------

# Fields of every table of the format; the required ones are marked '*'.
SCHEMA = {
    "plan": "format* name* currency unit method first_divisor first_year* years* "
    "population pro_rata indexation credit_in_kind key members* costs funding in_kind",
    "population": "metric years_before month day carry_forward",
    "indexation": "rate rates rounding",
    "member": "id* name* kind paying joins leaves metrics",
    "cost": "id* name* amount year from to indexed participants key",
    "funding": "id* name* year* amount* line",
    "in_kind": "member* description year from to hours rate amount",
}
KEY_FIELDS = {
    "per_capita": "",
    "equal": "",
    "metric": "metric*",
    "weights": "weights*",
    "fixed_shares": "shares* rest*",
    "fixed_amounts": "amounts* rest*",
    "blend": "parts*",
    "per_inhabitant_fee": "fee*",
    "banded": "bands*",
    "limited": "key* max_share max_amount min_amount",
}


def load(text: str, fmt: str) -> dict:
    """The document as plain values; floats are kept as `Float`."""
    if fmt == "toml":
        return tomllib.loads(text, parse_float=Float)
    return json.loads(text, parse_float=Float)


def _join(path: str, name: str) -> str:
    """The path of field `name` inside `path`: `costs[1]` + `amount`."""
    return f"{path}.{name}" if path else name


def _fields(table: dict, spec: str, path: str = "") -> None:
    """An unknown field is refused at its own path; a missing one at the
    path of the table that lacks it."""
    allowed = {f.rstrip("*") for f in spec.split()}
    for name in table:
        if name not in allowed:
            raise PlanError("unknown_field", _join(path, name))
    for f in spec.split():
        if f.endswith("*") and f[:-1] not in table:
            raise PlanError("missing_field", path)


def _check_values(value, path: str = "") -> None:
    """Floats anywhere are a syntax error (values of the wrong type), at the
    path of the value."""
    if isinstance(value, Float):
        raise PlanError("plan_syntax", path)
    if isinstance(value, dict):
        for k, v in value.items():
            _check_values(v, _join(path, k))
    if isinstance(value, list):
        for i, v in enumerate(value):
            _check_values(v, f"{path}[{i}]")


def _check_key(key: dict, path: str) -> None:
    """A key's errors, each at the field that has it: an unknown `type` at
    `type`, a field that no key has at that field (even when `type` is
    missing: a misspelt `typ` is named), then a missing `type` at the key."""
    if "type" not in key:
        every = {f.rstrip("*") for spec in KEY_FIELDS.values() for f in spec.split()}
        for name in key:
            if name not in every:
                raise PlanError("unknown_field", _join(path, name))
        raise PlanError("missing_field", path)
    kind = key["type"]
    if kind not in KEY_FIELDS:
        raise PlanError("plan_syntax", _join(path, "type"))
    _fields({k: v for k, v in key.items() if k != "type"}, KEY_FIELDS[kind], path)
    if kind in ("fixed_shares", "fixed_amounts"):
        _check_key(key["rest"], _join(path, "rest"))
    if kind == "limited":
        _check_key(key["key"], _join(path, "key"))
    if kind == "blend":
        for i, part in enumerate(key["parts"]):
            _fields(part, "weight* key*", f"{path}.parts[{i}]")
            _check_key(part["key"], f"{path}.parts[{i}].key")
    if kind == "banded":
        for i, band in enumerate(key["bands"]):
            _fields(band, "below fee*", f"{path}.bands[{i}]")


def number(value) -> Fraction:
    """A number of the document: a decimal string or an integer."""
    if isinstance(value, bool) or isinstance(value, Float):
        raise PlanError("plan_syntax")
    if isinstance(value, int):
        return Fraction(value)
    try:
        return parse_number(value)
    except NumberError:
        raise PlanError("plan_syntax") from None


def date(text) -> datetime.date:
    """A `YYYY-MM-DD` date; one that does not exist is `invalid_date`."""
    if not isinstance(text, str) or len(text) != 10 or text[4] != "-" or text[7] != "-":
        raise PlanError("invalid_date")
    try:
        return datetime.date(int(text[:4]), int(text[5:7]), int(text[8:]))
    except ValueError:
        raise PlanError("invalid_date") from None


def read(text: str, fmt: str) -> dict:
    """Reads and checks a plan. Syntax-level errors (unknown or missing
    fields of the document's structure, floats) have the path of the field
    (for a missing field, of the table that lacks it; '' is the top)."""
    doc = load(text, fmt)
    _check_values(doc)
    _fields(doc, SCHEMA["plan"])
    for name in ("population", "indexation"):
        if name in doc:
            _fields(doc[name], SCHEMA[name], name)
    for i, member in enumerate(doc["members"]):
        _fields(member, SCHEMA["member"], f"members[{i}]")
    for section, schema in (("costs", "cost"), ("funding", "funding"), ("in_kind", "in_kind")):
        for i, entry in enumerate(doc.get(section, [])):
            _fields(entry, SCHEMA[schema], f"{section}[{i}]")
    if "key" in doc:
        _check_key(doc["key"], "key")
    for i, cost in enumerate(doc.get("costs", [])):
        if "key" in cost:
            _check_key(cost["key"], f"costs[{i}].key")
    # Dates are read with the document (a nonexistent date in a member's
    # joins/leaves or in a metric series is `invalid_date`, path '').
    for member in doc["members"]:
        for field in ("joins", "leaves"):
            if field in member:
                date(member[field])
        for series in member.get("metrics", {}).values():
            for d in series:
                date(d)
    plan = normalise(doc)
    validate(plan)
    return plan


def normalise(doc: dict) -> dict:
    """The document with defaults filled in and numbers as Fractions."""
    pop = doc.get("population", {})
    idx = doc.get("indexation", {})
    plan = {
        "format": doc["format"],
        "unit": number(doc.get("unit", 1)),
        "method": doc.get("method", "largest_remainder"),
        "first_divisor": number(doc["first_divisor"]) if "first_divisor" in doc else None,
        "first_year": doc["first_year"],
        "years": doc["years"],
        "population": {
            "metric": pop.get("metric", "population"),
            "years_before": pop.get("years_before", 2),
            "month": pop.get("month", 12),
            "day": pop.get("day", 31),
            "carry_forward": pop.get("carry_forward", False),
        },
        "pro_rata": doc.get("pro_rata", "days"),
        "rate": number(idx["rate"]) if "rate" in idx else Fraction(0),
        "rates": {int(y): number(r) for y, r in idx.get("rates", {}).items()},
        "rounding": idx.get("rounding", "half_away_from_zero"),
        "key": key_value(doc.get("key", {"type": "per_capita"})),
        "members": [],
        "costs": [],
        "funding": [],
    }
    for m in doc["members"]:
        plan["members"].append(
            {
                "id": m["id"],
                "paying": m.get("paying", True),
                "joins": date(m["joins"]) if "joins" in m else None,
                "leaves": date(m["leaves"]) if "leaves" in m else None,
                "metrics": {
                    name: {date(d): number(v) for d, v in series.items()}
                    for name, series in m.get("metrics", {}).items()
                },
            }
        )
    for c in doc.get("costs", []):
        plan["costs"].append(
            {
                "id": c["id"],
                "amount": number(c["amount"]) if "amount" in c else None,
                "year": c.get("year"),
                "from": c.get("from"),
                "to": c.get("to"),
                "indexed": c.get("indexed", False),
                "participants": c.get("participants"),
                "key": key_value(c["key"]) if "key" in c else None,
            }
        )
    for f in doc.get("funding", []):
        plan["funding"].append(
            {"id": f["id"], "year": f["year"], "amount": number(f["amount"]), "line": f.get("line")}
        )
    plan["in_kind"] = [
        {
            "member": k["member"],
            **{f: k.get(f) for f in ("year", "from", "to")},
            **{f: number(k[f]) if f in k else None for f in ("amount", "hours", "rate")},
        }
        for k in doc.get("in_kind", [])
    ]
    return plan


def key_value(key: dict) -> tuple:
    """A key as a hashable value, so that equal keys compare equal."""
    kind = key["type"]

    def table(t: dict) -> tuple:
        return tuple(sorted((k, number(v)) for k, v in t.items()))

    if kind in ("per_capita", "equal"):
        return (kind,)
    if kind == "metric":
        return (kind, key["metric"])
    if kind == "weights":
        return (kind, table(key["weights"]))
    if kind == "fixed_shares":
        return (kind, table(key["shares"]), key_value(key["rest"]))
    if kind == "fixed_amounts":
        return (kind, table(key["amounts"]), key_value(key["rest"]))
    if kind == "blend":
        return (kind, tuple((number(p["weight"]), key_value(p["key"])) for p in key["parts"]))
    if kind == "per_inhabitant_fee":
        return (kind, number(key["fee"]))
    if kind == "banded":
        return (
            kind,
            tuple(
                (number(b["below"]) if "below" in b else None, number(b["fee"]))
                for b in key["bands"]
            ),
        )
    if kind == "limited":
        cap = number(key["max_share"]) if "max_share" in key else None
        return (
            kind,
            key_value(key["key"]),
            cap,
            table(key.get("max_amount", {})),
            table(key.get("min_amount", {})),
        )
    raise PlanError("plan_syntax")


def validate(plan: dict) -> None:
    """The checks of a plan as a whole that the vectors pin, each with the
    path of the offending field."""
    first = plan["first_year"]
    last = first + plan["years"] - 1
    if plan["format"] != 1:
        raise PlanError("unsupported_format", "format")
    rule = plan["population"]
    try:
        datetime.date(2001, rule["month"], rule["day"])  # a common year
    except ValueError:
        raise PlanError("invalid_date", "population") from None
    ids = set()
    for i, m in enumerate(plan["members"]):
        if m["id"] in ids:
            raise PlanError("duplicate_id", f"members[{i}].id")
        ids.add(m["id"])
    _check_banded(plan["key"], "key", 1, plan["unit"])
    for i, c in enumerate(plan["costs"]):
        if c["key"] is not None:
            _check_banded(c["key"], f"costs[{i}].key", 1, plan["unit"])
    paying = {m["id"] for m in plan["members"] if m["paying"]}
    line_ids = set()
    for i, c in enumerate(plan["costs"]):
        at = f"costs[{i}]"
        if c["id"] in line_ids:
            raise PlanError("duplicate_id", f"{at}.id")
        line_ids.add(c["id"])
        if c["year"] is None and c["from"] is None:
            raise PlanError("missing_field", at)
        for field in ("year", "from", "to"):
            if c[field] is not None and not first <= c[field] <= last:
                raise PlanError("year_outside_horizon", f"{at}.{field}")
        kind = (c["key"] or plan["key"])[0]
        is_fee = kind in ("per_inhabitant_fee", "banded")
        if kind == "banded" and c["indexed"]:
            raise PlanError("invalid_plan", f"{at}.indexed")
        if c["amount"] is not None and is_fee:
            raise PlanError("invalid_plan", f"{at}.amount")
        if c["amount"] is None and not is_fee:
            raise PlanError("missing_field", at)
        if c["amount"] is not None:
            if (c["amount"] / plan["unit"]).denominator != 1:
                raise PlanError("not_multiple_of_unit", f"{at}.amount")
        for j, p in enumerate(c["participants"] or []):
            if p not in ids:
                raise PlanError("unknown_member", f"{at}.participants[{j}]")
            if p not in paying:
                raise PlanError("invalid_plan", f"{at}.participants[{j}]")
    for i, f in enumerate(plan["funding"]):
        if not first <= f["year"] <= last:
            raise PlanError("year_outside_horizon", f"funding[{i}].year")
        if f["amount"] < 0:
            raise PlanError("negative_amount", f"funding[{i}].amount")
        if f["line"] is not None and f["line"] not in line_ids:
            raise PlanError("unknown_line", f"funding[{i}].line")
    for i, k in enumerate(plan["in_kind"]):
        _check_in_kind(k, f"in_kind[{i}]", ids, first, last, plan["unit"])


def _check_banded(key: tuple, path: str, depth: int, unit: Fraction) -> None:
    """A banded key only at the top of a line's or the plan's key
    (`invalid_key` at the nested key); its bands: `below` strictly
    increasing and above 0, every band but the last with a `below`, the
    last without, fees not negative (`negative_amount`) and whole
    multiples of the unit (`not_multiple_of_unit`), each at its field."""
    kind = key[0]
    if kind == "banded" and depth > 1:
        raise PlanError("invalid_key", path)
    if kind == "banded":
        lowest = Fraction(0)
        last = len(key[1]) - 1
        if last < 0:
            raise PlanError("invalid_key", f"{path}.bands")
        for i, (below, fee) in enumerate(key[1]):
            at = f"{path}.bands[{i}]"
            if below is None and i != last:
                raise PlanError("invalid_key", at)
            if below is not None and i == last:
                raise PlanError("invalid_key", f"{at}.below")
            if below is not None and below <= lowest:
                raise PlanError("invalid_key", f"{at}.below")
            if below is not None:
                lowest = below
            if fee < 0:
                raise PlanError("negative_amount", f"{at}.fee")
            if (fee / unit).denominator != 1:
                raise PlanError("not_multiple_of_unit", f"{at}.fee")
    if kind in ("fixed_shares", "fixed_amounts"):
        _check_banded(key[2], f"{path}.rest", depth + 1, unit)
    if kind == "limited":
        _check_banded(key[1], f"{path}.key", depth + 1, unit)
    if kind == "blend":
        for i, (_, inner) in enumerate(key[1]):
            _check_banded(inner, f"{path}.parts[{i}].key", depth + 1, unit)


def band_fee(bands: tuple, population: Fraction) -> Fraction:
    """The fee of the band `population` is in: lower edge included, `below`
    not."""
    for below, fee in bands:
        if below is None or population < below:
            return fee
    raise AssertionError("validated bands end with an open band")


def _check_in_kind(k: dict, at: str, ids: set, first: int, last: int, unit: Fraction) -> None:
    """An in-kind entry (docs/plan-format.md): a member of the plan; `year`,
    or `from` with an optional `to` at or after it (or neither: every year),
    inside the horizon; valued by `amount` or by `hours` and `rate`, not
    both, never negative, the value a whole multiple of the unit."""
    if k["member"] not in ids:
        raise PlanError("unknown_member", f"{at}.member")
    if k["year"] is not None and k["from"] is not None:
        raise PlanError("invalid_plan", f"{at}.from")
    for field in ("year", "from", "to"):
        if k[field] is not None and not first <= k[field] <= last:
            raise PlanError("year_outside_horizon", f"{at}.{field}")
    if k["to"] is not None and (k["from"] is None or k["to"] < k["from"]):
        raise PlanError("invalid_plan", f"{at}.to")
    if k["amount"] is not None:
        for field in ("hours", "rate"):
            if k[field] is not None:
                raise PlanError("invalid_plan", f"{at}.{field}")
        value, field = k["amount"], "amount"
    elif k["hours"] is None or k["rate"] is None:
        raise PlanError("missing_field", at)
    else:
        value, field = k["hours"] * k["rate"], "rate"
    for f in ("amount", "hours", "rate"):
        if k[f] is not None and k[f] < 0:
            raise PlanError("negative_amount", f"{at}.{f}")
    if (value / unit).denominator != 1:
        raise PlanError("not_multiple_of_unit", f"{at}.{field}")


# --- one year ------------------------------------------------------------


def membership(year: int, joins, leaves, rule: str) -> Fraction:
    """The part of `year` a member belongs to the collaboration."""
    start = max(joins or datetime.date(year, 1, 1), datetime.date(year, 1, 1))
    end = min(leaves or datetime.date(year, 12, 31), datetime.date(year, 12, 31))
    if rule == "days":
        days_in_year = (datetime.date(year, 12, 31) - datetime.date(year, 1, 1)).days + 1
        days = max(0, (end - start).days + 1)
        return Fraction(days, days_in_year)
    months = 0
    for month in range(1, 13):
        first_day = datetime.date(year, month, 1)
        next_first = datetime.date(year + (month == 12), month % 12 + 1, 1)
        last_day = next_first - datetime.timedelta(days=1)
        if start <= first_day and last_day <= end:
            months += 1
    return Fraction(months, 12)


def figure(plan: dict, year: int, m: int, metric: str) -> Fraction:
    """Member m's figure of `metric` for budget `year`, by the population
    rule."""
    rule = plan["population"]
    wanted = datetime.date(year - rule["years_before"], rule["month"], rule["day"])
    series = plan["members"][m]["metrics"].get(metric, {})
    if wanted in series:
        return series[wanted]
    earlier = [d for d in series if d < wanted]
    if rule["carry_forward"] and earlier:
        return series[max(earlier)]
    raise PlanError("missing_figure", f"members[{m}].metrics.{metric}")


def round_to_unit(x: Fraction, unit: Fraction, mode: str) -> Fraction:
    """x rounded to a whole multiple of unit; `up` and `down` toward plus
    and minus infinity, the others by the sign of x (a refund is negative)."""
    units = x / unit
    low = units.numerator // units.denominator
    rest = units - low
    negative = x < 0
    if rest == 0:
        up = False
    elif mode == "up":
        up = True
    elif mode == "down":
        up = False
    elif mode == "away_from_zero":
        up = not negative
    elif mode == "toward_zero":
        up = negative
    elif mode == "half_away_from_zero":
        up = rest > Fraction(1, 2) or (rest == Fraction(1, 2) and not negative)
    elif mode == "half_even":
        up = rest > Fraction(1, 2) or (rest == Fraction(1, 2) and low % 2 == 1)
    else:
        raise ValueError(mode)
    return (low + up) * unit


def largest_remainder(units: int, weights: list[Fraction]) -> list[int]:
    """Hamilton: floors, then one unit each to the largest remainders (ties:
    the larger weight, then the earlier position)."""
    total = sum(weights)
    quotas = [units * w / total for w in weights]
    out = [q.numerator // q.denominator for q in quotas]
    order = sorted(range(len(weights)), key=lambda i: (-(quotas[i] - out[i]), -weights[i], i))
    for i in order[: units - sum(out)]:
        out[i] += 1
    return out


def key_shares(plan, key, parts, year, fractions, pool_net) -> list[Fraction]:
    """Exact shares of the members `parts` (indices), summing to 1."""
    kind = key[0]
    ids = [plan["members"][m]["id"] for m in parts]
    if not parts:
        raise PlanError("nobody_to_pay")
    if kind in ("per_capita", "per_inhabitant_fee", "metric", "equal", "weights", "banded"):
        if kind in ("per_capita", "per_inhabitant_fee"):
            base = [figure(plan, year, m, plan["population"]["metric"]) for m in parts]
        elif kind == "banded":
            metric = plan["population"]["metric"]
            base = [band_fee(key[1], figure(plan, year, m, metric)) for m in parts]
        elif kind == "metric":
            base = [figure(plan, year, m, key[1]) for m in parts]
        elif kind == "equal":
            base = [Fraction(1)] * len(parts)
        else:
            given = dict(key[1])
            base = [given.get(i, Fraction(0)) for i in ids]
        weights = [b * fractions[m] for b, m in zip(base, parts)]
        if sum(weights) == 0:
            raise PlanError("nobody_to_pay")
        return [w / sum(weights) for w in weights]
    if kind in ("fixed_shares", "fixed_amounts"):
        named = dict(key[1])
        fixed = {}
        for i, m in zip(ids, parts):
            if i in named:
                # A pool whose cost and refund cancel out has no amount to
                # take a fixed amount from: the share is 0.
                if kind == "fixed_shares":
                    share = named[i]
                else:
                    share = named[i] / plan["unit"] / pool_net if pool_net else Fraction(0)
                fixed[i] = share * fractions[m]
        left = 1 - sum(fixed.values())
        if left < 0:
            raise PlanError("nobody_to_pay")
        others = [m for i, m in zip(ids, parts) if i not in fixed]
        if not others:
            if left != 0:
                raise PlanError("nobody_to_pay")
            rest = {}
        else:
            inner = key_shares(plan, key[2], others, year, fractions, pool_net * left)
            rest = {m: s * left for m, s in zip(others, inner)}
        return [fixed[i] if i in fixed else rest[m] for i, m in zip(ids, parts)]
    if kind == "blend":
        out = [Fraction(0)] * len(parts)
        for weight, inner_key in key[1]:
            inner = key_shares(plan, inner_key, parts, year, fractions, pool_net)
            out = [o + weight * s for o, s in zip(out, inner)]
        return out
    if kind == "limited":
        base = key_shares(plan, key[1], parts, year, fractions, pool_net)
        caps = []
        floors = []
        for i in ids:
            amount_cap = dict(key[3]).get(i)
            if not pool_net:
                amount_cap = None  # amounts of a pool that costs nothing bind nothing
            options = [c for c in (key[2], None if amount_cap is None else amount_cap / plan["unit"] / pool_net) if c is not None]
            caps.append(min(options) if options else None)
            floor = dict(key[4]).get(i) if pool_net else None
            floors.append(None if floor is None else floor / plan["unit"] / pool_net)
        return bounded(base, caps, floors)
    raise ValueError(kind)


def clamped(lam: Fraction, base, caps, floors) -> list[Fraction]:
    """clamp(lam * b_i, floor_i, cap_i) for every member."""
    out = []
    for b, c, f in zip(base, caps, floors):
        x = lam * b
        if c is not None:
            x = min(x, c)
        out.append(max(x, f if f is not None else Fraction(0)))
    return out


def bounded(base, caps, floors) -> list[Fraction]:
    """The bounded key, by its definition: x_i = clamp(lam * b_i, floor_i,
    cap_i) with sum(x) = 1, for the smallest lam >= 0 (x is the same for
    every such lam).  Tried segment by segment: between two neighbouring
    breakpoints (floor_i/b_i, cap_i/b_i) every member is held or free, so
    the sum is linear there; a candidate lam is kept only if it lies in its
    segment and really gives a sum of 1."""
    if any(f is not None and c is not None and f > c for f, c in zip(floors, caps)):
        raise PlanError("impossible_caps")
    if sum(f for f in floors if f is not None) > 1:
        raise PlanError("impossible_caps")
    points = sorted({bound / b for b, c, f in zip(base, caps, floors) if b for bound in (c, f) if bound is not None})
    edges = [Fraction(0)] + points
    found = [lam for lam in edges if sum(clamped(lam, base, caps, floors)) == 1]
    for low, high in zip(edges, edges[1:] + [edges[-1] + 1]):
        mid = (low + high) / 2
        at = clamped(mid, base, caps, floors)
        free = [i for i in range(len(base)) if base[i] and at[i] == mid * base[i]]
        growth = sum(base[i] for i in free)
        if not growth:
            continue
        held = sum(x for i, x in enumerate(at) if i not in free)
        lam = (1 - held) / growth
        in_segment = low <= lam and (lam <= high or high == edges[-1] + 1)
        if in_segment and sum(clamped(lam, base, caps, floors)) == 1:
            found.append(lam)
    if not found:
        raise PlanError("impossible_caps")
    return clamped(min(found), base, caps, floors)


def compute_year(plan: dict, year: int) -> dict:
    """One budget year: the net, each member's exact total, and (for a
    rank-one table) each member's rounded contribution, in units."""
    unit = plan["unit"]
    last = plan["first_year"] + plan["years"] - 1
    members = plan["members"]
    fractions = [membership(year, m["joins"], m["leaves"], plan["pro_rata"]) for m in members]
    lines = []
    for index, c in enumerate(plan["costs"]):
        start, end = (c["year"], c["year"]) if c["year"] is not None else (c["from"], c["to"] or last)
        if not start <= year <= end:
            continue
        key = c["key"] or plan["key"]
        parts = [
            m
            for m, member in enumerate(members)
            if member["paying"]
            and fractions[m] > 0
            and (c["participants"] is None or member["id"] in c["participants"])
        ]
        try:
            if key[0] == "per_inhabitant_fee":
                metric = plan["population"]["metric"]
                exact = key[1] * sum(figure(plan, year, m, metric) * fractions[m] for m in parts)
                gross = round_to_unit(exact, unit, plan["rounding"])
            elif key[0] == "banded":
                metric = plan["population"]["metric"]
                exact = sum(band_fee(key[1], figure(plan, year, m, metric)) * fractions[m] for m in parts)
                gross = round_to_unit(exact, unit, plan["rounding"])
            elif c["indexed"]:
                gross = c["amount"]
                for t in range(start + 1, year + 1):
                    rate = plan["rates"].get(t, plan["rate"])
                    gross = round_to_unit(gross * (1 + rate), unit, plan["rounding"])
            else:
                gross = c["amount"]
        except PlanError as e:
            if e.path:
                raise
            raise PlanError(e.code, f"costs[{index}]") from None
        lines.append({"index": index, "key": key, "parts": parts, "gross": gross, "funding": Fraction(0)})

    general = Fraction(0)
    for i, f in enumerate(plan["funding"]):
        if f["year"] != year:
            continue
        if f["line"] is None:
            general += f["amount"]
            continue
        # Earmarked funding needs its line to have a cost that year, and
        # may not be more than the line's cost.
        found = [ln for ln in lines if plan["costs"][ln["index"]]["id"] == f["line"]]
        if not found or found[0]["gross"] < 0:
            raise PlanError("invalid_plan", f"funding[{i}].line")
        found[0]["funding"] += f["amount"]
        if found[0]["funding"] > found[0]["gross"]:
            raise PlanError("invalid_plan", f"funding[{i}].amount")
    if general:
        left = [max(Fraction(0), ln["gross"] - ln["funding"]) for ln in lines]
        if general > sum(left):
            raise PlanError("invalid_plan", "funding")
        spread = largest_remainder(int(general / unit), left)
        for ln, part in zip(lines, spread):
            ln["funding"] += part * unit
    for ln in lines:
        ln["net_units"] = int((ln["gross"] - ln["funding"]) / unit)
    if sum(ln["net_units"] for ln in lines) < 0:
        refund = next(ln for ln in lines if ln["gross"] < 0)
        raise PlanError("negative_amount", f"costs[{refund['index']}].amount")

    pools: dict[tuple, int] = {}
    for ln in lines:
        pool = (ln["key"], tuple(ln["parts"]))
        pools[pool] = pools.get(pool, 0) + ln["net_units"]
    exact = [Fraction(0)] * len(members)
    paid_pools = set()
    for ln in lines:
        if ln["net_units"] == 0:
            continue
        pool = (ln["key"], tuple(ln["parts"]))
        paid_pools.add(pool)
        first = next(x for x in lines if (x["key"], tuple(x["parts"])) == pool)
        if pools[pool] < 0 and measures_amounts(ln["key"]):
            raise PlanError("negative_amount", f"costs[{first['index']}]")
        try:
            if not ln["parts"]:
                raise PlanError("nobody_to_pay")
            shares = key_shares(plan, ln["key"], ln["parts"], year, fractions, pools[pool])
        except PlanError as e:
            if e.path:
                raise
            raise PlanError(e.code, f"costs[{first['index']}]") from None
        for m, s in zip(ln["parts"], shares):
            exact[m] += ln["net_units"] * s
        ln["open"] = {m for m, s in zip(ln["parts"], shares) if s > 0}
    net = sum(ln["net_units"] for ln in lines)
    result = {"net": net, "exact": exact, "lines": {plan["costs"][ln["index"]]["id"]: ln for ln in lines}}
    if net == 0 and not any(exact):
        result["contributions"] = [0] * len(members)
    elif plan["method"] != "largest_remainder" and any(e < 0 for e in exact):
        # No other method apportions a negative total (a member that gets
        # more back in refunds than it pays).
        raise PlanError("invalid_plan", "method")
    elif plan["method"] != "largest_remainder" and any(ln["gross"] < 0 for ln in lines):
        raise ValueError("the reference does not cover other methods with refunds")
    elif plan["method"] != "largest_remainder":
        # Every other method's member totals are the method's apportionment
        # of the net by the exact totals, whatever the table (the plans
        # given here are ones whose lines can carry them).
        first = plan["first_divisor"] if plan["first_divisor"] is not None else Fraction(1)
        targets = apportion(plan["method"], first, net, exact)
        if not lines_can_carry(targets, [ln for ln in lines if ln["net_units"]]):
            raise PlanError("invalid_plan", "method")
        result["contributions"] = targets
    elif len(paid_pools) <= 1:
        result["contributions"] = largest_remainder(net, exact)
    return result


def measures_amounts(key: tuple) -> bool:
    """Whether a key (or one inside it) has fixed amounts or amount caps or
    floors."""
    kind = key[0]
    if kind == "fixed_amounts":
        return True
    if kind == "fixed_shares":
        return measures_amounts(key[2])
    if kind == "blend":
        return any(measures_amounts(k) for _, k in key[1])
    if kind == "limited":
        return bool(key[3]) or bool(key[4]) or measures_amounts(key[1])
    return False


def lines_can_carry(targets: list[int], lines: list[dict]) -> bool:
    """Whether whole units can be put in the lines' cells (only where a
    member's exact part is positive) so that every line sums to its net
    and every member to its target.  By the supply-and-demand theorem
    (Gale): exactly when no group of members needs more than the lines
    they have a part in hold.  Checked over every group, so only for
    small plans."""
    members = [m for m, t in enumerate(targets) if t > 0]
    if len(members) > 16:
        raise ValueError("too many members for the subset check")
    for mask in range(1, 1 << len(members)):
        group = {m for i, m in enumerate(members) if mask >> i & 1}
        held = sum(ln["net_units"] for ln in lines if ln["open"] & group)
        if sum(targets[m] for m in group) > held:
            return False
    return True


def compute(plan: dict) -> dict:
    """Every year of a plan, as the strings of expected.json: the net of
    every year, the contributions of the years whose rounding is
    determined (rank-one tables) and the exact totals of the others."""
    unit = plan["unit"]
    ids = [m["id"] for m in plan["members"]]
    out: dict = {"net": {}, "contributions": {}, "exact": {}}
    for year in range(plan["first_year"], plan["first_year"] + plan["years"]):
        y = compute_year(plan, year)
        out["net"][str(year)] = format_amount(y["net"] * unit, unit)
        if "contributions" in y:
            out["contributions"][str(year)] = {
                i: format_amount(c * unit, unit) for i, c in zip(ids, y["contributions"])
            }
        else:
            out["exact"][str(year)] = {
                i: f"{(e * unit).numerator}/{(e * unit).denominator}"
                for i, e in zip(ids, y["exact"])
            }
    return {k: v for k, v in out.items() if v}


def run(text: str, fmt: str) -> dict:
    """The expected outcome of a plan document: its figures or its error."""
    try:
        return compute(read(text, fmt))
    except PlanError as e:
        return {"error": e.code, "path": e.path}


if __name__ == "__main__":
    for name in sys.argv[1:]:
        path = Path(name)
        print(name, json.dumps(run(path.read_text(encoding="utf-8"), path.suffix[1:]), indent=2))
