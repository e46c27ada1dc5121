"""One module per wizard step, each with a ``render()`` that draws the page."""
