package io.resourcemanager.ttl.domain;

import java.util.List;

/**
 * What a decision does to a countdown and what it announces.
 *
 * @param change what happens to the stored countdown
 * @param countdown the countdown after the decision (null when removed, or unknown and left so)
 * @param facts the facts to announce, in order
 */
public record Outcome(Change change, Countdown countdown, List<TtlFact> facts) {

    public Outcome {
        facts = List.copyOf(facts);
    }

    /** Nothing changes and nothing is announced. */
    public static Outcome unchanged(Countdown countdown) {
        return new Outcome(Change.NONE, countdown, List.of());
    }

    static Outcome updated(Countdown countdown, TtlFact... facts) {
        return new Outcome(Change.UPDATED, countdown, List.of(facts));
    }

    /** What happens to the stored countdown. */
    public enum Change {
        /** It stays as it is. */
        NONE,
        /** It is replaced by {@link Outcome#countdown()}. */
        UPDATED,
        /** It is deleted. */
        REMOVED
    }
}
