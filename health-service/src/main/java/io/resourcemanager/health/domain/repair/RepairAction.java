package io.resourcemanager.health.domain.repair;

import java.time.Instant;

/** What the ladder decides for one node at one moment. */
public sealed interface RepairAction {

    /** Nothing to do; look again at {@code recheckAt} (null: when something changes). */
    record Idle(Instant recheckAt) implements RepairAction {
    }

    /** Ask for {@code remedy}, the {@code attempt}-th repair of the episode, rung {@code rung} of its ladder. */
    record Repair(Remedy remedy, Signal signal, int rung, int attempt, String reason) implements RepairAction {
    }

    /** A repair is due but a guardrail holds it back (blast radius, global cap); try again later. */
    record Held(String reason) implements RepairAction {
    }

    /** Give up on the node and alert ({@code auto_repair_failure}): its repairs did not heal it. */
    record Abandon(int attempts, String reason) implements RepairAction {
    }
}
