# syntax=docker/dockerfile:1
# message-generator: JVM image from the Quarkus fast-jar of the module. No build inside the image: run the Maven build first.
#   ./mvnw -B -q package -DskipTests -pl message-generator -am
#   docker build -f deploy/images/message-generator.Dockerfile -t outreach/message-generator:local .
# The build context is the repository root; message-generator.Dockerfile.dockerignore (next to this file) keeps it small.
ARG JRE_IMAGE=eclipse-temurin:25.0.3_9-jre-noble
FROM ${JRE_IMAGE}
# Optional: bake the Claude CLI in (npm @anthropic-ai/claude-code), e.g. --build-arg CLAUDE_CODE_VERSION=2.1.332
# (deploy/local/claude-code.version: the version message-generator's RealClaudeCliTest runs).
# Without it every request is answered with the generic template (the service stays up and says so).
ARG CLAUDE_CODE_VERSION=
RUN if [ -n "$CLAUDE_CODE_VERSION" ]; then \
      apt-get update && apt-get install -y --no-install-recommends nodejs npm \
      && npm install -g --omit=dev "@anthropic-ai/claude-code@${CLAUDE_CODE_VERSION}" \
      && npm cache clean --force && apt-get purge -y npm && apt-get autoremove -y && rm -rf /var/lib/apt/lists/*; \
    fi
RUN groupadd --system --gid 185 quarkus \
 && useradd --system --uid 185 --gid 185 --home-dir /deployments --no-create-home --shell /usr/sbin/nologin quarkus \
 && mkdir -p /deployments && chown 185:185 /deployments
WORKDIR /deployments
# fast-jar layout, dependencies first (they change least often)
COPY --chown=185:185 message-generator/target/quarkus-app/lib/ /deployments/lib/
COPY --chown=185:185 message-generator/target/quarkus-app/*.jar /deployments/
COPY --chown=185:185 message-generator/target/quarkus-app/app/ /deployments/app/
COPY --chown=185:185 message-generator/target/quarkus-app/quarkus/ /deployments/quarkus/
ENV JAVA_OPTS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData -Djava.io.tmpdir=/tmp"
ENV HTTP_HOST=0.0.0.0
ENV LANG=C.UTF-8
EXPOSE 8083
USER 185
ENTRYPOINT ["/bin/sh", "-c", "exec java ${JAVA_OPTS} -jar /deployments/quarkus-run.jar"]
