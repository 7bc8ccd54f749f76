#!/usr/bin/env bash
# Set up a fresh machine and run the main job on the shipped data.
#   1. a virtual environment in .venv with the package and every extra the tests use;
#   2. Debian packages when missing: a CJK font (fonts-wqy-microhei), graphviz, chromium, a Java runtime, curl;
#   3. PostgreSQL from Debian's packages, for the ledger's tests (they start their own server);
#   4. the main job: validate the shipped rules, run their scenarios, answer an example problem.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
root() { command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; }
apt_install() { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; }

# What building the environment needs, when it is still to be built: Python's venv module (a separate
# Debian package) and a C compiler and Python's headers (pip builds the package's own C extensions,
# src/responsibility/batch/_gather.c, _scan.c, _jsonl.c and _derive.c and engine/_dicts.c, and below Python 3.13 durable-rules from source). A ready
# environment needs none of them: a second run never asks for them.
venv_ok() { .venv/bin/python -m pip --version >/dev/null 2>&1; }
build=()
venv_ok || "$PY" -c 'import ensurepip' >/dev/null 2>&1 || build+=(python3-venv)
if ! .venv/bin/python -c 'import responsibility.batch._gather, responsibility.batch._scan, responsibility.batch._jsonl, responsibility.batch._derive, responsibility.engine._dicts' >/dev/null 2>&1 \
   || { ! .venv/bin/python -c 'import durable' >/dev/null 2>&1 && "$PY" -c 'import sys; sys.exit(sys.version_info >= (3, 13))'; }; then
  command -v cc >/dev/null 2>&1 || build+=(build-essential)
  "$PY" -c 'import os, sys, sysconfig; sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' \
    || build+=(python3-dev)
fi
if [ ${#build[@]} -gt 0 ]; then
  if root; then
    apt_install "${build[@]}" >/dev/null 2>&1 || { echo "error: could not install ${build[*]} (apt-get install ${build[*]})" >&2; exit 1; }
  else
    echo "error: missing ${build[*]} (Debian packages): run this script as root, or install them first" >&2
    exit 1
  fi
fi

# A venv left half made (e.g. by a first run without the venv module: no pip) is completed in place.
if ! venv_ok; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[dev]'
# The C extensions are optional for pip (an install without a compiler gathers the reasons with Arrow and finds
# JSON lines with numpy, parses them with pyarrow, derives with numpy and makes a verdict's dicts in Python); here, where the compiler was installed above, a failed build is an error.
for ext in batch._gather batch._scan batch._jsonl batch._derive engine._dicts; do
  .venv/bin/python -c "import responsibility.$ext" 2>/dev/null \
    || { echo "error: src/responsibility/${ext/.//}.c did not build (pip install -v -e . shows why)" >&2; exit 1; }
done
# Bytecode now: where PYTHONDONTWRITEBYTECODE is set, every start would compile the package again
# (~20% of a cold `responsibility who`).
.venv/bin/python -m compileall -q src/responsibility >/dev/null

# System packages: a CJK font (pictures label bodies in Chinese; without one they show
# boxes), Graphviz `dot` (the layered layout of chain and verdict pictures; matplotlib draws
# them where it is absent), Chromium (the suite opens the HTML report headless) and a Java
# runtime (the Spark test runs a local Spark; pyspark comes with the dev extra); curl (the docs'
# HTTP session, which a test runs as written).
need=()
# (grep reads to the end: with -q it would stop at the first match, fc-list would die of SIGPIPE and, under
# pipefail, the font would count as missing every time)
fc-list 2>/dev/null | grep -iE 'wqy|noto (sans|serif) cjk|droid sans fallback' >/dev/null || need+=(fonts-wqy-microhei fontconfig)
command -v dot >/dev/null 2>&1 || need+=(graphviz)
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || need+=(chromium)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
command -v curl >/dev/null 2>&1 || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
  if root; then
    (apt_install "${need[@]}") \
      >/dev/null 2>&1 || echo "warning: could not install ${need[*]}; pictures fall back to matplotlib, and the report, Spark and HTTP-session tests cannot run" >&2
  else
    echo "warning: missing ${need[*]} (Debian packages); install them as root for dot pictures, CJK labels, the report test, the Spark test and the HTTP-session test" >&2
  fi
fi

# The ledger runs on SQLite or PostgreSQL; its tests start their own PostgreSQL server on
# 127.0.0.1 in a temporary directory. As root, install it (or fail: CI must run those tests).
have_pg() { command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; }
if ! have_pg; then
  if root; then
    (apt_install postgresql) >/dev/null 2>&1 \
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
