package io.resourcemanager.health.domain.repair;

import java.time.Duration;
import java.util.Objects;

/**
 * One rung of a ladder: {@code remedy} once the signal lasted {@code after}, or (crash loops) once the
 * kubelet restarted {@code restarts} times.
 */
public record Rung(Duration after, int restarts, Remedy remedy) {

    public Rung {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(remedy, "remedy");
    }

    /** A rung reached after a duration. */
    public static Rung after(Duration after, Remedy remedy) {
        return new Rung(after, 0, remedy);
    }

    /** A rung reached after a number of restarts. */
    public static Rung atRestarts(int restarts, Remedy remedy) {
        return new Rung(Duration.ZERO, restarts, remedy);
    }
}
