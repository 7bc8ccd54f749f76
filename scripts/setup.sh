#!/usr/bin/env bash
# Set up a fresh machine and run the main job on the shipped data.
#   1. a virtual environment in .venv with the package and every extra the tests use;
#   2. a CJK font for the chain pictures (Debian's fonts-wqy-microhei) when none is present;
#   3. PostgreSQL from Debian's packages, for the ledger's tests (they start their own server);
#   4. the main job: validate the shipped rules, run their scenarios, answer an example problem.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}

if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[dev]'

# Pictures label bodies in Chinese; without a CJK font they would show boxes.
if ! fc-list 2>/dev/null | grep -qiE 'wqy|noto (sans|serif) cjk|droid sans fallback'; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-microhei fontconfig) \
      >/dev/null 2>&1 || echo "warning: could not install a CJK font; pictures may show boxes" >&2
  else
    echo "warning: no CJK font found; install fonts-wqy-microhei for readable pictures" >&2
  fi
fi

# The ledger runs on SQLite or PostgreSQL; its tests start their own PostgreSQL server on
# 127.0.0.1 in a temporary directory. As root, install it (or fail: CI must run those tests).
have_pg() { command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; }
if ! have_pg; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/dev/null 2>&1 \
      || { echo "error: could not install PostgreSQL (apt-get install postgresql)" >&2; exit 1; }
  else
    echo "warning: PostgreSQL is not installed; the ledger's PostgreSQL tests will skip (as root, this script installs it)" >&2
  fi
fi
# Tell the tests that PostgreSQL is here, so that a server that fails to start fails them instead of skipping.
if have_pg; then touch .venv/postgresql-required; else rm -f .venv/postgresql-required; fi

# The main job on the embedded default data: the shipped rules are sound, their scenarios
# answer as expected, and an example problem gets its answer.
.venv/bin/responsibility validate
.venv/bin/responsibility test examples/problems
.venv/bin/responsibility who examples/problems/housing-not-discovered.yaml --format table
