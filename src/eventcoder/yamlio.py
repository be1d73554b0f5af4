"""YAML reading for the shipped data files, with libyaml's parser when it is installed.

The data files are read once per process, but a cold ``extract`` reads a dozen of them:
PyYAML's pure-Python parser spends about ten times as long on them as libyaml does, and both
build the same values (the constructor is the same ``SafeConstructor``).
"""

from __future__ import annotations

from typing import Any

import yaml

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """``yaml.safe_load`` with the fastest safe loader available."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a SafeLoader
