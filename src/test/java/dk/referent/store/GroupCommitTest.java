package dk.referent.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The main file's group commit, on a file simulated as MVStore behaves: a write is read at the file's current
 * version once done, and a commit holds every write made before it began and raises the version.
 */
class GroupCommitTest {

    /** A file: writes in memory, a commit makes everything written before it durable and raises the version. */
    private static final class File {
        private long version = 1;
        private final List<Integer> unsaved = new ArrayList<>();
        final Set<Integer> durable = ConcurrentHashMap.newKeySet();
        final AtomicInteger commits = new AtomicInteger();
        final AtomicInteger committingNow = new AtomicInteger();
        volatile int mostAtOnce;

        synchronized long write(int id) {
            unsaved.add(id);
            return version;
        }

        /** Commits as MVStore does: takes what is written and raises the version, then writes and syncs it. */
        boolean commit(GroupCommit commits, CountDownLatch sync) {
            mostAtOnce = Math.max(mostAtOnce, committingNow.incrementAndGet());
            try {
                List<Integer> taken;
                long after;
                synchronized (this) {
                    if (unsaved.isEmpty()) {
                        return false;
                    }
                    taken = List.copyOf(unsaved);
                    unsaved.clear();
                    after = ++version;
                }
                await(sync); // the chunk written and synced
                durable.addAll(taken);
                this.commits.incrementAndGet();
                commits.committedBelow(after);
                return true;
            } finally {
                committingNow.decrementAndGet();
            }
        }
    }

    @Test
    void everyWriterReturnsOnlyOnceACommitHoldsItsWriteAndCommitsNeverOverlap() throws Exception {
        File file = new File();
        GroupCommit commits = new GroupCommit(1);
        CountDownLatch noWait = new CountDownLatch(0);
        AtomicInteger notDurable = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(12);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 12; w++) {
            int writer = w;
            done.add(writers.submit(() -> {
                for (int i = 0; i < 300; i++) {
                    int id = writer * 1000 + i;
                    long version = file.write(id);
                    commits.awaitDurable(version, () -> {
                        sleepMicros(200); // the sync
                        return file.commit(commits, noWait);
                    });
                    if (!file.durable.contains(id)) {
                        notDurable.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        writers.shutdown();

        assertThat(notDurable).hasValue(0);
        assertThat(file.durable).hasSize(12 * 300);
        assertThat(file.mostAtOnce).isEqualTo(1);
        assertThat(file.commits.get()).isLessThan(12 * 300); // writers waiting shared commits
    }

    @Test
    void writersWhoseWritesACommitHoldsAreReleasedByItWithoutCommittingAgain() throws Exception {
        File file = new File();
        GroupCommit commits = new GroupCommit(1);
        CountDownLatch sync = new CountDownLatch(1);
        CountDownLatch leading = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(6);
        // five followers write first, then the leader's commit takes all six writes and waits for its sync
        long[] versions = new long[5];
        for (int i = 0; i < 5; i++) {
            versions[i] = file.write(i);
        }
        long leaderVersion = file.write(99);
        Future<?> leader = threads.submit(() -> commits.awaitDurable(leaderVersion, () -> {
            leading.countDown();
            return file.commit(commits, sync);
        }));
        assertThat(leading.await(5, TimeUnit.SECONDS)).isTrue();
        AtomicInteger ledByFollowers = new AtomicInteger();
        List<Future<?>> followers = new ArrayList<>();
        for (long version : versions) {
            followers.add(threads.submit(() -> commits.awaitDurable(version, () -> {
                ledByFollowers.incrementAndGet();
                return file.commit(commits, new CountDownLatch(0));
            })));
        }
        Thread.sleep(100);
        assertThat(followers).noneMatch(Future::isDone); // waiting for the commit under way

        sync.countDown();
        leader.get(5, TimeUnit.SECONDS);
        for (Future<?> f : followers) {
            f.get(5, TimeUnit.SECONDS);
        }
        threads.shutdown();

        assertThat(file.commits).hasValue(1);
        assertThat(ledByFollowers).hasValue(0);
        assertThat(file.durable).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 99);
    }

    @Test
    void noWriterCommitsWhileExclusiveWorkRuns() throws Exception {
        File file = new File();
        GroupCommit commits = new GroupCommit(1);
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        Future<?> maintenance = threads.submit(() -> commits.exclusively(() -> {
            working.countDown();
            await(finish);
        }));
        assertThat(working.await(5, TimeUnit.SECONDS)).isTrue();
        long version = file.write(1);
        Future<?> writer = threads.submit(() -> commits.awaitDurable(version,
                () -> file.commit(commits, new CountDownLatch(0))));
        Thread.sleep(100);
        assertThat(writer).isNotDone();
        assertThat(file.commits).hasValue(0);

        finish.countDown();
        maintenance.get(5, TimeUnit.SECONDS);
        writer.get(5, TimeUnit.SECONDS);
        threads.shutdown();
        assertThat(file.durable).containsExactly(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleepMicros(long micros) {
        java.util.concurrent.locks.LockSupport.parkNanos(micros * 1000);
    }
}
