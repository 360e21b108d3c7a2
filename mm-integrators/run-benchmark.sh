#!/bin/sh
# Runs the integrator benchmark (JMH) on the CPU; prints JMH's tables.
# Usage, from the repository root: mm-integrators/run-benchmark.sh
# The engine uses OMP_NUM_THREADS threads, 1 unless set: on a small machine shared with other
# work, OpenMP threads that spin at barriers make multi-threaded timings erratic.
set -eu
cd "$(dirname "$0")/.."
mvn -o -q -B -pl mm-integrators test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
module=mm-integrators/target
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}" OPT_OUT_TRACKING=true DJL_OFFLINE=true
exec java -Xmx2g -DOPT_OUT_TRACKING=true -Dai.djl.offline=true \
    -cp "$module/test-classes:$module/classes:$(cat "$module/bench.classpath")" \
    io.mmbalance.integrators.bench.IntegratorBenchmark "$@"
