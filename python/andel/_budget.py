"""One year's budget shared by one key: the smallest plan there is.

A budget is a total, a rounding unit, a key and the members with their
populations. The Rust core turns it into the equivalent one-year plan and
computes that, so a budget follows every rule of a plan and its result is a
:class:`andel.PlanResult`. This module only shapes the arguments.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Dict, List, NamedTuple, Optional, Sequence, Tuple, Type, TypeVar, Union

from . import _andel
from ._andel import Plan, PlanResult

__all__ = ["Budget", "BudgetMember", "BUDGET_KEYS"]

_Number = Union[Decimal, int, str]

#: The keys a budget offers, for ``key=``.
BUDGET_KEYS: Tuple[str, ...] = tuple(_andel.BUDGET_KEYS)

_B = TypeVar("_B", bound="Budget")

_MEMBER_FIELDS = ("id", "name", "population")


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


def _member_parts(index: int, member: object) -> Tuple[str, str, object]:
    """``(id, name, population)`` of one member, or a TypeError naming it."""
    where = f"members[{index}]"
    if isinstance(member, Mapping):
        unknown = sorted(str(key) for key in member if key not in _MEMBER_FIELDS)
        if unknown:
            raise TypeError(
                f"{where}: unknown key {', '.join(map(repr, unknown))}: "
                "a member has id, name and population"
            )
        missing = [key for key in ("id", "name") if key not in member]
        if missing:
            raise TypeError(f"{where}: missing {' and '.join(missing)}")
        parts: Tuple[object, ...] = (member["id"], member["name"], member.get("population"))
    elif isinstance(member, tuple):
        if len(member) != 3:
            raise TypeError(
                f"{where}: a member is (id, name, population), not {len(member)} values"
            )
        parts = member
    else:
        raise TypeError(
            f"{where}: expected an (id, name, population) tuple or a dict, "
            f"not {type(member).__name__}"
        )
    id, name, population = parts
    if not isinstance(id, str):
        raise TypeError(f"{where}.id: expected a str, not {type(id).__name__}")
    if not isinstance(name, str):
        raise TypeError(f"{where}.name: expected a str, not {type(name).__name__}")
    return id, name, population


class Budget:
    """One budget year's total shared among members by one key.

    >>> budget = Budget("100000", [("a", "A", 3000), ("b", "B", 1000)],
    ...                 key="blend", fixed="0.3", year=2025)
    >>> budget.compute().contribution("a", 2025)
    Decimal('67500')

    Args:
        total: the amount the members share.
        members: ``(id, name, population)`` tuples or dicts with those keys,
            in the order the result lists them. ``population`` may be None
            (a member that pays a fixed share needs none).
        key: ``"per_capita"`` (the default), ``"equal"``, ``"blend"`` (the
            part ``fixed`` in equal parts, the rest per capita) or
            ``"fixed_shares"`` (the members in ``shares`` pay those fractions
            of the total, the others share the rest per capita).
        fixed: the blend's equal part, from 0 to 1 (only with ``"blend"``).
        shares: member id to its fraction of the total (only with
            ``"fixed_shares"``).
        unit: every contribution is a whole multiple of this (default 1).
        year: the budget year (required): the result is keyed by it, and
            populations count as of 31 December of it.
        method: the apportionment method (see :data:`andel.METHODS`).
        currency: the currency code (default ``"SEK"``).

    Numbers are ``decimal.Decimal``, ``int`` or ``str``; a ``float`` raises
    :class:`TypeError` because it has lost its exact value.

    Raises:
        PlanError: a value that is not a number (code ``invalid_number``), an
            unknown key or a key given the wrong arguments (``invalid_key``,
            at ``key``), an unknown method (``unknown_method``, at
            ``method``). ``.path`` names the input, e.g.
            ``members[2].population``. Everything else (a missing
            population, a fixed part outside 0..1, a share of an unknown
            member, ...) is found by :meth:`compute`.
        TypeError: a float, a bool, or a member of the wrong shape.
    """

    __slots__ = ("_native",)

    _native: _andel.Budget

    def __init__(
        self,
        total: _Number,
        members: Sequence[MemberLike],
        *,
        year: int,
        key: str = "per_capita",
        fixed: Optional[_Number] = None,
        shares: Optional[Mapping[str, _Number]] = None,
        unit: _Number = 1,
        method: str = "largest_remainder",
        currency: str = "SEK",
    ) -> None:
        if isinstance(members, (str, bytes, Mapping)):
            raise TypeError(
                "members: expected a sequence of (id, name, population) tuples or dicts, "
                f"not {type(members).__name__}"
            )
        if isinstance(year, bool) or not isinstance(year, int):
            raise TypeError(f"year: expected an int, not {type(year).__name__}")
        parts = [_member_parts(i, member) for i, member in enumerate(members)]
        share_list = None if shares is None else list(shares.items())
        self._native = _andel.Budget(
            year, currency, total, unit, method, key, fixed, share_list, parts
        )

    @classmethod
    def _wrap(cls: Type[_B], native: _andel.Budget) -> _B:
        budget = cls.__new__(cls)
        budget._native = native
        return budget

    @classmethod
    def reference(cls: Type[_B]) -> _B:
        """The reference budget: the first year (2021) of
        :meth:`andel.Plan.reference`, its net cost of 1 250 000 SEK shared
        per capita among its six paying municipalities."""
        return cls._wrap(_andel.Budget.reference())

    @classmethod
    def from_dict(cls: Type[_B], data: Mapping[str, Any]) -> _B:
        """A budget from a dict shaped like :meth:`to_dict` (core's serde
        form: ``{"year", "total", "unit", "key": {"type", "fixed" |
        "shares"}, "members": [{"id", "name", "population"}], ...}``);
        ``unit``, ``method``, ``currency`` and ``key`` may be left out."""
        known = {"year", "currency", "total", "unit", "method", "key", "members"}
        unknown = sorted(str(k) for k in data if k not in known)
        if unknown:
            raise TypeError(f"unknown budget field {', '.join(map(repr, unknown))}")
        key = dict(data.get("key", {"type": "per_capita"}))
        name = key.pop("type", None)
        if not isinstance(name, str):
            raise TypeError("key: expected a dict with a str `type`")
        extra = sorted(k for k in key if k not in ("fixed", "shares"))
        if extra:
            raise TypeError(f"key: unknown field {', '.join(map(repr, extra))}")
        options = {
            k: data[k] for k in ("unit", "method", "currency") if k in data
        }
        return cls(
            data["total"],
            data["members"],
            year=data["year"],
            key=name,
            fixed=key.get("fixed"),
            shares=key.get("shares"),
            **options,
        )

    # --------------------------------------------------------- attributes

    @property
    def year(self) -> int:
        """The budget year."""
        return self._native.year

    @property
    def currency(self) -> str:
        """The currency code."""
        return self._native.currency

    @property
    def total(self) -> Decimal:
        """The amount the members share."""
        return self._native.total

    @property
    def unit(self) -> Decimal:
        """The rounding unit."""
        return self._native.unit

    @property
    def method(self) -> str:
        """The apportionment method's name."""
        return self._native.method

    @property
    def key(self) -> str:
        """The key's name, one of :data:`andel.BUDGET_KEYS`."""
        return self._native.key

    @property
    def fixed(self) -> Optional[Decimal]:
        """The blend's equal part, or None for another key."""
        return self._native.fixed

    @property
    def shares(self) -> Optional[Dict[str, Decimal]]:
        """The fixed shares by member id, or None for another key."""
        return self._native.shares

    @property
    def members(self) -> List[BudgetMember]:
        """The members, in order."""
        return [BudgetMember(*member) for member in self._native.members]

    # ----------------------------------------------------------- computing

    def compute(self) -> PlanResult:
        """Every member's contribution: the result of the equivalent
        one-year plan (:meth:`to_plan`), the same type as
        :meth:`andel.Plan.compute` gives.

        Raises:
            PlanError: with ``.path`` in the budget, e.g. ``missing_figure``
                at ``members[1].population``, ``invalid_key`` at
                ``key.fixed``, ``unknown_member`` at ``key.shares.m9``,
                ``not_multiple_of_unit`` at ``total``.
        """
        return self._native.compute()

    def to_plan(self) -> Plan:
        """The equivalent plan: one year, one cost line of ``total``, the
        populations counted on 31 December of the budget year.

        Raises:
            PlanError: only for a year outside the calendar's range (at
                ``year``); the plan is checked when it is computed.
        """
        return self._native.to_plan()

    def to_dict(self) -> Dict[str, Any]:
        """The budget in core's serde form, with the names of a plan
        document and numbers as strings: ``{"year", "currency", "total",
        "unit", "method", "key": {"type": "blend", "fixed": "0.3"},
        "members": [{"id", "name", "population"}]}``; :meth:`from_dict`
        reads it back."""
        data: Dict[str, Any] = json.loads(self._native.to_json())
        return data

    # ---------------------------------------------------------- protocols

    def __repr__(self) -> str:
        key = self.key
        if self.fixed is not None:
            key += f" (fixed {self.fixed})"
        members = self._native.members
        return (
            f"<Budget {self.year}: {self.total} {self.currency} by {key}, "
            f"unit {self.unit}, {len(members)} members>"
        )

    def __reduce__(self) -> Tuple[Any, Tuple[Dict[str, Any]]]:
        return (type(self).from_dict, (self.to_dict(),))
