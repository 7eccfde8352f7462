"""PlanResult.to_excel(): core's workbook, read back with openpyxl as a
spreadsheet program would."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl

import andel


def test_the_workbook_holds_the_reference_figures(tmp_path: Path) -> None:
    result = andel.Plan.reference().compute()
    target = tmp_path / "tillvaxtmotor.xlsx"
    data = result.to_excel(target, lang="en")
    assert data[:2] == b"PK"  # .xlsx files are zip archives
    assert target.read_bytes() == data

    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Summary", "2021", "2022", "2023", "2024", "2025"]
    rows = {row[0]: row for row in book["Summary"].iter_rows(values_only=True) if row[0]}
    assert rows["Member"][1:6] == ("2021", "2022", "2023", "2024", "2025")
    # Hylte pays 59 163 kr in 2021 and 78 385 kr in 2023: within a krona of
    # the exact 285766189343935/3645696021 = 78 384.54 that
    # tests/vectors/plan_reference.py gives for 2023.
    assert rows["Hylte"][1] == 59163 and rows["Hylte"][3] == 78385
    assert rows["Total"][1] == "=SUM(B5:B11)"

    # The formulas' stored results are andel's figures: 2021's total is the
    # year's net cost.
    cached = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    totals = {row[0]: row for row in cached["Summary"].iter_rows(values_only=True) if row[0]}
    assert totals["Total"][1] == 1250000


def test_the_workbook_is_swedish_by_default_for_kronor() -> None:
    result = andel.Plan.reference().compute()  # in SEK
    data = result.to_excel()
    assert data == result.to_excel(lang="sv")
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Sammanställning", "2021", "2022", "2023", "2024", "2025"]
    cells = {c for row in book["Sammanställning"].iter_rows(values_only=True) for c in row if isinstance(c, str)}
    assert {"Medlem", "Totalt", "Naturainsatser"} <= cells
    assert not {"Member", "Total", "In kind"} & cells
    rows = {row[0]: row for row in book["Sammanställning"].iter_rows(values_only=True) if row[0]}
    # The figures are numbers in every language.
    assert rows["Hylte"][1] == 59163 and rows["Hylte"][3] == 78385  # see the test above


def test_the_workbook_in_english_on_request() -> None:
    book = openpyxl.load_workbook(io.BytesIO(andel.Plan.reference().compute().to_excel(lang="en")))
    assert book.sheetnames[0] == "Summary"
    cells = {c for row in book["Summary"].iter_rows(values_only=True) for c in row if isinstance(c, str)}
    assert {"Member", "Total", "In kind"} <= cells


def test_without_a_path_only_bytes() -> None:
    data = andel.Plan.reference().compute().to_excel()
    assert isinstance(data, bytes) and data[:2] == b"PK"
