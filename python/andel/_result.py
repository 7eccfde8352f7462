"""The result of :meth:`andel.Plan.compute`: what every member pays every
year, and why.

Every figure comes from the Rust core; this module only hands it over (and
:mod:`andel._display` formats it for notebooks).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Dict, List, Literal, Optional, Tuple, Union, cast

from . import _andel, _display
from ._display import Lang
# The shapes of to_dict(), generated from core's result types (_shapes.py,
# scripts/gen-shapes): core's JSON with decimals as Decimal; exact fractions
# ("n/d") and dates ("2019-12-31") stay the text core writes.
from ._shapes import (
    LineAmountDict,
    LineDict,
    MemberTotalDict,
    MembershipDict,
    MemberYearDict,
    ResultDict,
    YearDict,
)

if TYPE_CHECKING:  # pandas is an optional extra; only its type is named here.
    import pandas

__all__ = [
    "PlanResult",
    "Explanation",
    "ResultDict",
    "YearDict",
    "LineDict",
    "MemberYearDict",
    "LineAmountDict",
    "MembershipDict",
    "MemberTotalDict",
]


@dataclass(frozen=True, repr=False)
class Explanation:
    """How one member's contribution in one year arose, sentence by sentence.

    ``str(explanation)`` is the whole text, one sentence a line.

    Attributes:
        member: the member's id.
        year: the budget year.
        contribution: the contribution explained.
        lines: the sentences, from the inputs to the rounded amount.
        text: all the sentences, one a line, as the Rust core writes them.
    """

    member: str
    year: int
    contribution: Decimal
    lines: List[str]
    text: str

    @classmethod
    def _from_native(cls, parts: Tuple[str, int, Decimal, List[str], str]) -> "Explanation":
        member, year, contribution, lines, text = parts
        return cls(member=member, year=year, contribution=contribution, lines=lines, text=text)

    def to_dict(self) -> Dict[str, object]:
        """The explanation as the Rust core serialises it (``member``,
        ``year``, ``contribution``, ``lines``), the contribution a Decimal."""
        return {
            "member": self.member,
            "year": self.year,
            "contribution": self.contribution,
            "lines": list(self.lines),
        }

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"<Explanation member={self.member!r} year={self.year} contribution={self.contribution}>"


class PlanResult:
    """Every member's contribution for every budget year of a plan.

    Made by :meth:`andel.Plan.compute`. Contributions are whole multiples of
    the plan's unit; every year's contributions add up exactly to the year's
    net cost, and every member's line amounts to its contribution.

    In a notebook the result shows as a table of members by years
    (``_repr_html_``); :meth:`to_html` gives the same table.

    >>> from andel import Plan
    >>> result = Plan.reference().compute()
    >>> result.contributions()[2021]["hylte"]
    Decimal('59163')
    >>> [year["net"] for year in result.years][:2]
    [Decimal('1250000'), Decimal('1081500')]
    """

    __slots__ = ("_native",)

    def __init__(self, native: _andel.PlanResult) -> None:
        """Internal: results are made by :meth:`andel.Plan.compute`."""
        self._native = native

    # --------------------------------------------------------------- figures

    def to_dict(self) -> ResultDict:
        """The result in the shape of the Rust core's JSON, decimals as
        :class:`decimal.Decimal`; exact fractions (``share``, ``exact``) and
        dates stay text. A new dict each call."""
        return cast(ResultDict, self._native.to_dict())

    @property
    def name(self) -> str:
        """The plan's name."""
        return self.to_dict()["name"]

    @property
    def currency(self) -> str:
        """The currency code, e.g. ``"SEK"``."""
        return self.to_dict()["currency"]

    @property
    def unit(self) -> Decimal:
        """The rounding unit of every contribution."""
        return self.to_dict()["unit"]

    @property
    def method(self) -> str:
        """The apportionment method (one of ``andel.METHODS``)."""
        return self.to_dict()["method"]

    @property
    def years(self) -> List[YearDict]:
        """The budget years in order, each a dict: ``year``, ``lines``,
        ``gross``, ``funding``, ``net`` and ``members`` (every member in plan
        order, with its ``contribution`` and how it arose)."""
        return self.to_dict()["years"]

    @property
    def totals(self) -> List[MemberTotalDict]:
        """Per member in plan order, the sums over the horizon (``contribution``
        and ``in_kind``), as computed by the Rust core."""
        return self.to_dict()["totals"]

    @property
    def notes(self) -> List[str]:
        """Things the reader should know, e.g. population figures carried
        forward: one line per cause, in English (the data's language, the
        same in every runtime); :meth:`notes_in` gives them in Swedish."""
        return self.to_dict()["notes"]

    def notes_in(self, lang: Optional[Lang] = None) -> List[str]:
        """The notes in ``lang`` (``"sv"`` or ``"en"``; None: the core's
        default for the plan's currency, Swedish for SEK), as the core words
        them.

        Raises:
            InputError: code ``unknown_language`` for another ``lang``.
        """
        return self._native.notes_in(lang)

    def contribution(self, member: str, year: int) -> Decimal:
        """What ``member`` (its id) pays in budget ``year``.

        Raises:
            PlanError: code ``unknown_member`` or ``year_outside_horizon``.
        """
        return self._native.contribution(member, year)

    def contributions(self) -> Dict[int, Dict[str, Decimal]]:
        """Every contribution: year → member id → amount, in plan order."""
        return {
            year["year"]: {member["id"]: member["contribution"] for member in year["members"]}
            for year in self.years
        }

    def explain(self, member: str, year: int, *, lang: Optional[Lang] = None) -> Explanation:
        """How ``member``'s contribution in ``year`` arose.

        Args:
            lang: the language of the sentences, ``"sv"`` or ``"en"``; None
                (the default) is the Rust core's default for the plan's
                currency: Swedish (sv-SE figures, ``kr``) for SEK, English
                otherwise.

        Raises:
            PlanError: code ``unknown_member`` or ``year_outside_horizon``.
            InputError: code ``unknown_language`` for another ``lang``.
        """
        return Explanation._from_native(self._native.explain(member, year, lang))

    # --------------------------------------------------------------- exports

    def to_json(self) -> str:
        """The result as the Rust core's pretty JSON text (decimals as
        strings, so they stay exact in any JSON reader)."""
        return self._native.to_json()

    def to_csv(self, path: Union[str, "os.PathLike[str]", None] = None, *, encoding: str = "utf-8") -> str:
        """The contributions as CSV, one row per member and year: ``year,
        member, name, share, share_percent, contribution``, one column per
        cost line, then ``in_kind``.

        Args:
            path: when given, the CSV is also written to this file.
            encoding: of the file; ``"utf-8-sig"`` makes Excel read å, ä, ö
                right when it opens the file directly.

        Returns:
            The CSV text (the Rust core's, unchanged).
        """
        text = self._native.to_csv()
        if path is not None:
            # newline="": the text's own "\n" line ends are written as they are.
            with open(path, "w", encoding=encoding, newline="") as file:
                file.write(text)
        return text

    def to_excel(
        self, path: Union[str, "os.PathLike[str]", None] = None, *, lang: Optional[Lang] = None
    ) -> bytes:
        """The result as an Excel workbook (.xlsx), written by the Rust core:
        a summary sheet (members by years, totals, and the in-kind values
        when there are any) and one sheet per budget year, amounts as
        numbers in the currency's format, totals as ``SUM`` formulas whose
        stored results are andel's exact figures.

        Args:
            path: when given, the workbook is also written to this file
                (name it ``.xlsx``).
            lang: the language of sheet names, headers and titles,
                ``"sv"`` (``Sammanställning``, ``Medlem``, ``Totalt``) or
                ``"en"`` (``Summary``, ``Member``, ``Total``); None (the
                default) is the core's default for the plan's currency:
                Swedish for SEK, English otherwise. Amounts stay numbers in
                every language.

        Returns:
            The bytes of the .xlsx file.

        Raises:
            InputError: code ``unknown_language`` for another ``lang``.
        """
        data = self._native.to_xlsx(lang)
        if path is not None:
            with open(path, "wb") as file:
                file.write(data)
        return data

    def to_pandas(self, table: Literal["members", "lines", "years"] = "members") -> "pandas.DataFrame":
        """The result as a tidy :class:`pandas.DataFrame`: one row per
        observation, one column per variable, ready for ``groupby``,
        ``pivot`` and plotting.

        Amounts stay exact: money columns hold :class:`decimal.Decimal`
        (object dtype), never floats; convert explicitly for a chart
        (``df["contribution"].astype(float)``), not for sums.

        Args:
            table: which table:

                - ``"members"`` (default): one row per budget year and
                  member, columns ``year, member, name, paying, population,
                  share, share_percent, contribution, in_kind, change``
                  (``share`` the exact fraction as text, ``"n/d"``).
                - ``"lines"``: one row per year, member and cost line,
                  columns ``year, member, name, line, amount``.
                - ``"years"``: one row per budget year, columns ``year,
                  gross, funding, net``.

        Raises:
            ImportError: pandas is not installed (``pip install "andel[pandas]"``,
                or from the repository ``pip install "./python[pandas]"``).
            ValueError: an unknown ``table``.
        """
        try:
            import pandas
        except ImportError as missing:
            raise ImportError(
                "PlanResult.to_pandas() needs pandas, an optional extra of andel: "
                'pip install "andel[pandas]" (from the repository: pip install "./python[pandas]"), '
                "or pip install pandas"
            ) from missing
        years = self.years
        rows: List[Dict[str, Any]]
        if table == "members":
            rows = [
                {
                    "year": year["year"],
                    "member": member["id"],
                    "name": member["name"],
                    "paying": member["paying"],
                    "population": member["population"],
                    "share": member["share"],
                    "share_percent": member["share_percent"],
                    "contribution": member["contribution"],
                    "in_kind": member["in_kind"],
                    "change": member["change"],
                }
                for year in years
                for member in year["members"]
            ]
            columns = ["year", "member", "name", "paying", "population", "share",
                       "share_percent", "contribution", "in_kind", "change"]
        elif table == "lines":
            rows = [
                {
                    "year": year["year"],
                    "member": member["id"],
                    "name": member["name"],
                    "line": line["line"],
                    "amount": line["amount"],
                }
                for year in years
                for member in year["members"]
                for line in member["lines"]
            ]
            columns = ["year", "member", "name", "line", "amount"]
        elif table == "years":
            rows = [
                {"year": year["year"], "gross": year["gross"], "funding": year["funding"], "net": year["net"]}
                for year in years
            ]
            columns = ["year", "gross", "funding", "net"]
        else:
            raise ValueError(f'to_pandas: table must be "members", "lines" or "years", not {table!r}')
        return pandas.DataFrame(rows, columns=columns)

    def to_html(self, *, lang: Optional[Lang] = None, swedish: Optional[bool] = None) -> str:
        """A table of contributions, members by years, with a total per
        member (the Rust core's totals), the in-kind values beside the cash
        when any member contributes in kind, and a total row (the year's
        net cost). Labels and figures are the core's.

        Args:
            lang: ``"sv"`` (Swedish labels, ``1 250 000``) or ``"en"``
                (English labels, ``1250000``); None uses
                :func:`andel.use_swedish_format`'s override when one is
                set, else the core's default for the plan's currency
                (Swedish for SEK).
            swedish: the older spelling of ``lang``: True is ``"sv"``,
                False ``"en"``.

        Raises:
            InputError: code ``unknown_language`` for another ``lang``.
        """
        if lang is None and swedish is not None:
            lang = "sv" if swedish else "en"
        lang = _display.display_lang(self.currency, lang)
        return _display.result_table(self.to_dict(), lang=lang, notes=self.notes_in(lang))

    def _repr_html_(self) -> str:
        """The table Jupyter shows for a result: :meth:`to_html` in the
        default language (see :func:`andel.use_swedish_format`)."""
        return self.to_html()

    def __repr__(self) -> str:
        data = self.to_dict()
        years = [year["year"] for year in data["years"]]
        span = f"{years[0]}–{years[-1]}" if years else "no years"
        return (
            f"<PlanResult {data['name']!r} {span}: {len(data['totals'])} members, "
            f"{data['currency']}, unit {data['unit']}>"
        )
