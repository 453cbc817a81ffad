# syntax=docker/dockerfile:1
# outreach-api: JVM image from the Quarkus fast-jar of the module. No build inside the image: run the Maven build first.
#   ./mvnw -B -q package -DskipTests -pl outreach-api -am
#   docker build -f deploy/images/outreach-api.Dockerfile -t outreach/outreach-api:local .
# The build context is the repository root; outreach-api.Dockerfile.dockerignore (next to this file) keeps it small.
ARG JRE_IMAGE=eclipse-temurin:25.0.3_9-jre-noble
FROM ${JRE_IMAGE}
RUN groupadd --system --gid 185 quarkus \
 && useradd --system --uid 185 --gid 185 --home-dir /deployments --no-create-home --shell /usr/sbin/nologin quarkus \
 && mkdir -p /deployments && chown 185:185 /deployments
WORKDIR /deployments
# fast-jar layout, dependencies first (they change least often)
COPY --chown=185:185 outreach-api/target/quarkus-app/lib/ /deployments/lib/
COPY --chown=185:185 outreach-api/target/quarkus-app/*.jar /deployments/
COPY --chown=185:185 outreach-api/target/quarkus-app/app/ /deployments/app/
COPY --chown=185:185 outreach-api/target/quarkus-app/quarkus/ /deployments/quarkus/
ENV JAVA_OPTS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData -Djava.io.tmpdir=/tmp"
ENV HTTP_HOST=0.0.0.0
ENV LANG=C.UTF-8
EXPOSE 8080
USER 185
ENTRYPOINT ["/bin/sh", "-c", "exec java ${JAVA_OPTS} -jar /deployments/quarkus-run.jar"]
