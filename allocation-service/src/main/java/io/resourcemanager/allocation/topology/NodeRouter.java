package io.resourcemanager.allocation.topology;

import io.resourcemanager.events.NodeState;
import io.resourcemanager.state.NodeUpdate;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Re-keys node changes from node name to cluster, so each cluster's ledger sees them in order with
 * its requests. A tombstone carries no cluster, so the last known cluster of each node is kept.
 */
final class NodeRouter implements Processor<String, NodeState, String, NodeUpdate> {

    private ProcessorContext<String, NodeUpdate> context;
    private KeyValueStore<String, String> clusters;

    @Override
    public void init(ProcessorContext<String, NodeUpdate> context) {
        this.context = context;
        this.clusters = context.getStateStore(LedgerTopology.NODE_CLUSTERS_STORE);
    }

    @Override
    public void process(Record<String, NodeState> record) {
        String node = record.key();
        if (node == null) {
            return;
        }
        NodeState state = record.value();
        String cluster = state == null ? clusters.get(node) : state.getCluster();
        if (cluster == null) {
            return;
        }
        if (state == null) {
            clusters.delete(node);
        } else {
            clusters.put(node, cluster);
        }
        NodeUpdate update = NodeUpdate.newBuilder().setCluster(cluster).setNode(node).setState(state).build();
        context.forward(record.withKey(cluster).withValue(update));
    }
}
