"""Optional packages in tests: skipped with a visible reason on a developer's machine,
a failure in CI (``CI`` set), where the ``test`` extra installs every one of them."""

from __future__ import annotations

import importlib
import os
from types import ModuleType

import pytest


def require(module: str, extra: str = "test") -> ModuleType:
    """``module`` imported; if it is missing, the calling test module is skipped, or fails in CI."""
    try:
        return importlib.import_module(module)
    except ImportError:
        message = f"{module} is not installed (pip install '.[{extra}]')"
        if os.environ.get("CI"):
            pytest.fail(f"{message}: CI installs the {extra} extra, so this must not be skipped", pytrace=False)
        pytest.skip(message, allow_module_level=True)
