"""The Python surface of andel: types in and out, explain(), errors."""

from __future__ import annotations

import enum
import inspect
import json
import pydoc
import pickle
from decimal import Decimal
from fractions import Fraction

import pytest

import andel
from andel import _andel

D = Decimal

# ---------------------------------------------------------------- money types


@pytest.mark.parametrize("argument", ["total", "unit"])
def test_a_float_is_never_money(argument: str) -> None:
    kwargs = {"total": "10", "unit": "1", "method": "sainte_lague", "first_divisor": "1.2"}
    kwargs[argument] = 1.0
    total = kwargs.pop("total")
    with pytest.raises(TypeError) as info:
        andel.allocate(total, [1, 2], **kwargs)
    message = str(info.value)
    assert "money is never a float" in message
    assert "Decimal" in message and "str" in message
    assert argument in message
    assert not isinstance(info.value, andel.AndelError)


def test_round_to_unit_refuses_float_amount_and_unit() -> None:
    with pytest.raises(TypeError, match="never a float"):
        andel.round_to_unit(12.5, "1")
    with pytest.raises(TypeError, match="never a float"):
        andel.round_to_unit("12.5", 1.0)


@pytest.mark.parametrize("total", [D("100"), 100, "100", "1e2", D("1E+2")])
def test_total_as_decimal_int_or_str(total: object) -> None:
    assert andel.allocate(total, [1, 1, 1]) == [D("33.34"), D("33.33"), D("33.33")]


def test_amounts_have_the_scale_of_the_unit() -> None:
    assert [str(a) for a in andel.allocate("12", [1, 1])] == ["6.00", "6.00"]
    assert [str(a) for a in andel.allocate("12", [1, 1], unit="1")] == ["6", "6"]
    assert [str(a) for a in andel.allocate("0.30", [1, 2], unit="0.05")] == ["0.10", "0.20"]
    assert [str(a) for a in andel.allocate("5000", [1, 1, 3], unit="1000")] == ["1000", "1000", "3000"]


def test_unit_and_first_divisor_as_decimal_int_or_str() -> None:
    for unit in (D("1"), 1, "1"):
        assert andel.allocate("3", [1, 2], unit=unit) == [D("1"), D("2")]
    # Swedish elections: Sainte-Laguë with first divisor 1.2.
    for divisor in (D("1.2"), "1.2"):
        seats = andel.allocate(
            "10", [5100, 2900, 1400, 600], unit=1, method="sainte_lague", first_divisor=divisor
        )
        assert seats == [D("5"), D("3"), D("1"), D("1")]
    seats = andel.allocate("10", [5100, 2900, 1400, 600], unit=1, method="sainte_lague", first_divisor=1)
    # Plain Sainte-Laguë (divisors 1, 3, 5, ...) gives the smallest party its seat too.
    assert sum(seats) == 10


def test_default_unit_is_cores() -> None:
    assert inspect.signature(andel.allocate).parameters["unit"].default == _andel.DEFAULT_UNIT
    assert inspect.signature(andel.explain).parameters["unit"].default == _andel.DEFAULT_UNIT
    assert _andel.DEFAULT_UNIT == "0.01"


# --------------------------------------------------------------- weight types


def test_weights_accept_decimal_int_str_float() -> None:
    assert andel.allocate("10", [D("1"), 1, "1", 1.0, D("1.0")], unit="1") == [D("2")] * 5


def test_float_weight_is_read_through_its_repr() -> None:
    # 0.1 as a binary double is 0.1000000000000000055...; its repr is "0.1".
    split = andel.explain("1", [0.1, 0.2], unit="0.01")
    assert [p.weight for p in split.parts] == [D("0.1"), D("0.2")]
    assert [p.share for p in split.parts] == [Fraction(1, 3), Fraction(2, 3)]
    assert andel.explain("1", [1e21, 1e-7]).parts[1].weight == D("0.0000001")


class Population(float):
    """A float subclass with its own repr, like numpy.float64 in numpy 2."""

    def __repr__(self) -> str:
        return f"Population({float(self)})"


def test_float_subclass_is_read_as_a_float() -> None:
    assert andel.explain("3", [Population(1.5), 3], unit="1").parts[0].weight == D("1.5")


class Colour(enum.IntEnum):
    RED = 2


class Index:
    """An integer that is not an int, like numpy.int64."""

    def __index__(self) -> int:
        return 3


