package io.resourcemanager.provisioner.autoscale;

import io.resourcemanager.provisioner.domain.infra.ClusterMetrics;
import io.resourcemanager.provisioner.domain.infra.ClusterMetrics.NodeUsage;
import io.resourcemanager.provisioner.domain.infra.InfraException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Node usage and pending pods, read from the cluster at most once per refresh period rather than at
 * every tick. A failed read keeps the previous readings and is tried again after the next period;
 * readings older than three periods are dropped, so the autoscaler never acts on a stale picture
 * (usage unknown: no scale-down; no pending pods).
 */
final class CachedMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(CachedMetrics.class);
    private static final int STALE_AFTER_PERIODS = 3;

    private final ClusterMetrics metrics;
    private final Duration refresh;
    private final Clock clock;
    private Readings readings = Readings.NONE;
    private Instant readAt;
    private Instant triedAt;

    /**
     * @param usage CPU and memory in use per node
     * @param pendingPods pods waiting for a node, per pool named ({@code ""}: none named)
     */
    record Readings(Map<String, NodeUsage> usage, Map<String, Integer> pendingPods) {
        static final Readings NONE = new Readings(Map.of(), Map.of());
    }

    CachedMetrics(ClusterMetrics metrics, Duration refresh, Clock clock) {
        this.metrics = metrics;
        this.refresh = refresh;
        this.clock = clock;
    }

    /** The latest readings, refreshed first when a period has passed since the last attempt. */
    synchronized Readings current() {
        Instant now = clock.instant();
        if (triedAt == null || !now.isBefore(triedAt.plus(refresh))) {
            triedAt = now;
            try {
                readings = new Readings(metrics.nodeUsage(), metrics.pendingPodsByPool());
                readAt = now;
            } catch (InfraException e) {
                LOG.warn("Cluster metrics unavailable, keeping the readings of {}: {}", readAt, e.getMessage());
            }
        }
        if (readAt != null && now.isAfter(readAt.plus(refresh.multipliedBy(STALE_AFTER_PERIODS)))) {
            readings = Readings.NONE;
        }
        return readings;
    }
}
