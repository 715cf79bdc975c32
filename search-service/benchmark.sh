#!/usr/bin/env bash
# Measures the search service against plain Elasticsearch in one run (see SearchBenchmark's Javadoc):
#   search-service/benchmark.sh [--articles 20000] [--warmup 10000] [--rounds 4] [--corpus 100000] [--requests 100] [--indexing-only]
# Extra JVM options (e.g. -XX:StartFlightRecording=filename=bench.jfr to profile) in BENCHMARK_JAVA_OPTS.
# Uses the Kafka and Elasticsearch named by NEWSFLOW_TEST_KAFKA_BOOTSTRAP_SERVERS / NEWSFLOW_TEST_ELASTICSEARCH_URL,
# or starts its own (local processes, or containers where Docker runs). Figures go to stdout and to
# search-service/target/benchmark-results.txt.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ -z "${JAVA_HOME:-}" ] || [ "$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')" -lt 21 ] 2>/dev/null; then
  for dir in /usr/lib/jvm/*; do
    v=$("$dir/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p' || true)
    if [ -n "$v" ] && [ "${v%%.*}" -ge 21 ] 2>/dev/null; then export JAVA_HOME="$dir"; break; fi
  done
fi
# -am resolves the sibling modules from this tree, nothing is installed
./mvnw -q -B test-compile dependency:build-classpath -pl search-service -am \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" -Xms1g -Xmx1g ${BENCHMARK_JAVA_OPTS:-} \
  -cp "search-service/target/test-classes:search-service/target/classes:$(cat search-service/target/benchmark.classpath)" \
  io.newsflow.search.query.SearchBenchmark "$@"
