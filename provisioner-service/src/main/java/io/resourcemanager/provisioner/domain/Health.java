package io.resourcemanager.provisioner.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * How healthy a node is as {@code rm.nodes} states it (SPEC §7): the health service's judgement where there
 * is one, bounded by the node's Ready condition. Only {@link #UNHEALTHY} nodes stop counting as capacity.
 * Declared from best to worst.
 */
public enum Health {

    /** Ready, and nothing wrong was judged. */
    HEALTHY,
    /** Ready, but judged impaired (a pressure condition, for instance); still capacity. */
    DEGRADED,
    /** Not Ready, or judged unhealthy: no capacity until healthy again. */
    UNHEALTHY;

    /**
     * The health to publish for a node: the worse of what Ready alone says (HEALTHY when Ready, UNHEALTHY
     * otherwise) and the health service's judgement. So a Ready node is published as judged, a node that is not
     * Ready is UNHEALTHY whatever was judged, and without a judgement Ready alone decides.
     *
     * @param ready whether the node's Ready condition is True
     * @param judged the health service's latest judgement of the node; empty when it has none
     */
    public static Health published(boolean ready, Optional<Health> judged) {
        Health fromReady = ready ? HEALTHY : UNHEALTHY;
        return judged.filter(health -> health.compareTo(fromReady) > 0).orElse(fromReady);
    }

    /**
     * The judgement a published health shows, for reading {@code rm.nodes} back on start: a Ready node published
     * as anything but HEALTHY was judged so; otherwise the published value tells nothing beyond Ready.
     *
     * @param ready whether the node was published Ready
     * @param published the health it was published with
     */
    public static Optional<Health> judgementShownBy(boolean ready, Health published) {
        Objects.requireNonNull(published, "published");
        return ready && published != HEALTHY ? Optional.of(published) : Optional.empty();
    }
}
