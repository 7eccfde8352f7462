"""The annual cycle of a plan: the budget calendar, invoices, settlement,
the comparison of two plans and why a contribution changed.

Every figure is the Rust core's; this module only turns arguments into the
core's and its answers into Python values (amounts as ``decimal.Decimal``,
dates as ISO text ``"2025-03-31"`` as in :meth:`andel.PlanResult.to_dict`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple, Union

from . import _andel

if TYPE_CHECKING:
    from ._plan import Plan
    from ._result import PlanResult

__all__ = ["ChangeExplanation", "Outcome", "diff"]

#: An outcome for :meth:`andel.Plan.settle`: a path to an outcome file
#: (``.toml`` or ``.json``), its text (any ``str`` with a line break; JSON if
#: it starts with ``{``), or a dict (``{"outcome": [...]}`` like the file, or
#: one outcome ``{"year": 2021, "costs": {...}, "funding": {...}}``).
Outcome = Union[str, "os.PathLike[str]", Mapping[str, Any]]


def outcome_text(outcome: Optional[Outcome]) -> Tuple[Optional[str], Optional[str]]:
    """The outcome as (text, format) for the core; (None, None) for the
    plan's own ``[[outcome]]``."""
    from ._plan import _dict_to_json

    if outcome is None:
        return None, None
    if isinstance(outcome, Mapping):
        data = outcome if "outcome" in outcome else {"outcome": [outcome]}
        return _dict_to_json(data), "json"
    if isinstance(outcome, str) and "\n" in outcome:
        # Core tells TOML from JSON (Format::of_text), as in every runtime.
        return outcome, None
    if isinstance(outcome, (str, os.PathLike)):
        format = _andel.Plan.format_of_file(outcome)
        with open(outcome, encoding="utf-8-sig") as file:
            return file.read(), format
    raise TypeError(f"an outcome is a path, a text or a dict, not {type(outcome).__name__}")


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

    @classmethod
    def _from_dict(cls, d: Dict[str, Any]) -> "ChangeExplanation":
        return cls(**d)

    def __str__(self) -> str:
        return self.text


def diff(a: Union["Plan", "PlanResult"], b: Union["Plan", "PlanResult"]) -> Dict[str, Any]:
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
    from ._plan import Plan

    ra = a.compute() if isinstance(a, Plan) else a
    rb = b.compute() if isinstance(b, Plan) else b
    return ra._native.diff(rb._native)
