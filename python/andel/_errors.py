"""The exceptions of andel.

Every error andel raises on purpose is an :class:`AndelError`, which is a
:class:`ValueError`, and carries a stable machine-readable ``.code`` (the same
snake_case code in Rust, Python and JavaScript) and the core's message.
Subclasses say which family of error it is, so a caller can catch broadly or
narrowly::

    try:
        andel.allocate("100", [1, -1])
    except andel.AllocationError as err:
        print(err.code)  # negative_weight

Wrong Python *types* (a float total, a bool weight, ``None``) raise
:class:`TypeError` instead: they are mistakes in the calling code, not in
the data.
"""

from __future__ import annotations

from typing import Any, Literal, Optional, Tuple, Type, Union

__all__ = [
    "ErrorCode",
    "AndelError",
    "AllocationError",
    "InputError",
    "AndelOverflowError",
    "PlanError",
]


#: Every ``.code`` andel raises, as the Rust core lists them
#: (``andel::Error::codes()``; ``andel.ERROR_CODES`` at run time). A test
#: keeps this type equal to core's list. (A Union of one-value Literals
#: rather than one Literal of many: the same type to a checker, and the
#: shape mypy's stubtest expects of the alias at run time.)
ErrorCode = Union[
    Literal["empty_weights"],
    Literal["negative_weight"],
    Literal["zero_weights"],
    Literal["not_multiple_of_unit"],
    Literal["invalid_unit"],
    Literal["invalid_number"],
    Literal["overflow"],
    Literal["unknown_method"],
    Literal["unknown_rounding"],
    Literal["invalid_first_divisor"],
    Literal["too_few_units"],
    Literal["names_mismatch"],
    Literal["invalid_date"],
    Literal["plan_syntax"],
    Literal["unknown_field"],
    Literal["missing_field"],
    Literal["unsupported_format"],
    Literal["duplicate_id"],
    Literal["invalid_id"],
    Literal["unknown_member"],
    Literal["unknown_language"],
    Literal["unknown_line"],
    Literal["unknown_funding"],
    Literal["incomparable_plans"],
    Literal["year_outside_horizon"],
    Literal["missing_figure"],
    Literal["negative_amount"],
    Literal["nobody_to_pay"],
    Literal["impossible_caps"],
    Literal["invalid_key"],
    Literal["invalid_plan"],
    Literal["internal_error"],
]


class AndelError(ValueError):
    """Base class of every error andel raises on purpose.

    Attributes:
        code: the stable snake_case error code, e.g. ``"negative_weight"``,
            ``"invalid_number"``, or ``"internal_error"`` for a bug in andel
            (a Rust panic), which is never raised for bad input.
        message: the human-readable message, also ``str(err)``.
    """

    code: str
    message: str

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, code={self.code!r})"

    def __reduce__(self) -> Tuple[Type["AndelError"], Tuple[Any, ...]]:
        # Pickle through __init__'s two arguments (args holds the message only).
        return (type(self), (self.message, self.code))


class AllocationError(AndelError):
    """The arguments of a split do not make sense together.

    Codes include ``empty_weights``, ``negative_weight``, ``zero_weights``,
    ``not_multiple_of_unit``, ``invalid_unit``, ``invalid_first_divisor``,
    ``unknown_method``, ``unknown_rounding`` and ``too_few_units``.
    """


class InputError(AndelError):
    """A value could not be read as an exact number (code ``invalid_number``):
    ``"1,5"``, ``"NaN"``, ``Decimal("Infinity")``, more than 28 digits, ...
    """


class AndelOverflowError(AndelError):
    """A value is too large for andel's exact arithmetic (code ``overflow``).

    Named so as not to shadow the built-in :class:`OverflowError`, which it
    does not subclass: it is a :class:`ValueError` like every AndelError.
    """


class PlanError(AndelError):
    """A budget plan cannot be read, checked or computed.

    ``.code`` says what is wrong (``unknown_field``, ``missing_field``,
    ``plan_syntax``, ``unsupported_format``, ``duplicate_id``,
    ``invalid_id``, ``unknown_member``, ``unknown_line``, ``year_outside_horizon``,
    ``missing_figure``, ``negative_amount``, ``nobody_to_pay``,
    ``impossible_caps``, ``invalid_key``, ``invalid_plan``, ...). An error at a
    place in a plan is always a PlanError, even when its code belongs to
    another family (an ``invalid_date`` in a plan file).

    Attributes:
        path: the field, e.g. ``"costs[2].participants[0]"``; None when the
            error is not about one field (a syntax error is placed by
            ``line`` and ``column`` only).
        line: the line in the text the plan was read from, from 1; None
            when unknown (a plan computed from a dict, or an error found by
            ``compute()`` rather than while reading).
        column: the column in that line, from 1, in characters; or None.
    """

    path: Optional[str]
    line: Optional[int]
    column: Optional[int]

    def __init__(
        self,
        message: str,
        code: str,
        path: Optional[str] = None,
        line: Optional[int] = None,
        column: Optional[int] = None,
    ) -> None:
        super().__init__(message, code)
        self.path = path
        self.line = line
        self.column = column

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}({self.message!r}, code={self.code!r}, "
            f"path={self.path!r}, line={self.line!r}, column={self.column!r})"
        )

    def __reduce__(self) -> Tuple[Type["AndelError"], Tuple[Any, ...]]:
        return (type(self), (self.message, self.code, self.path, self.line, self.column))


for _cls in (AndelError, AllocationError, InputError, AndelOverflowError, PlanError):
    # Tracebacks and reprs show the public name, andel.AllocationError.
    _cls.__module__ = "andel"
del _cls
