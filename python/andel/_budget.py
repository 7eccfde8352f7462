"""One year's budget shared by one key: the smallest plan there is.

A budget is a total, a rounding unit, a key and the members with their
populations. The Rust core turns it into the equivalent one-year plan and
computes that, so a budget follows every rule of a plan and its result is a
:class:`andel.PlanResult`. :class:`andel.Budget` is the native class
``andel._andel.Budget`` (typed in ``_andel.pyi``); this module holds the
type of its members.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, NamedTuple, Optional, Tuple, Union

from . import _andel
from ._andel import Budget

__all__ = ["Budget", "BudgetMember", "BUDGET_KEYS"]

_Number = Union[Decimal, int, str]

#: The keys a budget offers, for ``key=``.
BUDGET_KEYS: Tuple[str, ...] = tuple(_andel.BUDGET_KEYS)


class BudgetMember(NamedTuple):
    """A member of a :class:`Budget`: its id, display name and population
    (None when its key needs none, e.g. a member paying a fixed share)."""

    id: str
    name: str
    population: Optional[Decimal]


#: A member as :class:`Budget` takes it: an ``(id, name, population)``
#: tuple (a :class:`BudgetMember` is one) or a dict with those keys
#: (``population`` may be left out for None).
MemberLike = Union[Tuple[str, str, Optional[_Number]], Mapping[str, Any]]
