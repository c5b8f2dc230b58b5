package dk.referent.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.types.ObjectId;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.IndexOptions;

/**
 * Referent's benchmark: the packaged jar run as an operator runs it, on the embedded store, measured from a
 * separate JVM, every figure beside a baseline measured in the same run. Run it with
 * {@code mvn -Pbench -DskipTests -Dskip.frontend verify} (add {@code -Dbench.quick} for a short run); see
 * docs/benchmarks.md. Prints progress, then the result tables, which it also writes to
 * {@code target/bench/results.md}.
 * <ol>
 * <li>command latency and throughput (HTTP PUT decision, POST agenda item) vs a raw driver insertOne of a
 * same-sized document into the same store, at each size of the log (1k, 10k, 100k events); seeding rate</li>
 * <li>data file size after 10,000 commands, and after a restart</li>
 * <li>projection rebuild rate vs a raw cursor scan of the event collection</li>
 * <li>time to start with the log at each size</li>
 * <li>live: command → subscriber latency with 1, 40, 400 subscribers and 50 meetings × 40 at 10 commands/s per
 * meeting, vs raw WebSocket delivery of a same-sized message (see {@link Live})</li>
 * <li>heap per open WebSocket session</li>
 * </ol>
 */
public final class Bench {

    static final boolean QUICK = Boolean.parseBoolean(System.getProperty("bench.quick", "false").isEmpty() ? "true"
            : System.getProperty("bench.quick", "false"));
    static final String EVENTS = "domainevents";

    private final Report report = new Report();
    private final Path work;
    private final App app;
    private Domain domain;
    private String sentinelMeeting;
    private final AtomicLong commandsSent = new AtomicLong();
    /** Meetings the seeding gave all their commands (schedule, 4 items, 96 decisions): 101 events each. */
    private final List<String> fullMeetings = java.util.Collections.synchronizedList(new ArrayList<>());
    private static final int HTTP_MAX = Integer.getInteger("bench.seed.http-max", 10_000);
    private static final int REBUILD_MAX = Integer.getInteger("bench.rebuild-max", 10_000);

