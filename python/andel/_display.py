"""Display only: amounts as text and a computed plan as an HTML table.

Nothing here computes money, and nothing here writes a label or a number
format of its own: the words are the Rust core's labels
(``andel._andel.labels``) and every figure is formatted by the core
(``andel._andel.format_figure``, ``format_money``), the same rules as the
command line and the workbook. Every total shown is one the core computed.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING, Dict, List, Literal, Optional, Union

from . import _andel

if TYPE_CHECKING:
    from ._andel import PlanResult
    from ._shapes import ResultDict

__all__ = ["Lang", "use_swedish_format", "format_amount", "result_table", "result_html", "display_lang"]

#: A language of human-readable output: ``"sv"`` (Swedish: narrow no-break
#: spaces between thousands, a decimal comma, ``kr``) or ``"en"`` (English,
#: plain figures such as ``1250000.50``). Spelled as a Union of two
#: Literals so that the runtime object is the Union type checkers see.
Lang = Union[Literal["sv"], Literal["en"]]

# The global override set by use_swedish_format: None follows the currency.
_settings: Dict[str, Optional[Lang]] = {"lang": None}


def use_swedish_format(enabled: Optional[bool] = True) -> None:
    """Override the language of notebook tables for every result:
    ``True`` Swedish, ``False`` English, ``None`` back to the default.

    The default, without an override, is the core's for the plan's
    currency: Swedish for SEK, English otherwise. A ``lang`` given to
    :meth:`PlanResult.to_html` wins over this setting. Affects display only
    (:meth:`PlanResult.to_html` and the table a notebook shows); figures,
    CSV and JSON are never formatted.
    """
    _settings["lang"] = None if enabled is None else ("sv" if enabled else "en")


def display_lang(currency: str, lang: Optional[Lang] = None) -> Lang:
    """The language a table is shown in: ``lang`` when given, else the
    :func:`use_swedish_format` override, else the core's default for
    ``currency``."""
    chosen = lang if lang is not None else _settings["lang"]
    if chosen is None:
        return "sv" if _andel.default_lang(currency) == "sv" else "en"
    return chosen


def format_amount(
    amount: Decimal,
    *,
    currency: str,
    lang: Optional[Lang] = None,
    swedish: Optional[bool] = None,
) -> str:
    """``amount`` with its currency for reading, formatted by the Rust core:
    ``"1 234 567,50 kr"`` in Swedish (narrow no-break spaces, decimal
    comma, ASCII minus), ``"1234567.50 SEK"`` in English. Every digit of
    the Decimal is kept.

    ``lang`` chooses the language (None: :func:`display_lang`'s);
    ``swedish`` is the older spelling of ``lang="sv"`` / ``lang="en"``.

    >>> from decimal import Decimal
    >>> format_amount(Decimal("-1234567.50"), currency="SEK", lang="sv")
    '-1\\u202f234\\u202f567,50 kr'
    >>> format_amount(Decimal("-1234567.50"), currency="SEK", lang="en")
    '-1234567.50 SEK'
    """
    if lang is None and swedish is not None:
        lang = "sv" if swedish else "en"
    return _andel.format_money(amount, currency, display_lang(currency, lang))


_LEFT = ' style="text-align:left"'
_RIGHT = ' style="text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap"'


def _cell(tag: str, text: str, style: str, extra: str = "") -> str:
    return f"<{tag}{extra}{style}>{escape(text)}</{tag}>"


def result_table(
    data: "ResultDict", *, lang: Optional[Lang] = None, notes: Optional[List[str]] = None
) -> str:
    """The contributions of a computed plan as an HTML table: one row per
    member (plan order), one column per budget year, a total column (each
    member's total over the horizon), the in-kind column when any member
    contributes in kind, and a total row (each year's net cost, which the
    year's contributions add up to). Notes follow the table.

    Labels and figures are the core's, in ``lang`` (None:
    :func:`display_lang`'s); ``notes`` are the core's notes in that
    language (None: the data's own, in English)."""
    currency = data["currency"]
    lang = display_lang(currency, lang)
    words = _andel.labels(lang)

    def figure(value: Decimal) -> str:
        return _andel.format_figure(value, lang)

    years = data["years"]
    by_year: List[Dict[str, Decimal]] = [
        {member["id"]: member["contribution"] for member in year["members"]} for year in years
    ]
    totals = data["totals"]
    in_kind = any(total["in_kind"] != 0 for total in totals)
    symbol = _andel.currency_symbol(currency, lang)
    caption = f"{data['name']}: {words['contributions_in']} {symbol}"
    total_label = _andel.capitalized(words["total"])

    out = ['<table class="andel-plan-result">', f"<caption>{escape(caption)}</caption>", "<thead><tr>"]
    out.append(_cell("th", _andel.capitalized(words["member"]), _LEFT))
    out.extend(_cell("th", str(year["year"]), _RIGHT) for year in years)
    out.append(_cell("th", total_label, _RIGHT))
    if in_kind:
        # The value of work and time, beside (never inside) the cash.
        note = f' title="{escape(words["in_kind_note"])}"'
        out.append(_cell("th", _andel.capitalized(words["in_kind_plural"]), _RIGHT, note))
    out.append("</tr></thead>")

    out.append("<tbody>")
    for total in totals:
        out.append("<tr>")
        out.append(_cell("th", total["name"], _LEFT, ' scope="row"'))
        out.extend(_cell("td", figure(paid[total["id"]]), _RIGHT) for paid in by_year)
        out.append(_cell("td", figure(total["contribution"]), _RIGHT))
        if in_kind:
            out.append(_cell("td", figure(total["in_kind"]), _RIGHT))
        out.append("</tr>")
    out.append("</tbody>")

    out.append("<tfoot><tr>")
    out.append(_cell("th", total_label, _LEFT, ' scope="row"'))
    out.extend(_cell("td", figure(year["net"]), _RIGHT) for year in years)
    # The grand total over the horizon, as the core computed it.
    out.append(_cell("td", figure(data["total"]), _RIGHT))
    if in_kind:
        # Only members' own totals are shown, so the footer cell stays empty
        # rather than summing here.
        out.append(f"<td{_RIGHT}></td>")
    out.append("</tr></tfoot>")
    out.append("</table>")

    if notes is None:
        notes = data["notes"]
    if notes:
        out.append(f"<p>{escape(words['notes'])}:</p>")
        out.append("<ul>")
        out.extend(f"<li>{escape(note)}</li>" for note in notes)
        out.append("</ul>")
    return "\n".join(out)


def result_html(result: "PlanResult", *, lang: Optional[Lang] = None) -> str:
    """:meth:`andel.PlanResult.to_html`, which calls it: the table in
    :func:`display_lang`'s language, with the core's notes in it."""
    lang = display_lang(result.currency, lang)
    return result_table(result.to_dict(), lang=lang, notes=result.notes_in(lang))
