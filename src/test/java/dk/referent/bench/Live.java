package dk.referent.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * Command → subscriber latency. Each command is a decision edit whose text carries a marker "#B{seq}#"; the time
 * is taken just before the HTTP PUT is sent and again when a subscriber receives the STOMP message on
 * /topic/meetings/{id} whose patch carries that marker, for every subscriber. The baseline is the same delivery
 * without the app: an HTTP POST to {@link RawWsServer} (its own JVM, the same Tomcat) that broadcasts a text
 * message of the same size over plain WebSocket to the same number of sessions, received by the same client
 * stack: one shared {@link StandardWebSocketClient}, over which the bench writes and reads the STOMP frames itself
 * ({@link StompSubscriber}).
 */
final class Live {

    private static final int WARM_UP = 10;
    /** Seconds of unmeasured load before the scenarios; -1: 90 (quick) or 180. */
    private static final int WARM_UP_SECONDS = Integer.getInteger("bench.live.warm-up", -1);
    /** Seconds the 50 × 40 load is measured; -1: 10 (quick) or 30. */
    private static final int MANY_SECONDS = Integer.getInteger("bench.live.seconds", -1);

    private final App app;
    private final Domain domain;
    private final Report report;
    private final boolean quick;
    private final StandardWebSocketClient ws = new StandardWebSocketClient();
    private Process rawProcess;
    private Http rawHttp;
    private int rawPort;

    Live(App app, Domain domain, Report report, boolean quick) {
        this.app = app;
        this.domain = domain;
        this.report = report;
        this.quick = quick;
    }

