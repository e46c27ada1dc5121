"""The closed condition language of rules and eligibility: pydantic models, never code.

A condition is a small YAML mapping such as ``{field: population, below: 50000}`` or
``{all: [...]}``. Each node evaluates against :class:`Facts` and returns an
:class:`Outcome` whose reasons are sentences about the town.
"""

from advisor.conditions.facts import FIELDS, Facts, FieldSpec
from advisor.conditions.nodes import Condition, Outcome

__all__ = ["FIELDS", "Condition", "Facts", "FieldSpec", "Outcome"]
