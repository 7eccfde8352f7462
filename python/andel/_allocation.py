"""The result of :func:`andel.explain`: a split explained part by part."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any, Dict, List, Optional

__all__ = ["Allocation", "Part"]


def _text(value: Decimal) -> str:
    # Plain notation as Rust prints it: str() would give '1.5E-7'.
    return format(value, "f")


@dataclass(frozen=True)
class Part:
    """One part of an :class:`Allocation`, in the order of the weights.

    Attributes:
        name: the weight's name when the weights were a mapping, else None.
        weight: the weight as given.
        share: the exact share of all weights, ``weight / sum(weights)``.
        quota: the exact amount before rounding, ``total * share``.
        quota_decimal: ``quota`` as a Decimal with up to 28 significant
            digits (for display; ``quota`` is the exact value).
        amount: what this part pays, a whole multiple of the unit.
        leftover_units: units received beyond the quota rounded toward zero
            (0 or 1 for the quota methods; divisor methods may give more, or
            a negative number).
    """

    name: Optional[str]
    weight: Decimal
    share: Fraction
    quota: Fraction
    quota_decimal: Decimal
    amount: Decimal
    leftover_units: int

    def to_dict(self) -> Dict[str, Any]:
        """The part as JSON-ready values: decimals and fractions as strings
        (fractions as ``"n/d"``), as the Rust library serialises it."""
        return {
            "name": self.name,
            "weight": _text(self.weight),
            "share": str(self.share),
            "quota": str(self.quota),
            "quota_decimal": _text(self.quota_decimal),
            "amount": _text(self.amount),
            "leftover_units": self.leftover_units,
        }

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> "Part":
        """Reads a part back from :meth:`to_dict`'s form."""
        return cls(
            name=data["name"],
            weight=Decimal(data["weight"]),
            share=Fraction(data["share"]),
            quota=Fraction(data["quota"]),
            quota_decimal=Decimal(data["quota_decimal"]),
            amount=Decimal(data["amount"]),
            leftover_units=int(data["leftover_units"]),
        )


@dataclass(frozen=True, repr=False)
class Allocation:
    """A split explained: what was split, how, and every part.

    Attributes:
        total: the amount that was split.
        unit: the rounding unit; every amount is a whole multiple of it.
        method: the name of the apportionment method (one of ``andel.METHODS``).
        first_divisor: Sainte-Laguë's first divisor when one was given.
        parts: one :class:`Part` per weight, in input order.
    """

    total: Decimal
    unit: Decimal
    method: str
    first_divisor: Optional[Decimal]
    parts: List[Part]

    @property
    def amounts(self) -> List[Decimal]:
        """The amounts, in the order of the weights."""
        return [part.amount for part in self.parts]

    def to_dict(self) -> Dict[str, Any]:
        """The allocation as JSON-ready values, the same shape as the Rust
        library's serde output: decimals as strings, fractions as ``"n/d"``
        strings, ``first_divisor`` and part names ``None`` when absent.
        ``json.dumps(allocation.to_dict())`` gives the same JSON as Rust."""
        return {
            "total": _text(self.total),
            "unit": _text(self.unit),
            "method": self.method,
            "first_divisor": None if self.first_divisor is None else _text(self.first_divisor),
            "parts": [part.to_dict() for part in self.parts],
        }

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> "Allocation":
        """Reads an allocation back from :meth:`to_dict`'s form (or from the
        Rust library's JSON)."""
        divisor = data.get("first_divisor")
        return cls(
            total=Decimal(data["total"]),
            unit=Decimal(data["unit"]),
            method=data["method"],
            first_divisor=None if divisor is None else Decimal(divisor),
            parts=[Part.from_dict(part) for part in data["parts"]],
        )

    def __repr__(self) -> str:
        # One line that answers "who pays what": parts as name: amount (or
        # plain amounts); every detail is one attribute away.
        if all(part.name is not None for part in self.parts):
            shown = ", ".join(f"{part.name!r}: {_text(part.amount)}" for part in self.parts)
            parts = "{" + shown + "}"
        else:
            parts = "[" + ", ".join(_text(part.amount) for part in self.parts) + "]"
        divisor = "" if self.first_divisor is None else f" first_divisor={_text(self.first_divisor)}"
        return (
            f"<Allocation total={_text(self.total)} unit={_text(self.unit)} "
            f"method={self.method}{divisor} parts={parts}>"
        )
