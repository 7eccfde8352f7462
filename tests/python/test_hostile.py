"""Hostile input (issue 15) through Python: the same refusals and the same
neutralised outputs as core/tests/hostile_input.rs."""

from __future__ import annotations

import csv
import io
import time
from decimal import Decimal as D
from pathlib import Path

import openpyxl
import pytest

import andel

REFERENCE = (Path(__file__).parents[2] / "examples" / "tillvaxtmotor.toml").read_text(encoding="utf-8")
FORMULA = '=HYPERLINK("http://evil.example","Halmstad")'


def test_a_huge_exponent_is_refused_at_once() -> None:
    started = time.perf_counter()
    with pytest.raises(andel.InputError) as e:
        andel.allocate("10", ["1", "0e-2147483648"])
    assert e.value.code == "invalid_number"
    assert time.perf_counter() - started < 0.5


def test_csv_neutralises_formulas_and_quotes_a_bare_cr() -> None:
    toml_name = 'name = "=HYPERLINK(\\"http://evil.example\\",\\"Halmstad\\")\\r"'
    text = REFERENCE.replace('name = "Halmstad"', toml_name, 1)
    result = andel.Plan.from_toml(text).compute()
    rows = list(csv.reader(io.StringIO(result.to_csv(), newline="")))
    assert all(len(r) == len(rows[0]) for r in rows)
    names = [r[2] for r in rows[1:]]
    assert "'" + FORMULA + "\r" in names
    assert not any(n.startswith(("=", "+", "-", "@")) for n in names)


def test_excel_writes_a_formula_looking_name_as_text() -> None:
    text = REFERENCE.replace('name = "Halmstad"', 'name = "=1+1"', 1)
    book = openpyxl.load_workbook(io.BytesIO(andel.Plan.from_toml(text).compute().to_excel(lang="en")))
    cell = book["Summary"]["A7"]
    assert cell.value == "=1+1" and cell.data_type == "s"


def test_budget_ids_are_compared_in_nfc() -> None:
    twins = [("\u00c5", "A", 10), ("A\u030a", "B", 10)]
    with pytest.raises(andel.PlanError) as e:
        andel.Budget(100, twins, year=2025).compute()
    assert (e.value.code, e.value.path) == ("duplicate_id", "members[1].id")
    with pytest.raises(andel.PlanError) as e:
        andel.Budget(100, [("a\x1b[2J", "A", 10), ("b", "B", 10)], year=2025).compute()
    assert (e.value.code, e.value.path) == ("invalid_id", "members[0].id")
    # A share named in the other form is the member's share.
    result = andel.Budget(100, [("\u00c5", "A", 10), ("b", "B", 10)], key="fixed_shares",
                          shares={"A\u030a": "0.3"}, year=2025).compute()
    assert result.contribution("\u00c5", 2025) == D("30")


def _calendar_plan(members: int, with_figures: int) -> str:
    """100 years, 100 milestones, ``with_figures`` of them with contributions."""
    text = ('format = 1\nname = "Calendar"\nfirst_year = 2025\nyears = 100\n'
            '[population]\ncarry_forward = true\n\n'
            '[[costs]]\nid = "pm"\nname = "Pm"\namount = "1000000"\nfrom = 2025\n\n')
    text += "".join(f'[[members]]\nid = "m{i}"\nname = "M{i}"\nmetrics.population = {{ "2023-12-31" = {1000 + i} }}\n\n'
                    for i in range(members))
    text += "".join(f'[[milestones]]\nid = "s{i}"\nname = "S"\ndate = "10-31"\ndue = "d"\n'
                    f'figures = "{"contributions" if i < with_figures else "none"}"\n\n' for i in range(100))
    return text


def test_a_calendar_lists_at_most_the_figures_a_plan_computes() -> None:
    # 100 milestones with figures x 100 years x 3 000 members = 30 000 000, the bound.
    andel.Plan.from_toml(_calendar_plan(3000, 100))
    with pytest.raises(andel.PlanError) as e:
        andel.Plan.from_toml(_calendar_plan(3001, 100))
    assert (e.value.code, e.value.path) == ("invalid_plan", "milestones")
    assert "30010000 figures" in str(e.value)


def test_a_currency_is_short_and_has_no_control_characters() -> None:
    members = [("a", "A", 10), ("b", "B", 10)]
    assert andel.Budget(100, members, year=2025, currency="k" * 16).compute().currency == "k" * 16
    for currency in ["SEKSEKSEKSEKSEKSE", "kr\x1b[2J"]:
        with pytest.raises(andel.PlanError) as e:
            andel.Budget(100, members, year=2025, currency=currency).compute()
        assert (e.value.code, e.value.path) == ("invalid_plan", "currency")
        text = REFERENCE.replace('currency = "SEK"', f'currency = "{currency}"'.replace("\x1b", "\\u001b"), 1)
        assert text != REFERENCE
        with pytest.raises(andel.PlanError) as e:
            andel.Plan.from_toml(text)
        assert (e.value.code, e.value.path) == ("invalid_plan", "currency")


CYCLE = (Path(__file__).parents[2] / "examples" / "tillvaxtmotor-cycle.toml").read_text(encoding="utf-8")


def _toml_string(text: str) -> str:
    """``text`` as a TOML basic string, every control character escaped."""
    out = ['"']
    for c in text:
        if c in '"\\':
            out.append("\\" + c)
        elif ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0:
            out.append(f"\\u{ord(c):04X}")
        else:
            out.append(c)
    return "".join(out) + '"'


def _with_milestones(milestones: list[tuple[str, str, str]]) -> str:
    blocks = "".join(
        f"[[milestones]]\nid = {_toml_string(i)}\nname = {_toml_string(n)}\n"
        f'date = "10-31"\ndue = {_toml_string(d)}\nfigures = "contributions"\n\n'
        for i, n, d in milestones
    )
    start, end = CYCLE.index("[[milestones]]"), CYCLE.index("[instalments]")
    return CYCLE[:start] + blocks + "\n" + CYCLE[end:]


def test_the_calendar_keeps_control_characters_out_and_uids_apart() -> None:
    hostile = "a\x00b\x0bc\x0cd\x1b[2Je\x7ff\rg"
    plan = andel.Plan.from_toml(
        _with_milestones(
            [
                ("decision", hostile, hostile),
                ("Decision", "Upper", "x"),
                ("över", "Swedish", "x"),
                ("ovar", "Ascii", "x"),
                ("日本", "Japanese", "x"),
            ]
        )
    )
    ics = plan.calendar_ics()
    body = ics.replace("\r\n", "")
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in body), ics
    assert all(len(line.encode("utf-8")) <= 75 for line in ics.split("\r\n"))
    uids = [line for line in ics.replace("\r\n ", "").split("\r\n") if line.startswith("UID:")]
    assert len(uids) == 5 * 5, "five milestones in five years"
    assert len(set(uids)) == len(uids), uids
    assert plan.calendar_ics() == ics  # stable


def test_a_milestone_text_longer_than_the_bound_is_refused() -> None:
    # core's limits::LONG_TEXT, 1 000 bytes (docs/annual-cycle.md).
    with pytest.raises(andel.PlanError) as e:
        andel.Plan.from_toml(_with_milestones([("m", "M", "x" * 1001)]))
    assert e.value.code == "invalid_plan"
    assert e.value.path == "milestones[0].due"
    assert "BEGIN:VCALENDAR" in andel.Plan.from_toml(_with_milestones([("m", "M", "x" * 1000)])).calendar_ics()
