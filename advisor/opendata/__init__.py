"""Open data on real places and ties: the gazetteer, twin towns, Covenant signatories.

Heavy to load (about a third of a second), so loaded once per process through
:func:`advisor.opendata.bundle.open_data`; everything that uses it also works without it.
"""
