"""The lab: everything between the engine and the window, without Qt.

    session.py    the Session, one serializable value: data, network, training, seed, view
    protocol.py   the commands the window sends (Rebuild, SetHyper, Play, Step, ...)
    snapshot.py   the immutable Snapshot the training loop sends back
    trainloop.py  the TrainingLoop that owns the engine Trainer, and serve()
    runner.py     the loop in a process of its own (EngineProcess) or a thread (EngineThread)
    pictures.py   grid resolution and the z = 0 line of the decision plot
    messages.py   what the user is told, as codes with parameters

Nothing here imports Qt (a test checks it): the CLI, the tests and the engine process use it.
"""

from .messages import Message, message
from .session import HYPER_KEYS, Session, SessionError

__all__ = ["Message", "message", "HYPER_KEYS", "Session", "SessionError"]