def test_int_like_weights() -> None:
    assert andel.allocate("5", [Colour.RED, Index()], unit="1") == [D("2"), D("3")]


@pytest.mark.parametrize(
    "bad", [float("nan"), float("inf"), float("-inf"), D("NaN"), D("sNaN"), D("Infinity"), D("-Infinity")]
)
def test_nan_and_infinity_weights_are_invalid_numbers(bad: object) -> None:
    with pytest.raises(andel.InputError) as info:
        andel.allocate("10", [1, bad])
    assert info.value.code == "invalid_number"
    assert "weight 1" in str(info.value)


@pytest.mark.parametrize("argument", ["total", "unit"])
def test_decimal_nan_is_refused_for_money(argument: str) -> None:
    kwargs = {"total": "10", "unit": "1", "method": "sainte_lague", "first_divisor": "1.2"}
    kwargs[argument] = D("NaN")
    total = kwargs.pop("total")
    with pytest.raises(andel.InputError) as info:
        andel.allocate(total, [1, 2], **kwargs)
    assert info.value.code == "invalid_number"


@pytest.mark.parametrize("bad", [True, False])
def test_bool_is_not_a_number(bad: bool) -> None:
    with pytest.raises(TypeError, match="bool"):
        andel.allocate("10", [1, bad])
    with pytest.raises(TypeError, match="bool"):
        andel.allocate(bad, [1])
    with pytest.raises(TypeError, match="bool"):
        andel.allocate("10", {"a": bad})


@pytest.mark.parametrize("bad", [None, [1], Fraction(1, 3), b"1", object()])
def test_other_types_are_type_errors(bad: object) -> None:
    with pytest.raises(TypeError):
        andel.allocate("10", [1, bad])
    with pytest.raises(TypeError):
        andel.allocate(bad, [1])


def test_texts_are_read_like_every_runtime() -> None:
    # The same texts core's parse_decimal accepts and refuses.
    assert andel.allocate("1.5e3", [1], unit="1") == [D("1500")]
    assert andel.allocate(" 10 ", ["+1", ".5e1"], unit="1") == [D("2"), D("8")]
    for bad in ["1,5", "1 000", "", "NaN", "inf", "0x10", "1" * 30]:
        with pytest.raises(andel.InputError) as info:
            andel.allocate("10", [bad])
        assert info.value.code == "invalid_number", bad


def test_huge_int_is_an_invalid_number_not_a_crash() -> None:
    with pytest.raises(andel.InputError) as info:
        andel.allocate(10**40, [1])
    assert info.value.code == "invalid_number"


@pytest.mark.parametrize("bad", ["12", b"12", {1, 2}, 12, None])
def test_weights_must_be_a_sequence_or_mapping(bad: object) -> None:
    with pytest.raises(TypeError, match="weights"):
        andel.allocate("10", bad)


def test_weights_may_be_any_ordered_iterable() -> None:
    assert andel.allocate("10", (w for w in [1, 4]), unit="1") == [D("2"), D("8")]
    assert andel.allocate("10", range(1, 3), unit="1") == [D("3"), D("7")]


# ------------------------------------------------------------ mapping → dict


def test_mapping_in_dict_out_in_the_same_order() -> None:
    weights = {"Hylte": 10815, "Båstad": 15128, "Laholm": 25903}
    result = andel.allocate("1000", weights, unit="1")
    assert isinstance(result, dict)
    assert list(result) == ["Hylte", "Båstad", "Laholm"]
    assert sum(result.values()) == 1000
    # Quotas 208.59..., 291.79..., 499.61...: floors sum to 998, and the two
    # largest remainders (.79 and .61) get the two units left.
    assert result == {"Hylte": D("208"), "Båstad": D("292"), "Laholm": D("500")}


def test_mapping_names_must_be_str() -> None:
    with pytest.raises(TypeError, match="str"):
        andel.allocate("10", {1: 1, 2: 1})


def test_a_named_negative_weight_is_named_in_the_message() -> None:
    with pytest.raises(andel.AllocationError) as info:
        andel.allocate("10", {"Båstad": 1, "Hylte": -1})
    assert info.value.code == "negative_weight"
    assert "Hylte" in str(info.value)


# ------------------------------------------------------------------ explain


