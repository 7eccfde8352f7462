"""andel.allocate with a numpy array of integer weights: units in an int64
array, worked out here independently (by hand, or by the textbook
largest-remainder rule with Python integers)."""

from __future__ import annotations

from decimal import Decimal
from typing import List, Sequence

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import andel


def hamilton(units: int, weights: Sequence[int]) -> List[int]:
    """Largest remainder in integers: floors, then one unit each to the
    largest remainders; ties to the larger weight, then the earlier one."""
    whole = sum(weights)
    floors = [units * w // whole for w in weights]
    order = sorted(range(len(weights)), key=lambda i: (-(units * weights[i] % whole), -weights[i], i))
    for i in order[: units - sum(floors)]:
        floors[i] += 1
    return floors


def test_thirds_in_ore_as_an_int64_array() -> None:
    units = andel.allocate("100", np.array([1, 1, 1]))
    assert isinstance(units, np.ndarray)
    assert units.dtype == np.int64
    assert units.tolist() == [3334, 3333, 3333]


def test_the_reference_populations_in_whole_kronor() -> None:
    # 1 000 000 kr by the six populations (sum 228 501): the same figures as
    # docs/python.md gives for the dict of the same populations.
    population = np.array([15128, 45367, 102767, 10815, 25903, 28521], dtype=np.int32)
    units = andel.allocate("1000000", population, unit="1")
    assert units[2] == 449744 and units[3] == 47330
    assert int(units.sum()) == 1000000


@pytest.mark.parametrize("dtype", [np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64])
def test_every_integer_dtype(dtype: type) -> None:
    units = andel.allocate("10", np.array([1, 4], dtype=dtype), unit="1")
    assert units.tolist() == [2, 8]


def test_a_negative_total_gives_negative_units() -> None:
    # 100 by 1:2 is 33⅓ and 66⅔; the leftover unit to the larger remainder.
    assert andel.allocate("-100", np.array([1, 2]), unit="1").tolist() == [-33, -67]


def test_units_times_unit_are_the_amounts_of_a_list() -> None:
    # 1000 kr in 0.05 steps = 20 000 units by 3:7:11 (sum 21): quotas
    # 2857.14…, 6666.67…, 10476.19…; floors 2857, 6666, 10476 leave 1 unit,
    # which goes to the largest remainder (⅔, the second part).
    units = andel.allocate("1000", np.array([3, 7, 11]), unit="0.05")
    assert units.tolist() == [2857, 6667, 10476]
    assert [Decimal(int(u)) * Decimal("0.05") for u in units] == andel.allocate("1000", [3, 7, 11], unit="0.05")


def test_decimals_on_request() -> None:
    amounts = andel.allocate("100", np.array([1, 1, 1]), as_decimal=True)
    assert amounts == [Decimal("33.34"), Decimal("33.33"), Decimal("33.33")]
    assert [str(a) for a in amounts] == ["33.34", "33.33", "33.33"]


def test_a_strided_big_endian_view_is_read_by_value() -> None:
    base = np.array([1, 99, 1, 99, 1, 99], dtype=">i4")[::2]
    assert andel.allocate("100", base).tolist() == [3334, 3333, 3333]


def test_the_result_is_a_writable_array_of_its_own() -> None:
    units = andel.allocate("100", np.array([1, 1]))
    units[0] = 0
    assert units.tolist() == [0, 5000]


def test_errors_are_core_errors_with_their_codes() -> None:
    with pytest.raises(andel.AllocationError) as negative:
        andel.allocate("10", np.array([5, -1, 3]))
    assert negative.value.code == "negative_weight"
    assert "(-1)" in str(negative.value)
    with pytest.raises(andel.AllocationError) as zero:
        andel.allocate("10", np.array([0, 0]))
    assert zero.value.code == "zero_weights"
    with pytest.raises(andel.AllocationError) as empty:
        andel.allocate("10", np.array([], dtype=np.int64))
    assert empty.value.code == "empty_weights"
    with pytest.raises(andel.AllocationError) as multiple:
        andel.allocate("10.001", np.array([1]))
    assert multiple.value.code == "not_multiple_of_unit"
    with pytest.raises(andel.AndelOverflowError):
        # 10^20 units in one part do not fit in int64.
        andel.allocate("100000000000000000000", np.array([1]), unit="1")
    with pytest.raises(TypeError):
        andel.allocate(1.5, np.array([1]))  # type: ignore[call-overload]


@pytest.mark.parametrize(
    "weights",
    [np.array([1.0, 2.0]), np.array([True, False]), np.array([1, 2], dtype=object)],
)
def test_other_dtypes_are_refused(weights: "np.ndarray") -> None:
    with pytest.raises(TypeError, match="integer dtype"):
        andel.allocate("10", weights)


def test_a_2d_array_is_refused() -> None:
    with pytest.raises(ValueError, match="1-D"):
        andel.allocate("10", np.array([[1, 2], [3, 4]]))


def test_as_decimal_is_only_for_arrays() -> None:
    with pytest.raises(TypeError, match="as_decimal"):
        andel.allocate("10", [1, 2], as_decimal=True)  # type: ignore[call-overload]


def test_other_methods_pass_through() -> None:
    # D'Hondt, 10 seats by 5100:2900:1400:600: the ten largest quotients
    # are six of 5100/k, three of 2900/k and 1400.
    seats = andel.allocate("10", np.array([5100, 2900, 1400, 600]), unit="1", method="dhondt")
    assert seats.tolist() == [6, 3, 1, 0]


@settings(deadline=None, max_examples=150)
@given(
    units=st.integers(min_value=0, max_value=10**12),
    weights=st.lists(st.integers(min_value=0, max_value=2**40), min_size=1, max_size=40).filter(any),
)
def test_matches_the_integer_reference(units: int, weights: List[int]) -> None:
    got = andel.allocate(Decimal(units) / 100, np.array(weights, dtype=np.int64))
    assert got.tolist() == hamilton(units, weights)
    assert int(got.sum()) == units


def test_a_million_weights_add_up() -> None:
    rng = np.random.default_rng(20261127)
    weights = rng.integers(2_000, 1_002_000, size=1_000_000)
    units = andel.allocate("123456789.01", weights)
    assert units.shape == (1_000_000,)
    assert int(units.sum()) == 12_345_678_901
    # Every part is its quota rounded down or up by one unit.
    whole = int(weights.sum())
    sample = range(0, 1_000_000, 9973)
    for i in sample:
        floor = 12_345_678_901 * int(weights[i]) // whole
        assert int(units[i]) in (floor, floor + 1)


def test_uint64_weights_beyond_int64() -> None:
    # 2^63 does not fit in int64; two equal halves of 10 are 5 and 5.
    weights = np.array([2**63, 2**63], dtype=np.uint64)
    assert andel.allocate("10", weights, unit="1").tolist() == [5, 5]


@settings(deadline=None, max_examples=100)
@given(
    cents=st.integers(min_value=-(10**9), max_value=10**9),
    weights=st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=12),
    method=st.sampled_from(andel.METHODS),
)
def test_every_method_agrees_with_the_list_path(cents: int, weights: List[int], method: str) -> None:
    # The array path and the list path are two doors to one core split: the
    # same amounts, or the same error code.
    total = Decimal(cents) / 100
    try:
        expected = andel.allocate(total, weights, method=method)
    except andel.AndelError as err:
        with pytest.raises(andel.AndelError) as same:
            andel.allocate(total, np.array(weights, dtype=np.int64), method=method)
        assert same.value.code == err.code
        return
    units = andel.allocate(total, np.array(weights, dtype=np.int64), method=method)
    assert [Decimal(int(u)) / 100 for u in units] == expected
    decimals = andel.allocate(total, np.array(weights), method=method, as_decimal=True)
    assert [str(d) for d in decimals] == [str(e) for e in expected]
