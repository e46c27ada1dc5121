"""The newest answers of one browser session, readable from another thread.

The sidebar's "Download answers" builds its file when it is clicked, on a server thread
of its own. A click often comes together with the change that triggered it (typing a note,
then clicking download, sends the note and the click at once), so the file must wait for
the page run that stores that change before it reads the answers.
"""

from __future__ import annotations

import threading
import time

from advisor.model.assessment import Assessment


class LiveAnswers:
    """The answers as the latest page run left them, and whether a run is under way."""

    def __init__(self, answers: Assessment | None = None) -> None:
        self._answers = answers or Assessment()
        self._running = False
        self._changed = threading.Condition()

    def set(self, answers: Assessment) -> None:
        with self._changed:
            self._answers = answers

    def run_started(self) -> None:
        with self._changed:
            self._running = True

    def run_ended(self) -> None:
        with self._changed:
            self._running = False
            self._changed.notify_all()

    def settled(self, grace: float = 0.25, timeout: float = 5.0) -> Assessment:
        """The answers once no page run is under way. ``grace`` lets a run that was asked
        for together with the click begin first; ``timeout`` bounds the wait."""
        time.sleep(grace)
        deadline = time.monotonic() + timeout
        with self._changed:
            while self._running and (left := deadline - time.monotonic()) > 0:
                self._changed.wait(left)
            return self._answers
