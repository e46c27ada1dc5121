"""Open every step at its heading, and get the sidebar out of the way on a phone.

Streamlit keeps the page's scroll position across reruns, so a step opened from a button
low on the previous page would open half-way down. When the step differs from the one
drawn last, a tiny fixed script (no user text in it) scrolls the page to the top and, on a
narrow screen where the sidebar covers the page, closes the sidebar.
"""

from __future__ import annotations

import streamlit as st

_LAST_STEP = "scroll.last_step"
_RUNS = "scroll.runs"
NARROW_PX = 640
"""Below this width Streamlit draws the sidebar over the page instead of beside it."""

_SCRIPT = """
<script>
/* look-within step __RUN__ */
(() => {
  const win = window.parent && window.parent.document ? window.parent : window;
  const doc = win.document;
  const toTop = () => {
    win.scrollTo(0, 0);
    const boxes = '[data-testid="stMain"], [data-testid="stAppViewContainer"], section.main';
    doc.querySelectorAll(boxes).forEach((box) => { box.scrollTop = 0; });
  };
  const closeSidebar = () => {
    if (win.innerWidth >= __NARROW__) return;
    const bar = doc.querySelector('[data-testid="stSidebar"]');
    if (!bar || bar.getAttribute("data-collapsed") !== "false") return;
    const button = doc.querySelector('[data-testid="stSidebarCollapseButton"] button');
    if (button) button.click();
  };
  [0, 60, 200, 500].forEach((ms) => setTimeout(() => { toTop(); closeSidebar(); }, ms));
})();
</script>
"""


def step_script(run: int) -> str:
    """The script for the ``run``-th step change; the number makes each one new to the
    browser, which runs a script only when its element is new."""
    return _SCRIPT.replace("__RUN__", str(run)).replace("__NARROW__", str(NARROW_PX))


def follow_step(step: str) -> bool:
    """Scroll to the top (and close a phone's sidebar) when ``step`` is not the step drawn
    on the previous run; True when it did.

    The element is drawn on every run, so the page keeps the same shape from run to run
    (an element that comes and goes shifts the ones after it and can leave stale inputs
    behind); the browser runs the script again only when its text changes, that is when
    the step has changed.
    """
    changed = st.session_state.get(_LAST_STEP) != step
    if changed:
        st.session_state[_LAST_STEP] = step
        st.session_state[_RUNS] = int(st.session_state.get(_RUNS, 0)) + 1
    st.html(step_script(int(st.session_state[_RUNS])), unsafe_allow_javascript=True)
    return changed
