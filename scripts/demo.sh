#!/usr/bin/env bash
# The main job on the shipped MNIST model: set everything up, then stream 500 real test
# images through the generated hardware on Verilator and 50 on Icarus, checking every output
# word against the golden model. Results go to out/demo-verilator and out/demo-icarus.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

echo
echo "== flexor run: 500 MNIST test images on Verilator"
node bin/flexor.js run examples/mnist-mlp.json --dataset mnist --images 500 --sim verilator -o out/demo-verilator

echo
echo "== flexor run: 50 MNIST test images on Icarus Verilog"
node bin/flexor.js run examples/mnist-mlp.json --dataset mnist --images 50 --sim icarus -o out/demo-icarus
