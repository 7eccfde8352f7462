"""The documents the Rust core reads besides a plan: the type of an outcome
argument (the native ``andel._andel`` turns a dict into the JSON text the
core reads, and a path into the file's text)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any, Union

__all__ = ["Outcome"]

#: An outcome for :meth:`andel.Plan.settle`: a path to an outcome file
#: (``.toml`` or ``.json``), its text (any ``str`` with a line break; JSON if
#: it starts with ``{``), or a dict (``{"outcome": [...]}`` like the file, or
#: one outcome ``{"year": 2021, "costs": {...}, "funding": {...}}``).
Outcome = Union[str, "os.PathLike[str]", Mapping[str, Any]]
