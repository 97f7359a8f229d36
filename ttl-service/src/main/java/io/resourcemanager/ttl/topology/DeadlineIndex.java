package io.resourcemanager.ttl.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Countdowns filed by the moment something is due for them, so that a tick reads only what is due:
 * keys are the due moment in epoch millis, zero-padded to a fixed width, then the subject id; the
 * store orders keys bytewise, so a range scan from the start up to "now" yields exactly the due entries.
 */
final class DeadlineIndex {

    /** Name of the index store. */
    static final String STORE = "deadline-index";
    private static final int WIDTH = 19;
    private static final String LOWEST = key(0, "");

    private final KeyValueStore<String, String> store;

    DeadlineIndex(KeyValueStore<String, String> store) {
        this.store = store;
    }

    /** Files {@code subjectId} under {@code dueAt}, replacing its entry under {@code previous} (may be null). */
    void file(String subjectId, Instant previous, Instant dueAt) {
        if (previous != null && previous.equals(dueAt)) {
            return;
        }
        remove(subjectId, previous);
        store.put(key(dueAt.toEpochMilli(), subjectId), subjectId);
    }

    /** Removes the entry of {@code subjectId} under {@code dueAt} (nothing when null). */
    void remove(String subjectId, Instant dueAt) {
        if (dueAt != null) {
            store.delete(key(dueAt.toEpochMilli(), subjectId));
        }
    }

    /** Subjects due at or before {@code now}, soonest first, at most {@code limit} of them. */
    List<Due> dueBy(Instant now, int limit) {
        List<Due> due = new ArrayList<>();
        try (KeyValueIterator<String, String> entries = store.range(LOWEST, key(now.toEpochMilli() + 1, ""))) {
            while (entries.hasNext() && due.size() < limit) {
                KeyValue<String, String> entry = entries.next();
                due.add(new Due(entry.value, Instant.ofEpochMilli(Long.parseLong(entry.key.substring(0, WIDTH)))));
            }
        }
        return due;
    }

    private static String key(long epochMillis, String subjectId) {
        return String.format("%0" + WIDTH + "d|%s", Math.max(0, epochMillis), subjectId);
    }

    /** A subject and the moment it is filed under. */
    record Due(String subjectId, Instant at) {
    }
}
