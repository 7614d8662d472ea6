#!/bin/sh
# Runs the screening evaluation and writes docs/screening-evaluation.md (commit the result).
#   screening-core/eval.sh                  full run (about a minute on an idle 2-core machine)
#   screening-core/eval.sh --write-golden   also rewrites screening-core/src/test/resources/golden-scores.csv
#   screening-core/eval.sh --stride 10      screen every 10th synthetic negative only
set -eu
cd "$(dirname "$0")/.."
./mvnw -q -pl screening-core -am compile
./mvnw -q -pl screening-core dependency:build-classpath -Dmdep.outputFile=target/eval-classpath.txt
exec java -Xmx2g -cp "screening-core/target/classes:$(cat screening-core/target/eval-classpath.txt)" \
  -Dpallas.shared="${PALLAS_SHARED:-../shared}" \
  org.pallas.screening.evaluation.EvaluationReport "$@"
