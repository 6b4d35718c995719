package io.billflow.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The jar {@code ./mvnw package} builds is the production artifact (the Dockerfile copies it, README "External
 * run" starts it): it carries no dev stack and starts without one (docs/adr/0005-production-artifact-without-dev-stack.md).
 * Runs in failsafe's integration-test phase, after the package phase, on {@code target/billflow-*.jar} itself.
 */
class ProductionArtifactIT {

    /** Dev-only code and settings, as {@code BOOT-INF/classes/} paths: what the jar plugin leaves out. */
    private static final Pattern DEV_CLASSES = Pattern.compile(
            "BOOT-INF/classes/(io/billflow/(.+/)?(dev|demo|testpki)/.*|application-local\\.yml|templates/dev/.*)");
    /** Dev-only libraries, recognised by what they contain rather than by their file names. */
    private static final Pattern DEV_LIBRARY_ENTRIES = Pattern.compile(
            "com/icegreen/greenmail/.*|io/zonky/.*|postgres-.*\\.txz|org/junit/.*|junit/.*");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static Path jar;

    @BeforeAll
    static void locateJar() {
        jar = Path.of(System.getProperty("billflow.artifact", "target/billflow-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).as("the repackaged jar (run after the package phase)").isRegularFile();
    }

    @Test
    void carriesNoDevCodeAndNoDevLibraries() throws IOException {
        List<String> devClasses = new ArrayList<>();
        List<String> devLibraries = new ArrayList<>();
        List<String> libraries = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(file.entries())) {
                String name = entry.getName();
                if (name.startsWith("BOOT-INF/classes/")) {
                    classes.add(name);
                    if (DEV_CLASSES.matcher(name).matches()) {
                        devClasses.add(name);
                    }
                } else if (name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar")) {
                    libraries.add(name);
                    String devEntry = firstEntryMatching(file, entry, DEV_LIBRARY_ENTRIES);
                    if (devEntry != null) {
                        devLibraries.add(name + " (" + devEntry + ")");
                    }
                }
            }
        }
        System.out.printf("production jar %s: %,d bytes, %d libraries%n", jar.getFileName(), Files.size(jar),
                libraries.size());
        // the checks below would pass on an empty or wrong archive: make sure this is the application
        assertThat(classes).contains("BOOT-INF/classes/io/billflow/BillflowApplication.class",
                "BOOT-INF/classes/application.yml");
        assertThat(libraries).anyMatch(name -> name.contains("/postgresql-")).anyMatch(name -> name.contains("camunda-engine"));
        assertSoftly(soft -> {
            soft.assertThat(devClasses).as("dev-only code in the production jar").isEmpty();
            soft.assertThat(devLibraries).as("dev-only libraries in the production jar").isEmpty();
        });
    }

    @Test
    void startsOnPostgresqlWithoutTheDevStack() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("unix_socket_directories", "").setLocaleConfig("locale", "C").start()) {
            int port = freePort();
            byte[] kek = new byte[32];
            new SecureRandom().nextBytes(kek);
            Map<String, String> env = new HashMap<>();
            env.put("SERVER_PORT", String.valueOf(port));
            env.put("BILLFLOW_DB_URL", postgres.getJdbcUrl("postgres", "postgres"));
            env.put("BILLFLOW_DB_USER", "postgres");
            env.put("BILLFLOW_DB_PASSWORD", "unused");
            env.put("BILLFLOW_DB_POOL_SIZE", "8");
            env.put("BILLFLOW_ADMIN_PASSWORD", "production-artifact-it");
            env.put("BILLFLOW_KEK", Base64.getEncoder().encodeToString(kek));
            env.put("BILLFLOW_NTS_URL", "http://127.0.0.1:9/nts-simulator/v1");
            env.put("BILLFLOW_NTS_API_KEY", "production-artifact-it-key");
            env.put("BILLFLOW_BANK_PROVIDER", "simulator");
            env.put("BILLFLOW_BASE_URL", "http://localhost:" + port);
            env.put("BILLFLOW_JOB_THREADS_CORE", "2");
            String base = "http://127.0.0.1:" + port;
            Path log = jar.resolveSibling("production-artifact-it.log");
            runJar(List.of("-jar", jar.toAbsolutePath().toString()), env, log, app -> {
                assertThat(awaitOk(base + "/actuator/health/readiness", app)).as("readiness; log: %s", log).isEqualTo(200);
                assertThat(Files.readString(log)).contains("Started BillflowApplication");
                String admin = "Basic " + Base64.getEncoder().encodeToString(
                        "admin:production-artifact-it".getBytes(StandardCharsets.UTF_8));
                // the local run answers these (MailboxTest, the README); the production jar has no such pages
                for (String devPage : List.of("/dev/mailbox", "/api/dev/text-messages")) {
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + devPage))
                            .header("Authorization", admin).timeout(Duration.ofSeconds(20)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).as("GET %s as admin", devPage).isEqualTo(404);
                }
            });
        }
    }

    /** docker compose runs the NTS SIMULATOR from the same jar (service {@code nts}, README "NTS simulator"). */
    @Test
    void startsTheComposeStacksNtsSimulator() throws Exception {
        int port = freePort();
        Path log = jar.resolveSibling("production-artifact-it-nts.log");
        runJar(List.of("-Dloader.main=io.billflow.nts.simulator.standalone.NtsSimulatorApplication",
                        "-cp", jar.toAbsolutePath().toString(), "org.springframework.boot.loader.launch.PropertiesLauncher"),
                Map.of("BILLFLOW_NTS_API_KEY", "production-artifact-it-key", "BILLFLOW_NTS_SIMULATOR_PORT", String.valueOf(port)),
                log, app -> assertThat(awaitOk("http://127.0.0.1:" + port + "/actuator/health", app))
                        .as("health; log: %s", log).isEqualTo(200));
    }

    interface Check {
        void run(Process app) throws Exception;
    }

    /** Starts a JVM on the jar with only {@code env} as billflow's settings, runs the check, stops the JVM. */
    private static void runJar(List<String> arguments, Map<String, String> env, Path log, Check check) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Duser.timezone=Asia/Seoul"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("BILLFLOW_") || key.startsWith("SPRING_")
                || key.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().putAll(env);
        Process app = builder.start();
        try {
            check.run(app);
            assertThat(Files.readString(log)).doesNotContain("ClassNotFoundException", "NoClassDefFoundError");
        } finally {
            app.destroy();
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** 200 once the URL answers it, or the last status (-1: no answer) when the JVM exited or time ran out. */
    private static int awaitOk(String url, Process app) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        int status = -1;
        while (Instant.now().isBefore(deadline) && app.isAlive()) {
            try {
                status = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return status;
                }
            } catch (IOException notListeningYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        return status;
    }

    private static String firstEntryMatching(JarFile outer, JarEntry nested, Pattern pattern) throws IOException {
        try (InputStream in = outer.getInputStream(nested); JarInputStream inner = new JarInputStream(in)) {
            for (JarEntry entry = inner.getNextJarEntry(); entry != null; entry = inner.getNextJarEntry()) {
                if (pattern.matcher(entry.getName()).matches()) {
                    return entry.getName();
                }
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
