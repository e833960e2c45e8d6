#!/usr/bin/env bash
# Installs the Debian 12 packages cuarm needs to build and test (only those missing), and the
# packages named as arguments (scripts/fuzz.sh adds clang's).
set -euo pipefail
pkgs=(build-essential cmake ninja-build pkg-config
      libfmt-dev libcli11-dev libcapstone-dev libunicorn-dev libgtest-dev
      gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user
      pybind11-dev python3-dev python3-pytest python3-numpy python3-pip python3-setuptools python3-wheel
      musl-dev:arm64  # musl for AArch64 guests (the corpus's musl variant): needs the arm64 architecture
      "$@")
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "cuarm: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  # musl-dev:arm64 comes from Debian's arm64 archive: multiarch must know the architecture.
  dpkg --print-foreign-architectures | grep -qx arm64 || $sudo dpkg --add-architecture arm64
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
