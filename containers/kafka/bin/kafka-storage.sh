#!/bin/sh
# as in the official image
# shellcheck disable=SC2086
exec java ${KAFKA_HEAP_OPTS:--Xmx256m} -cp '/opt/kafka/libs/*' kafka.tools.StorageTool "$@"
