"""xorlab: a desktop simulator in which students see how neural networks learn."""

__version__ = "0.1.0"
