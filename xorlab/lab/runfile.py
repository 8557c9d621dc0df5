"""Run files (`.xorlab`): one run of one session, as the app and the command line save it.

A run file is a model file (engine/modelfile.py) that also holds the whole Session and the
run so far:

    session   the Session as JSON (Session.to_dict): data, features, layers, init, training
    weights   the network's parameters, bit-exact
    step      how many steps were trained, and epoch, how many passes over the training set
    history   loss and ‖∂L/∂Wˡ‖ of the recorded steps, and the evaluations

The app's File → Save/Open, its autosave and `xorlab train --save/--load` all read and write
runs here, so a file saved by one continues in the other with its curves, step and epoch.
Qt-free: the autosave calls `write_run` from a thread of its own.
"""

from __future__ import annotations

import numpy as np

from ..engine import ModelFileError, Network, SpecError, load_model
from ..engine.modelfile import model_document, write_model
from .messages import message
from .protocol import SavedRun
from .session import Session, SessionError


def run_of_trainer(trainer, session: Session):
    """What a run file of a Trainer's run holds (the form `write_run` takes): its network,
    the session it was built from, its step, epoch and recorded history."""
    history = trainer.step_history
    evals = trainer.eval_history
    return {"net": trainer.net, "session": session, "step": trainer.step,
            "epoch": trainer.epoch,
            "history": {"steps": history.steps, "values": history.values,
                        "eval_steps": evals.steps, "eval_values": evals.values}}


def write_run(path, run):
    """Write a run ({"net", "session", "step", "epoch", "history"}) as a run file, in
    whichever thread; None, or the lab.messages.Message saying why not."""
    session = run["session"]
    try:
        write_model(path, model_document(
            run["net"], session.train_config(), step=run["step"], dataset=session.data,
            epoch=run["epoch"], history=run["history"], session=session.to_dict()))
    except ModelFileError as e:  # said in the user's language
        return message("not_saved", detail=e)
    except OSError as e:
        return message("not_saved", detail=f"{path}: {e.strerror or e}")
    return None


def read_run(path, fallback):
    """(session, network, SavedRun) of a run file; ModelFileError, SessionError or SpecError
    when it cannot be read. `fallback`: the session whose data and view a file without a
    session record (an older command line's) keeps."""
    net, config, doc = load_model(path)
    return saved_session(doc, net, config, fallback), net, saved_run(doc, net.n_weight_layers)


def saved_session(doc, net, config, fallback):
    """The session of a model file: its "session" record when it is valid and builds the
    file's network, else one made from "spec", "train" and "dataset" (files of older
    versions)."""
    record = doc.get("session")
    if record is not None:
        try:
            session = Session.from_dict(record)
            if Network(session.network_spec()).spec == net.spec:
                return session
        except (SessionError, SpecError):
            pass
    data = doc.get("dataset") if isinstance(doc.get("dataset"), dict) else None
    return Session.from_model(net.spec, config, data, fallback=fallback)


def saved_run(doc, n_layers):
    """The SavedRun of a model file's document (empty history for a version 1 file)."""
    history = doc.get("history") or {
        "steps": np.empty(0, dtype=np.int64), "values": np.empty((0, n_layers + 1)),
        "eval_steps": np.empty(0, dtype=np.int64), "eval_values": np.empty((0, 4))}
    return SavedRun(step=int(doc.get("step", 0)), epoch=int(doc.get("epoch", 0)),
                    steps=history["steps"], values=history["values"],
                    eval_steps=history["eval_steps"], eval_values=history["eval_values"])
