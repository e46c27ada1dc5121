"""Builders of the report's sections: each turns the answers and the advice into blocks."""