def test_explain_fields_against_exact_fractions() -> None:
    population = {"Båstad": 15128, "Falkenberg": 45367, "Hylte": 10815}
    total = Fraction(100000)
    split = andel.explain("100000", population, unit="1")
    assert isinstance(split, andel.Allocation)
    assert split.total == D("100000") and split.unit == D("1")
    assert split.method == "largest_remainder" and split.first_divisor is None
    assert len(split.parts) == 3
    whole = sum(population.values())
    for part, (name, weight) in zip(split.parts, population.items()):
        assert isinstance(part, andel.Part)
        assert part.name == name
        assert part.weight == weight and isinstance(part.weight, Decimal)
        assert isinstance(part.share, Fraction) and isinstance(part.quota, Fraction)
        assert part.share == Fraction(weight, whole)
        assert part.quota == total * Fraction(weight, whole)
        assert isinstance(part.quota_decimal, Decimal)
        assert abs(Fraction(part.quota_decimal) - part.quota) < Fraction(1, 10**20)
        assert isinstance(part.amount, Decimal)
        floor = part.quota.numerator // part.quota.denominator
        assert part.leftover_units == part.amount - floor
    assert split.amounts == [p.amount for p in split.parts]
    assert sum(split.amounts) == 100000


def test_explain_without_names_and_with_a_first_divisor() -> None:
    split = andel.explain("10", ["5100", "2900", "1400", "600"], unit="1", method="sainte_lague", first_divisor="1.2")
    assert [p.name for p in split.parts] == [None] * 4
    assert split.method == "sainte_lague"
    assert split.first_divisor == D("1.2")
    assert split.amounts == [D("5"), D("3"), D("1"), D("1")]


def test_explain_negative_total_has_negative_quotas() -> None:
    split = andel.explain("-100", [1, 2])
    assert [p.quota for p in split.parts] == [Fraction(-100, 3), Fraction(-200, 3)]
    assert split.amounts == [D("-33.33"), D("-66.67")]


def test_to_dict_is_the_rust_serde_shape() -> None:
    weights = ["1", "2.5", "0.0000001"]
    split = andel.explain("100", weights)
    rust = json.loads(_andel.explain("100", weights, None, "0.01", "largest_remainder", None))
    assert split.to_dict() == rust
    assert json.loads(json.dumps(split.to_dict())) == rust
    assert set(rust) == {"total", "unit", "method", "first_divisor", "parts"}
    assert set(rust["parts"][0]) == {
        "name", "weight", "share", "quota", "quota_decimal", "amount", "leftover_units"
    }
    assert rust["parts"][2]["weight"] == "0.0000001"  # never '1E-7'
    assert andel.Allocation.from_dict(split.to_dict()) == split


def test_to_dict_with_names_and_divisor() -> None:
    split = andel.explain("7", {"a": "3", "b": "1"}, unit="1", method="sainte_lague", first_divisor="1.4")
    expected = json.loads(_andel.explain("7", ["3", "1"], ["a", "b"], "1", "sainte_lague", "1.4"))
    assert split.to_dict() == expected
    assert expected["first_divisor"] == "1.4"
    assert [p["name"] for p in expected["parts"]] == ["a", "b"]


def test_allocation_repr_shows_who_pays_what() -> None:
    named = repr(andel.explain("100", {"a": 1, "b": 2}))
    assert named == "<Allocation total=100 unit=0.01 method=largest_remainder parts={'a': 33.33, 'b': 66.67}>"
    plain = repr(andel.explain("10", [1, 1], unit="1", method="sainte_lague", first_divisor="1.2"))
    assert plain == "<Allocation total=10 unit=1 method=sainte_lague first_divisor=1.2 parts=[5, 5]>"


def test_allocation_is_frozen() -> None:
    split = andel.explain("1", [1])
    with pytest.raises(AttributeError):
        split.total = D("2")  # type: ignore[misc]


# -------------------------------------------------------------- round_to_unit


@pytest.mark.parametrize(
    "mode, expected",
    [
        # amounts: 2.5, -2.5, 2.4, -2.6, 3.5
        ("half_away_from_zero", ["3", "-3", "2", "-3", "4"]),
        ("half_even", ["2", "-2", "2", "-3", "4"]),
        ("up", ["3", "-2", "3", "-2", "4"]),
        ("down", ["2", "-3", "2", "-3", "3"]),
        ("toward_zero", ["2", "-2", "2", "-2", "3"]),
        ("away_from_zero", ["3", "-3", "3", "-3", "4"]),
    ],
)
def test_round_to_unit_modes(mode: str, expected: list) -> None:
    amounts = ["2.5", "-2.5", "2.4", "-2.6", "3.5"]
    assert [str(andel.round_to_unit(a, "1", mode)) for a in amounts] == expected


