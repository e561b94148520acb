"""A navigation step drawn in one frame.

A step changes several things at once (chips, focus, lists, the reader), and each query answers in its
own thread at its own time. Repainting each answer as it comes costs a frame and a layout pass apiece;
instead the screen holds its repaints until every query the step started has answered, or HOLD seconds
have passed, and the whole step lands in one frame.
"""

from __future__ import annotations

import gc

from .internals import FrameScreen

HOLD = 0.15  # seconds a navigation may hold the screen's repaints while its queries run


class StepScreen(FrameScreen):
    """`_hold` starts a step; `_expect(name)` adds a query it waits for, `_done(name)` marks one
    answered; the last answer (or HOLD seconds) releases the step's frame. Loads put in `_deferred`
    run after that frame."""

    def __init__(self) -> None:
        super().__init__()
        self._holding: set[str] | None = None  # what a held navigation still waits for
        self._hold_generation = 0
        self._gc_paused = False  # the collector is off for the held steps (we turned it off)
        self._deferred: list = []  # loads that wait for the first frame

    def _hold(self) -> None:
        if self._holding is None:
            self._holding = set()
            self._hold_generation += 1
            if not self.holding_frames and gc.isenabled():
                # No collection in the middle of a step: it allocates enough for a few young passes
                # (3-8 ms) and now and then a full one (30-50 ms); they run once its frame is out.
                gc.disable()
                self._gc_paused = True
            self.hold_frames()
            generation = self._hold_generation
            self.set_timer(HOLD, lambda: self._release(generation))

    def _expect(self, name: str) -> None:
        if self._holding is not None:
            self._holding.add(name)

    def _done(self, name: str) -> None:
        if self._holding is not None:
            self._holding.discard(name)
            if not self._holding:
                self._release(self._hold_generation)
            else:
                self._draw_ahead(name)

    def _draw_ahead(self, name: str) -> None:
        """What answered for `name` while the step waits for other queries: drawn now, into its widget's
        own cache of lines, so the step's frame, when the last answer comes, draws only what came last."""

    def _release(self, generation: int) -> None:
        if self._holding is not None and generation == self._hold_generation:
            self._holding = None
            self._step_released()
            self.request_pending_repaints()
            self.call_later(self._end_hold)

    def _step_released(self) -> None:
        """What the screen brings up to date once, as a step is released, before its frame."""

    def _end_hold(self) -> None:
        self.release_frames()
        if not self.holding_frames and self._gc_paused:
            self._gc_paused = False
            gc.enable()
        self.check_idle()
        if self._deferred:
            self.call_after_refresh(self._run_deferred)

    def _run_deferred(self) -> None:
        deferred, self._deferred = self._deferred, []
        for run in deferred:
            run()
