package io.resourcemanager.provisioner.adapter.kubernetes;

import io.resourcemanager.provisioner.domain.infra.DrainPolicy;
import io.resourcemanager.provisioner.domain.infra.DrainResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Drains a node by eviction (SPEC §4): pods are evicted in batches of {@code batchSize}, {@code batchPause}
 * apart; a pod a budget protects stays until a later round, after the other pods had their turn; pods
 * already terminating are waited for. Nothing is ever forced: at {@code timeout} the drain reports the
 * pods still on the node. Runs on the caller's thread, pausing through a {@link Pacer}.
 */
final class NodeDrainer {

    private static final Logger LOG = LoggerFactory.getLogger(NodeDrainer.class);

    private final DrainTarget target;
    private final Clock clock;
    private final Pacer pacer;

    NodeDrainer(DrainTarget target, Clock clock, Pacer pacer) {
        this.target = target;
        this.clock = clock;
        this.pacer = pacer;
    }

    DrainResult drain(String node, DrainPolicy policy) {
        MDC.put("node", node);
        try {
            Instant deadline = clock.instant().plus(policy.timeout());
            Set<String> triedThisRound = new HashSet<>();
            int evicted = 0;
            List<DrainPod> onNode = target.podsOn(node);
            while (!onNode.isEmpty() && clock.instant().isBefore(deadline)) {
                evicted += evictBatch(onNode, triedThisRound, policy);
                onNode = target.podsOn(node);
                if (!onNode.isEmpty()) {
                    pacer.pause(shorter(policy.batchPause(), Duration.between(clock.instant(), deadline)));
                    onNode = target.podsOn(node);
                }
            }
            List<String> remaining = onNode.stream().map(DrainPod::key).toList();
            if (remaining.isEmpty()) {
                LOG.info("Node {} drained: {} pods evicted", node, evicted);
            } else {
                LOG.warn("Drain of node {} timed out after {}: {} pods evicted, {} remain {}", node,
                        policy.timeout(), evicted, remaining.size(), remaining);
            }
            return new DrainResult(evicted, remaining);
        } finally {
            MDC.remove("node");
        }
    }

    /** Evicts the next batch of pods not tried in this round; a new round starts when all were tried. */
    private int evictBatch(List<DrainPod> onNode, Set<String> triedThisRound, DrainPolicy policy) {
        List<DrainPod> batch = nextBatch(onNode, triedThisRound, policy.batchSize());
        if (batch.isEmpty()) {
            triedThisRound.clear();
            batch = nextBatch(onNode, triedThisRound, policy.batchSize());
        }
        int evicted = 0;
        for (DrainPod pod : batch) {
            triedThisRound.add(pod.key());
            DrainTarget.Eviction outcome = target.evict(pod, policy.gracePeriod());
            if (outcome == DrainTarget.Eviction.EVICTED) {
                evicted++;
            } else if (outcome == DrainTarget.Eviction.REFUSED) {
                LOG.info("Eviction of pod {} refused for now; it stays for a later round", pod.key());
            }
        }
        return evicted;
    }

    private static List<DrainPod> nextBatch(List<DrainPod> onNode, Set<String> tried, int size) {
        return onNode.stream().filter(pod -> !pod.terminating() && !tried.contains(pod.key())).limit(size).toList();
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
