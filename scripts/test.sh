#!/usr/bin/env bash
# Command 2: install what is missing, build with the tests, run every test;
# then the same suite under AddressSanitizer + UndefinedBehaviorSanitizer,
# then the build and serve tests under ThreadSanitizer (the parallel parts),
# then each fuzz target for a short time (docs/hardening.md).
# CASFOLIO_FUZZ_SECONDS (default 20) sets how long each fuzz target runs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
# The browser tests' packages (playwright-core, axe-core), as package-lock.json pins them.
if command -v npm >/dev/null; then
  (cd tests/browser && npm ci --no-audit --no-fund)
fi

echo "== tests (build-test)"
cmake --preset default >/dev/null
cmake --build --preset default
ctest --preset default

echo "== the Debian package installed for real (dpkg -i, check content/, dpkg -r; root only)"
tests/package/install_test.sh build-test

echo "== tests under ASan + UBSan (build-asan)"
cmake --preset asan >/dev/null
cmake --build --preset asan
ctest --preset asan

echo "== build and serve tests under ThreadSanitizer (build-tsan)"
cmake --preset tsan >/dev/null
cmake --build --preset tsan
ctest --preset tsan

echo "== fuzz targets, ${CASFOLIO_FUZZ_SECONDS:-20} s each (build-fuzz)"
cmake --preset fuzz -DCASFOLIO_FUZZ_SMOKE_SECONDS="${CASFOLIO_FUZZ_SECONDS:-20}" >/dev/null
cmake --build --preset fuzz
ctest --preset fuzz
