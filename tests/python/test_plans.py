"""Budget-cycle plans from Python: reading, computing, explaining, exports,
errors. Expected figures are worked out here with fractions.Fraction, never
taken from andel."""

from __future__ import annotations

import datetime
import json
import pickle
import typing
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Dict, List, Mapping

import pytest

import andel
from andel import _andel

D = Decimal
REFERENCE = andel.REFERENCE_PLAN
YEARS = [2021, 2022, 2023, 2024, 2025]
MUNICIPALITIES = ["bastad", "falkenberg", "halmstad", "hylte", "laholm", "ljungby"]

# SCB, 31 December 2019 (shared/domain.md), typed in again on purpose: the
# expectations must not come from the plan file that is under test.
POPULATION_2019 = {
    "bastad": 15128,
    "falkenberg": 45367,
    "halmstad": 102767,
    "hylte": 10815,
    "laholm": 25903,
    "ljungby": 28521,
}


def largest_remainder(total: int, weights: Mapping[str, int]) -> Dict[str, int]:
    """Hamilton's method in whole units, exactly, with Fractions."""
    whole = sum(weights.values())
    quotas = {name: Fraction(total * weight, whole) for name, weight in weights.items()}
    amounts = {name: quota.numerator // quota.denominator for name, quota in quotas.items()}
    leftover = total - sum(amounts.values())
    by_remainder = sorted(quotas, key=lambda name: quotas[name] - amounts[name], reverse=True)
    remainders = [quotas[name] - amounts[name] for name in by_remainder]
    # A tie at the cut would make the expectation depend on a tie rule.
    assert leftover == 0 or leftover == len(remainders) or remainders[leftover - 1] != remainders[leftover]
    for name in by_remainder[:leftover]:
        amounts[name] += 1
    return amounts


@pytest.fixture(scope="module")
def result() -> andel.PlanResult:
    return andel.Plan.reference().compute()


# ------------------------------------------------------------ the reference


def test_reference_plan_computes(result: andel.PlanResult) -> None:
    assert isinstance(result, andel.PlanResult)
    assert andel.Result is andel.PlanResult
    assert [year["year"] for year in result.years] == YEARS
    assert [total["id"] for total in result.totals] == MUNICIPALITIES + ["hh"]
    assert result.currency == "SEK"
    assert result.unit == D("1")
    assert result.method == "largest_remainder"
    assert result.name == "Regional tillväxtmotor (illustrative budget)"


def test_every_year_adds_up_to_its_net(result: andel.PlanResult) -> None:
    for year in result.years:
        contributions = [Fraction(member["contribution"]) for member in year["members"]]
        assert sum(contributions) == Fraction(year["net"]), year["year"]
        assert Fraction(year["gross"]) - Fraction(year["funding"]) == Fraction(year["net"])
        assert sum(Fraction(line["net"]) for line in year["lines"]) == Fraction(year["net"])
        for member in year["members"]:
            assert member["contribution"] % result.unit == 0


def test_every_member_line_breakdown_adds_up(result: andel.PlanResult) -> None:
    for year in result.years:
        for member in year["members"]:
            parts = [Fraction(line["amount"]) for line in member["lines"]]
            assert sum(parts) == Fraction(member["contribution"]), (year["year"], member["id"])
        # And every line is split exactly among the members.
        for line in year["lines"]:
            shares = [
                Fraction(part["amount"])
                for member in year["members"]
                for part in member["lines"]
                if part["line"] == line["id"]
            ]
            assert sum(shares) == Fraction(line["net"]), (year["year"], line["id"])


def test_first_year_is_the_largest_remainder_split_of_the_net(result: andel.PlanResult) -> None:
    # 2021: projektledning 900 000 + arbetsdagar 150 000 + analys 600 000,
    # less the start grant 400 000; one key, per capita by 31 Dec 2019.
    net = 900_000 + 150_000 + 600_000 - 400_000
    expected = largest_remainder(net, POPULATION_2019)
    assert expected == {
        "bastad": 82757,
        "falkenberg": 248177,
        "halmstad": 562180,
        "hylte": 59163,
        "laholm": 141701,
        "ljungby": 156022,
    }
    year = result.years[0]
    assert year["net"] == net
    for member, amount in expected.items():
        assert result.contribution(member, 2021) == amount
        assert result.contributions()[2021][member] == amount
    # The university takes part in kind and pays no cash.
    assert result.contribution("hh", 2021) == 0
    hh = [m for m in year["members"] if m["id"] == "hh"][0]
    assert hh["paying"] is False and hh["in_kind"] == 400 * 700


def test_contributions_are_decimals_by_year_and_member(result: andel.PlanResult) -> None:
    table = result.contributions()
    assert list(table) == YEARS
    for year, members in table.items():
        assert list(members) == MUNICIPALITIES + ["hh"]
        for member, amount in members.items():
            assert type(amount) is Decimal
            assert amount == result.contribution(member, year)


def test_totals_are_cores_and_add_up(result: andel.PlanResult) -> None:
    table = result.contributions()
    for total in result.totals:
        by_year = sum(Fraction(table[year][total["id"]]) for year in YEARS)
        assert Fraction(total["contribution"]) == by_year


def test_unknown_member_or_year(result: andel.PlanResult) -> None:
    with pytest.raises(andel.PlanError) as info:
        result.contribution("goteborg", 2021)
    assert info.value.code == "unknown_member"
    assert "goteborg" in str(info.value)
    with pytest.raises(andel.PlanError) as info:
        result.contribution("halmstad", 2026)
    assert info.value.code == "year_outside_horizon"
    with pytest.raises(andel.PlanError) as info:
        result.explain("halmstad", 2020)
    assert info.value.code == "year_outside_horizon"


# -------------------------------------------------------------- to_dict/json


def _same_shape(native: object, plain: object, where: str = "") -> None:
    """to_dict() mirrors core's JSON: the same keys in the same order, every
    decimal a Decimal where the JSON has its text."""
    if isinstance(plain, dict):
        assert isinstance(native, dict), where
        assert list(native) == list(plain), where
        for key in plain:
            _same_shape(native[key], plain[key], f"{where}.{key}")
    elif isinstance(plain, list):
        assert isinstance(native, list) and len(native) == len(plain), where
        for i, (a, b) in enumerate(zip(native, plain)):
            _same_shape(a, b, f"{where}[{i}]")
    elif isinstance(native, Decimal):
        assert isinstance(plain, str) and Decimal(plain) == native, where
        assert format(native, "f") == plain, where
    else:
        assert native == plain and type(native) is type(plain), where


DECIMAL_FIELDS = {
    "unit", "gross", "funding", "net", "share_percent", "exact_decimal",
    "contribution", "rounding", "in_kind", "amount", "population",
}


def test_to_dict_is_cores_json_with_decimals(result: andel.PlanResult) -> None:
    data = result.to_dict()
    _same_shape(data, json.loads(result.to_json()))
    year = data["years"][0]
    halmstad = year["members"][2]
    assert halmstad["id"] == "halmstad"
    fields: Dict[str, Any] = dict(halmstad)
    for field in DECIMAL_FIELDS & set(fields):
        assert type(fields[field]) is Decimal, field
    assert halmstad["population"] == 102767
    assert halmstad["population_date"] == "2019-12-31"
    assert Fraction(halmstad["share"]) == Fraction(102767, sum(POPULATION_2019.values()))
    assert Fraction(halmstad["exact"]) == Fraction(1_250_000 * 102767, sum(POPULATION_2019.values()))
    assert type(year["gross"]) is Decimal and type(data["unit"]) is Decimal
    # A new dict every time: changing one does not change the result.
    data["years"].clear()
    assert len(result.years) == 5


def _matches(value: object, hint: object, where: str) -> None:
    """Checks a value against a type from andel's generated TypedDicts
    (TypedDict, List, Optional, Literal, Decimal, str, int, bool)."""
    origin = typing.get_origin(hint)
    if typing.is_typeddict(hint):
        assert isinstance(value, dict), where
        hints = typing.get_type_hints(hint)
        assert list(value) == list(hints), f"{where}: keys {list(value)} vs {list(hints)}"
        for key, sub in hints.items():
            _matches(value[key], sub, f"{where}.{key}")
    elif origin is list:
        assert isinstance(value, list), where
        for i, item in enumerate(value):
            _matches(item, typing.get_args(hint)[0], f"{where}[{i}]")
    elif origin is typing.Union:
        assert any(_fits(value, alt, where) for alt in typing.get_args(hint)), f"{where}: {value!r}"
    elif origin is typing.Literal:
        assert value in typing.get_args(hint), f"{where}: {value!r}"
    elif hint is type(None):
        assert value is None, where
    else:
        assert type(value) is hint, f"{where}: {type(value).__name__} is not {hint}"


def _fits(value: object, hint: object, where: str) -> bool:
    try:
        _matches(value, hint, where)
    except AssertionError:
        return False
    return True


def test_generated_typed_dicts_describe_to_dict(result: andel.PlanResult) -> None:
    # python/andel/_shapes.py is written by scripts/gen-shapes from core's
    # schema; this checks it against what the binding really returns, in
    # key order too, with a partial-year member so `membership` is a dict.
    _matches(result.to_dict(), andel.ResultDict, "result")
    joining = REFERENCE.replace('id = "hylte"', 'id = "hylte"\njoins = 2022-07-01', 1)
    part_year = andel.Plan.from_toml(joining).compute().to_dict()
    _matches(part_year, andel.ResultDict, "part_year")
    assert any(m["membership"] is not None for y in part_year["years"] for m in y["members"])
    with pytest.raises(AssertionError):
        broken = result.to_dict()
        broken["years"][0]["members"][0]["population"] = 1.5  # type: ignore[typeddict-item]
        _matches(broken, andel.ResultDict, "broken")


def test_to_json_keeps_decimals_as_strings(result: andel.PlanResult) -> None:
    data = json.loads(result.to_json())
    assert data["unit"] == "1"
    assert data["years"][0]["net"] == "1250000"
    assert data["years"][0]["members"][2]["contribution"] == "562180"


def test_carried_figures_are_noted(result: andel.PlanResult) -> None:
    # Båstad has no figure for 31 Dec 2023, so 2025 carries its latest
    # earlier one, of 31 Dec 2022, forward.
    assert any("Båstad" in note and "2023-12-31" in note for note in result.notes)
    bastad_2025 = result.years[4]["members"][0]
    assert bastad_2025["population_carried_from"] == "2022-12-31"
    assert bastad_2025["population"] == 15824


# ----------------------------------------------------------------- explain


def test_explain_from_plan_and_from_result(result: andel.PlanResult) -> None:
    plan = andel.Plan.reference()
    explanation = plan.explain("halmstad", 2021, lang="en")
    assert isinstance(explanation, andel.Explanation)
    assert explanation == result.explain("halmstad", 2021, lang="en")
    assert explanation.member == "halmstad" and explanation.year == 2021
    assert explanation.contribution == D("562180")
    assert len(explanation.lines) > 3
    assert str(explanation) == "".join(line + "\n" for line in explanation.lines)
    assert "102767 at 2019-12-31" in str(explanation)
    assert "1250000" in str(explanation)
    assert explanation.to_dict()["contribution"] == D("562180")
    assert "carried forward" in str(plan.explain("bastad", 2025, lang="en"))


NNBSP = "\u202f"  # the Swedish thousands separator


def test_explain_is_swedish_by_default_for_kronor(result: andel.PlanResult) -> None:
    plan = andel.Plan.reference()  # in SEK
    default = plan.explain("halmstad", 2021)
    assert default == plan.explain("halmstad", 2021, lang="sv")
    assert default == result.explain("halmstad", 2021)
    assert default.contribution == D("562180")
    text = str(default)
    assert text.startswith("Halmstad (halmstad), budgetår 2021: bidrag 562" + NNBSP + "180 kr.")
    assert f"Befolkning: 102{NNBSP}767 per 2019-12-31" in text
    assert f"nettokostnad om 1{NNBSP}250{NNBSP}000 kr år 2021" in text
    assert "budget year" not in text and "contribution" not in text
    assert "fördes fram" in str(plan.explain("bastad", 2025))
    # The figures are the same in both languages; only the words differ.
    assert default.lines != plan.explain("halmstad", 2021, lang="en").lines


def test_explain_is_english_by_default_for_other_currencies() -> None:
    data = andel.Plan.reference().to_dict()
    data["currency"] = "EUR"
    plan = andel.Plan.from_dict(data)
    text = str(plan.explain("halmstad", 2021))
    assert text.startswith("Halmstad (halmstad), budget year 2021: contribution 562180 EUR.")
    assert text == str(plan.explain("halmstad", 2021, lang="en"))
    assert "budgetår 2021: bidrag 562" + NNBSP + "180 EUR." in str(plan.explain("halmstad", 2021, lang="sv"))


@pytest.mark.parametrize("lang", ["de", "SV", ""])
def test_an_unknown_language_is_refused(result: andel.PlanResult, lang: str) -> None:
    with pytest.raises(andel.InputError) as raised:
        result.explain("halmstad", 2021, lang=lang)  # type: ignore[arg-type]
    assert raised.value.code == "unknown_language"
    with pytest.raises(andel.InputError):
        result.to_excel(lang=lang)  # type: ignore[arg-type]
    with pytest.raises(andel.InputError):
        result.to_html(lang=lang)  # type: ignore[arg-type]


# -------------------------------------------------------------- CSV and HTML


def test_to_csv(result: andel.PlanResult, tmp_path: Path) -> None:
    text = result.to_csv()
    lines = text.splitlines()
    header = "year,member,name,population,share,share_percent,contribution,projektledning,arbetsdagar,analys,fordjupning,in_kind"
    assert lines[0] == header
    assert len(lines) == 1 + 5 * 7
    assert lines[3].startswith("2021,halmstad,Halmstad,102767,14681/32643,")
    columns = header.split(",")
    for row in lines[1:]:
        cells = dict(zip(columns, row.split(",")))
        contribution = D(cells["contribution"])
        assert contribution == result.contribution(cells["member"], int(cells["year"]))
        by_line = [D(cells[c]) for c in ("projektledning", "arbetsdagar", "analys", "fordjupning") if cells[c]]
        assert sum(by_line, D(0)) == contribution
    assert "2021,hh,Högskolan i Halmstad,,0,0.0000,0,,,,,280000" in lines

    path = tmp_path / "contributions.csv"
    assert result.to_csv(path) == text
    assert path.read_bytes() == text.encode("utf-8")
    result.to_csv(str(tmp_path / "excel.csv"), encoding="utf-8-sig")
    assert (tmp_path / "excel.csv").read_bytes() == b"\xef\xbb\xbf" + text.encode("utf-8")


def _grouped(amount: D, separator: str) -> str:
    """A whole amount with its thousands separated, written out here so the
    test does not use the formatting it checks."""
    digits = str(int(amount))
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return separator.join([digits] + groups)


def test_repr_html_is_swedish_for_kronor(result: andel.PlanResult) -> None:
    html = result._repr_html_()
    assert html == result.to_html() == result.to_html(lang="sv")
    assert html.startswith("<table")
    for name in ("Båstad", "Falkenberg", "Halmstad", "Hylte", "Laholm", "Ljungby", "Högskolan i Halmstad"):
        assert f">{name}</th>" in html
    for year in YEARS:
        assert f">{year}</th>" in html
    assert ">Medlem</th>" in html and ">Totalt</th>" in html
    assert "bidrag i kr</caption>" in html
    # The 2021 total is the year's net; Halmstad's cell is its contribution.
    assert f">1{NNBSP}250{NNBSP}000</td>" in html
    assert f">562{NNBSP}180</td>" in html
    halmstad_total = [t for t in result.totals if t["id"] == "halmstad"][0]["contribution"]
    assert f">{_grouped(halmstad_total, NNBSP)}</td>" in html
    assert "text-align:right" in html
    # The notes follow the table, in Swedish: Ljungby's 2020 figure is missing.
    assert "Anmärkningar:" in html
    assert "2022: befolkningstal per 2020-12-31 saknas för Ljungby" in html
    assert "carried forward" in result.to_html(lang="en")


def test_notes_one_line_per_cause_in_either_language(result: andel.PlanResult) -> None:
    # Budget year 2022 misses Ljungby's 31 December 2020 figure and 2025
    # Båstad's of 2023: two causes, two lines, each naming the figure used.
    assert result.notes == result.notes_in("en")
    assert result.notes_in("en") == [
        "2022: no population figure for 2020-12-31 for Ljungby; the latest earlier "
        "figures were carried forward: Ljungby 28521 (2019-12-31)",
        "2025: no population figure for 2023-12-31 for Båstad; the latest earlier "
        "figures were carried forward: Båstad 15824 (2022-12-31)",
    ]
    assert result.notes_in() == result.notes_in("sv")
    assert result.notes_in("sv")[1] == (
        f"2025: befolkningstal per 2023-12-31 saknas för Båstad; senast kända tal "
        f"används: Båstad 15{NNBSP}824 (2022-12-31)"
    )
    with pytest.raises(andel.InputError) as info:
        result.notes_in("de")  # type: ignore[arg-type]
    assert info.value.code == "unknown_language"


def test_repr_html_shows_the_in_kind_column(result: andel.PlanResult) -> None:
    university = [t for t in result.totals if t["id"] == "hh"][0]
    assert university["in_kind"] > 0 and university["contribution"] == 0
    for lang, header in (("sv", "Naturainsatser"), ("en", "In kind")):
        html = result.to_html(lang=lang)
        head = html.split("</thead>")[0].split("</tr>")[0].rstrip()
        assert head.endswith(f">{header}</th>"), head
        row = html.split("Högskolan i Halmstad</th>")[1].split("</tr>")[0].rstrip()
        separator = NNBSP if lang == "sv" else ""
        assert row.endswith(f">{_grouped(university['in_kind'], separator)}</td>"), row
        # A member without in-kind values shows zero there.
        hylte = html.split(">Hylte</th>")[1].split("</tr>")[0].rstrip()
        assert hylte.endswith(">0</td>")


def test_html_without_in_kind_has_no_such_column() -> None:
    plan = andel.Plan(
        name="cash only",
        first_year=2025,
        years=1,
        key={"type": "equal"},
        members=[{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
        costs=[{"id": "c", "name": "C", "amount": "1000", "year": 2025}],
    )
    html = plan.compute().to_html(lang="en")
    assert "In kind" not in html and ">Total</th>" in html


def test_repr_html_english(result: andel.PlanResult) -> None:
    html = result.to_html(lang="en")
    assert ">Member</th>" in html and ">Total</th>" in html
    assert "contributions in SEK</caption>" in html
    assert ">1250000</td>" in html and ">562180</td>" in html
    assert "Notes:" in html
    assert result.to_html(swedish=False) == html
    assert result.to_html(swedish=True) == result.to_html(lang="sv")


def test_use_swedish_format_overrides_the_default(result: andel.PlanResult) -> None:
    data = andel.Plan.reference().to_dict()
    data["currency"] = "EUR"
    euros = andel.Plan.from_dict(data).compute()
    assert ">1250000</td>" in euros._repr_html_()  # English for euros
    try:
        andel.use_swedish_format()
        assert f">1{NNBSP}250{NNBSP}000</td>" in euros._repr_html_()
        assert "bidrag i EUR</caption>" in euros._repr_html_()
        andel.use_swedish_format(False)
        assert result._repr_html_() == result.to_html(lang="en")
        # A lang given to to_html wins over the override.
        assert result.to_html(lang="sv") != result._repr_html_()
    finally:
        andel.use_swedish_format(None)
    assert result._repr_html_() == result.to_html(lang="sv")


def test_format_amount_is_cores() -> None:
    assert andel.format_amount(D("-1234567.50"), currency="SEK") == f"-1{NNBSP}234{NNBSP}567,50 kr"
    assert andel.format_amount(D("-1234567.50"), currency="SEK", lang="en") == "-1234567.50 SEK"
    assert andel.format_amount(D("5"), currency="EUR") == "5 EUR"
    assert andel.format_amount(D("1000"), currency="EUR", swedish=True) == f"1{NNBSP}000 EUR"
    assert _andel.format_figure(D("0.0500"), "sv") == "0,0500"
    with pytest.raises(TypeError):
        _andel.format_figure(1.5, "sv")  # type: ignore[arg-type]


def test_labels_are_cores() -> None:
    sv, en = _andel.labels("sv"), _andel.labels("en")
    assert sv["member"] == "medlem" and en["member"] == "member"
    assert sv["in_kind_plural"] == "naturainsatser" and en["in_kind"] == "in kind"
    assert sv.keys() == en.keys() and len(sv) > 50
    assert _andel.capitalized("naturainsatser") == "Naturainsatser"
    assert _andel.default_lang("SEK") == "sv" and _andel.default_lang("NOK") == "en"
    with pytest.raises(andel.InputError):
        _andel.labels("fi")


def test_html_escapes_names() -> None:
    plan = andel.Plan(
        name="<b>R&D</b>",
        first_year=2025,
        years=1,
        key={"type": "equal"},
        members=[{"id": "a", "name": "A <script>"}, {"id": "b", "name": "B & co"}],
        costs=[{"id": "c", "name": "C", "amount": "1001", "year": 2025}],
    )
    html = plan.compute()._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "B &amp; co" in html and "&lt;b&gt;R&amp;D&lt;/b&gt;" in html
    assert ">501</td>" in html and ">500</td>" in html


# ------------------------------------------------------------------ errors


def test_misspelt_field_has_code_line_and_column() -> None:
    text = REFERENCE.replace("participants", "partcipants")
    with pytest.raises(andel.PlanError) as info:
        andel.Plan.from_toml(text)
    err = info.value
    assert isinstance(err, andel.AndelError) and isinstance(err, ValueError)
    assert err.code == "unknown_field"
    assert "partcipants" in str(err) and "participants" in str(err)
    assert err.line is not None and err.column is not None
    line = text.splitlines()[err.line - 1]
    assert line[err.column - 1 :].startswith("partcipants")


def test_misspelt_keyword_in_the_constructor() -> None:
    with pytest.raises(andel.PlanError) as info:
        andel.Plan(name="x", first_year=2025, years=1, members=[], partcipants=["a"])
    assert info.value.code == "unknown_field"
    assert "partcipants" in str(info.value)


def test_float_amount_in_from_dict_is_refused() -> None:
    data = andel.Plan.reference().to_dict()
    for amount in (900000.5, 900000.0):
        data["costs"][0]["amount"] = amount
        with pytest.raises(andel.PlanError) as info:
            andel.Plan.from_dict(data)
        assert info.value.code == "plan_syntax"
        assert "float" in str(info.value) and "string" in str(info.value)
    data["costs"][0]["amount"] = D("900001")
    assert andel.Plan.from_dict(data).to_dict()["costs"][0]["amount"] == "900001"
    # A Decimal keeps its exact value, so the core can say it is no whole krona.
    data["costs"][0]["amount"] = D("900000.5")
    with pytest.raises(andel.PlanError) as info:
        andel.Plan.from_dict(data)
    assert info.value.code == "not_multiple_of_unit" and info.value.path == "costs[0].amount"


def test_missing_population_without_carry_forward() -> None:
    text = REFERENCE.replace("carry_forward = true", "carry_forward = false")
    plan = andel.Plan.from_toml(text)  # readable; it cannot be computed
    with pytest.raises(andel.PlanError) as info:
        plan.compute()
    err = info.value
    assert err.code == "missing_figure"
    assert "2020-12-31" in str(err) and "carry_forward" in str(err)
    assert err.path == "members[5].metrics.population"  # Ljungby
    with pytest.raises(andel.PlanError) as info:
        plan.explain("halmstad", 2021)
    assert info.value.code == "missing_figure"
    # check() places it in the text, and so does compute() of a plan read
    # from text: at Ljungby's population series, the sixth.
    [problem] = andel.Plan.check(text)
    assert isinstance(problem, andel.PlanError) and problem.code == "missing_figure"
    assert problem.line is not None
    series = [n for n, line in enumerate(text.splitlines(), 1) if line.startswith("metrics.population")]
    assert (err.line, info.value.line) == (series[5], series[5]) == (problem.line, problem.line)
    assert err.column is not None
    # A plan from a dict has no text of the author's: the error names its
    # path only (see Plan.from_dict).
    from_dict = andel.Plan.from_dict(plan.to_dict())
    with pytest.raises(andel.PlanError) as info:
        from_dict.compute()
    assert info.value.path == "members[5].metrics.population"
    assert (info.value.line, info.value.column) == (None, None)


def test_years_beyond_any_horizon_are_plan_errors() -> None:
    result = andel.Plan.reference().compute()
    for year in (2**40, -(2**40)):
        with pytest.raises(andel.PlanError) as info:
            result.contribution("halmstad", year)
        assert info.value.code == "year_outside_horizon" and str(year) in str(info.value)
        with pytest.raises(andel.PlanError) as info:
            result.explain("halmstad", year)
        assert info.value.code == "year_outside_horizon"


def test_check_reports_every_problem() -> None:
    text = REFERENCE.replace('"hylte", "laholm"]', '"hylte", "nowhere"]').replace(
        'year = 2021\namount = "400000"', 'year = 2031\namount = "400000"'
    )
    assert text.count("nowhere") == 1 and text.count("year = 2031") == 1
    problems = andel.Plan.check(text, "toml")
    assert [p.code for p in problems] == ["unknown_member", "year_outside_horizon"]
    for problem in problems:
        assert isinstance(problem, andel.PlanError)
        assert problem.path and problem.line and problem.column
    first = problems[0]
    assert isinstance(first, andel.PlanError) and first.line and first.column
    assert text.splitlines()[first.line - 1][first.column - 1 :].startswith('"nowhere"')
    with pytest.raises(andel.PlanError) as info:
        andel.Plan.from_toml(text)
    assert info.value.code == "unknown_member"


def test_check_of_a_sound_plan_is_empty_and_of_json_too() -> None:
    assert andel.Plan.check(REFERENCE) == []
    assert andel.Plan.check(andel.Plan.reference().to_json(), format="json") == []
    # Without a format the core tells JSON from TOML, as for an outcome.
    assert andel.Plan.check(andel.Plan.reference().to_json()) == []
    [problem] = andel.Plan.check("{", format="json")
    assert problem.code == "plan_syntax"
    [problem] = andel.Plan.check(REFERENCE, format="yaml")
    assert problem.code == "plan_syntax" and "yaml" in str(problem)


def test_plan_error_pickles_with_its_place() -> None:
    with pytest.raises(andel.PlanError) as info:
        andel.Plan.from_toml(REFERENCE.replace("participants", "partcipants"))
    copy = pickle.loads(pickle.dumps(info.value))
    assert type(copy) is andel.PlanError
    assert (copy.code, copy.path, copy.line, copy.column, str(copy)) == (
        info.value.code,
        info.value.path,
        info.value.line,
        info.value.column,
        str(info.value),
    )
    assert "line=" in repr(copy)


def test_plain_splits_keep_their_error_classes() -> None:
    with pytest.raises(andel.AllocationError) as info:
        andel.allocate("1", [])
    assert not isinstance(info.value, andel.PlanError)
    with pytest.raises(andel.InputError):
        andel.allocate("1,5", [1])


# ----------------------------------------------------------- round trips


def test_round_trip_through_toml_and_json() -> None:
    plan = andel.Plan.reference()
    data = plan.to_dict()
    assert andel.Plan.from_toml(plan.to_toml()).to_dict() == data
    assert andel.Plan.from_json(plan.to_json()).to_dict() == data
    assert andel.Plan.from_dict(data).to_dict() == data
    assert andel.Plan.from_toml(REFERENCE).to_dict() == data
    copy = pickle.loads(pickle.dumps(plan))
    assert type(copy) is andel.Plan and copy.to_dict() == data
    # Numbers stay the exact text of the file.
    assert data["costs"][0]["amount"] == "900000"
    assert data["indexation"]["rate"] == "0.03"


def test_load_by_file_extension(tmp_path: Path) -> None:
    plan = andel.Plan.reference()
    (tmp_path / "plan.toml").write_text(REFERENCE, encoding="utf-8")
    (tmp_path / "plan.JSON").write_text(plan.to_json(), encoding="utf-8")
    # A byte-order mark, as Windows editors may write, is not part of the text.
    (tmp_path / "bom.toml").write_bytes(b"\xef\xbb\xbf" + REFERENCE.encode("utf-8"))
    for name in ("plan.toml", "plan.JSON", "bom.toml"):
        assert andel.Plan.load(tmp_path / name).to_dict() == plan.to_dict(), name
    assert andel.Plan.load(str(tmp_path / "plan.toml")).to_dict() == plan.to_dict()

    (tmp_path / "plan.yaml").write_text(REFERENCE, encoding="utf-8")
    with pytest.raises(andel.PlanError) as info:
        andel.Plan.load(tmp_path / "plan.yaml")
    assert info.value.code == "plan_syntax"
    assert "plan.yaml" in str(info.value) and ".toml" in str(info.value)
    assert info.value.path is None and info.value.line is None

    with pytest.raises(FileNotFoundError):
        andel.Plan.load(tmp_path / "missing.toml")

    (tmp_path / "bad.toml").write_text(REFERENCE.replace("participants", "partcipants"), encoding="utf-8")
    with pytest.raises(andel.PlanError) as info:
        andel.Plan.load(tmp_path / "bad.toml")
    assert info.value.code == "unknown_field" and info.value.line is not None


# ------------------------------------------------------- plans built in Python


def _small_plan_fields() -> Dict[str, Any]:
    return {
        "name": "Example",
        "first_year": 2025,
        "years": 2,
        "population": {"years_before": 2},
        "members": [
            {"id": "a", "name": "A", "metrics": {"population": {"2023-12-31": 2000, "2024-12-31": 2100}}},
            {"id": "b", "name": "B", "metrics": {"population": {"2023-12-31": 1000, "2024-12-31": 1000}}},
        ],
        "costs": [{"id": "pm", "name": "Project management", "amount": "100000", "from": 2025}],
    }


def test_plan_from_keywords_is_the_plan_from_the_dict() -> None:
    fields = _small_plan_fields()
    by_keywords = andel.Plan(**fields)
    by_dict = andel.Plan.from_dict({"format": 1, **fields})
    assert by_keywords.to_dict() == by_dict.to_dict()
    result = by_keywords.compute()
    # Budget year Y uses the population of 31 December Y-2.
    assert result.contributions() == {
        2025: {k: D(v) for k, v in largest_remainder(100000, {"a": 2000, "b": 1000}).items()},
        2026: {k: D(v) for k, v in largest_remainder(100000, {"a": 2100, "b": 1000}).items()},
    }
    assert result.contribution("b", 2026) == 32258


def test_from_dict_takes_decimals_ints_and_dates() -> None:
    fields = _small_plan_fields()
    fields["costs"][0]["amount"] = D("100000")
    fields["members"][0]["metrics"]["population"] = {
        datetime.date(2023, 12, 31): 2000,
        datetime.date(2024, 12, 31): D("2100"),
    }
    fields["members"][1]["joins"] = datetime.date(2025, 1, 1)
    plan = andel.Plan(**fields)
    data = plan.to_dict()
    assert data["costs"][0]["amount"] == "100000"
    assert data["members"][0]["metrics"]["population"] == {"2023-12-31": "2000", "2024-12-31": "2100"}
    assert data["members"][1]["joins"] == "2025-01-01"
    assert plan.compute().contribution("a", 2026) == 67742


def test_from_dict_errors_name_the_field() -> None:
    fields = _small_plan_fields()
    fields["costs"][0]["participants"] = ["a", "c"]
    with pytest.raises(andel.PlanError) as info:
        andel.Plan(**fields)
    assert info.value.code == "unknown_member"
    assert info.value.path == "costs[0].participants[1]"
    fields = _small_plan_fields()
    del fields["members"][1]["metrics"]
    with pytest.raises(andel.PlanError) as info:
        andel.Plan(**fields).compute()
    assert info.value.code == "missing_figure"


def test_from_dict_values_no_plan_holds_are_plan_errors_at_their_paths() -> None:
    # The core walks the dict (python/src/host.rs into core's HostValue) and names every
    # value it refuses by its path, with no line: there is no text of yours.
    cases: List[Any] = [
        (float("nan"), "invalid_number", "NaN and infinities"),
        (Fraction(1, 3), "plan_syntax", "a Fraction cannot be part of a plan"),
        ({1, 2}, "plan_syntax", "a set cannot be part of a plan"),
    ]
    for value, code, words in cases:
        data = andel.Plan.reference().to_dict()
        data["costs"][0]["amount"] = value
        with pytest.raises(andel.PlanError) as info:
            andel.Plan.from_dict(data)
        err = info.value
        assert (err.code, err.path, err.line, err.column) == (code, "costs[0].amount", None, None), err
        assert words in str(err), str(err)
    circular = andel.Plan.reference().to_dict()
    circular["costs"][0]["self"] = circular
    with pytest.raises(andel.PlanError) as info:
        andel.Plan.from_dict(circular)
    assert info.value.path == "costs[0].self" and "circular" in str(info.value)
    # An int of any size is exact: 2**70 is no float, so it is not refused
    # as one; it is a whole amount the core reads exactly.
    data = andel.Plan.reference().to_dict()
    data["costs"][0]["amount"] = 2**70
    assert andel.Plan.from_dict(data).to_dict()["costs"][0]["amount"] == str(2**70)


def test_plan_is_a_plan_subclass_friendly_value() -> None:
    class MyPlan(andel.Plan):
        pass

    plan = MyPlan.reference()
    assert type(plan) is MyPlan
    assert type(MyPlan.from_toml(REFERENCE)) is MyPlan
    assert "Regional tillväxtmotor" in repr(plan) and "7 members" in repr(plan)
    assert "2021–2025" in repr(plan.compute())


def test_years_hold_lines_with_participants(result: andel.PlanResult) -> None:
    lines_2023: List[Dict[str, Any]] = [dict(line) for line in result.years[2]["lines"]]
    deep_dive = [line for line in lines_2023 if line["id"] == "fordjupning"][0]
    assert deep_dive["participants"] == ["falkenberg", "halmstad", "hylte", "laholm"]
    # Indexed by 3 % a year from 2023; rounded half away from zero each year.
    assert deep_dive["gross"] == 240000
    assert [line["id"] for line in result.years[0]["lines"]] == ["projektledning", "arbetsdagar", "analys"]


def test_grand_total_is_every_years_net_and_shown_in_the_table() -> None:
    result = andel.Plan.reference().compute()
    data = result.to_dict()
    assert data["total"] == sum(y["net"] for y in data["years"])
    assert data["total"] == sum(t["contribution"] for t in data["totals"])
    # The total row's cell under the total column (after one per year; the
    # in-kind column follows it), with the display's digit grouping taken out.
    total_cell = result._repr_html_().split("<tfoot>")[1].split("<td")[1:][len(YEARS)]
    digits = "".join(ch for ch in total_cell.split(">", 1)[1].split("<")[0] if ch.isdigit())
    assert digits == str(data["total"])
