"""Native core of the andel package (Rust, pyo3). Internal: use ``andel``."""

import os
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Dict, List, Literal, Optional, Sequence, Tuple, Type, TypeVar, Union, final

from typing_extensions import disjoint_base

from ._budget import BudgetMember, MemberLike
from ._cycle import ChangeExplanation
from ._display import Lang
from ._document import Outcome
from ._errors import AndelError
from ._shapes import MemberTotalDict, ResultDict, YearDict

if TYPE_CHECKING:
    import pandas

__all__ = [
    "Budget",
    "Explanation",
    "Plan",
    "PlanResult",
    "diff_results",
    "allocate",
    "explain",
    "allocate_units",
    "round_to_unit",
    "default_lang",
    "labels",
    "capitalized",
    "format_figure",
    "format_money",
    "currency_symbol",
    "_panic_for_tests",
    "__version__",
    "METHODS",
    "ROUNDING_MODES",
    "BUDGET_KEYS",
    "DEFAULT_UNIT",
    "ERROR_CODES",
    "REFERENCE_PLAN",
]

_Number = Union[Decimal, int, str]

__version__: str
METHODS: Tuple[str, ...]
ROUNDING_MODES: Tuple[str, ...]
BUDGET_KEYS: Tuple[str, ...]
DEFAULT_UNIT: str
ERROR_CODES: Tuple[str, ...]

def allocate(
    total: _Number,
    weights: Sequence[object],
    names: Optional[Sequence[str]],
    unit: _Number,
    method: str,
    first_divisor: Optional[Union[_Number, float]],
    as_units: bool = False,
) -> Union[List[Decimal], List[int]]:
    """The amounts, in weight order; with as_units, the parts as ints (units)."""

def explain(
    total: _Number,
    weights: Sequence[object],
    names: Optional[Sequence[str]],
    unit: _Number,
    method: str,
    first_divisor: Optional[Union[_Number, float]],
) -> str:
    """Core's Allocation as serde JSON text."""

def round_to_unit(amount: _Number, unit: _Number, mode: str = "half_away_from_zero") -> Decimal:
    """``amount`` rounded to a whole multiple of ``unit``."""

def default_lang(currency: str) -> str:
    """Core's default language for ``currency``: "sv" for SEK, else "en"."""

def labels(lang: str) -> Dict[str, str]:
    """Core's labels of human-readable output in ``lang``, by field name."""

def capitalized(label: str) -> str:
    """``label`` with its first letter in upper case, as core writes headers."""

def format_figure(value: _Number, lang: str) -> str:
    """An exact decimal in ``lang``'s format (core's ``text::figure``)."""

def format_money(value: _Number, currency: str, lang: str) -> str:
    """An amount with its currency in ``lang`` (core's ``text::money``)."""

def currency_symbol(currency: str, lang: str) -> str:
    """"kr" for kronor in Swedish, else the currency code."""

def _panic_for_tests() -> None:
    """Test only: panics inside Rust; raises AndelError(code='internal_error')."""

REFERENCE_PLAN: str

_P = TypeVar("_P", bound="Plan")

@disjoint_base
class Plan:
    """A collaboration's budget plan over several years, read and checked."""

    def __new__(cls: Type[_P], **fields: object) -> _P: ...
    @classmethod
    def load(cls: Type[_P], path: Union[str, "os.PathLike[str]"]) -> _P:
        """Reads a plan file: TOML if its name ends in ``.toml``, JSON if in ``.json``."""
    @classmethod
    def from_toml(cls: Type[_P], text: str) -> _P:
        """Reads a plan from TOML text."""
    @classmethod
    def from_json(cls: Type[_P], text: str) -> _P:
        """Reads a plan from JSON text."""
    @classmethod
    def from_dict(cls: Type[_P], data: Mapping[str, Any]) -> _P:
        """A plan from a dict shaped like the JSON file format."""
    @classmethod
    def reference(cls: Type[_P]) -> _P:
        """The reference case bundled with andel."""
    @staticmethod
    def check(text: str, format: Optional[str] = None) -> List[AndelError]:
        """Every problem of a plan document (not only the first)."""
    def to_toml(self) -> str:
        """The plan as TOML (every default written out)."""
    def to_json(self) -> str:
        """The plan as pretty JSON (numbers as strings, so they stay exact)."""
    def to_dict(self) -> Dict[str, Any]:
        """The plan as a dict shaped like the JSON file format."""
    def compute(self) -> "PlanResult":
        """Every member's contribution for every budget year."""
    def explain(self, member: str, year: int, *, lang: Optional[Lang] = None) -> "Explanation":
        """How ``member``'s contribution in budget ``year`` arose."""
    def calendar(self) -> List[Dict[str, Any]]:
        """The members' budget calendar from the plan's ``[[milestones]]``."""
    def calendar_ics(self) -> str:
        """The budget calendar as an iCalendar file's text."""
    def settle(self, year: int, outcome: Optional[Outcome] = None) -> Dict[str, Any]:
        """The settlement (avräkning) of ``year``'s actual outcome."""
    def invoices(
        self, year: int, *, outcome: Optional[Outcome] = None, settle: bool = False
    ) -> Dict[str, Any]:
        """The invoices of ``year``, instalment by instalment."""
    def why_changed(
        self, member: Optional[str] = None, year: Optional[int] = None, *, lang: Optional[Lang] = None
    ) -> List[ChangeExplanation]:
        """Why contributions changed from the year before, cause by cause."""
    def __reduce__(self) -> Tuple[Any, Tuple[str]]: ...

