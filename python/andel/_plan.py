"""Budget-cycle plans: a collaboration's members, costs, funding and keys
over several years, and what every member pays every year.

A plan is read, checked and computed by the Rust core. This module only
carries texts and dicts to it: a plan built from a dict or from keyword
arguments is written as JSON and read like a JSON file.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import Any, Dict, List, Optional, Tuple, Type, TypeVar, Union, cast

from . import _andel
from ._cycle import ChangeExplanation
from ._document import Outcome, outcome_text
from ._display import Lang
from ._errors import AndelError
from ._result import Explanation, PlanResult

__all__ = ["Plan", "REFERENCE_PLAN"]

#: The bundled reference case (six municipalities and a university; the
#: populations are real, every amount is illustrative) as TOML text.
REFERENCE_PLAN: str = _andel.REFERENCE_PLAN

_P = TypeVar("_P", bound="Plan")

PathLike = Union[str, "os.PathLike[str]"]


class Plan:
    """A collaboration's budget plan over several years, read and checked.

    Make one from a file (:meth:`load`), a text (:meth:`from_toml`,
    :meth:`from_json`), a dict (:meth:`from_dict`), keyword arguments that
    mirror the file format (``Plan(name=..., first_year=..., years=...,
    members=[...], costs=[...])``), or take the bundled reference case
    (:meth:`reference`). Every way checks the whole plan and raises
    :class:`andel.PlanError` at the first problem; :meth:`check` lists them
    all.

    :meth:`compute` gives a :class:`andel.PlanResult`: every member's
    contribution every year. A plan is immutable.

    >>> plan = Plan.reference()
    >>> result = plan.compute()
    >>> result.contribution("halmstad", 2021)
    Decimal('562180')
    >>> print(plan.explain("halmstad", 2021, lang="en").lines[0])
    Halmstad (halmstad), budget year 2021: contribution 562180 SEK.
    >>> plan.explain("halmstad", 2021).lines[0]  # Swedish: the plan is in SEK
    'Halmstad (halmstad), budgetår 2021: bidrag 562\u202f180 kr.'
    """

    __slots__ = ("_native",)

    _native: _andel.Plan

    def __init__(self, **fields: object) -> None:
        """A plan from keyword arguments named like the fields of the file
        format, e.g. ``Plan(name="Example", first_year=2025, years=3,
        members=[{"id": "a", "name": "A", "metrics": {"population":
        {"2023-12-31": 2000}}}], costs=[{"id": "pm", "name": "Project
        management", "amount": "100000", "from": 2025}])``.

        ``format`` defaults to 1 (the format this version of andel reads);
        every other default is the core's. ``from`` is a Python keyword, so
        write a cost line as a dict (``{"from": 2025}``). Values as in
        :meth:`from_dict`.

        Raises:
            PlanError: the first problem of the plan (an unknown field such as
                ``partcipants`` has code ``unknown_field``).
        """
        self._native = _andel.Plan.from_host({"format": 1, **fields})

    @classmethod
    def _wrap(cls: Type[_P], native: _andel.Plan) -> _P:
        plan = cls.__new__(cls)
        plan._native = native
        return plan

    # ------------------------------------------------------------- reading

    @classmethod
    def load(cls: Type[_P], path: PathLike) -> _P:
        """Reads a plan file: TOML if its name ends in ``.toml``, JSON if in
        ``.json`` (in any case).

        Raises:
            PlanError: code ``plan_syntax`` for any other file name (before
                the file is opened), or the first problem of the plan, with
                the line and column in the file.
            OSError: the file cannot be read.
        """
        format = _andel.Plan.format_of_file(path)
        # utf-8-sig: a byte-order mark, as some Windows editors write, is
        # not part of the text.
        with open(path, encoding="utf-8-sig") as file:
            text = file.read()
        return cls._wrap(_andel.Plan.read(text, format))

    @classmethod
    def from_toml(cls: Type[_P], text: str) -> _P:
        """Reads a plan from TOML text.

        Raises:
            PlanError: the first problem, with ``.line`` and ``.column``.
        """
        return cls._wrap(_andel.Plan.read(text, "toml"))

    @classmethod
    def from_json(cls: Type[_P], text: str) -> _P:
        """Reads a plan from JSON text.

        Raises:
            PlanError: the first problem, with ``.line`` and ``.column``.
        """
        return cls._wrap(_andel.Plan.read(text, "json"))

    @classmethod
    def from_dict(cls: Type[_P], data: Mapping[str, Any]) -> _P:
        """A plan from a dict shaped like the JSON file format (as
        :meth:`to_dict` gives it).

        Numbers are exact: write amounts as ``str`` or ``decimal.Decimal``
        (``"0.03"``, ``Decimal("900000")``) or ``int``; a ``float`` is refused
        (code ``plan_syntax``) because it has lost its exact value. Dates may
        be ``datetime.date`` or ``"YYYY-MM-DD"`` text.

        The dict goes to the core as it is: the core writes it and reads it
        like a JSON file, and names every problem by its ``.path`` (there is
        no text of yours, so ``.line`` and ``.column`` are None). A value no
        plan can hold (a ``Fraction``, a ``set``, NaN, a dict that contains
        itself) is a PlanError at its path too.

        Raises:
            PlanError: the first problem of the plan.
        """
        return cls._wrap(_andel.Plan.from_host(data))

    @classmethod
    def reference(cls: Type[_P]) -> _P:
        """The reference case bundled with andel: the regional growth
        collaboration of six municipalities and Halmstad University over five
        years (:data:`andel.REFERENCE_PLAN`). Populations are real (SCB);
        every amount of money is illustrative."""
        return cls._wrap(_andel.Plan.reference())

    @staticmethod
    def check(text: str, format: str = "toml") -> List[AndelError]:
        """Every problem of a plan document (not only the first), each an
        :class:`andel.AndelError` (mostly :class:`andel.PlanError`, with
        ``.path``, ``.line`` and ``.column``), in document order. Empty when
        the plan is sound and computes. Nothing is raised for a bad plan.

        Args:
            text: the plan's text.
            format: ``"toml"`` or ``"json"`` (anything else is reported as a
                ``plan_syntax`` problem).
        """
        return cast(List[AndelError], _andel.Plan.check(text, format))

    # ------------------------------------------------------------- writing

    def to_toml(self) -> str:
        """The plan as TOML (every default written out)."""
        return self._native.to_toml()

    def to_json(self) -> str:
        """The plan as pretty JSON (numbers as strings, so they stay exact)."""
        return self._native.to_json()

    def to_dict(self) -> Dict[str, Any]:
        """The plan as a dict shaped like the JSON file format, numbers as
        the strings the file holds (``"900000"``); :meth:`from_dict` reads
        it back."""
        data: Dict[str, Any] = json.loads(self.to_json())
        return data

    # ----------------------------------------------------------- computing

    def compute(self) -> PlanResult:
        """Every member's contribution for every budget year.

        Raises:
            PlanError: the plan cannot be computed, e.g. a population figure
                is missing for the reference date (code ``missing_figure``,
                unless the plan sets ``carry_forward``).
        """
        return PlanResult(self._native.compute())

    def explain(self, member: str, year: int, *, lang: Optional[Lang] = None) -> Explanation:
        """How ``member``'s (its id) contribution in budget ``year`` arose:
        the net cost, the population figure and its date, each cost line's
        share, the rounding. ``str()`` of it is the text.

        Computes the plan; to explain many contributions, compute once and
        use :meth:`PlanResult.explain`.

        Args:
            lang: ``"sv"`` or ``"en"``; None (the default) is the Rust
                core's default for the plan's currency: Swedish for SEK,
                English otherwise.

        Raises:
            PlanError: code ``unknown_member`` or ``year_outside_horizon``,
                or the plan cannot be computed.
            InputError: code ``unknown_language`` for another ``lang``.
        """
        return Explanation._from_native(self._native.explain(member, year, lang))

    # ---------------------------------------------------------- protocols

    # ------------------------------------------------------- annual cycle

    def calendar(self) -> List[Dict[str, Any]]:
        """The members' budget calendar from the plan's ``[[milestones]]``
        (see docs/annual-cycle.md), by date: one dict per milestone and
        budget year with ``date`` (ISO text), ``budget_year``, ``milestone``
        (its id), ``name``, ``due``, ``who`` (or None), ``figures``
        (``none``, ``contributions`` or ``settlement``) and ``amounts`` (one
        ``{"id", "name", "amount"}`` per member, amounts as Decimals). Empty
        when the plan has no milestones.

        Raises:
            PlanError: the plan cannot be computed.
        """
        return cast(List[Dict[str, Any]], self._native.compute().calendar()["entries"])

    def calendar_ics(self) -> str:
        """The budget calendar as an iCalendar file's text (``BEGIN:VCALENDAR``
        ...), for a calendar program."""
        return self._native.compute().calendar_ics()

    def settle(self, year: int, outcome: Optional[Outcome] = None) -> Dict[str, Any]:
        """The settlement (avräkning) of ``year``'s actual outcome: each
        member's contribution recomputed with the actual costs and funding,
        less what it was invoiced.

        ``outcome`` is the plan's own ``[[outcome]]`` when None; otherwise a
        path to an outcome file (``.toml``/``.json``), the text of one (a
        ``str`` with a line break; JSON if it starts with ``{``), or a dict
        (``{"outcome": [...]}``, or one ``{"year", "costs", "funding"}``).

        Returns ``{"year", "currency", "planned", "actual", "difference",
        "lines": [...], "members": [{"id", "name", "planned", "actual",
        "settlement"}]}``, amounts as Decimals; the members' settlements add
        up exactly to ``difference`` (actual - planned net cost).

        Raises:
            PlanError: no outcome for ``year`` (``invalid_plan``), an unknown
                line or funding in the outcome (``unknown_line``,
                ``unknown_funding``), a year outside the plan, ...
            OSError: the outcome file cannot be read.
        """
        text, format = outcome_text(outcome)
        return cast(Dict[str, Any], self._native.compute().settle(year, text, format))

    def invoices(
        self, year: int, *, outcome: Optional[Outcome] = None, settle: bool = False
    ) -> Dict[str, Any]:
        """The invoices of ``year``, instalment by instalment (the plan's
        ``[instalments]``; one a year without them).

        With ``settle=True`` (or an ``outcome``, which implies it) the
        settlement of the year before (see :meth:`settle`) is added to each
        member's first instalment.

        Returns ``{"year", "currency", "net", "settles", "runs": [{"instalment",
        "due", "total", "invoices": [{"member", "name", "instalment", "due",
        "amount", "settlement", "total", "reference"}]}]}``, amounts as
        Decimals. A member's amounts add up to its contribution; each run's
        totals to the run's ``total``.

        Raises:
            PlanError: a year outside the plan, no outcome to settle, ...
        """
        text, format = outcome_text(outcome)
        settled = settle or outcome is not None
        return cast(
            Dict[str, Any], self._native.compute().invoices(year, settled, text, format)
        )

    def why_changed(
        self, member: Optional[str] = None, year: Optional[int] = None, *, lang: Optional[Lang] = None
    ) -> List[ChangeExplanation]:
        """Why contributions changed from the year before, cause by cause:
        one :class:`andel.ChangeExplanation` per member and year after the
        first, or only ``member``'s and/or only ``year``'s.

        >>> plan = Plan.reference()
        >>> why = plan.why_changed("halmstad", 2022)[0]
        >>> sum(c["amount"] for c in why.causes) == why.change
        True

        ``lang`` is the language of each :attr:`ChangeExplanation.text`,
        ``"sv"`` or ``"en"``; None (the default) is the Rust core's default
        for the plan's currency: Swedish for SEK, English otherwise.

        Raises:
            PlanError: an unknown member (``unknown_member``), or a year
                outside the plan or without a year before it.
            InputError: code ``unknown_language`` for another ``lang``.
        """
        return [
            ChangeExplanation._from_dict(d)
            for d in self._native.compute().why_changed(member, year, lang)
        ]

    def __repr__(self) -> str:
        data = self.to_dict()
        return (
            f"<Plan {data['name']!r} from {data['first_year']}, {data['years']} years: "
            f"{len(data['members'])} members, {len(data['costs'])} cost lines>"
        )

    def __reduce__(self) -> Tuple[Any, Tuple[str]]:
        # Pickled as its JSON, read back (and checked) by the core.
        return (type(self).from_json, (self.to_json(),))
