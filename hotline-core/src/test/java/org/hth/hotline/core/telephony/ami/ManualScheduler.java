package org.hth.hotline.core.telephony.ami;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.hth.hotline.core.testing.MutableClock;

/** A scheduler the test drives: {@link #advance} moves the clock and runs what fell due, on the test's thread. */
final class ManualScheduler implements Scheduler {
    private final MutableClock clock;
    private final List<Task> tasks = new ArrayList<>();
    private long sequence;

    private final class Task {
        final Instant due;
        final long order = sequence++;
        final Runnable body;
        boolean cancelled;

        Task(Instant due, Runnable body) {
            this.due = due;
            this.body = body;
        }
    }

    ManualScheduler(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable body) {
        Task task = new Task(clock.instant().plus(delay), body);
        tasks.add(task);
        return () -> task.cancelled = true;
    }

    /** Moves the clock by {@code by}, running every task that falls due on the way, in order. */
    void advance(Duration by) {
        Instant target = clock.instant().plus(by);
        while (true) {
            Task next = tasks.stream().filter(t -> !t.cancelled && !t.due.isAfter(target))
                    .min(Comparator.comparing((Task t) -> t.due).thenComparingLong(t -> t.order)).orElse(null);
            if (next == null) {
                break;
            }
            tasks.remove(next);
            if (next.due.isAfter(clock.instant())) {
                clock.set(next.due);
            }
            next.body.run();
        }
        clock.set(target);
        tasks.removeIf(t -> t.cancelled);
    }
}
