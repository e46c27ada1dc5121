"""Renderers: pure functions from an assessment and its result to text or bytes."""
