"""Native core of the andel package (Rust, pyo3). Internal: use ``andel``."""

import os
from decimal import Decimal
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union, final

__all__ = [
    "Budget",
    "Plan",
    "PlanResult",
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
    "document_json",
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

def round_to_unit(amount: _Number, unit: _Number, mode: str) -> Decimal:
    """``amount`` rounded to a whole multiple of ``unit``."""

def default_lang(currency: str) -> str:
    """Core's default language for ``currency``: "sv" for SEK, else "en"."""

def labels(lang: str) -> Dict[str, str]:
    """Core's labels of human-readable output in ``lang``, by field name."""

def capitalized(label: str) -> str:
    """``label`` with its first letter in upper case, as core writes headers."""

def document_json(value: Mapping[str, Any]) -> str:
    """A document given as Python values as the JSON text core reads."""

def format_figure(value: _Number, lang: str) -> str:
    """An exact decimal in ``lang``'s format (core's ``text::figure``)."""

def format_money(value: _Number, currency: str, lang: str) -> str:
    """An amount with its currency in ``lang`` (core's ``text::money``)."""

def currency_symbol(currency: str, lang: str) -> str:
    """"kr" for kronor in Swedish, else the currency code."""

def _panic_for_tests() -> None:
    """Test only: panics inside Rust; raises AndelError(code='internal_error')."""

REFERENCE_PLAN: str

_ExplanationParts = Tuple[str, int, Decimal, List[str], str]

@final
class Plan:
    """A plan read and checked by core. Internal: use ``andel.Plan``."""

    @staticmethod
    def read(text: str, format: str) -> "Plan":
        """Reads and checks a plan from ``text`` in ``format`` ("toml" or "json")."""
    @staticmethod
    def from_host(value: Mapping[str, Any]) -> "Plan":
        """Reads and checks a plan given as Python values (a dict)."""
    @staticmethod
    def reference() -> "Plan":
        """The bundled reference case."""
    @staticmethod
    def check(text: str, format: str) -> List[Any]:
        """Every problem of a plan document, as AndelError instances."""
    @staticmethod
    def format_of_file(path: Union[str, "os.PathLike[str]"]) -> str:
        """Returns "toml" or "json" by the file name's extension; PlanError otherwise."""
    def to_toml(self) -> str:
        """The plan as TOML."""
    def to_json(self) -> str:
        """The plan as pretty JSON."""
    def compute(self) -> "PlanResult":
        """Every member's contribution for every budget year."""
    def explain(self, member: str, year: int, lang: Optional[str] = None) -> _ExplanationParts:
        """(member, year, contribution, lines, text)."""

@final
class Budget:
    """A budget read by core. Internal: use ``andel.Budget``."""

    def __new__(
        cls,
        year: int,
        currency: str,
        total: _Number,
        unit: _Number,
        method: str,
        key: str,
        fixed: Optional[_Number],
        shares: Optional[Sequence[Tuple[str, _Number]]],
        members: Sequence[Tuple[str, str, object]],
    ) -> "Budget": ...
    @staticmethod
    def reference() -> "Budget":
        """The bundled reference budget."""
    @property
    def year(self) -> int: ...
    @property
    def currency(self) -> str: ...
    @property
    def total(self) -> Decimal: ...
    @property
    def unit(self) -> Decimal: ...
    @property
    def method(self) -> str: ...
    @property
    def key(self) -> str:
        """The key's name."""
    @property
    def fixed(self) -> Optional[Decimal]:
        """The blend's fixed part, or None for another key."""
    @property
    def shares(self) -> Optional[Dict[str, Decimal]]:
        """The fixed shares by member id, or None for another key."""
    @property
    def members(self) -> List[Tuple[str, str, Optional[Decimal]]]: ...
    def to_json(self) -> str:
        """Core's serde JSON of the budget (decimals as strings)."""
    def compute(self) -> "PlanResult":
        """Every member's contribution, as the result of the equivalent plan."""
    def to_plan(self) -> Plan:
        """The equivalent one-year plan."""

@final
class PlanResult:
    """A computed plan. Internal: use ``andel.PlanResult``."""

    def to_dict(self) -> Dict[str, Any]:
        """Core's result as Python values, decimals as Decimal."""
    def to_json(self) -> str:
        """Core's JSON text."""
    def to_csv(self) -> str:
        """Core's CSV text."""
    def to_xlsx(self, lang: Optional[str] = None) -> bytes:
        """Core's Excel workbook (.xlsx bytes)."""
    def notes_in(self, lang: Optional[str] = None) -> List[str]:
        """Core's notes in a language."""
    def contribution(self, member: str, year: int) -> Decimal:
        """One member's contribution in one year."""
    def explain(self, member: str, year: int, lang: Optional[str] = None) -> _ExplanationParts:
        """(member, year, contribution, lines, text)."""
    def calendar(self) -> Dict[str, Any]:
        """The members' budget calendar."""
    def calendar_ics(self) -> str:
        """The members' budget calendar as iCalendar text."""
    def settle(
        self, year: int, text: Optional[str] = None, format: Optional[str] = None
    ) -> Dict[str, Any]:
        """The settlement of ``year`` (the plan's outcome, or an outcome file's text)."""
    def invoices(
        self, year: int, settle: bool, text: Optional[str] = None, format: Optional[str] = None
    ) -> Dict[str, Any]:
        """The invoices of ``year``, settling the year before when ``settle``."""
    def why_changed(
        self, member: Optional[str] = None, year: Optional[int] = None, lang: Optional[str] = None
    ) -> List[Dict[str, Any]]:
        """Why contributions changed from the year before."""
    def diff(self, other: "PlanResult") -> Dict[str, Any]:
        """How ``other`` differs from this result (B - A)."""

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