def test_round_to_unit_defaults_and_units() -> None:
    assert andel.round_to_unit(D("12.50"), 1) == D("13")  # Swedish cash rounding
    assert str(andel.round_to_unit("0.075", "0.05")) == "0.10"
    assert str(andel.round_to_unit(12, "0.01", "up")) == "12.00"
    assert str(andel.round_to_unit("1499", "1000", "half_even")) == "1000"


def test_round_to_unit_errors() -> None:
    with pytest.raises(andel.AllocationError) as info:
        andel.round_to_unit("1", "1", "half_up")
    assert info.value.code == "unknown_rounding"
    with pytest.raises(andel.AllocationError) as info:
        andel.round_to_unit("1", "0")
    assert info.value.code == "invalid_unit"


# -------------------------------------------------------------- constants


def test_methods_and_rounding_modes() -> None:
    assert andel.METHODS == (
        "largest_remainder", "largest_ratio", "in_order", "dhondt", "sainte_lague", "huntington_hill"
    )
    assert andel.ROUNDING_MODES == (
        "half_away_from_zero", "half_even", "up", "down", "toward_zero", "away_from_zero"
    )
    for method in andel.METHODS:
        assert sum(andel.allocate("10", [1, 2, 3], unit="1", method=method)) == 10
    for mode in andel.ROUNDING_MODES:
        assert andel.round_to_unit("7", "1", mode) == 7


def test_version_matches_the_cargo_workspace() -> None:
    cargo = (__import__("pathlib").Path(__file__).resolve().parents[2] / "Cargo.toml").read_text()
    line = next(l for l in cargo.splitlines() if l.startswith("version = "))
    assert andel.__version__ == line.split('"')[1]


def test_everything_public_has_a_docstring() -> None:
    for name in andel.__all__:
        obj = getattr(andel, name)
        if name not in ("Number", "Weight", "Lang", "ErrorCode") and callable(obj):  # type aliases
            assert inspect.getdoc(obj), f"andel.{name} has no docstring"
    for name in ("allocate", "explain", "allocate_units", "round_to_unit", "_panic_for_tests", "Plan", "PlanResult"):
        assert inspect.getdoc(getattr(_andel, name)), f"_andel.{name} has no docstring"
    assert andel.__doc__ and _andel.__doc__


def test_every_public_method_and_property_has_a_docstring() -> None:
    # What help(andel.PlanResult) and the like show. Dataclass __init__s are
    # generated (the class's docstring describes the fields).
    classes = [getattr(andel, name) for name in andel.__all__ if inspect.isclass(getattr(andel, name))]
    checked = 0
    for cls in classes:
        for attr, value in vars(cls).items():
            if attr.startswith("_") and attr != "_repr_html_":
                continue
            target = value.fget if isinstance(value, property) else getattr(value, "__func__", value)
            if not callable(target):
                continue
            assert inspect.getdoc(target), f"andel.{cls.__name__}.{attr} has no docstring"
            checked += 1
    assert checked >= 30
    text = pydoc.render_doc(andel.allocate, renderer=pydoc.plaintext)
    assert "as_decimal" in text and "int64" in text
    assert "tidy" in pydoc.render_doc(andel.PlanResult, renderer=pydoc.plaintext)


# ------------------------------------------------------------------ errors


def test_exception_hierarchy() -> None:
    assert issubclass(andel.AndelError, ValueError)
    for cls in (andel.AllocationError, andel.InputError, andel.AndelOverflowError, andel.PlanError):
        assert issubclass(cls, andel.AndelError)
        assert cls.__doc__
    assert not issubclass(andel.AndelOverflowError, OverflowError)
    assert repr(andel.AllocationError("boom", "zero_weights")) == "AllocationError('boom', code='zero_weights')"


