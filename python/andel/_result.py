"""The result of :meth:`andel.Plan.compute`: what every member pays every
year, and why.

:class:`andel.PlanResult` and :class:`andel.Explanation` are the native
classes of ``andel._andel`` (every figure from the Rust core; typed in
``_andel.pyi``). This module holds the shapes of their dicts and the
pandas glue of :meth:`andel.PlanResult.to_pandas`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List

from ._andel import Explanation, PlanResult
# The shapes of to_dict(), generated from core's result types (_shapes.py,
# scripts/gen-shapes): core's JSON with decimals as Decimal; exact fractions
# ("n/d") and dates ("2019-12-31") stay the text core writes.
from ._shapes import (
    LineAmountDict,
    LineDict,
    MemberTotalDict,
    MembershipDict,
    MemberYearDict,
    ResultDict,
    YearDict,
)

if TYPE_CHECKING:  # pandas is an optional extra; only its type is named here.
    import pandas

__all__ = [
    "PlanResult",
    "Explanation",
    "ResultDict",
    "YearDict",
    "LineDict",
    "MemberYearDict",
    "LineAmountDict",
    "MembershipDict",
    "MemberTotalDict",
]


def to_pandas(result: PlanResult, *, table: str = "members") -> "pandas.DataFrame":
    """:meth:`andel.PlanResult.to_pandas`, which calls it."""
    try:
        import pandas
    except ImportError as missing:
        raise ImportError(
            "PlanResult.to_pandas() needs pandas, an optional extra of andel: "
            'pip install "andel[pandas]" (from the repository: pip install "./python[pandas]"), '
            "or pip install pandas"
        ) from missing
    years = result.years
    rows: List[Dict[str, Any]]
    if table == "members":
        rows = [
            {
                "year": year["year"],
                "member": member["id"],
                "name": member["name"],
                "paying": member["paying"],
                "population": member["population"],
                "share": member["share"],
                "share_percent": member["share_percent"],
                "contribution": member["contribution"],
                "in_kind": member["in_kind"],
                "change": member["change"],
            }
            for year in years
            for member in year["members"]
        ]
        columns = ["year", "member", "name", "paying", "population", "share",
                   "share_percent", "contribution", "in_kind", "change"]
    elif table == "lines":
        rows = [
            {
                "year": year["year"],
                "member": member["id"],
                "name": member["name"],
                "line": line["line"],
                "amount": line["amount"],
            }
            for year in years
            for member in year["members"]
            for line in member["lines"]
        ]
        columns = ["year", "member", "name", "line", "amount"]
    elif table == "years":
        rows = [
            {"year": year["year"], "gross": year["gross"], "funding": year["funding"], "net": year["net"]}
            for year in years
        ]
        columns = ["year", "gross", "funding", "net"]
    else:
        raise ValueError(f'to_pandas: table must be "members", "lines" or "years", not {table!r}')
    return pandas.DataFrame(rows, columns=columns)
