"""Documents for the Rust core: a plan or outcome given as a dict is
written as the JSON text the core reads (decimals and dates as text, so
nothing is lost on the way), and an outcome argument becomes the text and
format the core reads.

Used by :mod:`andel._plan` and :mod:`andel._cycle`, which both need it; it
imports neither, so the package has no import circle.
"""

from __future__ import annotations

import datetime
import json
import os
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Optional, Tuple, Union

from . import _andel

__all__ = ["Outcome", "dict_to_json", "outcome_text"]


def _json_value(value: object) -> object:
    """``value`` ready for :func:`json.dumps`: a Decimal becomes its text (so
    the core reads it exactly), a date its ISO text, a tuple a list; a float
    stays a JSON number, which the core refuses for money with a message."""
    if isinstance(value, Mapping):
        return {_json_key(key): _json_value(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_value(item) for item in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _json_key(key: object) -> object:
    # Dates key the metric series: {"population": {date(2019, 12, 31): 15128}}.
    if isinstance(key, datetime.date):
        return key.isoformat()
    return key


def dict_to_json(data: Mapping[str, Any]) -> str:
    return json.dumps(_json_value(data), indent=2, ensure_ascii=False)



#: An outcome for :meth:`andel.Plan.settle`: a path to an outcome file
#: (``.toml`` or ``.json``), its text (any ``str`` with a line break; JSON if
#: it starts with ``{``), or a dict (``{"outcome": [...]}`` like the file, or
#: one outcome ``{"year": 2021, "costs": {...}, "funding": {...}}``).
Outcome = Union[str, "os.PathLike[str]", Mapping[str, Any]]


def outcome_text(outcome: Optional[Outcome]) -> Tuple[Optional[str], Optional[str]]:
    """The outcome as (text, format) for the core; (None, None) for the
    plan's own ``[[outcome]]``."""
    if outcome is None:
        return None, None
    if isinstance(outcome, Mapping):
        data = outcome if "outcome" in outcome else {"outcome": [outcome]}
        return dict_to_json(data), "json"
    if isinstance(outcome, str) and "\n" in outcome:
        # Core tells TOML from JSON (Format::of_text), as in every runtime.
        return outcome, None
    if isinstance(outcome, (str, os.PathLike)):
        format = _andel.Plan.format_of_file(outcome)
        with open(outcome, encoding="utf-8-sig") as file:
            return file.read(), format
    raise TypeError(f"an outcome is a path, a text or a dict, not {type(outcome).__name__}")
