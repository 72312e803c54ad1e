#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter (Rasa 3.6 supports 3.8-3.10 only).
# Looks on PATH, then under pyenv, then asks uv to install one where the network allows.
set -u
is_310() { "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; }

candidates=(python3.10)
pyenv_root=${PYENV_ROOT:-$HOME/.pyenv}
for dir in "$pyenv_root"/versions/3.10.* /root/.pyenv/versions/3.10.* /usr/local/bin /usr/bin; do
  [ -x "$dir/bin/python" ] && candidates+=("$dir/bin/python")
  [ -x "$dir/python3.10" ] && candidates+=("$dir/python3.10")
done
for candidate in "${candidates[@]}"; do
  if is_310 "$candidate"; then command -v "$candidate"; exit 0; fi
done
if command -v uv >/dev/null 2>&1 && uv python install 3.10 >&2; then
  found=$(uv python find 3.10) && is_310 "$found" && { echo "$found"; exit 0; }
fi
echo "error: no Python 3.10 found (Rasa 3.6 needs 3.8-3.10). Install it with pyenv or uv, then rerun." >&2
exit 1
