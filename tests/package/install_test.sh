#!/usr/bin/env bash
# The Debian package installed for real (scripts/test.sh runs this as root
# after the default suite): `cmake --build BUILD_DIR --target package`,
# dpkg -i (apt-get install -f for what it lacks), `casfolio check content/`
# from /usr/bin with the data in /usr/share/casfolio, then dpkg -r.
# Usage: install_test.sh BUILD_DIR (from the repository root)
set -euo pipefail
build_dir=$(realpath "$1")
as_of=2027-06-15
if [[ $(id -u) -ne 0 ]]; then
  echo "skipped: installing the package needs root"
  exit 0
fi
if dpkg-query -W -f='${Status}' casfolio 2>/dev/null | grep -q "install ok installed"; then
  echo "skipped: a casfolio package is installed already; it is left as it is"
  exit 0
fi
cmake --build "$build_dir" --target package >/dev/null
version=$(cat "$build_dir/data-version")  # the project's version (cmake/packaging.cmake)
deb="$build_dir/casfolio_${version}_$(dpkg --print-architecture).deb"
trap 'dpkg -r casfolio >/dev/null 2>&1 || true' EXIT
dpkg -i "$deb" >/dev/null || { apt-get install -f -y -qq >/dev/null && dpkg -i "$deb" >/dev/null; }

expected_version="casfolio $version
data: /usr/share/casfolio"
actual_version=$(/usr/bin/casfolio --version)
if [[ "$actual_version" != "$expected_version" ]]; then
  echo "FAIL: /usr/bin/casfolio --version said: $actual_version" >&2
  exit 1
fi
set +e
/usr/bin/casfolio check content/ --as-of "$as_of" >/tmp/casfolio-installed-check.$$ 2>&1
rc=$?
"$build_dir/casfolio" check content/ --as-of "$as_of" >/tmp/casfolio-built-check.$$ 2>&1
ref_rc=$?
set -e
same=1
diff -q /tmp/casfolio-built-check.$$ /tmp/casfolio-installed-check.$$ >/dev/null || same=0
rm -f /tmp/casfolio-installed-check.$$ /tmp/casfolio-built-check.$$
if [[ $rc -ne $ref_rc || $same -ne 1 ]]; then
  echo "FAIL: the installed casfolio's check (exit $rc) differs from the build folder's (exit $ref_rc)" >&2
  exit 1
fi
dpkg -r casfolio >/dev/null
trap - EXIT
if [[ -e /usr/bin/casfolio || -e /usr/share/casfolio ]]; then
  echo "FAIL: dpkg -r left /usr/bin/casfolio or /usr/share/casfolio behind" >&2
  exit 1
fi
echo "installed package: dpkg -i, check content/ (exit $rc, as built), dpkg -r"
