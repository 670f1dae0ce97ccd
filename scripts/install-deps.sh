#!/usr/bin/env bash
# Installs the Debian packages casfolio needs, only those that are missing.
# Usage: scripts/install-deps.sh [--test]   (--test adds what the tests need)
set -euo pipefail

packages=(g++ cmake ninja-build pkg-config
  libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-cpp-dev libzip-dev
  nlohmann-json3-dev libcli11-dev libkainjow-mustache-dev libssl-dev
  libvips-dev libcpp-httplib-dev libdtl-dev
  libicu-dev  # plural forms of messages (util/message_format.h), alphabetical order in kk and ru (the protocol)
  libgit2-dev  # casfolio collect: fetching students' repositories (docs/collect.md)
  libsqlite3-dev  # report --format sqlite: the school's local database (docs/social-gpa.md)
  libmimalloc-dev)  # optional: a faster malloc, about a fifth off a build (docs/performance.md)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(catch2 zip unzip jq openssl)  # jq, openssl: the documented openssl-only check of a signed bundle
  # check --format sarif validated against the SARIF schema (its URI formats need rfc3987).
  packages+=(python3-jsonschema python3-rfc3987)
  packages+=(python3-yaml)  # tests/schema: front matter and YAML read for the JSON Schema validation
  packages+=(dpkg-dev)  # dpkg-shlibdeps: the Debian package's Depends (cmake/packaging.cmake, tests/package)
  packages+=(sqlite3)  # tests/report: the SQLite report is read back with the sqlite3 CLI
  packages+=(git)  # tests/collect: the students' bare repositories are made with the git CLI
  # The fuzz preset: clang and its libFuzzer/sanitizer runtimes (libclang_rt.fuzzer).
  packages+=(clang libclang-rt-14-dev)
fi
if [[ -n "${CASFOLIO_BROWSER_TESTS:-1}" && "${1:-}" == "--test" ]]; then
  packages+=(chromium nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node and npm may come from outside Debian on some machines: accept them.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]}")
fi
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -ne 0 ]]; then
  echo "casfolio needs these Debian packages: ${missing[*]}" >&2
  echo "Run as root: apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
