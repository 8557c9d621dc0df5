# Shared by scripts/run and scripts/test: make .venv with Python >= 3.11 and
# install the project into it (editable) with the extras named in $1.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
extras="${1:-}"
pick_python() {
    for c in python3.11 python3.12 python3.13 python3 python; do
        if command -v "$c" >/dev/null 2>&1 &&
           "$c" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "$c"; return 0
        fi
    done
    echo "xorlab needs Python 3.11 or newer on PATH" >&2; return 1
}
if [ ! -x .venv/bin/python ]; then
    "$(pick_python)" -m venv .venv
fi
stamp=".venv/.xorlab-installed${extras:+-$extras}"
# Reinstall only when pyproject.toml changed since the last install.
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "xorlab: installing into .venv (log: .venv/install.log) ..." >&2
    if ! { .venv/bin/python -m pip install --upgrade pip &&
           .venv/bin/python -m pip install -e ".${extras:+[$extras]}"; } \
           > .venv/install.log 2>&1; then
        tail -n 30 .venv/install.log >&2
        echo "xorlab: installation failed; the whole log is .venv/install.log" >&2
        exit 1
    fi
    touch "$stamp"
fi
