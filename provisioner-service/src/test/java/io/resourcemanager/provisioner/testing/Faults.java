package io.resourcemanager.provisioner.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a fake has been told to go wrong, and the calls it received. Thread-safe; shared by the fakes.
 * A fake calls {@link #before} when a call arrives (which records it and may throw the queued fault,
 * nothing having happened) and {@link #after} once the call took effect (which may throw a lost
 * answer or a {@link SimulatedCrash}).
 */
final class Faults {

    private final Set<Operation> served;
    private final Map<Operation, Deque<Fault>> failBefore = new EnumMap<>(Operation.class);
    private final Map<Operation, Deque<Fault>> failAfter = new EnumMap<>(Operation.class);
    private final Set<Operation> crashAfter = EnumSet.noneOf(Operation.class);
    private final List<String> calls = new ArrayList<>();
    private final CallLog timeline;

    Faults(Set<Operation> served, CallLog timeline) {
        this.served = EnumSet.copyOf(served);
        this.timeline = timeline;
    }

    synchronized void failNext(Operation operation, int times, Fault fault) {
        check(operation);
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, was " + times);
        }
        for (int i = 0; i < times; i++) {
            failBefore.computeIfAbsent(operation, o -> new ArrayDeque<>()).add(fault);
        }
    }

    synchronized void failAfterNext(Operation operation, Fault fault) {
        check(operation);
        failAfter.computeIfAbsent(operation, o -> new ArrayDeque<>()).add(fault);
    }

    synchronized void crashAfter(Operation operation) {
        check(operation);
        crashAfter.add(operation);
    }

    /** Records the call (when {@code recorded}) and throws the next queued fault of its operation. */
    synchronized void before(Operation operation, String call, boolean recorded) {
        if (recorded) {
            calls.add(call);
            timeline.add(call);
        }
        Fault fault = poll(failBefore, operation);
        if (fault != null) {
            throw fault.raise(call);
        }
    }

    /** Throws a lost answer or a crash armed for this operation, now that the call took effect. */
    synchronized void after(Operation operation, String call) {
        Fault fault = poll(failAfter, operation);
        if (fault != null) {
            throw fault.raise(call);
        }
        if (crashAfter.remove(operation)) {
            throw new SimulatedCrash(call);
        }
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    synchronized void clearCalls() {
        calls.clear();
    }

    private static Fault poll(Map<Operation, Deque<Fault>> queues, Operation operation) {
        Deque<Fault> queue = queues.get(operation);
        return queue == null ? null : queue.poll();
    }

    private void check(Operation operation) {
        if (!served.contains(operation)) {
            throw new IllegalArgumentException(operation + " is not an operation of this fake; it serves " + served);
        }
    }
}