@pytest.mark.parametrize(
    "call, cls, code",
    [
        (lambda: andel.allocate("10", []), andel.AllocationError, "empty_weights"),
        (lambda: andel.allocate("10", [1, -1]), andel.AllocationError, "negative_weight"),
        (lambda: andel.allocate("10", [0, 0]), andel.AllocationError, "zero_weights"),
        (lambda: andel.allocate("10.005", [1]), andel.AllocationError, "not_multiple_of_unit"),
        (lambda: andel.allocate("10", [1], unit="-1"), andel.AllocationError, "invalid_unit"),
        (lambda: andel.allocate("10", [1], method="hare"), andel.AllocationError, "unknown_method"),
        (lambda: andel.allocate("10", [1], first_divisor="1.2"), andel.AllocationError, "invalid_first_divisor"),
        (lambda: andel.allocate("1", [1, 1], unit="1", method="huntington_hill"), andel.AllocationError, "too_few_units"),
        (lambda: andel.allocate("1,5", [1]), andel.InputError, "invalid_number"),
        (lambda: andel.allocate("79228162514264337593543950335", [1, "1e10"], unit="1"), andel.AndelOverflowError, "overflow"),
    ],
)
def test_error_codes_and_classes(call, cls, code) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(andel.AndelError) as info:
        call()
    err = info.value
    assert type(err) is cls
    assert isinstance(err, ValueError)
    assert err.code == code
    assert str(err) == err.message and err.message


def test_errors_pickle() -> None:
    with pytest.raises(andel.AndelError) as info:
        andel.allocate("10", [0])
    copy = pickle.loads(pickle.dumps(info.value))
    assert type(copy) is andel.AllocationError
    assert (copy.code, str(copy)) == ("zero_weights", str(info.value))


def test_a_rust_panic_surfaces_as_internal_error() -> None:
    with pytest.raises(andel.AndelError) as info:
        _andel._panic_for_tests()
    assert type(info.value) is andel.AndelError
    assert isinstance(info.value, ValueError)
    assert info.value.code == "internal_error"
    assert "deliberate panic" in str(info.value)
    # The module still works after a panic.
    assert andel.allocate("1", [1]) == [D("1.00")]


@pytest.mark.parametrize(
    "module", ["andel", "andel._api", "andel._allocation", "andel._errors", "andel._plan", "andel._result", "andel._display", "andel._cycle"]
)
def test_docstring_examples_run(module: str) -> None:
    import doctest
    import importlib

    mod = importlib.import_module(module)
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    if module == "andel":
        # The public functions (whose __module__ is andel) have examples.
        assert result.attempted >= 6, f"{module} should have examples"


def test_allocation_pickles_and_compares() -> None:
    split = andel.explain("100", {"a": 1, "b": 2})
    assert pickle.loads(pickle.dumps(split)) == split
    assert andel.explain("100", {"a": 1, "b": 2}) == split
    assert andel.explain("100", {"a": 1, "b": 3}) != split


# ------------------------------------------------------- as_units, fast paths


def test_as_units_gives_ints_of_units() -> None:
    assert andel.allocate("100", [1, 1, 1], as_units=True) == [3334, 3333, 3333]
    assert andel.allocate("-10", {"a": 1, "b": 4}, unit="1", as_units=True) == {"a": -2, "b": -8}
    assert andel.allocate("1", [D("0.5"), "1"], as_units=True) == [33, 67]
    with pytest.raises(TypeError, match="as_units"):
        andel.allocate("1", [1], as_units=True, as_decimal=True)  # type: ignore[call-overload]


class BigDecimal(D):
    """A Decimal subclass whose str() is not its value."""

    def __str__(self) -> str:
        return "not a number"


def test_every_kind_of_weight_reads_as_before() -> None:
    # ints of every size, exact Decimals and their subclasses, texts, floats:
    # the same split whichever way a weight is given.
    want = [D("1.67"), D("3.33"), D("5.00")]
    for weights in (
        [1, 2, 3],
        [D("1"), D("2.0"), D("3.000")],
        [BigDecimal("1"), 2, "3"],
        [2**70, 2**71, 3 * 2**70],
        [1.0, 2, D(3)],
    ):
        assert andel.allocate("10", weights) == want, weights
    assert andel.allocate("1", [D("-0"), 1], unit="1") == [D("0"), D("1")]


def test_a_refused_weight_is_named() -> None:
    with pytest.raises(TypeError, match="weight 1"):
        andel.allocate("10", [1, None])
    with pytest.raises(TypeError, match=r"weight 1 \(b\)"):
        andel.allocate("10", {"a": 1, "b": None})
    with pytest.raises(andel.InputError, match="weight 2"):
        andel.allocate("10", [1, D("2"), D("NaN")])
    with pytest.raises(andel.InputError, match=r"weight 1 \(b\)"):
        andel.allocate("10", {"a": D(1), "b": D("sNaN")})
