"""Display only: amounts as text and a computed plan as an HTML table.

Nothing here computes money. Amounts are formatted digit for digit from the
Decimals the Rust core gave; every total shown is one the core computed.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING, Dict, List, Optional

if TYPE_CHECKING:
    from ._result import ResultDict

__all__ = ["use_swedish_format", "format_amount", "result_table"]

# A no-break space groups the digits, so a number never wraps in a table.
_NBSP = "\u00a0"
_MINUS = "\u2212"

_settings: Dict[str, bool] = {"swedish": False}


def use_swedish_format(enabled: bool = True) -> None:
    """Show amounts in notebooks the Swedish way, "1 234 567 kr" (digits
    grouped by a space, decimal comma), instead of "1,234,567".

    Affects display only (:meth:`PlanResult.to_html` and the table a notebook
    shows); figures, CSV and JSON are never formatted.
    """
    _settings["swedish"] = bool(enabled)


def format_amount(amount: Decimal, *, swedish: bool, currency: str) -> str:
    """``amount`` for reading: "1,234,567.50", or the Swedish way
    "1 234 567,50 kr" (the currency code instead of "kr" when it is not SEK).
    Every digit of the Decimal is kept.

    >>> format_amount(Decimal("-1234567.50"), swedish=False, currency="SEK")
    '-1,234,567.50'
    >>> format_amount(Decimal("-1234567.50"), swedish=True, currency="SEK")
    '\u22121\xa0234\xa0567,50\xa0kr'
    """
    text = format(amount, ",f")
    if not swedish:
        return text
    text = text.replace(",", _NBSP).replace(".", ",").replace("-", _MINUS)
    suffix = "kr" if currency == "SEK" else currency
    return f"{text}{_NBSP}{suffix}"


_LEFT = ' style="text-align:left"'
_RIGHT = ' style="text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap"'


def _cell(tag: str, text: str, style: str, extra: str = "") -> str:
    return f"<{tag}{extra}{style}>{escape(text)}</{tag}>"


def result_table(data: "ResultDict", *, swedish: Optional[bool] = None) -> str:
    """The contributions of a computed plan as an HTML table: one row per
    member (plan order), one column per budget year, a total column (each
    member's total over the horizon) and a total row (each year's net cost,
    which the year's contributions add up to). Notes follow the table."""
    if swedish is None:
        swedish = _settings["swedish"]
    currency = data["currency"]

    def amount(value: Decimal) -> str:
        return format_amount(value, swedish=swedish, currency=currency)

    years = data["years"]
    by_year: List[Dict[str, Decimal]] = [
        {member["id"]: member["contribution"] for member in year["members"]} for year in years
    ]
    total_label = "Summa" if swedish else "Total"
    caption = f"{data['name']}: contributions ({currency})"

    out = ['<table class="andel-plan-result">', f"<caption>{escape(caption)}</caption>", "<thead><tr>"]
    out.append(_cell("th", "Medlem" if swedish else "Member", _LEFT))
    out.extend(_cell("th", str(year["year"]), _RIGHT) for year in years)
    out.append(_cell("th", total_label, _RIGHT))
    out.append("</tr></thead>")

    out.append("<tbody>")
    for total in data["totals"]:
        out.append("<tr>")
        out.append(_cell("th", total["name"], _LEFT, ' scope="row"'))
        out.extend(_cell("td", amount(paid[total["id"]]), _RIGHT) for paid in by_year)
        out.append(_cell("td", amount(total["contribution"]), _RIGHT))
        out.append("</tr>")
    out.append("</tbody>")

    out.append("<tfoot><tr>")
    out.append(_cell("th", total_label, _LEFT, ' scope="row"'))
    out.extend(_cell("td", amount(year["net"]), _RIGHT) for year in years)
    # The grand total over the horizon, as the core computed it.
    out.append(_cell("td", amount(data["total"]), _RIGHT))
    out.append("</tr></tfoot>")
    out.append("</table>")

    if data["notes"]:
        out.append("<ul>")
        out.extend(f"<li>{escape(note)}</li>" for note in data["notes"])
        out.append("</ul>")
    return "\n".join(out)
