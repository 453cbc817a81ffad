# syntax=docker/dockerfile:1
# telegram-auth-service: JVM image from the Quarkus fast-jar of the module. No build inside the image: run the Maven build first.
#   ./mvnw -B -q package -DskipTests -pl telegram-auth-service -am
#   deploy/local/fetch            (puts TDLib's libtdjson.so into .local-stack/tdlib/)
#   docker build -f deploy/images/telegram-auth-service.Dockerfile -t outreach/telegram-auth-service:local .
# Build arg TDLIB_SO: the libtdjson.so to bake in, relative to the build context (the repository root).
# The build context is the repository root; telegram-auth-service.Dockerfile.dockerignore (next to this file) keeps it small.
ARG JRE_IMAGE=eclipse-temurin:25.0.3_9-jre-noble
FROM ${JRE_IMAGE}
RUN groupadd --system --gid 185 quarkus \
 && useradd --system --uid 185 --gid 185 --home-dir /deployments --no-create-home --shell /usr/sbin/nologin quarkus \
 && mkdir -p /deployments && chown 185:185 /deployments
WORKDIR /deployments
# fast-jar layout, dependencies first (they change least often)
COPY --chown=185:185 telegram-auth-service/target/quarkus-app/lib/ /deployments/lib/
COPY --chown=185:185 telegram-auth-service/target/quarkus-app/*.jar /deployments/
COPY --chown=185:185 telegram-auth-service/target/quarkus-app/app/ /deployments/app/
COPY --chown=185:185 telegram-auth-service/target/quarkus-app/quarkus/ /deployments/quarkus/
ARG TDLIB_SO=.local-stack/tdlib/libtdjson.so
COPY --chmod=0555 ${TDLIB_SO} /opt/tdlib/libtdjson.so
ENV TDLIB_PATH=/opt/tdlib/libtdjson.so
ENV JAVA_OPTS="-XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData -Djava.io.tmpdir=/tmp --enable-native-access=ALL-UNNAMED"
ENV HTTP_HOST=0.0.0.0
ENV LANG=C.UTF-8
EXPOSE 8081
USER 185
ENTRYPOINT ["/bin/sh", "-c", "exec java ${JAVA_OPTS} -jar /deployments/quarkus-run.jar"]
