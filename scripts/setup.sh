#!/usr/bin/env bash
# Installs what flexor-rtl needs on Debian 12 (bookworm) and then the npm packages. Safe to
# run again: packages already installed are skipped.
#   iverilog 11, verilator 5.006, yosys 0.23  simulators and synthesis (Debian bookworm versions)
#   ccache, g++                               Verilator compiles its models with g++, through ccache
#   dataset-fashion-mnist                     training data for flexor train
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(iverilog verilator yosys ccache g++ dataset-fashion-mnist)
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} > 0)); then
  echo "setup: installing ${missing[*]}"
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
else
  echo "setup: Debian packages already installed"
fi

echo "setup: $(iverilog -V 2>&1 | head -n 1)"
echo "setup: $(verilator --version)"
echo "setup: $(yosys -V)"

npm ci
