#!/usr/bin/env bash
# What the stemmed language sub-fields cost at indexing time (see LanguageAnalysisBenchmark's Javadoc):
#   search-service/analysis-benchmark.sh [--articles 20000] [--rounds 3]
# Uses the Elasticsearch named by NEWSFLOW_TEST_ELASTICSEARCH_URL (with NEWSFLOW_TEST_KAFKA_BOOTSTRAP_SERVERS), or starts
# its own (local processes with the language analysis plugin, or containers where Docker runs).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ -z "${JAVA_HOME:-}" ] || [ "$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')" -lt 21 ] 2>/dev/null; then
  for dir in /usr/lib/jvm/*; do
    v=$("$dir/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p' || true)
    if [ -n "$v" ] && [ "${v%%.*}" -ge 21 ] 2>/dev/null; then export JAVA_HOME="$dir"; break; fi
  done
fi
# -am builds the plugin and local-infra from this tree, nothing is installed
./mvnw -q -B package -DskipTests -pl local-infra -am
./mvnw -q -B test-compile dependency:build-classpath -pl search-service -am \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/analysis-benchmark.classpath
exec "$JAVA_HOME/bin/java" -Xms512m -Xmx512m \
  -cp "search-service/target/test-classes:search-service/target/classes:$(cat search-service/target/analysis-benchmark.classpath)" \
  io.newsflow.search.index.LanguageAnalysisBenchmark "$@"
