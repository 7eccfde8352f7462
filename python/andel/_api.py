"""The public functions of andel: thin wrappers around the native module.

They shape the arguments (a mapping of weights becomes names and values) and
the results (a dict back for a mapping, dataclasses for explain); every
number is read, and every rule applied, by the Rust core.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Literal, Optional, Tuple, Union, overload

from . import _andel
from ._allocation import Allocation

if TYPE_CHECKING:  # numpy is optional; only its types are named here.
    import numpy
    import numpy.typing

__all__ = ["allocate", "explain", "Number", "Weight"]

#: A money value: a total, a unit, an amount. Never a float.
Number = Union[Decimal, int, str]
#: A weight (e.g. a population) or Sainte-Laguë's first divisor: not money,
#: so like Number, and a float is accepted too (read through its repr).
Weight = Union[Decimal, int, str, float]


def _split_weights(weights: object) -> Tuple[Optional[List[str]], List[object]]:
    """Names (for a mapping) and the weights in order."""
    if isinstance(weights, Mapping):
        names = list(weights.keys())
        for name in names:
            if not isinstance(name, str):
                raise TypeError(
                    f"weights: the names of a mapping must be str, not {type(name).__name__} ({name!r})"
                )
        return names, [weights[name] for name in names]
    if isinstance(weights, (str, bytes, bytearray)):
        raise TypeError(
            f"weights: expected a sequence of numbers or a mapping of name to number, "
            f"not {type(weights).__name__}"
        )
    if isinstance(weights, (set, frozenset)):
        raise TypeError("weights: a set has no order; pass a list, or a dict of name to weight")
    try:
        return None, list(weights)  # type: ignore[call-overload]
    except TypeError:
        raise TypeError(
            f"weights: expected a sequence of numbers or a mapping of name to number, "
            f"not {type(weights).__name__}"
        ) from None


def _numpy_array(weights: object) -> bool:
    """Whether ``weights`` is a numpy array (without importing numpy: if it
    is not loaded, nothing can be one of its arrays)."""
    numpy = sys.modules.get("numpy")
    return numpy is not None and isinstance(weights, numpy.ndarray)


def _allocate_array(
    total: Number,
    weights: Any,
    unit: Number,
    method: str,
    first_divisor: Optional[Weight],
    as_decimal: bool,
) -> Any:
    """The numpy path of :func:`allocate`: the array's bytes go to Rust in
    one piece, the units come back in one piece; no Python loop."""
    import numpy

    if weights.ndim != 1:
        raise ValueError(f"weights: a numpy array of weights must be 1-D, not {weights.ndim}-D")
    kind = weights.dtype.kind
    if kind not in "iu":
        raise TypeError(
            f"weights: a numpy array of weights must have an integer dtype (such as "
            f"populations in int64), not {weights.dtype}; for decimal weights pass a "
            f"list (weights.tolist()) and get Decimal amounts"
        )
    signed = kind == "i"
    # Native-endian 64-bit integers in C order: what the Rust side reads.
    raw = weights.astype(numpy.int64 if signed else numpy.uint64, copy=False).tobytes()
    out = _andel.allocate_units(total, raw, signed, unit, method, first_divisor, as_decimal)
    if isinstance(out, list):  # as_decimal
        return out
    return numpy.frombuffer(out, dtype=numpy.int64)


# A str is an Iterable of str, so mypy sees the overloads overlap; a str is
# refused at run time, and an array, then a Mapping, is matched first.
@overload
def allocate(  # type: ignore[overload-overlap]
    total: Number,
    weights: "numpy.ndarray[Any, numpy.dtype[numpy.integer[Any]]]",
    *,
    unit: Number = ...,
    method: str = ...,
    first_divisor: Optional[Weight] = ...,
    as_decimal: Literal[False] = ...,
    as_units: bool = ...,
) -> "numpy.typing.NDArray[numpy.int64]": ...


@overload
def allocate(  # type: ignore[overload-overlap]
    total: Number,
    weights: "numpy.ndarray[Any, numpy.dtype[numpy.integer[Any]]]",
    *,
    unit: Number = ...,
    method: str = ...,
    first_divisor: Optional[Weight] = ...,
    as_decimal: Literal[True],
) -> List[Decimal]: ...


@overload
def allocate(  # type: ignore[overload-overlap]
    total: Number,
    weights: Mapping[str, Weight],
    *,
    unit: Number = ...,
    method: str = ...,
    first_divisor: Optional[Weight] = ...,
    as_units: Literal[False] = ...,
) -> Dict[str, Decimal]: ...


@overload
def allocate(  # type: ignore[overload-overlap]
    total: Number,
    weights: Mapping[str, Weight],
    *,
    unit: Number = ...,
    method: str = ...,
    first_divisor: Optional[Weight] = ...,
    as_units: Literal[True],
) -> Dict[str, int]: ...


@overload
def allocate(  # type: ignore[overload-overlap]
    total: Number,
    weights: Iterable[Weight],
    *,
    unit: Number = ...,
    method: str = ...,
    first_divisor: Optional[Weight] = ...,
    as_units: Literal[False] = ...,
) -> List[Decimal]: ...


@overload
def allocate(
    total: Number,
    weights: Iterable[Weight],
    *,
    unit: Number = ...,
    method: str = ...,
    first_divisor: Optional[Weight] = ...,
    as_units: Literal[True],
) -> List[int]: ...


def allocate(
    total: Number,
    weights: Union[Mapping[str, Weight], Iterable[Weight], "numpy.typing.NDArray[Any]"],
    *,
    unit: Number = "0.01",
    method: str = "largest_remainder",
    first_divisor: Optional[Weight] = None,
    as_decimal: bool = False,
    as_units: bool = False,
) -> Union[Dict[str, Decimal], Dict[str, int], List[Decimal], List[int], "numpy.typing.NDArray[numpy.int64]"]:
    """Split ``total`` by ``weights`` into amounts that add up exactly.

    Every amount is a whole multiple of ``unit`` and the amounts sum to
    ``total`` exactly; nothing is ever rounded silently.

    Args:
        total: the amount to split, as a Decimal, int or str (never a float:
            a float raises TypeError). Must be a whole multiple of ``unit``.
        weights: a sequence of weights (returns a list, in the same order)
            or a mapping of name to weight (returns a dict with the same keys
            in the same order). A weight is a Decimal, int, str or float (a
            float is read as its shortest repr, so ``0.1`` means 0.1); bool
            is refused.
        unit: the rounding unit, e.g. ``"0.01"`` (öre, the default), ``"1"``
            (whole kronor), ``"0.05"`` or ``"1000"``.
        method: how leftover units are handed out: one of ``andel.METHODS``
            (default ``"largest_remainder"``).
        first_divisor: Sainte-Laguë's first divisor (e.g. ``"1.2"`` as in
            Swedish elections); only with ``method="sainte_lague"``.
        as_decimal: only for a numpy array of weights: True returns the
            amounts as a list of Decimals instead of an array of units.
        as_units: for a sequence or mapping of weights: True returns the
            parts as ints, counts of rounding units signed like the total
            (part *i* is ``units[i] * unit``: ``3334`` öre for 33.34), with
            no Decimal made; the same split. A part beyond 64 bits of units
            raises AndelOverflowError. (A numpy array gives units already.)

    Returns:
        The amounts as Decimals with the unit's scale (``Decimal('33.34')``).

        For a 1-D numpy array of integer weights (any integer dtype, e.g.
        a million populations), the parts come back as a numpy ``int64``
        array of **units**: part *i* is ``units[i] * unit`` (öre for the
        default unit), summing exactly to ``total / unit``. The array goes
        to Rust and back in one piece, without a Python loop. Other dtypes
        (float, bool, object) raise TypeError.

    Raises:
        AllocationError: the arguments do not fit together (``.code`` says
            how, e.g. ``negative_weight``, ``not_multiple_of_unit``).
        InputError: a value is not an exact number (``invalid_number``).
        AndelOverflowError: a value is too large to compute exactly.
        TypeError: a value of the wrong type (a float total, a bool weight).

    >>> allocate("100", [1, 1, 1])
    [Decimal('33.34'), Decimal('33.33'), Decimal('33.33')]
    >>> allocate("10", {"a": 1, "b": 4}, unit="1")
    {'a': Decimal('2'), 'b': Decimal('8')}
    >>> allocate("100", [1, 1, 1], as_units=True)
    [3334, 3333, 3333]
    """
    if as_decimal and as_units:
        raise TypeError("allocate: as_decimal and as_units cannot both be True")
    if _numpy_array(weights):
        return _allocate_array(total, weights, unit, method, first_divisor, as_decimal)  # type: ignore[no-any-return]
    if as_decimal:
        raise TypeError("allocate: as_decimal is for a numpy array of weights; other weights give Decimals already")
    names, values = _split_weights(weights)
    amounts: List[Any] = _andel.allocate(total, values, names, unit, method, first_divisor, as_units)
    if names is None:
        return amounts
    return dict(zip(names, amounts))


def explain(
    total: Number,
    weights: Union[Mapping[str, Weight], Iterable[Weight]],
    *,
    unit: Number = "0.01",
    method: str = "largest_remainder",
    first_divisor: Optional[Weight] = None,
) -> Allocation:
    """Split like :func:`allocate` and explain every part.

    Takes the same arguments as :func:`allocate`. Returns an
    :class:`Allocation` whose ``parts`` give, per weight, its exact share
    and quota (as :class:`fractions.Fraction`), the amount and the units it
    received beyond its rounded-down quota. ``to_dict()`` gives the same
    JSON-ready shape as the Rust library.

    >>> split = explain("100", {"a": 1, "b": 2})
    >>> [(p.name, p.share, p.amount) for p in split.parts]
    [('a', Fraction(1, 3), Decimal('33.33')), ('b', Fraction(2, 3), Decimal('66.67'))]
    """
    names, values = _split_weights(weights)
    text = _andel.explain(total, values, names, unit, method, first_divisor)
    return Allocation.from_dict(json.loads(text))
