package dk.referent.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged jar as a separate process, as an operator runs it ({@code java -Xmx2g -jar target/referent.jar}:
 * a 2 GB heap, as the README sizes it for 2,000 live sessions; until 2026-12-04 1 GB).
 * Only this process is ever stopped or killed, by its own handle. Each start is timed from process start to
 * {@code /actuator/health} UP, and the embedded store's port is read from the app's log line
 * "embedded MongoDB-compatible store on /127.0.0.1:PORT", so the raw driver can reach the same store.
 */
final class App implements AutoCloseable {

    private static final Pattern STORE = Pattern.compile("embedded MongoDB-compatible store on [^:]*:(\\d+)");

    final Path dataDir;
    final String password;
    final String jar;
    final String xmx;
    int port;
    int storePort;
    Path log;
    Duration startup;
    private Process process;
    private int starts;

    App(Path dataDir, String password, String jar, String xmx) {
        this.dataDir = dataDir;
        this.password = password;
        this.jar = jar;
        this.xmx = xmx;
    }

    /** Starts the jar and waits until it is healthy; returns the time from process start to health UP. */
    Duration start() throws Exception {
        port = freePort();
        log = dataDir.resolveSibling("app-" + (++starts) + ".log");
        List<String> command = new java.util.ArrayList<>(List.of(javaBin(), "-Xmx" + xmx));
        String extra = System.getProperty("bench.app.jvm", "").strip();
        if (!extra.isEmpty()) {
            // e.g. a flight recording of the app: -Dbench.app.jvm="-XX:StartFlightRecording=filename=app.jfr"
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SERVER_PORT", String.valueOf(port));
        pb.environment().put("REFERENT_DATA_DIR", dataDir.toString());
        pb.environment().put("REFERENT_ADMIN_PASSWORD", password);
        pb.environment().remove("REFERENT_MONGODB_URI");
        pb.environment().remove("REFERENT_DEMO");
        long t0 = System.nanoTime();
        process = pb.start();
        Http anonymous = new Http("http://localhost:" + port, null, null);
        long deadline = t0 + TimeUnit.SECONDS.toNanos(600);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited; see " + log);
            }
            try {
                if (anonymous.raw("GET", "/actuator/health", null, Duration.ofSeconds(5)).body().contains("\"UP\"")) {
                    break;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the app did not become healthy; see " + log);
            }
            Thread.sleep(25);
        }
        startup = Duration.ofNanos(System.nanoTime() - t0);
        Matcher m = STORE.matcher(Files.readString(log));
        storePort = m.find() ? Integer.parseInt(m.group(1)) : -1;
        return startup;
    }

    Http admin() {
        return new Http("http://localhost:" + port, "admin", password);
    }

    String storeUri() {
        if (storePort < 0) {
            throw new IllegalStateException("no embedded store port in " + log);
        }
        return "mongodb://127.0.0.1:" + storePort;
    }

    long pid() {
        return process.pid();
    }

    /** The embedded store's files together: the main one and the read models'. */
    long dataFileBytes() throws IOException {
        try (var files = Files.list(dataDir)) {
            long bytes = 0;
            for (Path file : files.filter(f -> f.toString().endsWith(".mv.db")).toList()) {
                bytes += Files.size(file);
            }
            return bytes;
        }
    }

    /**
     * CPU time of the app's threads so far, in clock ticks (1/100 s), summed by thread name with digits dropped
     * ("http-nio-N-exec-N"); empty where /proc is not there (Linux only).
     */
    java.util.Map<String, Long> threadTicks() {
        java.util.Map<String, Long> ticks = new java.util.TreeMap<>();
        Path tasks = Path.of("/proc", String.valueOf(pid()), "task");
        try (var dirs = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) dirs::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip().replaceAll("\\d+", "N");
                    String stat = Files.readString(task.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException notLinux) {
            return java.util.Map.of();
        }
        return ticks;
    }

    /** The whole machine's busy and total clock ticks so far (/proc/stat), or zeros where there is none. */
    static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException notLinux) {
            return new long[] {0, 0};
        }
    }

    /** CPU time of this (the bench client's) JVM so far. */
    static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Heap in use after two full collections (jcmd GC.run, then GC.heap_info of this process). */
    long heapUsedAfterGc() throws Exception {
        jcmd("GC.run");
        Thread.sleep(300);
        jcmd("GC.run");
        Thread.sleep(300);
        String info = jcmd("GC.heap_info");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("cannot read heap use from: " + info);
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    private String jcmd(String command) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid()), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    /** A graceful stop (SIGTERM to this process only), then kill -9 if it does not end in a minute. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
