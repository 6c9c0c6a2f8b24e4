# One image for every Inkstream service: the same jar, a different command.
# Build the jar first (./inkstream build), then: docker compose up --build
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY modules/app/target/inkstream.jar /app/inkstream.jar
ENV INKSTREAM_HTTP_HOST=0.0.0.0 \
    INKSTREAM_DATA_DIR=/data
VOLUME /data
ENTRYPOINT ["java", "-Xmx1g", "-jar", "/app/inkstream.jar"]
