#!/usr/bin/env bash
# Install the Debian packages the tests run for real, only those missing:
# chromium (browser test) with fonts-noto-cjk (Chinese glyphs in it), postgresql (tracker store on
# PostgreSQL), redis-server (lock store), nginx (load balancer of `make cluster`).
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
# /usr/sbin is not on every user's PATH; `make cluster` runs nginx as its own non-daemon process.
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || missing+=(nginx)
[ -d /usr/share/fonts/opentype/noto ] && compgen -G "/usr/share/fonts/opentype/noto/NotoSansCJK*" >/dev/null \
  || missing+=(fonts-noto-cjk)
# The tests run PostgreSQL as the `postgres` user that the package creates.
if ! id postgres >/dev/null 2>&1 || { ! command -v initdb >/dev/null 2>&1 && ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; }; then
  missing+=(postgresql)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "==> Installing Debian packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "error: ${missing[*]} missing and no root rights to install them; run: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
