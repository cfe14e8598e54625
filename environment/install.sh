#!/usr/bin/env bash
# Installs the Debian packages the course needs (environment/debian-packages.txt).
# Called by ./course when a tool is missing; safe to run again. Needs root or sudo.
# Java 25 is not a Debian 12 package: ./course looks for a JDK 25 itself (see README).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
packages=$(grep -v '^\s*#' "$here/debian-packages.txt" | awk 'NF {print $1}' | tr '\n' ' ')
sudo=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install.sh: needs root or sudo to install: $packages" >&2; exit 1; }
  sudo=sudo
fi
export DEBIAN_FRONTEND=noninteractive
# Bounded: a registry that does not answer must not hang the set-up (or CI) for ever.
timeout 600 $sudo apt-get update -q
# shellcheck disable=SC2086
timeout 1200 $sudo apt-get install -y -q $packages
