#!/usr/bin/env bash
# Installs every Debian package that twicetold's build, tests, benchmarks and
# evaluation scripts need. Idempotent: packages already present are skipped,
# and apt is not touched at all when nothing is missing.
set -euo pipefail

packages=(
  build-essential cmake make pkg-config git xz-utils ca-certificates curl
  ccache                 # make reuses earlier compilations
  libicu-dev             # normalization, sentence and word breaks
  libxxhash-dev          # the one hash behind fingerprints
  libsimdjson-dev        # JSON lines input
  nlohmann-json3-dev     # JSON output
  libcli11-dev           # command line
  libfmt-dev             # formatting in front ends
  zlib1g-dev libzstd-dev liblzma-dev # .gz, .zst and .xz input
  libre2-dev             # boilerplate and quote patterns
  libstemmer-dev         # Snowball stemming for term similarity
  libgumbo-dev           # HTML5 parsing (article extraction)
  wget                   # WARC tests record pages with wget --warc-file
  libtbb-dev             # parallel corpus pipeline (oneTBB)
  libmimalloc-dev        # the twicetold program's allocator
  libsqlite3-dev         # the embedded story store
  libpqxx-dev            # the PostgreSQL story store (client)
  postgresql-15          # its tests start their own server (initdb, pg_ctl)
  libcpp-httplib-dev     # `twicetold serve`: HTTP server
  libgtest-dev libgmock-dev libbenchmark-dev
  python3                # eval/ scripts (standard library only)
  time                   # /usr/bin/time in bench/ingest_bench.sh (peak RSS)
  python3-dev pybind11-dev python3-pybind11 python3-setuptools python3-venv
                         # the Python module (python/), built and pip-installed by make test
  python3-pytest python3-numpy python3-pandas python3-dask python3-distributed
                         # its tests and twicetold.dask
  wamerican              # words for ../shared/tools/gen_corpus.py (Dask test, python_bench)
  chromium               # the HTML report is opened in a headless browser by a test
  nodejs                 # the server's browser test (playwright-core, from npm)
  wrk                    # bench/serve_bench.sh: HTTP load
  clang libclang-rt-14-dev  # `make fuzz`: libFuzzer and the sanitizer runtimes
)

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# npm comes with NodeSource's nodejs; Debian's nodejs needs its own package.
if ! command -v npm >/dev/null 2>&1; then missing+=(npm); fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
