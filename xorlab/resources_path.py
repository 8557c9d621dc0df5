"""Find files of the top-level `resources/` folder wherever xorlab runs from.

In a source checkout (editable install) and an installed wheel it is the package
`xorlab.resources`; in a PyInstaller build it sits in the bundle folder `sys._MEIPASS`.
"""

from __future__ import annotations

import sys
from importlib import resources as _resources
from pathlib import Path


def resource_path(name: str) -> Path:
    """The path of resources/<name>; FileNotFoundError names the folders searched."""
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources" / name)
    try:
        candidates.append(Path(str(_resources.files("xorlab.resources").joinpath(name))))
    except ModuleNotFoundError:
        pass
    candidates.append(Path(__file__).resolve().parent.parent / "resources" / name)
    for path in candidates:
        if path.is_file():
            return path
    raise FileNotFoundError(f"resource {name!r} not found in: "
                            + ", ".join(str(p.parent) for p in candidates))
