"""Load the rule files in rules/ (YAML an analyst edits; the engine only reads them)."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

import yaml

# libyaml's loader when the wheel has it: the rule files load several times faster
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def rules_dir() -> Path:
    """rules/ of the checkout, or GOVEXTRACT_RULES when set (to try edited rules)."""
    env = os.environ.get("GOVEXTRACT_RULES")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for parent in here.parents:
        cand = parent / "rules"
        if cand.is_dir() and (cand / "units.yaml").exists():
            return cand
    raise FileNotFoundError("rules/ directory not found; set GOVEXTRACT_RULES")


@cache
def load(name: str) -> Any:
    """Parsed content of rules/<name>.yaml (cached: rules are read once per process)."""
    path = rules_dir() / f"{name}.yaml"
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_LOADER)


def alternation(words: list[str]) -> str:
    """A regex alternation of literal words, longest first so the longest match wins."""
    import regex

    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))
