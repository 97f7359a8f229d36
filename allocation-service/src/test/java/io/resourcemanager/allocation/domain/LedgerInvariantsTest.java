package io.resourcemanager.allocation.domain;

import static io.resourcemanager.allocation.domain.LedgerFixtures.T0;
import static io.resourcemanager.allocation.domain.LedgerFixtures.aRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Throws long random sequences of requests, releases, expiries and node changes at a ledger and checks
 * after every step that no node is over-committed and that the ledger's counters match what its live
 * allocations hold.
 */
class LedgerInvariantsTest {

    private static final List<String> POOLS = List.of("permanent", "burst");
    private static final Priority[] PRIORITIES = Priority.values();

    @RepeatedTest(50)
    void shouldNeverOverCommitANodeNorLoseTrackOfWhatIsHeld(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        ClusterLedger ledger = new ClusterLedger(LedgerSettings.defaults().withMaxWorkers(40).withQueueMaxSize(5));
        Map<String, NodeCapacity> nodes = new HashMap<>();
        List<String> ids = new ArrayList<>();
        Instant now = T0;
        for (int step = 0; step < 600; step++) {
            now = now.plusSeconds(1);
            int action = random.nextInt(10);
            if (action < 2 || nodes.isEmpty()) {
                NodeCapacity node = randomNode(random);
                nodes.put(node.node(), node);
                ledger.nodeUpdated(node, now);
            } else if (action == 2) {
                String name = "node-" + random.nextInt(8);
                nodes.remove(name);
                ledger.nodeRemoved(name, now);
            } else if (action < 7) {
                String id = "alloc-" + step;
                ids.add(id);
                ledger.request(randomRequest(random, id), now);
            } else if (action < 9 && !ids.isEmpty()) {
                ledger.release(ids.get(random.nextInt(ids.size())), now);
            } else if (!ids.isEmpty()) {
                ledger.expire(ids.get(random.nextInt(ids.size())), now.plusSeconds(100_000));
            }
            assertConsistent(ledger, nodes);
        }
    }

    private static void assertConsistent(ClusterLedger ledger, Map<String, NodeCapacity> nodes) {
        Map<String, Resources> heldPerNode = new HashMap<>();
        int workers = 0;
        Resources held = Resources.NONE;
        for (Allocation allocation : ledger.liveAllocations().values()) {
            if (allocation.status() != AllocationStatus.ACTIVE) {
                assertThat(allocation.placements()).isEmpty();
                continue;
            }
            assertThat(allocation.placements()).hasSize(allocation.request().workers());
            for (WorkerPlacement placement : allocation.placements()) {
                heldPerNode.merge(placement.node(), placement.resources(), Resources::plus);
                held = held.plus(placement.resources());
                workers++;
            }
        }
        heldPerNode.forEach((node, onNode) -> {
            NodeCapacity capacity = nodes.get(node);
            assertThat(capacity).as("work on unknown node %s", node).isNotNull();
            assertThat(capacity.counts()).as("work on node %s that does not count", node).isTrue();
            assertThat(capacity.allocatable().fits(onNode)).as("node %s over-committed: %s", node, onNode).isTrue();
        });
        CapacityReport report = ledger.capacity();
        assertThat(report.allocatedWorkers()).isEqualTo(workers);
        assertThat(report.allocated()).isEqualTo(held);
        assertThat(report.availableWorkers()).isGreaterThanOrEqualTo(0);
    }

    private static NodeCapacity randomNode(Random random) {
        String pool = POOLS.get(random.nextInt(POOLS.size()));
        boolean counts = random.nextInt(5) > 0;
        return new NodeCapacity("node-" + random.nextInt(8), pool, "medium",
                new Resources(2000L * (1 + random.nextInt(4)), 4096L * (1 + random.nextInt(4)), 0),
                counts || random.nextBoolean(), counts, true);
    }

    private static AllocationRequest randomRequest(Random random, String id) {
        LedgerFixtures.RequestBuilder request = aRequest(id).workers(random.nextInt(4))
                .priority(PRIORITIES[random.nextInt(PRIORITIES.length)])
                .shape(new Resources(500L * (1 + random.nextInt(4)), 1024L * (1 + random.nextInt(3)), 0));
        if (random.nextBoolean()) {
            request.queueIfShort();
        }
        if (random.nextInt(4) == 0) {
            request.inPool("burst");
        }
        return request.build();
    }
}
