# Builds and runs Referent. Used by docker-compose.yml; not run on the development machines (no Docker engine).
FROM maven:3.9-eclipse-temurin-17 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pom.xml .
COPY frontend frontend
COPY src src
RUN mvn -B -ntp -DskipTests -Dskip.e2e package

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app referent
WORKDIR /app
COPY --from=build /src/target/referent.jar /app/referent.jar
USER referent
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/referent.jar"]
