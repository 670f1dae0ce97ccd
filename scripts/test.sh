#!/usr/bin/env bash
# Command 2: install what is missing, build with the tests, run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
# The browser tests' packages (playwright-core, axe-core), as package-lock.json pins them.
if command -v npm >/dev/null; then
  (cd tests/browser && npm ci --no-audit --no-fund)
fi
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCASFOLIO_TESTS=ON >/dev/null
cmake --build build-test
(cd build-test && ctest --output-on-failure)
