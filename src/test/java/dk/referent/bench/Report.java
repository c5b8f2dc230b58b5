package dk.referent.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The figures of one run, as Markdown tables (printed at the end and written to target/bench/results.md). */
final class Report {

    private String machine = "";
    private List<Integer> levels = List.of();
    private final List<String> seeding = new ArrayList<>();
    private final List<String> commands = new ArrayList<>();
    private final List<String> files = new ArrayList<>();
    private final List<String> rebuilds = new ArrayList<>();
    private final List<String> startups = new ArrayList<>();
    private final List<String> live = new ArrayList<>();
    private final List<String> memory = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> cpu = new ArrayList<>();
    private final List<String> timers = new ArrayList<>();

    synchronized void header(String machine, List<Integer> levels) {
        this.machine = machine;
        this.levels = levels;
        System.out.print(machine);
    }

    synchronized void seed(long commands, double seconds, int threads, int errors) {
        add(seeding, String.format("| %,d | %.1f | **%.0f** | %d | %d |", commands, seconds, commands / seconds,
                threads, errors));
    }

    synchronized void commands(int level, long events, int docBytes, Stats decide, Stats agenda, Stats loaded,
                               double rate, Stats insert, Stats rawLoaded, double rawRate, int threads) {
        add(commands, String.format("| %,d | %s | %s | %.0f (p50 %.1f, p99 %.1f) | %s | %.0f (p50 %.2f, p99 %.2f) "
                        + "| **%.0f× / %.0f× / %.0f×** | %.2f× | %d B |",
                events, decide.pcts(), agenda.pcts(), rate, loaded.ms(50), loaded.ms(99), insert.pcts(), rawRate,
                rawLoaded.ms(50), rawLoaded.ms(99),
                decide.ms(50) / insert.ms(50), decide.ms(95) / insert.ms(95), decide.ms(99) / insert.ms(99),
                rate / rawRate, docBytes));
    }

    synchronized void file(int level, long events, long commands, long running, long stopped, long restarted) {
        add(files, String.format("| %,d | %,d | %s | %s | %s |", events, commands, mb(running), mb(stopped),
                mb(restarted)));
    }

    synchronized void rebuild(int level, long events, long applied, double seconds, double scan, double sorted) {
        add(rebuilds, String.format("| %,d | %.1f s | **%,.0f** | %.2f s | %,.0f | %,.0f | **%.1f×** |", events,
                seconds, events / seconds, scan, events / scan, events / sorted, seconds / scan));
    }

    synchronized void startup(long events, Duration startup, Stats cold) {
        add(startups, String.format("| %,d | **%.1f s** | %s |", events, startup.toMillis() / 1000.0,
                cold == null || cold.count() == 0 ? "–"
                        : String.format("%.0f / %.0f ms", cold.ms(50), cold.maxMs())));
    }

    synchronized void timer(String name, String description, String perSecond, String p50, String p95, String p99) {
        add(timers, String.format("| %s | %s | %s | %s | %s | %s |", name, description, perSecond, p50, p95, p99));
    }

    synchronized void bulk(long events, double seconds) {
        add(seeding, String.format("| %,d (driver copies, see below) | %.1f | %.0f | 1 | 0 |", events, seconds,
                events / seconds));
    }

    synchronized void live(String scenario, int sessions, int commands, double rate, long deliveries, long missing,
                           Stats stomp, Stats raw, double rawRate, long rawMissing, int bytes) {
        add(live, String.format("| %s | %,d | %,d | %.1f / %.1f | %,d | %,d / %,d | %s | %s | **%.1f× / %.1f×** "
                        + "| %d B |",
                scenario, sessions, commands, rate, rawRate, deliveries, missing, rawMissing, stomp.pcts(),
                raw.pcts(), stomp.ms(50) / raw.ms(50), stomp.ms(99) / raw.ms(99), bytes));
    }

    synchronized void memory(String how, int sessions, long without, long with) {
        add(memory, String.format("| %s | %,d | %s | %s | **%.1f KB** |", how, sessions, mb(without), mb(with),
                (with - without) / 1024.0 / sessions));
    }

