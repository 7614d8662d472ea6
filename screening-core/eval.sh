#!/bin/sh
# Runs the screening evaluation and writes docs/screening-evaluation.md (commit the result).
#   screening-core/eval.sh                  full run (about a minute on an idle 2-core machine)
#   screening-core/eval.sh --write-golden   also rewrites screening-core/src/test/resources/golden-scores.csv
#   screening-core/eval.sh --stride 10      screen every 10th synthetic negative only
# Lists and evaluation sets come from the repository. Only the full synthetic negatives (2 x 50,000 persons)
# do not: they are read from PALLAS_SHARED (default ../shared, the folder beside the checkout) when it holds
# them; otherwise the report screens the in-repo extracts of every 50th row and prints how to get the files.
set -eu
cd "$(dirname "$0")/.."
./mvnw -q -pl screening-core -am compile
./mvnw -q -pl screening-core dependency:build-classpath -Dmdep.outputFile=target/eval-classpath.txt
exec java -Xmx2g -cp "screening-core/target/classes:$(cat screening-core/target/eval-classpath.txt)" \
  -Dpallas.shared="${PALLAS_SHARED:-../shared}" \
  org.pallas.screening.evaluation.EvaluationReport "$@"
