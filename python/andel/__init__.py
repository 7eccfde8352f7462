"""andel: exact cost sharing for collaborations.

Split a joint budget among the members of a collaboration (for example
municipalities paying in proportion to population) so that every figure is a
whole multiple of a rounding unit and every table adds up exactly::

    >>> import andel
    >>> andel.allocate("1000", {"Båstad": 15128, "Hylte": 10815}, unit="1")
    {'Båstad': Decimal('583'), 'Hylte': Decimal('417')}

Money goes in as ``decimal.Decimal``, ``int`` or ``str`` and comes out as
``decimal.Decimal``; a float is never taken for money. The rules live in the
Rust library ``andel``; this package converts arguments and errors only.

Functions: :func:`allocate`, :func:`explain`, :func:`round_to_unit`.
Budget plans over several years: :class:`Plan` (read, check, compute,
explain) and its :class:`PlanResult` (also named ``Result``). One year's
total shared by one key: :class:`Budget`, whose ``compute()`` gives the
same :class:`PlanResult`.
Constants: :data:`METHODS`, :data:`ROUNDING_MODES`, :data:`BUDGET_KEYS`, :data:`REFERENCE_PLAN`,
:data:`__version__`.
Errors: :class:`AndelError` and its subclasses (``.code`` is stable).
"""

from ._errors import (
    ErrorCode,
    AllocationError,
    AndelError,
    AndelOverflowError,
    InputError,
    PlanError,
)
from . import _andel
from ._allocation import Allocation, Part
from ._api import Number, Weight, allocate, explain
from ._andel import round_to_unit
from ._budget import BUDGET_KEYS, Budget, BudgetMember
from ._display import Lang, format_amount, use_swedish_format
from ._cycle import ChangeExplanation, diff
from ._plan import REFERENCE_PLAN, Plan
from ._result import (
    Explanation,
    LineAmountDict,
    LineDict,
    MemberTotalDict,
    MembershipDict,
    MemberYearDict,
    PlanResult,
    ResultDict,
    YearDict,
)

#: Another name of :class:`PlanResult`, the result of :meth:`Plan.compute`.
Result = PlanResult

#: The version of the package (and of the Rust crates it is built from).
__version__: str = _andel.__version__

#: The public names of the apportionment methods, for ``method=``.
METHODS: "tuple[str, ...]" = tuple(_andel.METHODS)

#: Every error code the Rust core raises (``.code`` of :class:`AndelError`).
ERROR_CODES: "tuple[str, ...]" = tuple(_andel.ERROR_CODES)

#: The public names of the rounding modes, for :func:`round_to_unit`.
ROUNDING_MODES: "tuple[str, ...]" = tuple(_andel.ROUNDING_MODES)

# Show the public names where users meet them (help(), reprs, pickles).
for _public in (
    allocate,
    explain,
    round_to_unit,
    use_swedish_format,
    format_amount,
    Allocation,
    Part,
    BudgetMember,
    ChangeExplanation,
    diff,
):
    _public.__module__ = __name__
del _public

__all__ = [
    "allocate",
    "explain",
    "round_to_unit",
    "Allocation",
    "Part",
    "Plan",
    "PlanResult",
    "Result",
    "Budget",
    "BudgetMember",
    "Explanation",
    "ChangeExplanation",
    "diff",
    "use_swedish_format",
    "format_amount",
    "Lang",
    "ResultDict",
    "YearDict",
    "LineDict",
    "MemberYearDict",
    "LineAmountDict",
    "MembershipDict",
    "MemberTotalDict",
    "BUDGET_KEYS",
    "METHODS",
    "ERROR_CODES",
    "ErrorCode",
    "REFERENCE_PLAN",
    "ROUNDING_MODES",
    "Number",
    "Weight",
    "AndelError",
    "AllocationError",
    "InputError",
    "AndelOverflowError",
    "PlanError",
    "__version__",
]
