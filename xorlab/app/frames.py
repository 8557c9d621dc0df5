"""Frame pacing: snapshots → painted views, at most one frame every FRAME_SPACING, one view
per turn of the event loop, with the frames and the frames per second counted."""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QGraphicsView

from ..lab.snapshot import with_points

FRAME_SPACING = 0.026  # seconds from the start of one frame to the next, at least: the event
# loop gets time for clicks and keys between frames, and ~30 snapshots a second still fit


class FramePacer(QObject):
    """Draws snapshots into `views` (in this order; hidden ones are skipped). `twin_views`
    show the second run of compare mode, on the first run's points (a view of points, one
    of images: the one shown is drawn). `plot_frames`: frames
    drawn; `frame_seconds`: time spent drawing them."""

    networkChanged = Signal()  # the frame about to be drawn is of a new network
    frameStarted = Signal(object, int)  # (snapshot, frames per second) before the views

    def __init__(self, views, twin_views, parent=None):
        super().__init__(parent)
        self.views = list(views)
        self.twin_views = tuple(twin_views)
        self.graphics_views = [v for v in self.views if isinstance(v, QGraphicsView)]
        self.plot_frames = 0
        self.frame_seconds = 0.0
        self._fps_window = []
        self._pending = None  # a snapshot waiting for its turn to be drawn
        self._last_frame = -1.0
        self._frame = None  # the snapshot being drawn
        self._frame_generation = None
        self._to_paint = []  # views of the current frame still to be drawn
        self._frame_timer = QTimer(self)
        self._frame_timer.setSingleShot(True)
        self._frame_timer.setTimerType(Qt.PreciseTimer)
        self._frame_timer.timeout.connect(self._draw_pending)
        self._paint_timer = QTimer(self)
        self._paint_timer.setSingleShot(True)
        self._paint_timer.setInterval(0)
        self._paint_timer.timeout.connect(self._paint_next)

    def show(self, snap):
        """Draw a snapshot now, or as soon as FRAME_SPACING has passed since the last frame
        (the newest one waiting wins): a late snapshot followed at once by the next one would
        otherwise take two frames in a row and leave clicks and keys waiting."""
        self._pending = snap
        wait = self._last_frame + FRAME_SPACING - time.perf_counter()
        if wait > 0:
            if not self._frame_timer.isActive():
                self._frame_timer.start(max(1, math.ceil(1000 * wait)))
            return
        self._draw_pending()

    def drawn(self, snap):
        """True when `snap` is the frame drawn, in every view, with none waiting."""
        return self._pending is None and not self._to_paint and self._frame is snap

    def drop_pending(self):
        """Forget the snapshot waiting (the engine stopped: it would say "running")."""
        self._frame_timer.stop()
        self._pending = None

    def stop(self):
        self._frame_timer.stop()
        self._paint_timer.stop()

    def _draw_pending(self):
        """Draw the waiting snapshot: one view per turn of the event loop (its data, then its
        paint), so that clicks and keys wait for one view, not four. Hidden views are not
        drawn.

        While training runs, the plots do not repaint on their own when their data changes
        (NoViewportUpdate): each frame is painted here, once, while the engine trains on.
        Paused, the plots update normally, so zooming and hovering work."""
        snap, self._pending = self._pending, None
        if snap is None:
            return
        if snap.generation != self._frame_generation:
            self._frame_generation = snap.generation
            self.networkChanged.emit()
        t0 = self._last_frame = time.perf_counter()
        mode = (QGraphicsView.NoViewportUpdate if snap.running
                else QGraphicsView.MinimalViewportUpdate)
        for view in self.graphics_views:
            if view.viewportUpdateMode() != mode:
                view.setViewportUpdateMode(mode)
        self.plot_frames += 1
        self.frameStarted.emit(snap, self._count_fps(snap.running))
        self._frame = snap
        self._to_paint = [v for v in self.views if v.isVisible()]
        self.frame_seconds += time.perf_counter() - t0
        self._paint_next()

    def _count_fps(self, running):
        now = time.perf_counter()
        self._fps_window.append(now)
        while self._fps_window and now - self._fps_window[0] > 1.0:
            self._fps_window.pop(0)
        return len(self._fps_window) if running else 0

    def _paint_next(self):
        t0 = time.perf_counter()
        if self._to_paint:
            view = self._to_paint.pop(0)
            if view in self.twin_views:  # the second run, on the first run's points
                if self._frame.twin is not None:
                    view.show_snapshot(with_points(self._frame.twin, self._frame))
            else:
                view.show_snapshot(self._frame)
            if getattr(view, "needs_paint", True):
                (view.viewport() if isinstance(view, QGraphicsView) else view).repaint()
        if self._to_paint:
            self._paint_timer.start()
        self.frame_seconds += time.perf_counter() - t0
