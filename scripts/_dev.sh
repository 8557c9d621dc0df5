# Shared by scripts/run, scripts/test and scripts/package: run scripts/dev.py (the steps
# themselves, also on Windows) with the first Python >= 3.11 on PATH.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
for c in python3.11 python3.12 python3.13 python3.14 python3 python; do
    if command -v "$c" >/dev/null 2>&1 &&
       "$c" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        exec "$c" "$here/dev.py" "$@"
    fi
done
echo "xorlab needs Python 3.11 or newer on PATH" >&2
exit 1
