"""PlanResult.to_pandas(): tidy tables of the reference plan, with exact
Decimal money, and a clear ImportError without pandas."""

from __future__ import annotations

import sys
from decimal import Decimal

import pandas as pd
import pytest

import andel


@pytest.fixture(scope="module")
def result() -> andel.PlanResult:
    return andel.Plan.reference().compute()


def test_members_one_row_per_year_and_member(result: andel.PlanResult) -> None:
    df = result.to_pandas()
    assert list(df.columns) == [
        "year", "member", "name", "paying", "population", "share",
        "share_percent", "contribution", "in_kind", "change",
    ]
    # The reference plan: 2021–2025, six municipalities and the university.
    assert len(df) == 5 * 7
    assert sorted(set(df["year"])) == [2021, 2022, 2023, 2024, 2025]
    hylte = df[(df["year"] == 2021) & (df["member"] == "hylte")]
    assert hylte["contribution"].tolist() == [Decimal("59163")]
    assert hylte["name"].tolist() == ["Hylte"]
    assert hylte["population"].tolist() == [Decimal("10815")]


def test_money_stays_decimal_and_adds_up(result: andel.PlanResult) -> None:
    df = result.to_pandas()
    assert all(type(v) is Decimal for v in df["contribution"])
    by_year = df.groupby("year")["contribution"].sum()
    # The net costs of the reference plan's years (gross 1 650 000 less
    # 400 000 of funding in 2021; no funding later).
    assert by_year[2021] == Decimal("1250000")
    assert by_year[2022] == Decimal("1081500")


def test_lines_add_up_to_the_contribution(result: andel.PlanResult) -> None:
    lines = result.to_pandas("lines")
    assert list(lines.columns) == ["year", "member", "name", "line", "amount"]
    bastad = lines[(lines["year"] == 2021) & (lines["member"] == "bastad")]
    assert bastad["amount"].sum() == Decimal("82757")
    # The cost lines of examples/tillvaxtmotor.toml.
    assert set(lines["line"]) == {"projektledning", "arbetsdagar", "analys", "fordjupning"}


def test_years(result: andel.PlanResult) -> None:
    years = result.to_pandas("years")
    assert list(years.columns) == ["year", "gross", "funding", "net"]
    first = years.iloc[0]
    assert (first["year"], first["gross"], first["funding"], first["net"]) == (
        2021, Decimal("1650000"), Decimal("400000"), Decimal("1250000"),
    )


def test_unknown_table(result: andel.PlanResult) -> None:
    with pytest.raises(ValueError, match="members"):
        result.to_pandas("cells")  # type: ignore[arg-type]


def test_without_pandas_the_error_says_what_to_install(
    result: andel.PlanResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    # None in sys.modules makes `import pandas` raise ImportError.
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r'pip install "andel\[pandas\]"'):
        result.to_pandas()
    assert pd.__name__ == "pandas"
