package dk.referent.store;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Who commits the main file, and when a writer may answer: a group commit whose followers are released together.
 * <p>
 * A write to the main file is done in memory; the writer then needs a commit that holds it, synced, before it
 * answers. One writer at a time (the leader) commits everything written so far; writers that come meanwhile wait
 * for it, and when it is done every writer whose write it held is released at once. Of those whose writes came
 * too late for it, one leads the next commit. Before, writers took turns at one monitor, each only to find that
 * the commit before had held its write: under load (2,000 live sessions, 500 commands a second, a dozen writers
 * waiting) a writer waited for the lock up to five commits long (p99 105 ms against a commit's 23 ms), since every
 * turn meant waking one thread on a machine whose two cores were busy, and a newcomer could take the lock first.
 * <p>
 * Versions are the file's: a write read at version {@code v} once it was done is held by every commit that
 * started after that, so it is durable once the file's version after a finished commit is above {@code v}.
 */
final class GroupCommit {

    private final AtomicBoolean busy = new AtomicBoolean();
    /** Every write read at a version below this is committed and synced. */
    private volatile long durableBelow;
    private final Queue<Thread> parked = new ConcurrentLinkedQueue<>();

    GroupCommit(long durableBelow) {
        this.durableBelow = durableBelow;
    }

    /**
     * Returns once a write read at {@code version} is durable: it was committed by someone else, or this thread
     * led the commit ({@code commit}: commits and syncs, and says so, or does nothing when nothing is unsaved,
     * since then the write is committed already or changed nothing). Returns the nanoseconds this thread spent
     * on a commit it made, else 0.
     */
    long awaitDurable(long version, BooleanSupplier commit) {
        while (durableBelow <= version) {
            if (busy.compareAndSet(false, true)) {
                try {
                    if (durableBelow <= version) {
                        long start = System.nanoTime();
                        return commit.getAsBoolean() ? Math.max(1, System.nanoTime() - start) : 0;
                    }
                } finally {
                    release();
                }
            } else {
                await(() -> durableBelow > version);
            }
        }
        return 0;
    }

    /** Runs the work while no commit of a writer runs (the maintenance's commit, a catalogue change). */
    void exclusively(Runnable work) {
        while (!busy.compareAndSet(false, true)) {
            await(() -> false);
        }
        try {
            work.run();
        } finally {
            release();
        }
    }

    /**
     * Records a finished commit and sync, by whoever holds the file ({@link #awaitDurable}'s commit or
     * {@link #exclusively}): writes read at a version below {@code version} are durable.
     */
    void committedBelow(long version) {
        if (version > durableBelow) {
            durableBelow = version;
        }
    }

    /** Parks until the file is free or {@code done}. */
    private void await(BooleanSupplier done) {
        Thread me = Thread.currentThread();
        parked.add(me);
        boolean interrupted = false;
        try {
            // registered before looking: a release after this look unparks this thread, so no wake-up is missed
            while (busy.get() && !done.getAsBoolean()) {
                LockSupport.park(this);
                interrupted |= Thread.interrupted(); // or park would return at once from now on
            }
        } finally {
            parked.remove(me);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void release() {
        busy.set(false);
        for (Thread t : parked) {
            LockSupport.unpark(t);
        }
    }
}
