#!/usr/bin/env bash
# The Debian package, installed from scratch and run (issue 15): builds the
# .deb from BUILD_DIR with cpack, unpacks it into a scratch root (dpkg -x),
# and runs `check` and `build` of the sample cohort from there, asserting
# that the data under the scratch root's usr/share/casfolio is what was used.
# Usage: package_test.sh BUILD_DIR SOURCE_DIR VERSION
set -euo pipefail
build_dir=$(realpath "$1")
source_dir=$(realpath "$2")
version=$3
as_of=2027-06-15
scratch=$(mktemp -d)
scratch=$(realpath "$scratch")  # /proc/self/exe names the real path
trap 'rm -rf "$scratch"' EXIT

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
expect_eq() {  # what, expected, actual
  if [[ "$2" != "$3" ]]; then fail "$1: expected '$2', got '$3'"; fi
}

# 1. The package, from what the build folder already built (cpack's own
#    output folder, so a parallel `package` target is not disturbed).
if ! cpack --config "$build_dir/CPackConfig.cmake" -G DEB -B "$scratch/out" >"$scratch/cpack.log" 2>&1; then
  cat "$scratch/cpack.log" >&2
  echo "FAIL: cpack" >&2
  exit 1
fi
arch=$(dpkg --print-architecture)
deb="$scratch/out/casfolio_${version}_${arch}.deb"
[[ -f "$deb" ]] || { ls "$scratch/out" >&2; echo "FAIL: no $deb" >&2; exit 1; }

# 2. Its metadata: the runtime libraries come from dpkg-shlibdeps.
expect_eq "Package" casfolio "$(dpkg-deb -f "$deb" Package)"
expect_eq "Version" "$version" "$(dpkg-deb -f "$deb" Version)"
expect_eq "Architecture" "$arch" "$(dpkg-deb -f "$deb" Architecture)"
expect_eq "Section" web "$(dpkg-deb -f "$deb" Section)"
[[ -n "$(dpkg-deb -f "$deb" Maintainer)" ]] || fail "no Maintainer"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libcmark-gfm libyaml-cpp libzip libvips libssl libc6 libstdc++6; do
  [[ "$depends" == *"$lib"* ]] || fail "Depends lacks $lib: $depends"
done

# 3. Its files: the binary, the data as the source tree has it, the docs.
contents=$(dpkg-deb -c "$deb" | awk '{print $NF}')
for f in ./usr/bin/casfolio ./usr/share/casfolio/VERSION ./usr/share/doc/casfolio/copyright \
         ./usr/share/doc/casfolio/README.md ./usr/share/doc/casfolio/CHANGELOG.md; do
  grep -qxF "$f" <<<"$contents" || fail "the package lacks $f"
done
expected_data=$(cd "$source_dir" && find templates themes i18n -type f ! -name '.*' ! -name '*~' ! -path '*/.*' |
                sed 's|^|./usr/share/casfolio/|' | sort)
actual_data=$(grep -E '^\./usr/share/casfolio/(templates|themes|i18n)/.+[^/]$' <<<"$contents" | sort)
expect_eq "the installed data files" "$expected_data" "$actual_data"

# 4. Unpacked into a scratch root, the binary finds the data there.
root="$scratch/root"
dpkg -x "$deb" "$root"
casfolio="$root/usr/bin/casfolio"
data="$root/usr/share/casfolio"
expect_eq "VERSION" "$version" "$(cat "$data/VERSION")"
expect_eq "--version" "casfolio $version
data: $data" "$("$casfolio" --version)"
expect_eq "--version of the build folder's binary" "casfolio $version
data: built in" "$("$build_dir/casfolio" --version)"

# Markers in the installed data only (not in the source tree, so not built
# in): they appear in the site only if the installed files were read.
marker="casfolio-package-test-$$"
echo "/* $marker-css */" >>"$data/themes/default/style.css"
echo "<!-- $marker-template -->" >>"$data/templates/cohort.html"
cp -r "$data/themes/default" "$data/themes/package-test"
echo "/* $marker-named-theme */" >>"$data/themes/package-test/style.css"

# 5. check: the same findings and exit code as the build folder's binary.
cd "$source_dir"
set +e
"$casfolio" check content/ --as-of "$as_of" >"$scratch/check.out" 2>&1
check_rc=$?
"$build_dir/casfolio" check content/ --as-of "$as_of" >"$scratch/check.ref" 2>&1
check_ref_rc=$?
set -e
expect_eq "check's exit code (as the build folder's binary)" "$check_ref_rc" "$check_rc"
[[ $check_rc -le 1 ]] || fail "check exited $check_rc"
diff -u "$scratch/check.ref" "$scratch/check.out" >&2 || fail "check's findings differ from the build folder's binary"

# 6. build: exit 0, the expected files, the installed data used.
set +e
"$casfolio" build content/ --out "$scratch/site" --as-of "$as_of" --no-cache >"$scratch/build.out" 2>&1
build_rc=$?
set -e
expect_eq "build's exit code" 0 "$build_rc"
[[ $build_rc -eq 0 ]] || cat "$scratch/build.out" >&2
for f in index.html assets/style.css assets/site.js .casfolio-site en/index.html en/students/aruzhan-bekova/index.html; do
  [[ -f "$scratch/site/$f" ]] || fail "the site lacks $f"
done
grep -q "$marker-css" "$scratch/site/assets/style.css" || fail "the installed theme was not used"
grep -q "$marker-template" "$scratch/site/index.html" || fail "the installed templates were not used"
"$build_dir/casfolio" build content/ --out "$scratch/site-ref" --as-of "$as_of" --no-cache >/dev/null 2>&1 ||
  fail "the build folder's binary failed to build the sample"
expect_eq "the site's files (as the build folder's binary builds them)" \
  "$(cd "$scratch/site-ref" && find . | sort)" "$(cd "$scratch/site" && find . | sort)"

# 7. --theme NAME: a theme installed under usr/share/casfolio/themes.
"$casfolio" build content/ --out "$scratch/site-themed" --as-of "$as_of" --no-cache --theme package-test \
  >"$scratch/themed.out" 2>&1 || { cat "$scratch/themed.out" >&2; fail "build --theme package-test"; }
grep -q "$marker-named-theme" "$scratch/site-themed/assets/style.css" 2>/dev/null ||
  fail "--theme package-test did not use the installed theme"

# 8. Installed data of another version is not mixed in: the built-in copy is used.
echo "0.0.0-other" >"$data/VERSION"
expect_eq "--version with another version's data" "casfolio $version
data: built in" "$("$casfolio" --version)"
"$casfolio" build content/ --out "$scratch/site-stale" --as-of "$as_of" --no-cache >/dev/null 2>&1 ||
  fail "build with another version's data"
! grep -q "$marker-css" "$scratch/site-stale/assets/style.css" || fail "another version's data was used"

if [[ $failures -ne 0 ]]; then
  echo "package test: $failures check(s) failed" >&2
  exit 1
fi
echo "package test: casfolio_${version}_${arch}.deb unpacked and run"
