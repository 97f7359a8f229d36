package io.resourcemanager.health.benchmark;

import io.resourcemanager.health.benchmark.HealthEventWatch.Seen;
import io.resourcemanager.health.benchmark.NodeFleet.Change;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Matches each condition change to the {@code NodeHealthChanged} that reports it: the first event of the
 * same node, read after the change was sent, whose Ready and DiskPressure statuses are the new ones, and
 * read before the node's change after next was sent (the next time the same statuses could recur). Each
 * event matches at most one change. Events of a node come in order (one partition per key).
 */
final class ChangeLatency {

    final List<Long> visibleNanos = new ArrayList<>();
    final List<Long> producedNanos = new ArrayList<>();
    final List<Long> roundTripNanos = new ArrayList<>();
    int changes;
    int matched;
    /** Events of flapping nodes after their first that match no change. */
    int unmatchedEvents;

    static ChangeLatency of(List<Change> written, HealthEventWatch watch) {
        ChangeLatency latency = new ChangeLatency();
        Map<String, List<Change>> byNode = written.stream().collect(Collectors.groupingBy(Change::node));
        byNode.forEach((node, changes) -> latency.match(
                changes.stream().sorted(Comparator.comparingInt(Change::sequence)).toList(), watch.of(node)));
        return latency;
    }

    private void match(List<Change> changes, List<Seen> seen) {
        int next = 0;
        int used = 0;
        for (int k = 0; k < changes.size(); k++) {
            Change change = changes.get(k);
            roundTripNanos.add(Duration.between(change.sent(), change.accepted()).toNanos());
            this.changes++;
            for (int j = next; j < seen.size(); j++) {
                Seen event = seen.get(j);
                if (k + 2 < changes.size() && !event.received().isBefore(changes.get(k + 2).sent())) {
                    break;
                }
                if (!event.received().isBefore(change.sent()) && event.ready().equals(change.ready())
                        && event.diskPressure().equals(change.diskPressure())) {
                    visibleNanos.add(Duration.between(change.accepted(), event.received()).toNanos());
                    producedNanos.add(Duration.between(change.accepted(), event.occurredAt()).toNanos());
                    matched++;
                    used++;
                    next = j + 1;
                    break;
                }
            }
        }
        unmatchedEvents += Math.max(0, seen.size() - 1 - used);
    }
}
