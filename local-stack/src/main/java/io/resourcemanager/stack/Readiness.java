package io.resourcemanager.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits, until one overall deadline, for parts of the stack to become healthy; fails as soon as a
 * part stops. Reports each part once, when it first answers as healthy.
 */
public final class Readiness {

    private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private final Instant started;
    private final Duration timeout;
    private final Set<String> ready = new HashSet<>();

    /**
     * @param started when the launcher started; times are reported from here
     * @param timeout how long after {@code started} every part must be healthy
     */
    public Readiness(Instant started, Duration timeout) {
        this.started = started;
        this.timeout = timeout;
    }

    /**
     * Returns once every part is healthy.
     *
     * @param parts the parts to wait for; those already seen healthy are not checked again
     * @throws PartFailedException for the first part found stopped, or the first one still not
     *                             healthy at the deadline
     */
    public void await(Collection<StackPart> parts) {
        List<StackPart> pending = new ArrayList<>(parts.stream().filter(part -> !ready.contains(part.name())).toList());
        while (true) {
            for (StackPart part : List.copyOf(pending)) {
                if (!part.isRunning()) {
                    throw PartFailedException.of(part, part.exitDescription());
                }
                if (part.isHealthy()) {
                    ready.add(part.name());
                    pending.remove(part);
                    LOG.info("{} is ready ({} s)", part.name(), elapsedSeconds());
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (remaining().isZero()) {
                throw PartFailedException.of(pending.get(0), "not healthy within " + timeout.toSeconds()
                        + " s (raise --ready-timeout on a slow machine)");
            }
            pause();
        }
    }

    /** @return the time left until the deadline, zero once it has passed */
    public Duration remaining() {
        Duration left = Duration.between(Instant.now(), started.plus(timeout));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** @return seconds since the launcher started, with one decimal */
    public String elapsedSeconds() {
        return "%.1f".formatted(Duration.between(started, Instant.now()).toMillis() / 1000.0);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("Interrupted while waiting for the stack to become ready", e);
        }
    }
}
