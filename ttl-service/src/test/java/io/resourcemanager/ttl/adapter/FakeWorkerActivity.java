package io.resourcemanager.ttl.adapter;

import io.resourcemanager.ttl.domain.ActivitySample;
import io.resourcemanager.ttl.domain.WorkerActivity;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** In-memory {@link WorkerActivity}: answers the samples it was given, counts calls, can be told to fail next. */
final class FakeWorkerActivity implements WorkerActivity {

    private final Deque<RuntimeException> failures = new ArrayDeque<>();
    private List<ActivitySample> samples = List.of();
    private int calls;

    /** From now on, every call answers {@code current}. */
    synchronized void answer(ActivitySample... current) {
        samples = List.of(current);
    }

    /** The next call throws {@code failure} (queued behind failures already told). */
    synchronized void failNext(RuntimeException failure) {
        failures.add(failure);
    }

    /** The next call throws {@link ActivityUnavailableException}, as when the API server does not answer. */
    void failNextAsUnavailable() {
        failNext(new ActivityUnavailableException("connection refused", null));
    }

    /** How often the activity was asked for. */
    synchronized int calls() {
        return calls;
    }

    @Override
    public synchronized List<ActivitySample> sample() {
        calls++;
        RuntimeException failure = failures.poll();
        if (failure != null) {
            throw failure;
        }
        return samples;
    }
}
