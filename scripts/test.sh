#!/usr/bin/env bash
# Command 2: install what is missing, build with the tests, run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCASFOLIO_TESTS=ON >/dev/null
cmake --build build-test
(cd build-test && ctest --output-on-failure)
