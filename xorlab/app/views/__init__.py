"""The window's views. Each takes a Snapshot with `show_snapshot(snapshot)` (the activation
view takes an activation) and draws only what it is given: none keeps training state.

    decision.py    DecisionPlot: P(y = 1) or one neuron over the input square, points, line
    loss.py        LossPlot: loss and accuracy against step
    gradients.py   GradientPlot: ‖∂L/∂Wˡ‖ per layer against step, and bars of the last values
    activation.py  ActivationPlot: f and f′ of the selected layer
    diagram.py     NetworkDiagram: neurons and weights; click a neuron to see it
    backprop.py    BackpropView: the chain rule on a typed expression, stepped through
    zoo.py         ActivationZoo: every activation's f, f′, range and largest slope
    saturation.py  ActivationHistogramPlot: how each layer's a and f′ spread
    sweep.py       SweepView: the initializer × activation table, beside the paper's
    images.py      ImagePanel: for images, the test images, the confusion matrix
                   (confusion.py) and a digit to draw (canvas.py), where the decision
                   regions stand for points
"""

from .activation import ActivationPlot
from .backprop import BackpropView
from .confusion import ConfusionView
from .decision import DecisionPlot
from .diagram import EdgeInspector, NetworkDiagram
from .gradients import GradientDepthPlot, GradientPanel, GradientPlot
from .images import ImagePanel, ImageSwitch
from .loss import LossPlot
from .saturation import ActivationHistogramPlot
from .sweep import SweepView
from .zoo import ActivationZoo

__all__ = ["ActivationHistogramPlot", "ActivationPlot", "ActivationZoo", "BackpropView",
           "ConfusionView", "DecisionPlot", "EdgeInspector", "NetworkDiagram",
           "GradientDepthPlot", "GradientPanel", "GradientPlot", "ImagePanel", "ImageSwitch",
           "LossPlot", "SweepView"]
