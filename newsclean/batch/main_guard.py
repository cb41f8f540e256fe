"""Whether starting worker processes from here needs an ``if __name__ == "__main__":`` guard.

With the ``spawn`` and ``forkserver`` start methods, Python's multiprocessing runs the main
script again in every worker process (as the module ``__mp_main__``), so that the
functions it defines can be found there. A script whose top-level code starts workers
without the guard would then start workers from every worker: Python refuses, every worker
dies at start-up, and the pool breaks. :func:`unguarded_start` finds that case before any
worker starts, so the error can say exactly what to do.
"""

from __future__ import annotations

import ast
import inspect
import sys
from pathlib import Path
from types import FrameType

__all__ = ["GUARD_ADVICE", "unguarded_start"]

GUARD_ADVICE = (
    "worker processes ({method} start method) run the main script again, so a script that starts them "
    'must do so under `if __name__ == "__main__":` (or pass workers=0 to clean in this process)'
)


def unguarded_start() -> str | None:
    """Where the main script starts workers outside its ``__main__`` guard
    (``"script.py, line 12"``), or ``None`` when it does not (or cannot be told).

    Two cases: the call comes from top-level code of the main script that is not inside
    ``if __name__ == "__main__":`` (the parent, before any worker starts), or from the main
    script being run again inside a worker process (``__name__ == "__mp_main__"``).
    """
    main = sys.modules.get("__main__")
    frame: FrameType | None = inspect.currentframe()
    while frame is not None:
        if frame.f_code.co_name == "<module>":
            name = frame.f_globals.get("__name__")
            if name == "__mp_main__":
                return f"{frame.f_code.co_filename}, line {frame.f_lineno} (run again in a worker process)"
            if name == "__main__" and main is not None and frame.f_globals is vars(main):
                return _outside_guard(frame, main)
        frame = frame.f_back
    return None


def _outside_guard(frame: FrameType, main: object) -> str | None:
    spec = getattr(main, "__spec__", None)
    if spec is not None and (spec.name == "__main__" or spec.name.endswith(".__main__")):
        return None  # `python -m package`: workers do not run a package's __main__ again
    path = getattr(main, "__file__", None)
    if not path:
        return None  # `python -c`, an interactive session: nothing is run again
    try:
        tree = ast.parse(Path(path).read_text("utf-8"))
    except (OSError, SyntaxError, ValueError):
        return None
    line = frame.f_lineno
    for statement in tree.body:
        if statement.lineno <= line <= (statement.end_lineno or statement.lineno):
            return None if _is_main_guard(statement) else f"{path}, line {line}"
    return None


def _is_main_guard(statement: ast.stmt) -> bool:
    """``if __name__ == "__main__":`` (either way round)."""
    if not isinstance(statement, ast.If) or not isinstance(statement.test, ast.Compare):
        return False
    test = statement.test
    if len(test.ops) != 1 or not isinstance(test.ops[0], ast.Eq):
        return False
    sides = [test.left, test.comparators[0]]
    names = [s.id for s in sides if isinstance(s, ast.Name)]
    constants = [s.value for s in sides if isinstance(s, ast.Constant)]
    return names == ["__name__"] and constants == ["__main__"]
