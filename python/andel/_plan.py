"""Budget-cycle plans: :class:`andel.Plan` is the native class
``andel._andel.Plan`` (read, checked and computed by the Rust core; typed
in ``_andel.pyi``), re-exported here with the bundled reference case."""

from __future__ import annotations

from . import _andel
from ._andel import Plan

__all__ = ["Plan", "REFERENCE_PLAN"]

#: The bundled reference case (six municipalities and a university; the
#: populations are real, every amount is illustrative) as TOML text.
REFERENCE_PLAN: str = _andel.REFERENCE_PLAN
