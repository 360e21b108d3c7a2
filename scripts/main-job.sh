#!/usr/bin/env bash
# The main job: make sure MNIST is on disk (fetching it with the package manager if needed and
# checking its SHA-256 values), build the command line, and train the CG-MNIST experiment.
# Usage: scripts/main-job.sh [extra mm train options, e.g. --set training.epochs=10]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
data="${MM_DATA:-$root/data}"
"$root/scripts/fetch-data.sh" "$data" mnist
export MM_DATA="$data"
exec "$root/bin/mm" train -c "$root/configs/cg-mnist.conf" "$@"
