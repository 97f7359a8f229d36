#!/usr/bin/env bash
# Starts the Resource Manager on this machine, in this terminal: a Kafka broker (KRaft), Apicurio
# Registry, the infrastructure simulator, the catalogue topics and the five services, all on
# 127.0.0.1. It builds what it runs first, so a fresh clone needs only JDK 17 and Maven.
#
#   ./local-stack.sh                            build, start, print the endpoints; Ctrl-C stops it all
#   ./local-stack.sh --kafka-port=9192          change a setting; ./local-stack.sh --help lists them
#   LOCAL_STACK_SKIP_BUILD=1 ./local-stack.sh   start what is already built
#
# JAVA_OPTS is passed to the launcher's JVM (e.g. JAVA_OPTS=-Dstack.ready-timeout=180).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

readonly modules=infra-simulator,allocation-service,provisioner-service,ttl-service,health-service,cost-service,local-stack
readonly dependency_list=local-stack/target/runtime-classpath.txt

if [[ "${LOCAL_STACK_SKIP_BUILD:-0}" != 1 ]]; then
  echo "Building ${modules//,/, } and what they depend on (tests skipped)..."
  mvn -B -q -DskipTests -pl "$modules" -am package
fi

if [[ ! -f "$dependency_list" ]]; then
  echo "$dependency_list is missing; run ./local-stack.sh without LOCAL_STACK_SKIP_BUILD to build first." >&2
  exit 1
fi

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# shellcheck disable=SC2086  # JAVA_OPTS holds several options
exec "$java" ${JAVA_OPTS:-} -cp "local-stack/target/classes:$(<"$dependency_list")" \
  -Dstack.repo-dir="$PWD" io.resourcemanager.stack.LocalStack "$@"
