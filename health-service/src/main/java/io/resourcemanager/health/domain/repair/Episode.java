package io.resourcemanager.health.domain.repair;

import java.time.Instant;
import java.util.Objects;

/**
 * A node's repair story, from its first failure until it has stayed healthy for the cooldown.
 *
 * @param signal the signal being repaired (the worst one seen in the episode)
 * @param startedAt when that signal began; durations of the ladder count from here, across relapses
 * @param attempts repairs asked for in this episode
 * @param lastRung index in the signal's ladder of the last rung tried, -1 before the first
 * @param lastAttemptAt when the last repair was asked for, or null
 * @param inFlight id of the repair asked for and not answered yet, or null
 * @param recoveredAt when the node turned healthy, null while it is not
 * @param abandoned whether the service gave up (and alerted) in this episode
 */
public record Episode(Signal signal, Instant startedAt, int attempts, int lastRung, Instant lastAttemptAt,
                      String inFlight, Instant recoveredAt, boolean abandoned) {

    public Episode {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    static Episode begin(Signal signal, Instant startedAt) {
        return new Episode(signal, startedAt, 0, -1, null, null, null, false);
    }

    Episode escalatedTo(Signal worse, Instant since) {
        return new Episode(worse, since, attempts, -1, lastAttemptAt, inFlight, null, abandoned);
    }

    Episode recovered(Instant at) {
        return new Episode(signal, startedAt, attempts, lastRung, lastAttemptAt, inFlight, at, abandoned);
    }

    Episode relapsed() {
        return new Episode(signal, startedAt, attempts, lastRung, lastAttemptAt, inFlight, null, abandoned);
    }

    Episode attempted(int rung, String repairId, Instant at) {
        return new Episode(signal, startedAt, attempts + 1, rung, at, repairId, recoveredAt, abandoned);
    }

    Episode answered() {
        return new Episode(signal, startedAt, attempts, lastRung, lastAttemptAt, null, recoveredAt, abandoned);
    }

    Episode givenUp() {
        return new Episode(signal, startedAt, attempts, lastRung, lastAttemptAt, inFlight, recoveredAt, true);
    }
}
