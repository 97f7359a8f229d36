# Shared by the benchmark scripts (sourced, not run): builds a module's test classes and the class path
# of its test scope (unless BENCH_SKIP_BUILD=1), then runs a benchmark main from its test sources.
#
#   run_benchmark_main <module> <main class> <logback file, relative to the module> <default JVM options> \
#                      [extra JVM options...]
#
# JAVA_OPTS replaces the default JVM options; BENCH_OPTS adds bench.* system properties; bench.revision is
# set from git. The main runs in the module's directory.
run_benchmark_main() {
  local module=$1 main_class=$2 logback=$3 default_jvm_options=$4
  shift 4
  local classpath_file=target/benchmark-classpath.txt
  cd "$(dirname "${BASH_SOURCE[0]}")/../.."
  if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
    echo "Building $module and what it depends on (tests skipped)..." >&2
    mvn -B -q -Dstyle.color=never -DskipTests -pl "$module" -am test-compile dependency:build-classpath \
      -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
  fi
  cd "$module"
  if [[ ! -f "$classpath_file" ]]; then
    echo "$module/$classpath_file is missing; run without BENCH_SKIP_BUILD to build first." >&2
    exit 1
  fi
  # shellcheck disable=SC2206  # JAVA_OPTS holds several options
  local jvm_options=(${JAVA_OPTS:-$default_jvm_options} "$@")
  local revision
  revision=$(git describe --always --dirty 2>/dev/null || echo unknown)
  local java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  # shellcheck disable=SC2086  # BENCH_OPTS holds several options
  exec "$java" "${jvm_options[@]}" -Djava.net.preferIPv4Stack=true -Dbench.revision="$revision" \
    -Dlogback.configurationFile="$logback" ${BENCH_OPTS:-} \
    -cp "target/test-classes:target/classes:$(<"$classpath_file")" "$main_class"
}
