"""The annual cycle of a plan: the budget calendar, invoices, settlement,
the comparison of two plans and why a contribution changed.

Every figure is the Rust core's; this module only turns arguments into the
core's and its answers into Python values (amounts as ``decimal.Decimal``,
dates as ISO text ``"2025-03-31"`` as in :meth:`andel.PlanResult.to_dict`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Dict, List, Protocol, Union

from . import _andel
from ._andel import PlanResult
from ._document import Outcome


class Computable(Protocol):
    """What :func:`diff` computes when not given a result: a plan."""

    def compute(self) -> PlanResult: ...


__all__ = ["ChangeExplanation", "Outcome", "diff"]

@dataclass(frozen=True)
class ChangeExplanation:
    """Why a member's contribution in a year differs from the year before.

    The causes add up exactly to :attr:`change`; ``str()`` is the Rust
    core's text of them.

    Attributes:
        member: the member's id.
        name: the member's name.
        year: the budget year.
        previous: the contribution the year before.
        contribution: the contribution this year.
        change: ``contribution - previous``.
        causes: one dict per cause: ``kind`` (``cost_level``, ``new_lines``,
            ``ended_lines``, ``funding``, ``population_share``,
            ``band``, ``membership``, ``rounding``), ``amount`` (a Decimal, a whole
            multiple of the unit), ``exact`` (its exact part as ``"n/d"``
            text, None for rounding) and ``from`` (the lines or funding, by
            name).
        currency: the plan's currency.
        text: the explanation in words, as the Rust core writes it.
    """

    member: str
    name: str
    year: int
    previous: Decimal
    contribution: Decimal
    change: Decimal
    causes: List[Dict[str, Any]]
    currency: str
    text: str

    def __str__(self) -> str:
        return self.text


def diff(a: Union[Computable, PlanResult], b: Union[Computable, PlanResult]) -> Dict[str, Any]:
    """How plan (scenario) ``b`` differs from plan ``a``, member by member and
    year by year: ``{"a": name, "b": name, "currency", "years": [{"year",
    "a", "b", "change", "members": [{"id", "name", "a", "b", "change",
    "change_percent"}]}], "totals": [...], "change"}``, amounts as Decimals,
    ``change = b - a`` and ``change_percent`` in percent of ``a`` (None when
    ``a`` is zero).

    >>> import andel
    >>> d = andel.diff(andel.Plan.reference(), andel.Plan.reference())
    >>> d["years"][0]["change"]
    Decimal('0')

    Raises:
        PlanError: code ``incomparable_plans`` when the plans cannot be
            compared (different currencies or rounding units, or more
            than 30 000 000 figures together).
    """
    ra = a if isinstance(a, PlanResult) else a.compute()
    rb = b if isinstance(b, PlanResult) else b.compute()
    return _andel.diff_results(ra, rb)
