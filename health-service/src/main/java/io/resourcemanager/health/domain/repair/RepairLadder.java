package io.resourcemanager.health.domain.repair;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The repair ladder of SPEC §7 as pure functions: {@link #observe} keeps a node's {@link Episode} in step
 * with its symptoms, {@link #decide} says what to do now (given the pool's load), and {@link #attempted},
 * {@link #answered} and {@link #gaveUp} record what the caller did. Nothing here reads a clock.
 *
 * <ul>
 *   <li>Rungs follow the signal's duration (from the start of the episode) or the kubelet's restarts; a
 *       node already far along (first seen late) goes straight to the highest rung it reached.</li>
 *   <li>One repair at a time per node; the next rung only after the previous repair was answered (or
 *       timed out), and never a rung already tried in the episode.</li>
 *   <li>At most {@code maxAttempts} repairs an episode; then one {@link RepairAction.Abandon} (the alert),
 *       and nothing more until the node has been healthy for the cooldown.</li>
 *   <li>Flap damping: a node that recovers and fails again within the cooldown continues its episode —
 *       its durations keep counting from the first failure and the ladder goes on from where it was.</li>
 *   <li>Blast radius: at most the pool's share (at least one node) and the global cap under repair at once.</li>
 * </ul>
 */
public final class RepairLadder {

    private final RepairPolicy policy;

    public RepairLadder(RepairPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * The episode after the node showed {@code symptoms} at {@code now}: begun, escalated to a worse signal,
     * recovered, relapsed, or over (null) once the node stayed healthy for the cooldown.
     */
    public Episode observe(Episode episode, Symptoms symptoms, Instant now) {
        Signal worst = symptoms.worst().orElse(null);
        if (worst == null) {
            if (episode == null) {
                return null;
            }
            if (episode.recoveredAt() == null) {
                return episode.recovered(now);
            }
            boolean over = !now.isBefore(episode.recoveredAt().plus(policy.cooldown())) && episode.inFlight() == null;
            return over ? null : episode;
        }
        Instant since = symptoms.since().get(worst);
        if (episode == null) {
            return Episode.begin(worst, since);
        }
        Episode current = episode.recoveredAt() == null ? episode : episode.relapsed();
        return worst.compareTo(current.signal()) < 0 ? current.escalatedTo(worst, since) : current;
    }

    /** What to do for a node in {@code episode} now; {@code deliberate} when it is drained, provisioned or removed on purpose. */
    public RepairAction decide(Episode episode, Symptoms symptoms, PoolLoad load, boolean deliberate, Instant now) {
        if (deliberate || episode == null || episode.recoveredAt() != null || episode.abandoned()) {
            return new RepairAction.Idle(null);
        }
        if (episode.inFlight() != null) {
            Instant timeout = episode.lastAttemptAt().plus(policy.repairTimeout());
            if (now.isBefore(timeout)) {
                return new RepairAction.Idle(timeout);
            }
        }
        List<Rung> ladder = policy.ladder(episode.signal());
        int next = episode.lastRung() + 1;
        if (next >= ladder.size()) {
            return episode.attempts() > 0
                    ? new RepairAction.Abandon(episode.attempts(), "every rung of the " + name(episode.signal())
                            + " ladder was tried and the node is still unhealthy")
                    : new RepairAction.Idle(null);
        }
        Duration elapsed = Duration.between(episode.startedAt(), now);
        int reached = highestReached(ladder, next, elapsed, symptoms.kubeletRestarts());
        if (reached < 0) {
            Rung due = ladder.get(next);
            return new RepairAction.Idle(episode.signal() == Signal.KUBELET_CRASH_LOOP ? null
                    : episode.startedAt().plus(due.after()));
        }
        if (episode.attempts() >= policy.maxAttempts()) {
            return new RepairAction.Abandon(episode.attempts(), episode.attempts() + " repairs did not heal "
                    + name(episode.signal()));
        }
        int budget = policy.poolBudget(load.poolSize());
        if (load.repairingInPool() >= budget) {
            return new RepairAction.Held("pool " + load.pool() + " already has " + load.repairingInPool() + " of "
                    + load.poolSize() + " nodes under repair (at most " + budget + ")");
        }
        if (load.repairingEverywhere() >= policy.globalCap()) {
            return new RepairAction.Held(load.repairingEverywhere() + " nodes are under repair (at most "
                    + policy.globalCap() + " at once)");
        }
        Rung rung = ladder.get(reached);
        return new RepairAction.Repair(rung.remedy(), episode.signal(), reached, episode.attempts() + 1,
                reason(episode.signal(), elapsed, symptoms.kubeletRestarts()));
    }

    /** The episode after the repair {@code repair} was asked for, as {@code repairId}. */
    public Episode attempted(Episode episode, RepairAction.Repair repair, String repairId, Instant now) {
        return episode.attempted(repair.rung(), repairId, now);
    }

    /** The episode after the repair {@code repairId} was answered (completed or failed); other ids change nothing. */
    public Episode answered(Episode episode, String repairId) {
        return episode != null && repairId.equals(episode.inFlight()) ? episode.answered() : episode;
    }

    /** The episode after the service gave up on it (and alerted). */
    public Episode gaveUp(Episode episode) {
        return episode.givenUp();
    }

    private static int highestReached(List<Rung> ladder, int from, Duration elapsed, int restarts) {
        int reached = -1;
        for (int i = from; i < ladder.size(); i++) {
            Rung rung = ladder.get(i);
            boolean byTime = rung.restarts() == 0 && elapsed.compareTo(rung.after()) >= 0;
            boolean byRestarts = rung.restarts() > 0 && restarts >= rung.restarts();
            if (byTime || byRestarts) {
                reached = i;
            }
        }
        return reached;
    }

    private static String reason(Signal signal, Duration elapsed, int restarts) {
        return signal == Signal.KUBELET_CRASH_LOOP ? "kubelet restarted " + restarts + " times"
                : name(signal) + " for " + (elapsed.toMinutes() > 0 ? elapsed.toMinutes() + " min" : elapsed.toSeconds() + " s");
    }

    private static String name(Signal signal) {
        return switch (signal) {
            case NOT_READY -> "NotReady";
            case KUBELET_CRASH_LOOP -> "kubelet crash loop";
            case MEMORY_PRESSURE -> "MemoryPressure";
            case DISK_PRESSURE -> "DiskPressure";
        };
    }
}
