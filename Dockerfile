# The image of any Newsflow service, from the jar Maven built (`./mvnw -DskipTests package`); the image does not build
# the code itself. docker-compose.yml builds it once per service:
#   docker build --build-arg SERVICE=ingest-service --build-arg PORT=8081 -t newsflow/ingest-service .
# Spring Boot's layered extraction puts the dependencies, which rarely change, in their own image layers below the
# application's classes, so a rebuild after a code change only ships the small top layer.
ARG SERVICE

FROM eclipse-temurin:21-jre AS extractor
ARG SERVICE
WORKDIR /build
COPY ${SERVICE}/target/${SERVICE}-*.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --destination extracted

FROM eclipse-temurin:21-jre
ARG PORT
RUN groupadd --system --gid 10001 newsflow && useradd --system --uid 10001 --gid newsflow --no-create-home --shell /usr/sbin/nologin newsflow
WORKDIR /app
COPY --from=extractor /build/extracted/dependencies/ ./
COPY --from=extractor /build/extracted/spring-boot-loader/ ./
COPY --from=extractor /build/extracted/snapshot-dependencies/ ./
COPY --from=extractor /build/extracted/application/ ./
# numeric, so that Kubernetes' runAsNonRoot can tell without reading /etc/passwd (the manifests run as 10001 too)
USER 10001:10001
EXPOSE ${PORT}
# Containers log one JSON object per line (Elastic Common Schema, with trace and article ids) for a log shipper to
# read; LOGGING_STRUCTURED_FORMAT_CONSOLE=logstash in the container's environment switches to that format.
ENV LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs
# The heap follows the container's memory limit; add JVM flags through JAVA_TOOL_OPTIONS, which the JVM reads itself.
# curl (used by the compose healthcheck) is part of the eclipse-temurin Ubuntu images.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
