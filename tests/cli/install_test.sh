#!/bin/sh
# Copyright 2026 The cfnx Authors.
# SPDX-License-Identifier: Apache-2.0
#
# The installed cfnx, as a user gets it: `cmake --install` into a fresh prefix puts the
# executable, the headers, the libraries, the CMake package and cfnx.pc there; examples/embed/
# (a separate project) configures with find_package(cfnx) against that prefix, builds, and its
# program validates a good and a broken template; the Python module (when built) imports from
# the prefix; `cpack` makes the .tar.gz and the .deb.
#
# usage: install_test.sh BUILD_DIR SOURCE_DIR
set -u
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
prefix="$dir/prefix"

cmake --install "$build" --prefix "$prefix" >"$dir/out" 2>&1 || { bad "cmake --install failed:"; cat "$dir/out"; exit 1; }
for f in bin/cfnx include/cfnx/compiler.h include/cfnx/diagnostic_codes.def lib/libcfnx.a \
         lib/cmake/cfnx/cfnxConfig.cmake lib/cmake/cfnx/cfnxConfigVersion.cmake \
         lib/cmake/cfnx/cfnxTargets.cmake lib/pkgconfig/cfnx.pc share/man/man1/cfnx.1 \
         share/bash-completion/completions/cfnx share/zsh/site-functions/_cfnx; do
  [ -e "$prefix/$f" ] || bad "not installed: $f"
done
"$prefix/bin/cfnx" --version >"$dir/out" 2>&1 || bad "the installed cfnx does not run: $(cat "$dir/out")"
PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --cflags --libs cfnx >"$dir/out" 2>&1 ||
  bad "pkg-config cfnx: $(cat "$dir/out")"
inc=$(tr ' ' '\n' <"$dir/out" | sed -n 's/^-I//p' | head -1)
[ -f "$inc/cfnx/compiler.h" ] || bad "cfnx.pc's include path has no cfnx/compiler.h: $(cat "$dir/out")"

# The Python module, when the build made one, imports from the prefix alone.
if ls "$build"/python/cfnx.*.so >/dev/null 2>&1; then
  module=$(find "$prefix" -name 'cfnx.*.so' | head -1)
  if [ -z "$module" ]; then
    bad "the Python module is not installed"
  else
    (cd "$dir" && PYTHONPATH=$(dirname "$module") python3 -c '
import cfnx
assert cfnx.__file__.startswith("'"$prefix"'"), cfnx.__file__
assert [f["code"] for f in cfnx.validate("Resources:\n  B:\n    Type: AWS::S3::Buckt\n")] == ["E3006"]
' >"$dir/out" 2>&1) || bad "the installed Python module: $(cat "$dir/out")"
  fi
fi

# The embed example against the prefix only (the source tree is not on any include path).
launcher=""
command -v ccache >/dev/null && launcher="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
# shellcheck disable=SC2086
cmake -S "$src/examples/embed" -B "$dir/embed" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$prefix" $launcher >"$dir/out" 2>&1 || { bad "find_package(cfnx) failed:"; cat "$dir/out"; exit 1; }
cmake --build "$dir/embed" >"$dir/out" 2>&1 || { bad "the embed example does not build:"; cat "$dir/out"; exit 1; }
grep -q -- "-I$src" "$dir/embed/build.ninja" && bad "the embed build includes from the source tree"

printf 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n' >"$dir/good.yaml"
"$dir/embed/cfnx_embed" "$dir/good.yaml" >"$dir/out" 2>&1 || bad "embed on a good template: exit $?: $(cat "$dir/out")"
grep -q "^processed template: [1-9]" "$dir/out" || bad "embed: no processed template: $(cat "$dir/out")"
printf 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketNam: x\n' >"$dir/bad.yaml"
"$dir/embed/cfnx_embed" "$dir/bad.yaml" >"$dir/out" 2>&1
rc=$?
[ $rc -eq 2 ] || bad "embed on a broken template: exit $rc, wanted 2"
grep -q "bad.yaml:5:7: Error E3002" "$dir/out" || bad "embed: no E3002 finding: $(cat "$dir/out")"

# Packages of the same install.
(cd "$dir" && cpack --config "$build/CPackConfig.cmake" -B "$dir/packages" >"$dir/out" 2>&1) ||
  { bad "cpack failed:"; cat "$dir/out"; }
tgz=$(ls "$dir/packages"/cfnx-*.tar.gz 2>/dev/null | head -1)
if [ -z "$tgz" ]; then
  bad "no .tar.gz package"
else
  tar -tzf "$tgz" | grep "bin/cfnx$" >/dev/null || bad "the .tar.gz has no bin/cfnx: $(tar -tzf "$tgz")"
fi
deb=$(ls "$dir/packages"/*.deb 2>/dev/null | head -1)
if [ -z "$deb" ]; then
  bad "no .deb package"
else
  dpkg-deb -c "$deb" | grep "usr/bin/cfnx$" >/dev/null || bad "the .deb has no usr/bin/cfnx"
fi
[ $fail -eq 0 ] && echo "install: pass"
exit $fail
