"""Reading a TOML configuration file (pipelines, limits) into a dict."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from newsclean.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["read_toml"]


def read_toml(path: str | Path, what: str) -> dict[str, Any]:
    """The TOML file at ``path``; :class:`~newsclean.ConfigError` naming ``what`` it was
    meant to configure when it cannot be read."""
    try:
        return tomllib.loads(Path(path).read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read {what} config {path}: {exc}") from exc
