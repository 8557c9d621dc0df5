"""Entry point of the packaged (PyInstaller) xorlab: the `xorlab` command, frozen.

`xorlab.cli.main` calls multiprocessing.freeze_support() first, so when the app starts its
engine process by running this executable again, that run becomes the engine process.
"""

import sys

from xorlab.cli import main

if __name__ == "__main__":
    sys.exit(main())
