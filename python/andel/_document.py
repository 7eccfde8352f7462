"""Documents for the Rust core: an outcome argument (a path, a text or a
dict) becomes the text and format the core reads. A dict is handed to the
core as it is (``_andel.document_json``): the core writes it and names
every value it refuses by its path.

Used by :mod:`andel._plan` and :mod:`andel._cycle`, which both need it; it
imports neither, so the package has no import circle.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any, Optional, Tuple, Union

from . import _andel

__all__ = ["Outcome", "outcome_text"]


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
        return _andel.document_json(data), "json"
    if isinstance(outcome, str) and "\n" in outcome:
        # Core tells TOML from JSON (Format::of_text), as in every runtime.
        return outcome, None
    if isinstance(outcome, (str, os.PathLike)):
        format = _andel.Plan.format_of_file(outcome)
        with open(outcome, encoding="utf-8-sig") as file:
            return file.read(), format
    raise TypeError(f"an outcome is a path, a text or a dict, not {type(outcome).__name__}")
