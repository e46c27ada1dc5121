"""Where the advisor finds the files it ships: the knowledge (``data/``), the rules
(``rules/``) and the example answers (``examples/``). No other module works these out.

``LOOK_WITHIN_DATA`` and ``LOOK_WITHIN_RULES`` name other knowledge and rules folders (a
policy officer's edited copy, say). Otherwise an installed wheel reads the copies it carries
in ``advisor/_knowledge/`` (the build maps the repository's folders there, see
``pyproject.toml``: the repository stays the one source of truth), and a source checkout,
where there are no such copies, reads the repository's own ``data/``, ``rules/`` and
``examples/``.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
SHIPPED = PACKAGE / "_knowledge"
"""Where a wheel carries the folders (``advisor/_knowledge/data`` ...)."""
CHECKOUT = PACKAGE.parent
"""The repository, when the package is imported from a source checkout."""


def shipped(name: str) -> Path:
    """The folder ``name`` (``data``, ``rules``, ``examples``) this installation carries."""
    inside = SHIPPED / name
    return inside if inside.is_dir() else CHECKOUT / name


def _chosen(variable: str, name: str) -> Path:
    explicit = os.environ.get(variable, "").strip()
    return Path(explicit).expanduser() if explicit else shipped(name)


DATA_DIR = _chosen("LOOK_WITHIN_DATA", "data")
RULES_DIR = _chosen("LOOK_WITHIN_RULES", "rules")
EXAMPLES_DIR = shipped("examples")
