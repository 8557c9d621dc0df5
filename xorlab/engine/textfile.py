"""Reading and writing the text files xorlab keeps (models, points), safely.

Reading: only regular files, and only up to a limit, checked before anything is read — a
FIFO, /dev/zero or a 2 GB file is refused at once instead of filling the memory.

Writing: to a temporary file beside the target, flushed to disk, then renamed over it, so a
crash never leaves half a file. The target of a symbolic link is written (the link stays a
link), an existing file keeps its permissions (a new one gets the usual ones), and a
temporary file left by a save that was killed is removed by the next save of that file. A
target that is a folder, a FIFO or a device is refused (OSError): the rename would replace it.
"""

from __future__ import annotations

import errno
import glob
import os
import stat
import tempfile

from .errors import XorlabError

MAX_MODEL_BYTES = 32 * 2**20  # a model file: weights, history, session and its points
MAX_CSV_BYTES = 8 * 2**20  # a CSV of points (MAX_POINTS rows fit many times over)


class TextFileError(XorlabError):
    """A file that cannot be read as asked; the message names the file and the problem."""


def read_text(path, limit, encoding="utf-8-sig"):
    """The whole text of a regular file of at most `limit` bytes (UTF-8; a byte-order mark,
    as some Windows editors write, is allowed and dropped)."""
    try:
        info = os.stat(path)
    except OSError as e:
        raise TextFileError("cannot read {path}: {reason}", path=path,
                            reason=e.strerror or e) from None
    if not stat.S_ISREG(info.st_mode):
        raise TextFileError("{path}: not a regular file", path=path)
    if info.st_size > limit:
        raise TextFileError("{path}: {size:,} bytes is too large; at most {limit:,} bytes are read",
                            path=path, size=info.st_size, limit=limit)
    try:
        with open(path, "rb") as f:
            data = f.read(limit + 1)
    except OSError as e:
        raise TextFileError("cannot read {path}: {reason}", path=path,
                            reason=e.strerror or e) from None
    if len(data) > limit:  # it grew while we looked
        raise TextFileError("{path}: too large; at most {limit:,} bytes are read", path=path,
                            limit=limit)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise TextFileError("{path}: not UTF-8 text", path=path) from None


def json_int(text):
    """`json.loads(..., parse_int=json_int)`: a whole number as Python reads it, but one of
    more digits than Python converts (4300) as a float (±inf), so that the field it stands
    in says what it allows instead of Python telling about sys.set_int_max_str_digits."""
    return int(text) if len(text) <= 4000 else float(text)


def _umask():
    """The process's umask, read once at import: os.umask can only read it by setting it,
    which another thread (the autosave's writer) could see half-way."""
    umask = os.umask(0)
    os.umask(umask)
    return umask


_UMASK = _umask()


def write_atomically(path, text, encoding="utf-8"):
    """Replace the file at `path` (through a symbolic link: its target) with `text` (or
    bytes, written as they are: a picture)."""
    target = os.path.realpath(path)
    if os.path.isdir(target):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
    if os.path.exists(target) and not os.path.isfile(target):
        # a FIFO or a device (as root, /dev/null): renaming over it would replace it
        raise OSError(errno.EINVAL, "not a regular file", path)
    folder, name = os.path.split(target)
    prefix = f".{name}."
    for stale in glob.glob(os.path.join(glob.escape(folder), glob.escape(prefix) + "*.tmp")):
        try:  # left by a save that was killed: no other save of this file is running
            os.unlink(stale)
        except OSError:
            pass
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_UMASK
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
    try:
        binary = isinstance(text, (bytes, bytearray))
        with os.fdopen(fd, "wb" if binary else "w",
                       encoding=None if binary else encoding) as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
