#!/usr/bin/env bash
# Runs the allocation service as an MCP server on stdin/stdout (the mcp-stdio environment: STDIO
# transport, logs on stderr, HTTP on a free port). It joins the running system as one more instance
# of the service, so Kafka and the schema registry must be up, e.g. with ./local-stack.sh.
#
#   allocation-service/mcp-stdio.sh                                  defaults of application.yml
#   allocation-service/mcp-stdio.sh --rm.kubernetes.master-url=http://127.0.0.1:6443
#
# Arguments are configuration (--key=value); JAVA_OPTS goes to the JVM. Build first with
#   mvn -B -q -DskipTests -pl allocation-service -am package
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dependency_list="$here/target/runtime-classpath.txt"

if [[ ! -d "$here/target/classes" || ! -f "$dependency_list" ]]; then
  echo "mcp-stdio: $dependency_list is missing; build the module first (see the header of this script)." >&2
  exit 1
fi

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# shellcheck disable=SC2086  # JAVA_OPTS holds several options
exec "$java" ${JAVA_OPTS:-} -Dlogback.configurationFile=logback-stdio.xml \
  -cp "$here/target/classes:$(<"$dependency_list")" io.resourcemanager.allocation.mcp.StdioLauncher "$@"
