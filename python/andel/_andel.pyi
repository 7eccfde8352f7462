"""Native core of the andel package (Rust, pyo3). Internal: use ``andel``."""

from decimal import Decimal
from typing import List, Optional, Sequence, Tuple, Union

_Number = Union[Decimal, int, str]

__version__: str
METHODS: Tuple[str, ...]
ROUNDING_MODES: Tuple[str, ...]
DEFAULT_UNIT: str

def allocate(
    total: _Number,
    weights: Sequence[object],
    names: Optional[Sequence[str]],
    unit: _Number,
    method: str,
    first_divisor: Optional[_Number],
) -> List[Decimal]:
    """The amounts, in weight order."""

def explain(
    total: _Number,
    weights: Sequence[object],
    names: Optional[Sequence[str]],
    unit: _Number,
    method: str,
    first_divisor: Optional[_Number],
) -> str:
    """Core's Allocation as serde JSON text."""

def round_to_unit(amount: _Number, unit: _Number, mode: str) -> Decimal:
    """``amount`` rounded to a whole multiple of ``unit``."""

def _panic_for_tests() -> None:
    """Test only: panics inside Rust; raises AndelError(code='internal_error')."""
