#!/bin/sh
# install_venv.sh PYTHON VENV SOURCE: makes VENV (a venv over PYTHON with its
# system site packages: Debian's numpy, pandas, dask, pytest) unless it exists,
# and pip installs the twicetold package from SOURCE into it, offline.
# With TWICETOLD_CMAKE_BUILD_DIR set, setup.py builds the extension in that
# CMake tree (no second compile of the library).
set -eu
python=$1 venv=$2 source=$3
if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv --system-site-packages "$venv"
fi
exec "$venv/bin/python" -m pip install --quiet --no-build-isolation --no-deps \
  --no-index --disable-pip-version-check "$source"
