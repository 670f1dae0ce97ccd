#!/usr/bin/env bash
# Command 1: install what is missing, build, check and build the sample site.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCASFOLIO_TESTS=OFF >/dev/null
cmake --build build
./build/casfolio check content || true
./build/casfolio build content --out site