@final
class Explanation:
    """How one member's contribution in one year arose, sentence by sentence."""

    def __new__(
        cls, member: str, year: int, contribution: Decimal, lines: List[str], text: str
    ) -> "Explanation": ...
    @property
    def member(self) -> str:
        """The member's id."""
    @property
    def year(self) -> int:
        """The budget year."""
    @property
    def contribution(self) -> Decimal:
        """The contribution explained."""
    @property
    def lines(self) -> List[str]:
        """The sentences, from the inputs to the rounded amount."""
    @property
    def text(self) -> str:
        """All the sentences, one a line, as the Rust core writes them."""
    def to_dict(self) -> Dict[str, object]:
        """The explanation as the Rust core serialises it."""
    def __reduce__(self) -> Tuple[Type["Explanation"], Tuple[str, int, Decimal, List[str], str]]: ...

_B = TypeVar("_B", bound="Budget")

@disjoint_base
class Budget:
    """One budget year's total shared among members by one key."""

    def __new__(
        cls: Type[_B],
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
    ) -> _B: ...
    @classmethod
    def reference(cls: Type[_B]) -> _B:
        """The reference budget: the first year (2021) of the reference plan."""
    @classmethod
    def from_dict(cls: Type[_B], data: Mapping[str, Any]) -> _B:
        """A budget from a dict shaped like :meth:`to_dict`."""
    @property
    def year(self) -> int:
        """The budget year."""
    @property
    def currency(self) -> str:
        """The currency code."""
    @property
    def total(self) -> Decimal:
        """The amount the members share."""
    @property
    def unit(self) -> Decimal:
        """The rounding unit."""
    @property
    def method(self) -> str:
        """The apportionment method's name."""
    @property
    def key(self) -> str:
        """The key's name, one of ``andel.BUDGET_KEYS``."""
    @property
    def fixed(self) -> Optional[Decimal]:
        """The blend's equal part, or None for another key."""
    @property
    def shares(self) -> Optional[Dict[str, Decimal]]:
        """The fixed shares by member id, or None for another key."""
    @property
    def members(self) -> List[BudgetMember]:
        """The members, in order."""
    def compute(self) -> PlanResult:
        """Every member's contribution: the result of the equivalent one-year plan."""
    def to_plan(self) -> Plan:
        """The equivalent plan: one year, one cost line of ``total``."""
    def to_dict(self) -> Dict[str, Any]:
        """The budget in core's serde form, numbers as strings."""
    def __reduce__(self) -> Tuple[Any, Tuple[Dict[str, Any]]]: ...

@final
class PlanResult:
    """Every member's contribution for every budget year of a plan."""

    def to_dict(self) -> ResultDict:
        """The result in the shape of the Rust core's JSON, decimals as Decimal."""
    @property
    def name(self) -> str:
        """The plan's name."""
    @property
    def currency(self) -> str:
        """The currency code, e.g. ``"SEK"``."""
    @property
    def unit(self) -> Decimal:
        """The rounding unit of every contribution."""
    @property
    def method(self) -> str:
        """The apportionment method (one of ``andel.METHODS``)."""
    @property
    def years(self) -> List[YearDict]:
        """The budget years in order, each a dict."""
    @property
    def totals(self) -> List[MemberTotalDict]:
        """Per member in plan order, the sums over the horizon."""
    @property
    def notes(self) -> List[str]:
        """Things the reader should know, in English."""
    def notes_in(self, lang: Optional[Lang] = None) -> List[str]:
        """The notes in ``lang``."""
    def contribution(self, member: str, year: int) -> Decimal:
        """What ``member`` (its id) pays in budget ``year``."""
    def contributions(self) -> Dict[int, Dict[str, Decimal]]:
        """Every contribution: year → member id → amount, in plan order."""
    def explain(self, member: str, year: int, *, lang: Optional[Lang] = None) -> Explanation:
        """How ``member``'s contribution in ``year`` arose."""
    def to_json(self) -> str:
        """The result as the Rust core's pretty JSON text."""
    def to_csv(
        self, path: Union[str, "os.PathLike[str]", None] = None, *, encoding: str = "utf-8"
    ) -> str:
        """The contributions as CSV, one row per member and year."""
    def to_excel(
        self, path: Union[str, "os.PathLike[str]", None] = None, *, lang: Optional[Lang] = None
    ) -> bytes:
        """The result as an Excel workbook (.xlsx), written by the Rust core."""
    def to_pandas(
        self, table: Literal["members", "lines", "years"] = "members"
    ) -> "pandas.DataFrame":
        """The result as a tidy pandas.DataFrame."""
    def to_html(self, *, lang: Optional[Lang] = None, swedish: Optional[bool] = None) -> str:
        """A table of contributions, members by years."""
    def _repr_html_(self) -> str:
        """The table Jupyter shows for a result."""

def diff_results(result: PlanResult, other: PlanResult) -> Dict[str, Any]:
    """How ``other`` differs from ``result``. Internal: use ``andel.diff``."""

def allocate_units(
    total: _Number,
    weights: bytes,
    signed: bool,
    unit: _Number,
    method: str,
    first_divisor: Optional[Union[_Number, float]],
    as_decimal: bool,
) -> Union[bytearray, List[Decimal]]:
    """Units per part as native int64 bytes, or the amounts as Decimals."""
