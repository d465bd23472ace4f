#!/usr/bin/env bash
# Installs the Debian 12 packages cfnx builds with. Idempotent: installs only what is missing.
set -euo pipefail
pkgs=(g++ cmake ninja-build pkg-config libyaml-cpp-dev nlohmann-json3-dev libboost-graph-dev
      libre2-dev libpcre2-dev libgtest-dev libgmock-dev libbenchmark-dev libcli11-dev
      libsqlite3-dev zlib1g-dev python3 ccache pre-commit git libcurl4-openssl-dev libssl-dev
      libpugixml-dev python3-dev pybind11-dev zsh python3-yaml
      clang libfuzzer-14-dev libclang-rt-14-dev)  # sanitizer and fuzz builds (asan-ubsan preset)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
