package io.resourcemanager.health.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Judges a node's health from its conditions, its Ready heartbeat and its kubelet restarts. */
public final class HealthJudge {

    /** The condition that says whether the kubelet considers the node ready. */
    public static final String READY = "Ready";
    /** Reason given to a Ready condition turned Unknown because its heartbeat is too old. */
    public static final String HEARTBEAT_STALE = "HeartbeatStale";
    /** Conditions that are bad when True. */
    static final Set<String> PRESSURE_CONDITIONS =
            Set.of("MemoryPressure", "DiskPressure", "PIDPressure", "NetworkUnavailable");
    /** node-problem-detector conditions that, when True, mean the kubelet or the container runtime crash-loops. */
    static final Set<String> CRASH_LOOP_CONDITIONS =
            Set.of("FrequentKubeletRestart", "FrequentContainerdRestart", "FrequentDockerRestart");
    /**
     * Restarts a crash-looping node counts at least when a crash-loop condition is True but no restart was
     * seen: the first threshold of the crash-loop repair ladder (SPEC §7).
     */
    public static final int CRASH_LOOP_RESTARTS = 3;

    private static final Set<String> STATUSES = Set.of("True", "False", "Unknown");

    private HealthJudge() {
    }

    /**
     * The node's snapshot at {@code now}. A Ready=True condition whose heartbeat is older than
     * {@code heartbeatTimeout} counts as Unknown since that heartbeat (reason {@value #HEARTBEAT_STALE}).
     * Conditions that cannot be judged (see {@link #oddity}) give {@link Health#UNKNOWN}.
     *
     * @param conditions the node's conditions
     * @param readyHeartbeat the Ready condition's last heartbeat, if known
     * @param restartsSeen kubelet or container-runtime restarts counted in the recent window
     * @param now the current time
     * @param heartbeatTimeout how old a heartbeat may be before Ready is no longer believed
     */
    public static NodeSnapshot snapshot(Collection<Condition> conditions, Instant readyHeartbeat, int restartsSeen,
                                        Instant now, Duration heartbeatTimeout) {
        List<Condition> judged = List.copyOf(conditions);
        boolean crashLoop = judged.stream().anyMatch(c -> CRASH_LOOP_CONDITIONS.contains(c.type()) && c.isTrue());
        int restarts = crashLoop ? Math.max(restartsSeen, CRASH_LOOP_RESTARTS) : Math.max(restartsSeen, 0);
        Optional<String> oddity = oddity(judged);
        if (oddity.isEmpty() && readyTrue(judged) && readyHeartbeat == null) {
            oddity = Optional.of("Ready is True without a heartbeat time");
        }
        if (oddity.isPresent()) {
            return new NodeSnapshot(Health.UNKNOWN, judged, restarts, oddity.get());
        }
        if (readyTrue(judged) && Duration.between(readyHeartbeat, now).compareTo(heartbeatTimeout) > 0) {
            judged = judged.stream()
                    .map(c -> READY.equals(c.type()) ? new Condition(READY, "Unknown", HEARTBEAT_STALE, readyHeartbeat) : c)
                    .toList();
        }
        return new NodeSnapshot(judge(judged, restarts), judged, restarts, null);
    }

    /**
     * The health of a node with these conditions and restarts: UNKNOWN if they cannot be judged; UNHEALTHY
     * unless Ready is True; DEGRADED under pressure, with the network unavailable or with a crash-looping
     * kubelet ({@value #CRASH_LOOP_RESTARTS} restarts or more); else HEALTHY.
     */
    public static Health judge(Collection<Condition> conditions, int kubeletRestarts) {
        if (oddity(conditions).isPresent()) {
            return Health.UNKNOWN;
        }
        if (!readyTrue(conditions)) {
            return Health.UNHEALTHY;
        }
        boolean pressured = conditions.stream().anyMatch(c -> !READY.equals(c.type()) && isBad(c));
        return pressured || kubeletRestarts >= CRASH_LOOP_RESTARTS ? Health.DEGRADED : Health.HEALTHY;
    }

    /**
     * Why these conditions cannot be judged, if they cannot: no Ready condition, a condition type reported
     * twice, a judged condition (Ready, pressure, crash loop) whose status is not True, False or Unknown or
     * that has no transition time. Conditions of other types are not judged and may be anything.
     */
    public static Optional<String> oddity(Collection<Condition> conditions) {
        Set<String> seen = new HashSet<>();
        for (Condition c : conditions) {
            if (!seen.add(c.type())) {
                return Optional.of("condition " + c.type() + " is reported twice");
            }
            if (!judged(c.type())) {
                continue;
            }
            if (!STATUSES.contains(c.status())) {
                return Optional.of("condition " + c.type() + " has the unknown status '" + c.status() + "'");
            }
            if (c.since() == null) {
                return Optional.of("condition " + c.type() + " has no transition time");
            }
        }
        return seen.contains(READY) ? Optional.empty() : Optional.of("no Ready condition");
    }

    /** Whether the condition is in a bad state: Ready not True, a pressure or crash-loop condition True. */
    static boolean isBad(Condition condition) {
        if (READY.equals(condition.type())) {
            return !condition.isTrue();
        }
        return judged(condition.type()) && condition.isTrue();
    }

    private static boolean judged(String type) {
        return READY.equals(type) || PRESSURE_CONDITIONS.contains(type) || CRASH_LOOP_CONDITIONS.contains(type);
    }

    private static boolean readyTrue(Collection<Condition> conditions) {
        return conditions.stream().anyMatch(c -> READY.equals(c.type()) && c.isTrue());
    }
}
