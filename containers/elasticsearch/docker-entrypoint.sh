#!/bin/bash
# As the official image does: every environment variable whose name is a setting (lower case, with a dot, such as
# discovery.type) becomes an -E option. Bash, because dash drops such names from the environment it passes on.
# ES_JAVA_OPTS is read by Elasticsearch itself; the node runs on the image's JRE.
set -euo pipefail
export ES_JAVA_HOME="${ES_JAVA_HOME:-$JAVA_HOME}"
options=()
while IFS= read -r setting; do
  options+=(-E "$setting=$(printenv "$setting")")
done < <(env | sed -n 's/^\([a-z0-9_]*\.[a-z0-9_.]*\)=.*/\1/p')
exec /usr/share/elasticsearch/bin/elasticsearch "${options[@]}" "$@"
