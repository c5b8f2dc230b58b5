package dk.referent.it;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The packaged jar run as a separate process, as an operator would run it. */
final class JarProcess implements AutoCloseable {

    final int port;
    final Path dataDir;
    final Path log;
    private final Process process;

    private JarProcess(int port, Path dataDir, Path log, Process process) {
        this.port = port;
        this.dataDir = dataDir;
        this.log = log;
        this.process = process;
    }

    static JarProcess start(Path dataDir, String adminPassword, Map<String, String> env) throws IOException {
        String jar = System.getProperty("referent.jar", "target/referent.jar");
        if (!new File(jar).exists()) {
            throw new IllegalStateException("build the jar first (mvn package): " + jar);
        }
        int port = freePort();
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + port + ".log");
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx512m", "-jar", jar));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SERVER_PORT", String.valueOf(port));
        pb.environment().put("REFERENT_DATA_DIR", dataDir.toString());
        pb.environment().put("REFERENT_ADMIN_PASSWORD", adminPassword);
        pb.environment().remove("REFERENT_MONGODB_URI");
        pb.environment().putAll(env);
        JarProcess p = new JarProcess(port, dataDir, log, pb.start());
        p.awaitHealthy(Duration.ofSeconds(120));
        return p;
    }

    Api api(String user, String password) {
        return new Api("http://localhost:" + port, user, password);
    }

    void awaitHealthy(Duration timeout) {
        Api anonymous = new Api("http://localhost:" + port, null, null);
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited; see " + log);
            }
            try {
                if (anonymous.get("/actuator/health").body().contains("\"UP\"")) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            MeetingFlowContract.sleep(250);
        }
        throw new IllegalStateException("the app did not become healthy in " + timeout + "; see " + log);
    }

    /** kill -9: no shutdown hooks, no flushing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
