package dk.referent.bench;

import java.util.Arrays;

/** Latencies in nanoseconds; percentiles by nearest rank. Thread-safe appends. */
final class Stats {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized void addAll(Stats other) {
        long[] o = other.sorted();
        for (long v : o) {
            add(v);
        }
    }

    synchronized int count() {
        return size;
    }

    synchronized long[] sorted() {
        long[] s = Arrays.copyOf(values, size);
        Arrays.sort(s);
        return s;
    }

    /** The p-th percentile in milliseconds (NaN when empty). */
    double ms(double p) {
        long[] s = sorted();
        if (s.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * s.length);
        return s[Math.max(0, Math.min(s.length - 1, rank - 1))] / 1e6;
    }

    double maxMs() {
        long[] s = sorted();
        return s.length == 0 ? Double.NaN : s[s.length - 1] / 1e6;
    }

    String pcts() {
        return String.format("%.2f / %.2f / %.2f", ms(50), ms(95), ms(99));
    }
}