    private Bench(Path work, String jar) {
        this.work = work;
        this.app = new App(work.resolve("data"), "bench-" + Long.toHexString(System.nanoTime()), jar,
                System.getProperty("bench.xmx", "2g"));
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.mongodb.driver"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        String jar = System.getProperty("bench.jar", "target/referent.jar");
        if (!Files.exists(Path.of(jar))) {
            throw new IllegalStateException("build the jar first: " + jar);
        }
        Path out = Path.of(System.getProperty("bench.out", "target/bench"));
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("referent-bench");
        Bench bench = new Bench(work, jar);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                bench.app.stop();
            } catch (InterruptedException ignored) {
                // exiting anyway
            }
        }));
        try {
            bench.run();
        } finally {
            bench.app.stop();
        }
        String md = bench.report.markdown();
        Files.writeString(out.resolve("results.md"), md);
        System.out.println();
        System.out.println(md);
        System.out.println("(also in " + out.resolve("results.md") + "; app logs and data in " + work + ")");
        System.exit(0);
    }

    private void run() throws Exception {
        List<Integer> levels = new ArrayList<>();
        String given = System.getProperty("bench.levels", "");
        for (String s : (given.isBlank() ? QUICK ? "1000,3000" : "1000,10000,100000" : given).split(",")) {
            levels.add(Integer.parseInt(s.strip()));
        }
        report.header(machine(), levels);
        progress("starting the app (empty store) ...");
        Duration firstStart = app.start();
        report.startup(0, firstStart, null);
        domain = new Domain(app.admin());
        domain.committee();
        sentinelMeeting = domain.meeting("Sentinel");
        commandsSent.addAndGet(2);
        for (int level : levels) {
            level(level, level == levels.get(levels.size() - 1));
        }
        Live live = new Live(app, domain, report, QUICK);
        live.run();
    }

    private void level(int level, boolean last) throws Exception {
        long before = count();
        if (before < level && level <= HTTP_MAX) {
            progress("seeding from " + before + " to " + level + " events through HTTP ...");
            seed(level - before);
        } else if (before < level) {
            progress("copying stored meetings from " + before + " to " + level + " events with the driver ...");
            bulk(level - before);
        }
        sync();
        long events = count();
        long fileNow = app.dataFileBytes();
        long commands = commandsSent.get();
        Duration startup = null;
        long fileAfterRestart = -1;
        if (level >= 10_000) {
            progress("restarting with " + events + " events ...");
            app.stop();
            long fileStopped = app.dataFileBytes();
            startup = app.start();
            fileAfterRestart = app.dataFileBytes();
            domain = new Domain(app.admin());
            domain.committeeId = committeeOf();
            report.startup(events, startup, cold());
            report.file(level, events, commands, fileNow, fileStopped, fileAfterRestart);
        } else {
            report.file(level, events, commands, fileNow, -1, -1);
        }
        progress("measuring commands at " + events + " events ...");
        commands(level, events);
        if (level <= REBUILD_MAX && (level >= 10_000 || last)) {
            progress("rebuilding the minutes projection from " + count() + " events ...");
            rebuild(level);
        }
    }

    private String committeeOf() {
        return domain.api.get("/api/meetings/" + sentinelMeeting + "/minutes").path("committee").path("id").asText();
    }

    // --- seeding ---

    /** Sends about {@code n} commands (one event each) from several client threads, meetings of 4 items. */
    private void seed(long n) throws Exception {
        int threads = Integer.getInteger("bench.seed.threads", 12);
        AtomicLong budget = new AtomicLong(n);
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger meetings = new AtomicInteger();
        long t0 = System.nanoTime();
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                while (budget.get() > 0) {
                    int m = meetings.incrementAndGet();
                    try {
                        if (budget.getAndDecrement() <= 0) {
                            return null;
                        }
                        String mid = domain.meeting("Møde " + m);
                        done.incrementAndGet();
                        String[] items = new String[4];
                        long[] rev = new long[4];
                        for (int i = 0; i < 4; i++) {
                            if (budget.getAndDecrement() <= 0) {
                                return null;
                            }
                            items[i] = domain.item(mid, "Punkt " + (i + 1) + ": projekt " + m);
                            done.incrementAndGet();
                        }
                        for (int r = 0; r < 24; r++) {
                            for (int i = 0; i < 4; i++) {
                                if (budget.getAndDecrement() <= 0) {
                                    return null;
                                }
                                rev[i] = domain.decide(mid, items[i], Domain.text(rev[i] + 1, "m" + m), rev[i]);
                                done.incrementAndGet();
                            }
                        }
                        fullMeetings.add(mid);
                    } catch (RuntimeException e) {
                        if (errors.incrementAndGet() <= 5) {
                            progress("  seeding error: " + e.getMessage());
                        }
                    }
                }
                return null;
            }));
        }
        long lastPrint = System.nanoTime();
        while (futures.stream().anyMatch(f -> !f.isDone())) {
            Thread.sleep(200);
            if (System.nanoTime() - lastPrint > TimeUnit.SECONDS.toNanos(15)) {
                lastPrint = System.nanoTime();
                double s = (lastPrint - t0) / 1e9;
                progress(String.format("  %d commands in %.0f s (%.0f/s)", done.get(), s, done.get() / s));
            }
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - t0) / 1e9;
        commandsSent.addAndGet(done.get());
        report.seed(done.get(), seconds, threads, errors.get());
        progress(String.format("  seeded %d commands in %.1f s: %.0f commands/s (%d errors)", done.get(), seconds,
                done.get() / seconds, errors.get()));
    }

    /**
     * Grows the log fast, past what HTTP seeding can do in minutes: copies of the complete history of a seeded
     * meeting (101 events: schedule, 4 items, 96 decision edits), each under a new meeting id, inserted with the
     * driver (insertMany, 1,000 a batch) into the event collection of the running app. The copies are dated a day
     * before the template, so the tracking processor (which looks back 10 s from its token) never replays them:
     * they are in the log (aggregate loads, tracking queries, rebuilds and start-up see them) but not in the
     * read models.
     */
    private void bulk(long n) throws Exception {
        if (fullMeetings.isEmpty()) {
            String mid = domain.meeting("Skabelon");
            for (int i = 0; i < 4; i++) {
                String item = domain.item(mid, "Punkt " + (i + 1));
                long rev = 0;
                for (int r = 0; r < 24; r++) {
                    rev = domain.decide(mid, item, Domain.text(rev + 1, "skabelon"), rev);
                }
            }
            commandsSent.addAndGet(101);
            fullMeetings.add(mid);
            n -= 101;
        }
        String template = fullMeetings.get(0);
        long t0 = System.nanoTime();
        long inserted = 0;
        try (MongoClient client = MongoClients.create(app.storeUri())) {
            MongoCollection<Document> c = client.getDatabase("referent").getCollection(EVENTS);
            List<Document> history = c.find(new Document("aggregateIdentifier", template))
                    .sort(new Document("sequenceNumber", 1)).into(new ArrayList<>());
            List<Document> batch = new ArrayList<>();
            while (inserted < n) {
                String id = java.util.UUID.randomUUID().toString();
                for (Document d : history) {
                    if (inserted >= n) {
                        break;
                    }
                    Document copy = (Document) replace(d, template, id);
                    copy.put("_id", new ObjectId());
                    copy.put("eventIdentifier", java.util.UUID.randomUUID().toString());
                    // a day older: far behind the processor's token and its look-back window
                    copy.put("timestamp", java.time.Instant.parse(d.getString("timestamp"))
                            .minus(Duration.ofDays(1)).toString());
                    batch.add(copy);
                    inserted++;
                    if (batch.size() == 1000) {
                        c.insertMany(batch);
                        batch.clear();
                    }
                }
            }
            if (!batch.isEmpty()) {
                c.insertMany(batch);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        report.bulk(inserted, seconds);
    }

    private static Object replace(Object value, String from, String to) {
        if (value instanceof String s) {
            return s.replace(from, to);
        } else if (value instanceof Document d) {
            Document copy = new Document();
            d.forEach((k, v) -> copy.put(k, replace(v, from, to)));
            return copy;
        } else if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(v -> copy.add(replace(v, from, to)));
            return copy;
        }
        return value;
    }

    /** The first command on each of 5 seeded meetings right after a restart: the aggregate is loaded from the log. */
    private Stats cold() {
        Stats cold = new Stats();
        List<String> some;
        synchronized (fullMeetings) {
            some = new ArrayList<>(fullMeetings.subList(0, Math.min(5, fullMeetings.size())));
        }
        for (String mid : some) {
            JsonNode item = domain.api.get("/api/meetings/" + mid + "/minutes").path("items").path(0);
            long rev = item.path("decision").path("revision").asLong();
            long t = System.nanoTime();
            domain.decide(mid, item.path("id").asText(), Domain.text(rev + 1, "cold"), rev);
            cold.add(System.nanoTime() - t);
            commandsSent.incrementAndGet();
        }
        return cold;
    }

    /** Waits until the projections have applied every event stored so far: one more event, then its view. */
    private void sync() throws InterruptedException {
        String marker = "sync-" + System.nanoTime();
        String item = domain.item(sentinelMeeting, marker);
        commandsSent.incrementAndGet();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            JsonNode minutes = domain.api.get("/api/meetings/" + sentinelMeeting + "/minutes");
            for (JsonNode i : minutes.path("items")) {
                if (i.path("id").asText().equals(item)) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the projections did not catch up in 10 minutes");
    }

    // --- commands vs raw inserts ---

    private void commands(int level, long events) throws Exception {
        int n = QUICK ? 100 : 300;
        int threads = 8;
        int perThread = QUICK ? 60 : 150;
        // sequential decision edits of one item, after a warm-up
        String mid = domain.meeting("Måling " + level);
        String iid = domain.item(mid, "Beslutningspunkt");
        long rev = 0;
        for (int i = 0; i < 20; i++) {
            rev = domain.decide(mid, iid, Domain.text(rev + 1, "warm"), rev);
        }
        Stats decide = new Stats();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            rev = domain.decide(mid, iid, Domain.text(rev + 1, "seq"), rev);
            decide.add(System.nanoTime() - t);
        }
        // sequential agenda items, 25 to a meeting
        Stats agenda = new Stats();
        String am = null;
        for (int i = 0; i < n / 2; i++) {
            if (i % 25 == 0) {
                am = domain.meeting("Dagsordensmåling " + level + "/" + i);
            }
            long t = System.nanoTime();
            domain.item(am, "Punkt " + i + ": orientering om klyngemidler og status på projekterne");
            agenda.add(System.nanoTime() - t);
        }
        commandsSent.addAndGet(22 + n + n / 2 + (n / 2 + 24) / 25);
        // throughput: several writers, each on its own meeting
        Stats loaded = new Stats();
        double seconds = parallel(threads, perThread, loaded);
        double commandRate = threads * perThread / seconds;
        commandsSent.addAndGet(threads * (perThread + 2L));

        // the same store, the raw driver: a same-sized copy of a stored DecisionRecorded event
        try (MongoClient client = MongoClients.create(app.storeUri())) {
            MongoCollection<Document> log = client.getDatabase("referent").getCollection(EVENTS);
            Document sample = log.find(new Document("payloadType",
                    "dk.referent.meeting.api.DecisionRecorded")).first();
            if (sample == null) {
                sample = log.find().first();
            }
            int size = new RawBsonDocument(sample, new DocumentCodec()).getByteBuffer().remaining();
            MongoCollection<Document> raw = client.getDatabase("referent").getCollection("bench_raw");
            raw.drop();
            for (Document index : log.listIndexes()) {
                if (index.getBoolean("unique", false)) {
                    raw.createIndex((Document) index.get("key"), new IndexOptions().unique(true));
                }
            }
            Document template = sample;
            AtomicLong seq = new AtomicLong(1_000_000_000L);
            Stats insert = new Stats();
            for (int i = 0; i < n; i++) {
                Document d = copy(template, seq.incrementAndGet());
                long t = System.nanoTime();
                raw.insertOne(d);
                insert.add(System.nanoTime() - t);
            }
            Stats rawLoaded = new Stats();
            long t0 = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < perThread * 4; i++) {
                        Document d = copy(template, seq.incrementAndGet());
                        long t1 = System.nanoTime();
                        raw.insertOne(d);
                        rawLoaded.add(System.nanoTime() - t1);
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            pool.shutdown();
            double rawRate = threads * perThread * 4 / ((System.nanoTime() - t0) / 1e9);
            raw.drop();
            report.commands(level, events, size, decide, agenda, loaded, commandRate, insert,
                    rawLoaded, rawRate, threads);
        }
    }

    private Document copy(Document template, long seq) {
        Document d = new Document(template);
        d.put("_id", new ObjectId());
        d.put("eventIdentifier", java.util.UUID.randomUUID().toString());
        d.put("aggregateIdentifier", "raw-" + (seq % 1000));
        d.put("sequenceNumber", seq);
        if (d.containsKey("streamKey")) {
            d.put("streamKey", d.get("aggregateIdentifier") + "/" + seq);
        }
        return d;
    }

    /**
     * {@code threads} writers, each on its own fresh meeting and item, {@code perThread} decision edits each;
     * returns the seconds from the first to the last answer.
     */
    private double parallel(int threads, int perThread, Stats latencies) throws Exception {
        String[] meetings = new String[threads];
        String[] items = new String[threads];
        for (int t = 0; t < threads; t++) {
            meetings[t] = domain.meeting("Last " + t + "/" + System.nanoTime());
            items[t] = domain.item(meetings[t], "Punkt");
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> fs = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int th = t;
            fs.add(pool.submit(() -> {
                long rev = 0;
                for (int i = 0; i < perThread; i++) {
                    long t1 = System.nanoTime();
                    rev = domain.decide(meetings[th], items[th], Domain.text(rev + 1, "load"), rev);
                    latencies.add(System.nanoTime() - t1);
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        return (System.nanoTime() - t0) / 1e9;
    }

    // --- rebuild vs raw scan ---

    private void rebuild(int level) throws Exception {
        long events = count();
        long t0 = System.nanoTime();
        JsonNode answer = domain.api.json("POST", "/api/admin/projections/minutes/rebuild", null,
                Duration.ofMinutes(30));
        double rebuild = (System.nanoTime() - t0) / 1e9;
        double scan;
        double sortedScan;
        try (MongoClient client = MongoClients.create(app.storeUri())) {
            MongoCollection<Document> c = client.getDatabase("referent").getCollection(EVENTS);
            long n = 0;
            t0 = System.nanoTime();
            try (MongoCursor<Document> cursor = c.find().batchSize(1000).iterator()) {
                while (cursor.hasNext()) {
                    cursor.next();
                    n++;
                }
            }
            scan = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            try (MongoCursor<Document> cursor = c.find().sort(new Document("timeStamp", 1)
                    .append("sequenceNumber", 1)).batchSize(1000).iterator()) {
                while (cursor.hasNext()) {
                    cursor.next();
                }
            }
            sortedScan = (System.nanoTime() - t0) / 1e9;
            events = n;
        }
        report.rebuild(level, events, answer.path("applied").asLong(), rebuild, scan, sortedScan);
    }

    long count() {
        try (MongoClient client = MongoClients.create(app.storeUri())) {
            return client.getDatabase("referent").getCollection(EVENTS).countDocuments();
        }
    }

    // --- helpers ---

    static void progress(String s) {
        System.out.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + s);
        System.out.flush();
    }

    private static String machine() {
        StringBuilder b = new StringBuilder();
        b.append("date: ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append('\n');
        b.append("nproc: ").append(Runtime.getRuntime().availableProcessors()).append('\n');
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal")) {
                    b.append("memory: ").append(line.replaceAll("\\s+", " ")).append('\n');
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    b.append("cpu: ").append(line.substring(line.indexOf(':') + 1).strip()).append('\n');
                    break;
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        b.append("java: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append('\n');
        b.append("app: java -Xmx").append(System.getProperty("bench.xmx", "2g"))
                .append(" -jar target/referent.jar, embedded store; bench client: a separate JVM on the same machine")
                .append('\n');
        b.append("mode: ").append(QUICK ? "quick (-Dbench.quick)" : "full").append('\n');
        return b.toString();
    }
}