    void run() throws Exception {
        startRaw();
        Runtime.getRuntime().addShutdownHook(new Thread(rawProcess::destroy));
        try {
            warmUp(50, 40, 10, WARM_UP_SECONDS >= 0 ? WARM_UP_SECONDS : quick ? 90 : 180);
            single(1, quick ? 60 : 200);
            single(40, quick ? 60 : 200);
            single(400, quick ? 40 : 100);
            many(50, 40, 10, MANY_SECONDS > 0 ? MANY_SECONDS : quick ? 10 : 30);
        } finally {
            rawProcess.destroy();
            rawProcess.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /**
     * The 2,000-session load, unmeasured, so that the scenarios see the app as it runs for hours: with the JIT
     * done. Right after a start the compiler threads take a third of the CPU under this load on 2 cores, and
     * they take several minutes of it to settle (C2 falls behind and the JVM compiles at lower tiers meanwhile).
     */
    private void warmUp(int meetings, int subscribers, int perSecond, int seconds) throws Exception {
        if (seconds == 0) {
            return;
        }
        Bench.progress("live: warm-up, " + meetings + " meetings × " + subscribers + " subscribers at " + perSecond
                + "/s per meeting for " + seconds + " s, not measured ...");
        List<Target> targets = meetings(meetings, perSecond * seconds + WARM_UP + 50);
        List<WebSocketSession> open = connectStomp(subscribers, targets);
        ready(targets, subscribers, false);
        int commands = paced(targets, perSecond, seconds, false);
        Thread.sleep(2000);
        disconnect(open);
        Bench.progress("  " + commands + " commands in the warm-up");
    }

    /** {@code count} new meetings with an agenda item each, to be edited through the app. */
    private List<Target> meetings(int count, int capacity) {
        List<Target> targets = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            targets.add(new Target(domain, m, capacity));
        }
        return targets;
    }

    /** One meeting, {@code n} subscribers, commands one after another (the next once all have it, +20 ms). */
    private void single(int n, int commands) throws Exception {
        Bench.progress("live: 1 meeting × " + n + " subscribers, " + commands + " commands ...");
        Target t = new Target(domain, 0, commands + WARM_UP + 50);
        List<WebSocketSession> sessions = connectStomp(n, List.of(t));
        ready(List.of(t), n, false);
        for (int seq = t.nextSeq; seq < t.nextSeq + commands; seq++) {
            sendStomp(t, seq);
            t.awaitAll(seq, n, 5000);
            Thread.sleep(20);
        }
        Thread.sleep(1000);
        long missing = (long) commands * n - t.delivered.get();
        double rate = commands / t.seconds();
        int bytes = t.meanBytes();
        disconnect(sessions);

        Target r = new Target(null, 0, commands + WARM_UP + 50);
        List<WebSocketSession> rawSessions = connectRaw(n, List.of(r));
        r.padTo = bytes;
        ready(List.of(r), n, true);
        for (int seq = r.nextSeq; seq < r.nextSeq + commands; seq++) {
            sendRaw(r, seq);
            r.awaitAll(seq, n, 5000);
            Thread.sleep(20);
        }
        Thread.sleep(1000);
        long rawMissing = (long) commands * n - r.delivered.get();
        closeRaw(rawSessions);
        report.live("1 meeting × " + n, n, commands, rate, t.stats.count(), missing, t.stats, r.stats,
                commands / r.seconds(), rawMissing, bytes);
    }

    /** {@code meetings} × {@code subscribers}, each meeting edited at {@code perSecond} commands a second. */
    private void many(int meetings, int subscribers, int perSecond, int seconds) throws Exception {
        int sessions = meetings * subscribers;
        int capacity = perSecond * seconds + WARM_UP + 50;
        Bench.progress("live: heap per session, then " + meetings + " meetings × " + subscribers + " subscribers at "
                + perSecond + "/s per meeting for " + seconds + " s ...");
        List<Target> targets = meetings(meetings, capacity);
        long heapBefore = app.heapUsedAfterGc();
        List<WebSocketSession> open = connectStomp(subscribers, targets);
        long heapAfter = app.heapUsedAfterGc();
        report.memory("opening them", sessions, heapBefore, heapAfter);
        ready(targets, subscribers, false);
        java.util.Map<String, Long> cpuBefore = app.threadTicks();
        long[] machineBefore = App.machineTicks();
        long clientBefore = App.ownCpuNanos();
        java.util.Map<String, Double> countsBefore = timerCounts();
        long cpuStart = System.nanoTime();
        int commands = paced(targets, perSecond, seconds, false);
        double elapsed = (System.nanoTime() - cpuStart) / 1e9;
        java.util.Map<String, Double> countsAfter = timerCounts();
        long[] machineAfter = App.machineTicks();
        report.cpu(meetings + " meetings × " + subscribers + " at " + perSecond + "/s each", cpuBefore,
                app.threadTicks(), elapsed, commands, (App.ownCpuNanos() - clientBefore) / 1e9 / elapsed,
                machineAfter[1] - machineBefore[1] == 0 ? -1
                        : (double) (machineAfter[0] - machineBefore[0]) / (machineAfter[1] - machineBefore[1]));
        Thread.sleep(3000);
        if (Target.TRACE != null) {
            try (java.io.PrintWriter out = new java.io.PrintWriter(java.nio.file.Files.newBufferedWriter(
                    java.nio.file.Path.of(Target.TRACE)))) {
                out.println("# wall-ms " + System.currentTimeMillis() + " nanos " + System.nanoTime());
                targets.forEach(t -> t.writeTrace(out));
            }
        }
        appTimers(countsBefore, countsAfter, elapsed);
        long delivered = targets.stream().mapToLong(t -> t.delivered.get()).sum();
        Stats all = new Stats();
        targets.forEach(t -> all.addAll(t.stats));
        double rate = commands / (double) seconds;
        int bytes = (int) targets.stream().mapToInt(Target::meanBytes).average().orElse(0);
        long missing = targets.stream().mapToLong(t -> (long) t.sentCount() * subscribers).sum() - delivered;
        // the same again from the other side, after the run: what closing the sessions gives back
        long heapWithAfterRun = app.heapUsedAfterGc();
        disconnect(open);
        Thread.sleep(2000);
        report.memory("closing them after the run", sessions, app.heapUsedAfterGc(), heapWithAfterRun);

        List<Target> raws = new ArrayList<>();
        for (int m = 0; m < meetings; m++) {
            Target r = new Target(null, m, capacity);
            r.padTo = bytes;
            raws.add(r);
        }
        List<WebSocketSession> rawSessions = connectRaw(subscribers, raws);
        ready(raws, subscribers, true);
        int rawCommands = paced(raws, perSecond, seconds, true);
        Thread.sleep(3000);
        Stats rawAll = new Stats();
        raws.forEach(t -> rawAll.addAll(t.stats));
        long rawMissing = raws.stream().mapToLong(t -> (long) t.sentCount() * subscribers - t.delivered.get()).sum();
        closeRaw(rawSessions);
        report.live(meetings + " meetings × " + subscribers + " at " + perSecond + "/s each", sessions, commands, rate,
                all.count(), missing, all, rawAll, rawCommands / (double) seconds, rawMissing, bytes);
    }

    /**
     * The app's own timers from /actuator/prometheus, whose percentiles cover about the last two minutes: where a
     * command's way to the subscribers spends its time under this load. Percentiles a timer does not publish
     * show as "–". With them, how often each timer ran per second in the CPU window (e.g. appends per commit).
     */
    private void appTimers(java.util.Map<String, Double> before, java.util.Map<String, Double> after, double seconds) {
        String body = domain.api.raw("GET", "/actuator/prometheus", null, java.time.Duration.ofSeconds(30)).body();
        java.util.regex.Pattern quantile = java.util.regex.Pattern.compile(
                "^(referent_(?:projection|store|live)_\\w+?)_seconds\\{(.*)quantile=\"([\\d.]+)\".*\\} (\\S+)$");
        java.util.regex.Pattern help = java.util.regex.Pattern.compile("^# HELP (\\w+?)_seconds (.*)$");
        java.util.Map<String, java.util.Map<String, String>> byTimer = new java.util.TreeMap<>();
        java.util.Map<String, String> descriptions = new java.util.HashMap<>();
        for (String line : body.split("\\n")) {
            java.util.regex.Matcher h = help.matcher(line);
            if (h.matches()) {
                descriptions.put(h.group(1), h.group(2));
            }
            java.util.regex.Matcher m = quantile.matcher(line);
            if (m.matches() && !m.group(2).contains("projection=")) {
                byTimer.computeIfAbsent(m.group(1), k -> new java.util.TreeMap<>()).put(m.group(3),
                        String.format("%.1f", Double.parseDouble(m.group(4)) * 1000));
            }
        }
        byTimer.forEach((timer, q) -> report.timer(timer.replace('_', '.'), descriptions.getOrDefault(timer, ""),
                after.containsKey(timer) ? String.format("%.0f", (after.get(timer) - before.getOrDefault(timer, 0.0))
                        / seconds) : "–",
                q.getOrDefault("0.5", "–"), q.getOrDefault("0.95", "–"), q.getOrDefault("0.99", "–")));
    }

    /** How often each of the app's timers has run since it started (their _count in /actuator/prometheus). */
    private java.util.Map<String, Double> timerCounts() {
        String body = domain.api.raw("GET", "/actuator/prometheus", null, java.time.Duration.ofSeconds(30)).body();
        java.util.regex.Pattern count = java.util.regex.Pattern.compile(
                "^(referent_(?:projection|store|live)_\\w+?)_seconds_count(\\{.*\\})? (\\S+)$");
        java.util.Map<String, Double> counts = new java.util.HashMap<>();
        for (String line : body.split("\\n")) {
            java.util.regex.Matcher m = count.matcher(line);
            if (m.matches() && (m.group(2) == null || !m.group(2).contains("projection="))) {
                counts.merge(m.group(1), Double.parseDouble(m.group(3)), Double::sum);
            }
        }
        return counts;
    }

    /** One sender thread per target, a command every 1/perSecond s (or later, when the previous is slower). */
    private int paced(List<Target> targets, int perSecond, int seconds, boolean raw) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(targets.size());
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long period = TimeUnit.SECONDS.toNanos(1) / perSecond;
        List<Future<Integer>> fs = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            long offset = period * i / targets.size();
            fs.add(pool.submit(() -> {
                int sent = 0;
                int first = t.nextSeq;
                for (int k = 0; ; k++) {
                    long due = start + offset + k * period;
                    if (due >= end) {
                        break;
                    }
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    if (System.nanoTime() >= end) {
                        break;
                    }
                    if (raw) {
                        sendRaw(t, first + sent);
                    } else {
                        sendStomp(t, first + sent);
                    }
                    sent++;
                }
                return sent;
            }));
        }
        int total = 0;
        for (Future<Integer> f : fs) {
            total += f.get();
        }
        pool.shutdown();
        return total;
    }

    /** Sends warm-up commands until every subscriber of every target has received one (at most 60 s). */
    private void ready(List<Target> targets, int subscribers, boolean raw) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (Target t : targets) {
            t.recording = false;
        }
        while (true) {
            boolean all = true;
            for (Target t : targets) {
                if (t.readySubscribers() < subscribers) {
                    all = false;
                    if (raw) {
                        sendRaw(t, t.nextSeq++);
                    } else {
                        sendStomp(t, t.nextSeq++);
                    }
                }
            }
            if (all) {
                break;
            }
            if (System.nanoTime() > deadline) {
                Bench.progress("  not every subscriber is receiving after 60 s; measuring anyway");
                break;
            }
            Thread.sleep(300);
        }
        Thread.sleep(500);
        for (Target t : targets) {
            t.startRecording();
        }
    }

    private void sendStomp(Target t, int seq) {
        t.markSent(seq);
        try {
            t.revision = domain.decide(t.meeting, t.item, Domain.text(t.revision + 1, "#B" + seq + "#"), t.revision);
        } catch (RuntimeException e) {
            t.errors.incrementAndGet();
        }
    }

    private void sendRaw(Target t, int seq) {
        String marker = "#B" + seq + "#";
        StringBuilder b = new StringBuilder(Math.max(t.padTo, 64)).append("{\"marker\":\"").append(marker)
                .append("\",\"pad\":\"");
        while (b.length() < t.padTo - 2) {
            b.append('x');
        }
        b.append("\"}");
        t.markSent(seq);
        try {
            rawHttp.raw("POST", "/publish/t" + t.index, b.toString(), Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            t.errors.incrementAndGet();
        }
    }

    // --- connections ---

    /**
     * {@code perTarget} STOMP sessions per target, each subscribed to its meeting. The frames are written and read
     * here, over the same WebSocket client as the raw baseline: the bench client shares the 2 cores with the app, and
     * Spring's STOMP client cost it about twice the CPU per message (0.4–0.6 cores at 2,000 sessions).
     */
    private List<WebSocketSession> connectStomp(int perTarget, List<Target> targets) throws Exception {
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        headers.add("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + app.password).getBytes(StandardCharsets.UTF_8)));
        headers.add("Origin", "http://localhost:" + app.port);
        URI uri = URI.create("ws://localhost:" + app.port + "/ws");
        return connect(perTarget, targets, (t, s) -> ws.execute(new StompSubscriber(t, s), headers, uri));
    }

    /** Opens {@code perTarget} sessions per target, at most 32 handshakes at a time; waits until all are open. */
    private static List<WebSocketSession> connect(int perTarget, List<Target> targets,
            java.util.function.BiFunction<Target, Integer, CompletableFuture<WebSocketSession>> open)
            throws Exception {
        List<CompletableFuture<WebSocketSession>> futures = new ArrayList<>();
        Semaphore inFlight = new Semaphore(32);
        for (Target t : targets) {
            for (int s = 0; s < perTarget; s++) {
                inFlight.acquire();
                futures.add(open.apply(t, s).whenComplete((x, e) -> inFlight.release()));
            }
        }
        List<WebSocketSession> sessions = new ArrayList<>();
        for (CompletableFuture<WebSocketSession> f : futures) {
            sessions.add(f.get(60, TimeUnit.SECONDS));
        }
        return sessions;
    }

    /** Sends DISCONNECT and closes each session. */
    private void disconnect(List<WebSocketSession> sessions) throws InterruptedException {
        for (WebSocketSession s : sessions) {
            try {
                s.sendMessage(new TextMessage("DISCONNECT\n\n\u0000"));
                s.close();
            } catch (Exception ignored) {
                // already gone
            }
        }
        Thread.sleep(2000);
    }

    /**
     * One STOMP subscriber: CONNECT once the WebSocket is open, SUBSCRIBE to the meeting's topic once CONNECTED, and
     * each MESSAGE's body handed to its target. A frame is one WebSocket text message (the server sends them so).
     */
    static final class StompSubscriber extends TextWebSocketHandler {
        private final Target target;
        private final int subscriber;

        StompSubscriber(Target target, int subscriber) {
            this.target = target;
            this.subscriber = subscriber;
        }

        @Override
        public void afterConnectionEstablished(WebSocketSession session) throws Exception {
            session.sendMessage(new TextMessage("CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:0,0\n\n\u0000"));
        }

        @Override
        protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
            String frame = message.getPayload();
            if (frame.startsWith("MESSAGE\n")) {
                int body = frame.indexOf("\n\n");
                int end = frame.lastIndexOf('\u0000');
                target.received(subscriber, frame.substring(body + 2, end < body ? frame.length() : end));
            } else if (frame.startsWith("CONNECTED\n")) {
                session.sendMessage(new TextMessage("SUBSCRIBE\nid:0\ndestination:/topic/meetings/" + target.meeting
                        + "\n\n\u0000"));
            } else if (frame.startsWith("ERROR\n")) {
                target.errors.incrementAndGet();
            }
        }

        @Override
        public void handleTransportError(WebSocketSession session, Throwable exception) {
            target.errors.incrementAndGet();
        }
    }

    private List<WebSocketSession> connectRaw(int perTarget, List<Target> targets) throws Exception {
        return connect(perTarget, targets, (t, subscriber) -> ws.execute(new TextWebSocketHandler() {
            @Override
            protected void handleTextMessage(WebSocketSession session, TextMessage message) {
                t.received(subscriber, message.getPayload());
            }
        }, "ws://localhost:" + rawPort + "/raw/t" + t.index));
    }

    private void closeRaw(List<WebSocketSession> sessions) throws InterruptedException {
        for (WebSocketSession s : sessions) {
            try {
                s.close();
            } catch (Exception ignored) {
                // already gone
            }
        }
        Thread.sleep(1000);
    }

    private void startRaw() throws Exception {
        rawPort = App.freePort();
        rawProcess = new ProcessBuilder(App.javaBin(), "-Xmx" + app.xmx, "-cp", System.getProperty("java.class.path"),
                RawWsServer.class.getName(), String.valueOf(rawPort)).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(rawProcess.getInputStream()));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("READY")) {
            // Tomcat's start-up log
        }
        if (line == null) {
            throw new IllegalStateException("the raw WebSocket server did not start");
        }
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // keep the pipe empty
                }
            } catch (java.io.IOException ignored) {
                // ended
            }
        }, "raw-ws-output");
        drain.setDaemon(true);
        drain.start();
        rawHttp = new Http("http://localhost:" + rawPort, null, null);
    }

    /** A meeting (or raw topic) being watched: send times by sequence number, deliveries, latencies. */
    static final class Target {
        final int index;
        final String meeting;
        final String item;
        final AtomicLongArray sent;
        final AtomicIntegerArray deliveredPerSeq;
        final AtomicLong delivered = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong messages = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final java.util.Set<Integer> readySet = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final Stats stats = new Stats();
        volatile boolean recording;
        volatile int firstRecorded = Integer.MAX_VALUE;
        volatile long firstSent;
        volatile long lastSent;
        long revision;
        int nextSeq;
        int padTo;

        Target(Domain domain, int index, int capacity) {
            this.index = index;
            this.sent = new AtomicLongArray(capacity + 200);
            this.deliveredPerSeq = new AtomicIntegerArray(capacity + 200);
            if (domain != null) {
                this.meeting = domain.meeting("Live " + index + "/" + System.nanoTime());
                this.item = domain.item(meeting, "Beslutningspunkt");
            } else {
                this.meeting = null;
                this.item = null;
            }
        }

        /**
         * With -Dbench.live.trace=FILE: every delivery of the 2,000-session run as "meeting sent latency" (System.nanoTime
         * in nanoseconds, which the app's GC log shows with -Xlog:gc:file=F:tn), after a line with the wall clock.
         */
        static final String TRACE = System.getProperty("bench.live.trace", "").isBlank() ? null
                : System.getProperty("bench.live.trace");
        private long[] traced = new long[0];
        private int tracedLength;

        private synchronized void trace(long sentNanos, long latencyNanos) {
            if (tracedLength + 2 > traced.length) {
                traced = java.util.Arrays.copyOf(traced, Math.max(1024, traced.length * 2));
            }
            traced[tracedLength++] = sentNanos;
            traced[tracedLength++] = latencyNanos;
        }

        synchronized void writeTrace(java.io.PrintWriter out) {
            for (int i = 0; i < tracedLength; i += 2) {
                out.println(index + " " + traced[i] + " " + traced[i + 1]);
            }
        }

        void startRecording() {
            firstRecorded = nextSeq;
            recording = true;
        }

        int sentCount() {
            int n = 0;
            for (int i = firstRecorded; i < sent.length() && sent.get(i) != 0; i++) {
                n++;
            }
            return n;
        }

        void markSent(int seq) {
            long now = System.nanoTime();
            sent.set(seq, now);
            if (recording) {
                if (firstSent == 0) {
                    firstSent = now;
                }
                lastSent = now;
            }
        }

        double seconds() {
            return (lastSent - firstSent) / 1e9;
        }

        int readySubscribers() {
            return readySet.size();
        }

        int meanBytes() {
            long m = messages.get();
            return m == 0 ? 0 : (int) (bytes.get() / m);
        }

        void received(int subscriber, String payload) {
            long now = System.nanoTime();
            int at = payload.indexOf("#B");
            if (at < 0) {
                return;
            }
            int end = payload.indexOf('#', at + 2);
            int seq = Integer.parseInt(payload, at + 2, end, 10);
            if (seq < firstRecorded) {
                readySet.add(subscriber);
                return;
            }
            long t = seq < sent.length() ? sent.get(seq) : 0;
            if (t == 0) {
                return;
            }
            stats.add(now - t);
            if (TRACE != null) {
                trace(t, now - t);
            }
            delivered.incrementAndGet();
            bytes.addAndGet(payload.length());
            messages.incrementAndGet();
            synchronized (this) {
                deliveredPerSeq.incrementAndGet(seq);
                notifyAll();
            }
        }

        synchronized void awaitAll(int seq, int n, long timeoutMs) throws InterruptedException {
            long deadline = System.currentTimeMillis() + timeoutMs;
            while (deliveredPerSeq.get(seq) < n) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return;
                }
                wait(left);
            }
        }
    }
}
