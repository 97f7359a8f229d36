# syntax=docker/dockerfile:1
# One image recipe for every runnable module of the repository. docker-compose.yml passes
#   MODULE      the Maven module to build, e.g. allocation-service
#   MAIN_CLASS  the class to run, e.g. io.resourcemanager.allocation.Application
# Configuration comes from the environment (Micronaut maps KAFKA_BOOTSTRAP_SERVERS to
# kafka.bootstrap.servers) and from JAVA_OPTS (JVM options and -D system properties).

FROM maven:3.9-eclipse-temurin-17 AS build
ARG MODULE
WORKDIR /build
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -pl "${MODULE}" -am package dependency:copy-dependencies -DskipTests -DincludeScope=runtime \
 && mkdir -p /app \
 && cp -r "${MODULE}/target/classes" /app/classes \
 && cp -r "${MODULE}/target/dependency" /app/lib

FROM eclipse-temurin:17-jre
ARG MAIN_CLASS
ENV MAIN_CLASS=${MAIN_CLASS} \
    JAVA_OPTS=""
# curl serves the compose healthchecks
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app app
WORKDIR /app
COPY --from=build /app /app
USER app
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -cp '/app/classes:/app/lib/*' \"$MAIN_CLASS\""]
