"""Messages for the user as codes with parameters, not sentences (no Qt here).

The engine process and the lab layer say *what* happened — `Message("diverged", step=10)` —
and the window turns the code into a sentence in the user's language (Qt's translation
system, with the English templates below as the source text). Tests compare codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# code -> English template; {names} are filled in from the message's parameters
TEMPLATES = {
    "no_points": "No training points: draw some points first (left click: class 1, "
                 "right click: class 0).",
    "one_class": "All training points are of one class: add points of the other class.",
    "bad_session": "This network cannot be built: {detail}",
    "diverged": "Diverged at step {step}: loss or gradient NaN, ∞ or > {limit:g}. Kept the "
                "weights after step {last_good}; lower γ, then press Reset.",
    "stopped_test_accuracy": "Stopped at step {step:,}: the test accuracy reached "
                             "{accuracy:.1%} (stop at {target:.1%}). Press Play to train on.",
    "stopped_train_accuracy": "Stopped at step {step:,}: the training accuracy reached "
                              "{accuracy:.1%} (stop at {target:.1%}; there are no test "
                              "points). Press Play to train on.",
    "stopped_plateau": "Stopped at step {step:,}: the loss has not fallen by {min_delta:g} "
                       "for {patience:,} steps (a plateau). Press Play to train on.",
    "stopped_steps": "Stopped at step {step:,}: the step budget is used up. Press Play to "
                     "train on.",
    "internal_error": "Training stopped by an internal error: {detail}",
    "engine_died": "The training process stopped unexpectedly (exit code {exitcode}). "
                   "Press Play or Step to continue the run in a new one.",
    "bad_learning_rate": "Learning rate {text} is not allowed: it must be a number from "
                         "{low:g} to {high:g}.",
    "bad_strength": "Regularization strength {text} is not allowed: it must be a number from "
                    "{low:g} to {high:g}.",
    "bad_csv": "Cannot use this CSV file: {detail}",
    "too_many_layers": "At most {limit} hidden layers.",
    "last_feature": "At least one input feature stays checked: the network needs an input.",
    "not_opened": "Not opened: {detail}",
    "opened": "Opened {path}",
    "saved": "Saved {path}",
    "saved_lesson": "Saved the lesson {path}: add its text and goal in an editor, then open it "
                    "with Open… in the Lessons panel (or send it to your students).",
    "not_saved": "Not saved: {detail}",
    "nothing_to_save": "There is no trained network to save yet.",
    "rebuilding": "The network is being rebuilt; try again in a moment.",
    "exported_plots": "Exported {count} PNG files to {folder}",
    "exported_history": "Exported the history to {path}",
    "exported_view": "Exported {path} ({width} × {height} px)",
    "not_exported": "Not exported: {detail}",
    "no_history": "There is no history yet: train for a few steps first.",
    "bad_weight": "Weight {text} is not allowed: it must be a number from −{limit:g} to "
                  "{limit:g}.",
    "twin_diverged": "The second run ({label}) diverged at step {step} and stopped there; "
                     "change what it varies, or press Reset.",
    "twin_starts_now": "The second run starts now, at step {step:,}, from new weights: its "
                       "curves begin there. Press Reset to start both runs together.",
    "engine_frozen": "The training process has sent nothing for {seconds:.0f} s while it "
                     "should train. Press Restart engine to start a new one.",
    "engine_fallback": "The training process could not start ({reason}); training runs in a "
                       "thread of this window instead (slower while plots are drawn).",
    "not_autosaved": "Autosave failed: {detail}",
    "autosave_no_folder": "Autosave is off: no folder to write it in (neither the user data "
                          "folder nor a temporary one can be written). Save your run with "
                          "File → Save.",
    "autosave_temporary": "The user data folder cannot be written: autosaves go to {folder}, "
                          "which the system may empty. Save your run with File → Save.",
    "other_crashed": "The other xorlab did not quit normally: its run is kept as the last "
                     "session (File → Restore last session). This window autosaves now.",
    "autosave_elsewhere": "Autosave is off in this window: another xorlab is running and "
                          "autosaves its run. This one will once that one quits.",
    "autosave_damaged": "The autosaved session could not be read ({detail}); it was set "
                        "aside as {path}.",
    "restored": "Restored the last session at step {step:,}; it is not saved in a file yet.",
    "recent_missing": "{path} is no longer there; it was removed from the recent files.",
    "engine_continued": "A new training process continues the run at step {step:,}: its "
                        "weights, step, epoch and history are kept.",
    "engine_continued_optimizer_reset": "A new training process continues the run at step "
                                        "{step:,}: its weights, step, epoch and history are "
                                        "kept; the optimizer's state (momentum, running "
                                        "averages) starts afresh.",
}


@dataclass(frozen=True)
class Message:
    code: str
    params: dict = field(default_factory=dict)

    def __post_init__(self):
        if self.code not in TEMPLATES:
            raise ValueError(f"unknown message code {self.code!r}")

    def text(self, template=None):
        """The sentence, from `template` (a translation) or the English one."""
        return (template or TEMPLATES[self.code]).format(**self.params)


def message(code, **params):
    return Message(code, params)