    /** Where the app's CPU went during a scenario: the thread groups' share, largest first. */
    synchronized void cpu(String scenario, java.util.Map<String, Long> before, java.util.Map<String, Long> after,
                          double seconds, int commands, double clientCores, double machineBusy) {
        java.util.Map<String, Long> used = new java.util.HashMap<>();
        after.forEach((name, ticks) -> used.put(name, ticks - before.getOrDefault(name, 0L)));
        long total = used.values().stream().mapToLong(Long::longValue).sum();
        if (total <= 0) {
            return;
        }
        StringBuilder groups = new StringBuilder();
        used.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(e -> e.getValue() * 100 >= total).forEach(e -> groups.append(String.format("%s %.0f %%, ",
                        e.getKey(), 100.0 * e.getValue() / total)));
        int cores = Runtime.getRuntime().availableProcessors();
        add(cpu, String.format("| %s | %.2f of %d | %.2f | %s | %.1f ms | %s |", scenario, total / 100.0 / seconds,
                cores, clientCores, machineBusy < 0 ? "–" : String.format("%.0f %%", 100 * machineBusy),
                total * 10.0 / Math.max(1, commands), groups.substring(0, groups.length() - 2)));
    }

    synchronized void note(String s) {
        add(notes, "- " + s);
    }

    private static void add(List<String> table, String row) {
        table.add(row);
        Bench.progress(row);
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "–" : String.format("%.1f MB", bytes / 1e6);
    }

    synchronized String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("```\n").append(machine).append("levels: ").append(levels).append("\n```\n\n");
        section(b, "Seeding (HTTP commands from several client threads, each waiting for its answer)",
                "| commands | seconds | commands/s | client threads | errors |\n|---:|---:|---:|---:|---:|", seeding);
        section(b, "Command latency (ms, p50 / p95 / p99) and throughput vs raw driver insertOne, same store",
                "| events in log | PUT decision (sequential) | POST agenda item (sequential) "
                        + "| 8 writers: commands/s (ms) | raw insertOne (sequential) | raw 8 writers: inserts/s (ms) "
                        + "| latency ratio p50 / p95 / p99 | throughput ratio | event doc |\n"
                        + "|---:|---|---|---|---|---|---|---:|---:|", commands);
        section(b, "Data files (referent.mv.db + read-models.mv.db)",
                "| events | commands so far | while running | after graceful stop | after restart |\n"
                        + "|---:|---:|---:|---:|---:|", files);
        section(b, "Projection rebuild (POST /api/admin/projections/minutes/rebuild) vs raw cursor scan",
                "| events | rebuild | rebuild events/s | raw scan | raw scan docs/s | raw sorted scan docs/s "
                        + "| rebuild / scan time |\n|---:|---:|---:|---:|---:|---:|---:|", rebuilds);
        section(b, "Time to start (process start → /actuator/health UP)",
                "| events in log | start | first command on a seeded meeting after the restart (5 meetings: median / max) |\n|---:|---:|---:|", startups);
        section(b, "Live: command → subscriber latency (ms, p50 / p95 / p99) vs raw WebSocket broadcast",
                "| scenario | sessions | commands | commands/s STOMP / raw | deliveries | missing STOMP / raw "
                        + "| STOMP via app | raw WebSocket | ratio p50 / p99 | message |\n"
                        + "|---|---:|---:|---:|---:|---:|---|---|---|---:|", live);
        section(b, "Heap per open WebSocket session (STOMP, one subscription each; after full GC)",
                "| measured by | sessions | heap without them | heap with them | per session |\n|---|---:|---:|---:|---:|", memory);
        section(b, "The app's CPU during a live run (threads from /proc, digits as N)",
                "| scenario | app: cores busy | bench client: cores | whole machine busy | app CPU per command "
                        + "| app thread groups with ≥ 1 % |\n|---|---:|---:|---:|---:|---|", cpu);
        section(b, "The app's own timers after the 2,000-session load (ms; Micrometer percentiles of about the "
                        + "last two minutes, so mostly that load)",
                "| timer | what it times | per s in the CPU window | p50 | p95 | p99 |\n|---|---|---:|---:|---:|---:|",
                timers);
        if (!notes.isEmpty()) {
            b.append("### Notes\n\n");
            notes.forEach(n -> b.append(n).append('\n'));
        }
        return b.toString();
    }

    private static void section(StringBuilder b, String title, String head, List<String> rows) {
        b.append("### ").append(title).append("\n\n").append(head).append('\n');
        rows.forEach(r -> b.append(r).append('\n'));
        b.append('\n');
    }
}
