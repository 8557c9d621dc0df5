"""xorlab: a desktop simulator in which students see how neural networks learn."""

__version__ = "0.1.0"

# The desktop id (reverse domain name): the .desktop file and the AppStream metainfo in
# resources/ are named after it, and the window tells the desktop it with setDesktopFileName.
APP_ID = "io.github.xorlab.xorlab"
