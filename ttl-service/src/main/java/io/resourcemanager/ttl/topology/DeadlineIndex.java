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
 * store orders keys bytewise, so a range scan up to "now" yields exactly the due entries.
 *
 * <p>Scans start where the previous one ended (the floor), not at the beginning, so they never walk over
 * the deletion markers of countdowns already fired; a countdown filed under a moment below the floor
 * (already due when it is filed) is filed under the floor instead and fires at the next tick. The floor
 * lives in memory: a restarted task scans from the beginning once.
 */
final class DeadlineIndex {

    /** Name of the index store. */
    static final String STORE = "deadline-index";
    private static final int WIDTH = 19;

    private final KeyValueStore<String, String> store;
    private Instant floor = Instant.EPOCH;

    DeadlineIndex(KeyValueStore<String, String> store) {
        this.store = store;
    }

    /**
     * Files {@code subjectId} under {@code dueAt} (or the floor, when that is later), replacing its entry
     * under {@code previous} (may be null).
     *
     * @return the moment it is filed under
     */
    Instant file(String subjectId, Instant previous, Instant dueAt) {
        Instant at = dueAt.isBefore(floor) ? floor : dueAt;
        if (!at.equals(previous)) {
            remove(subjectId, previous);
            store.put(key(at.toEpochMilli(), subjectId), subjectId);
        }
        return at;
    }

    /** Removes the entry of {@code subjectId} under {@code filedAt} (nothing when null). */
    void remove(String subjectId, Instant filedAt) {
        if (filedAt != null) {
            store.delete(key(filedAt.toEpochMilli(), subjectId));
        }
    }

    /** Subjects due at or before {@code now}, soonest first, at most {@code limit} of them. */
    List<Due> dueBy(Instant now, int limit) {
        List<Due> due = new ArrayList<>();
        try (KeyValueIterator<String, String> entries = store.range(key(floor.toEpochMilli(), ""),
                key(now.toEpochMilli() + 1, ""))) {
            while (entries.hasNext() && due.size() < limit) {
                KeyValue<String, String> entry = entries.next();
                due.add(new Due(entry.value, Instant.ofEpochMilli(Long.parseLong(entry.key.substring(0, WIDTH)))));
            }
        }
        Instant scanned = due.size() < limit ? Instant.ofEpochMilli(now.toEpochMilli() + 1) : due.get(due.size() - 1).at();
        floor = scanned.isAfter(floor) ? scanned : floor;
        return due;
    }

    private static String key(long epochMillis, String subjectId) {
        return String.format("%0" + WIDTH + "d|%s", Math.max(0, epochMillis), subjectId);
    }

    /** A subject and the moment it is filed under. */
    record Due(String subjectId, Instant at) {
    }
}
