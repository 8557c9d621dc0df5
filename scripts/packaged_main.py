"""Entry point of the packaged (PyInstaller) xorlab: the `xorlab` command, frozen, as both
executables of the build (`xorlab`, windowed on Windows and macOS, and `xorlab-cli`).

`xorlab.cli.main` calls multiprocessing.freeze_support() first, so when the app starts its
engine process by running its own executable again (either one), that run becomes the engine
process.
"""

import sys

from xorlab.cli import main

if __name__ == "__main__":
    sys.exit(main())
