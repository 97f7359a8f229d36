package io.resourcemanager.allocation.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small builders for ledger tests. */
final class LedgerFixtures {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Resources DEFAULT_SHAPE = new Resources(1000, 2048, 0);

    private LedgerFixtures() {
    }

    /** The reference cluster of the spec: 16 CPU / 32768 MB in two permanent nodes, at most 10 workers. */
    static ClusterLedger referenceCluster() {
        ClusterLedger ledger = new ClusterLedger(LedgerSettings.defaults().withMaxWorkers(10));
        ledger.nodeUpdated(node("node-a", "permanent", 8000, 16384), T0);
        ledger.nodeUpdated(node("node-b", "permanent", 8000, 16384), T0);
        return ledger;
    }

    static NodeCapacity node(String name, String pool, long cpuMillis, long memoryMb) {
        return new NodeCapacity(name, pool, "medium", new Resources(cpuMillis, memoryMb, 0), true, true, true);
    }

    static RequestBuilder aRequest(String id) {
        return new RequestBuilder(id);
    }

    /** A request of normal priority for 0 workers of the default shape that fails when short. */
    static final class RequestBuilder {
        private final String id;
        private int workers;
        private Priority priority = Priority.NORMAL;
        private boolean queue;
        private String pool;
        private Resources shape = DEFAULT_SHAPE;
        private long ttlSeconds = 3600;
        private List<String> mcpServers = List.of();
        private Map<String, String> metadata = Map.of();

        RequestBuilder(String id) {
            this.id = id;
        }

        RequestBuilder workers(int count) {
            workers = count;
            return this;
        }

        RequestBuilder priority(Priority value) {
            priority = value;
            return this;
        }

        RequestBuilder queueIfShort() {
            queue = true;
            return this;
        }

        RequestBuilder inPool(String value) {
            pool = value;
            return this;
        }

        RequestBuilder shape(Resources value) {
            shape = value;
            return this;
        }

        RequestBuilder ttlSeconds(long value) {
            ttlSeconds = value;
            return this;
        }

        RequestBuilder division(String name) {
            metadata = Map.of(AllocationRequest.DIVISION, name);
            return this;
        }

        RequestBuilder mcpServers(String... names) {
            mcpServers = List.of(names);
            return this;
        }

        AllocationRequest build() {
            return new AllocationRequest("req-" + id, id, "local", "job-" + id, mcpServers, workers, shape, priority,
                    ttlSeconds, metadata, pool, null, queue, T0);
        }
    }
}
