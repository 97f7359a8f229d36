package io.resourcemanager.health.topology;

import io.resourcemanager.events.AutoRepairFailed;
import io.resourcemanager.events.HealthEventEnvelope;
import io.resourcemanager.events.NodeHealth;
import io.resourcemanager.events.RepairLevel;
import io.resourcemanager.events.RepairNeeded;
import io.resourcemanager.health.domain.repair.Episode;
import io.resourcemanager.health.domain.repair.PoolLoad;
import io.resourcemanager.health.domain.repair.RepairAction;
import io.resourcemanager.health.domain.repair.RepairLadder;
import io.resourcemanager.health.domain.repair.Symptoms;
import io.resourcemanager.state.NodeRepair;
import io.resourcemanager.topics.EventHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every node's symptoms and repair episode (store {@code node-repairs}) and, at every tick, lets the
 * {@link RepairLadder} decide for each node with the pools' current load: a decided repair becomes one
 * {@code RepairNeeded}, a give-up one {@code AutoRepairFailed}. All nodes go through this one processor
 * (one partition), so the blast radius and the global cap see every repair in flight. Decisions and the
 * events they cause are written in one exactly-once transaction: a restart repeats no action.
 */
final class RepairProcessor implements Processor<String, RepairInput, String, HealthEventEnvelope> {

    private static final Logger LOG = LoggerFactory.getLogger(RepairProcessor.class);
    private static final String PRODUCER = "health-service";

    private final RepairLadder ladder;
    private final Duration tick;
    private final Duration repairTimeout;
    private final Clock clock;
    private final RepairMetrics metrics;
    private ProcessorContext<String, HealthEventEnvelope> context;
    private KeyValueStore<String, NodeRepair> repairs;

    RepairProcessor(RepairLadder ladder, Duration tick, Duration repairTimeout, Clock clock, RepairMetrics metrics) {
        this.ladder = ladder;
        this.tick = tick;
        this.repairTimeout = repairTimeout;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, HealthEventEnvelope> context) {
        this.context = context;
        this.repairs = context.getStateStore(RepairTopology.REPAIRS_STORE);
        context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, timestamp -> decideAll());
    }

    @Override
    public void process(Record<String, RepairInput> record) {
        RepairInput input = record.value();
        String node = input.node();
        NodeRepair stored = repairs.get(node);
        NodeRepair current = stored == null ? NodeRepair.newBuilder().setNode(node).build() : stored;
        if (input instanceof RepairInput.Observed observed) {
            Symptoms symptoms = NodeRepairRecords.symptoms(observed.changed(), NodeRepairRecords.symptoms(current),
                    observed.at());
            Episode episode = ladder.observe(NodeRepairRecords.episode(current.getEpisode()), symptoms, clock.instant());
            current.setPool(observed.changed().getPool() != null ? observed.changed().getPool() : current.getPool());
            current.setHealth(observed.changed().getHealth());
            current.setSignals(NodeRepairRecords.signals(symptoms));
            current.setKubeletRestarts(symptoms.kubeletRestarts());
            current.setEpisode(NodeRepairRecords.episode(episode, levelOf(current)));
        } else if (input instanceof RepairInput.Answered answered) {
            Episode episode = ladder.answered(NodeRepairRecords.episode(current.getEpisode()), answered.repairId());
            current.setEpisode(NodeRepairRecords.episode(episode, levelOf(current)));
            metrics.repair(answered.level(), answered.succeeded() ? "completed" : "failed");
        } else if (input instanceof RepairInput.Member member) {
            if (member.pool() == null) {
                repairs.delete(node);
                return;
            }
            current.setPool(member.pool());
        } else if (input instanceof RepairInput.Deliberate deliberate) {
            current.setDeliberate(deliberate.deliberate());
        }
        repairs.put(node, current);
    }

    private void decideAll() {
        Instant now = clock.instant();
        List<NodeRepair> nodes = new ArrayList<>();
        try (KeyValueIterator<String, NodeRepair> all = repairs.all()) {
            all.forEachRemaining(entry -> nodes.add(entry.value));
        }
        Loads loads = Loads.of(nodes, now, repairTimeout);
        for (NodeRepair node : nodes) {
            if (node.getEpisode() != null || !node.getSignals().isEmpty()) {
                decide(node, loads, now);
            }
        }
        metrics.unhealthy(loads.unhealthyByPool());
    }

    private void decide(NodeRepair node, Loads loads, Instant now) {
        Symptoms symptoms = NodeRepairRecords.symptoms(node);
        Episode before = NodeRepairRecords.episode(node.getEpisode());
        Episode episode = ladder.observe(before, symptoms, now);
        RepairAction action = ladder.decide(episode, symptoms, loads.of(node.getPool()), node.getDeliberate(), now);
        RepairLevel level = levelOf(node);
        if (action instanceof RepairAction.Repair repair) {
            String repairId = node.getNode() + "-" + episode.startedAt().toEpochMilli() + "-" + repair.attempt();
            level = NodeRepairRecords.level(repair.remedy());
            episode = ladder.attempted(episode, repair, repairId, now);
            loads.started(node.getPool());
            announce(node.getNode(), RepairNeeded.newBuilder().setRepairId(repairId).setNode(node.getNode())
                    .setPool(node.getPool()).setLevel(level).setReason(repair.reason()).setAttempt(repair.attempt())
                    .build(), now);
            metrics.repair(level, "requested");
            LOG.info("Repair {} of node {}: {} (attempt {}, {})", repairId, node.getNode(), level, repair.attempt(),
                    repair.reason());
        } else if (action instanceof RepairAction.Abandon abandon) {
            episode = ladder.gaveUp(episode);
            announce(node.getNode(), AutoRepairFailed.newBuilder().setNode(node.getNode()).setPool(node.getPool())
                    .setAttempts(abandon.attempts()).setLastLevel(level).setReason(abandon.reason()).build(), now);
            metrics.gaveUp(node.getPool());
            LOG.warn("Giving up on node {} after {} repairs: {}", node.getNode(), abandon.attempts(), abandon.reason());
        }
        String decision = describe(action);
        Instant nextCheck = action instanceof RepairAction.Idle idle ? idle.recheckAt() : null;
        if (!java.util.Objects.equals(episode, before) || !decision.equals(node.getLastDecision())
                || !java.util.Objects.equals(nextCheck, node.getNextCheckAt())) {
            node.setEpisode(NodeRepairRecords.episode(episode, level));
            node.setLastDecision(decision);
            node.setNextCheckAt(nextCheck);
            repairs.put(node.getNode(), node);
        }
    }

    private void announce(String node, Object payload, Instant now) {
        HealthEventEnvelope event = HealthEventEnvelope.newBuilder()
                .setHeader(EventHeaders.first(PRODUCER, clock)).setPayload(payload).build();
        context.forward(new Record<>(node, event, now.toEpochMilli()));
    }

    private static RepairLevel levelOf(NodeRepair node) {
        return node.getEpisode() == null ? RepairLevel.UNKNOWN : node.getEpisode().getLastLevel();
    }

    private static String describe(RepairAction action) {
        if (action instanceof RepairAction.Repair repair) {
            return "repair " + repair.remedy().name().toLowerCase(java.util.Locale.ROOT) + ": " + repair.reason();
        }
        if (action instanceof RepairAction.Held held) {
            return "held: " + held.reason();
        }
        if (action instanceof RepairAction.Abandon abandon) {
            return "gave up: " + abandon.reason();
        }
        return "watching";
    }

    /** Pool sizes and repairs in flight at one tick, kept current as the tick asks for repairs. */
    private static final class Loads {

        private final Map<String, Integer> sizes = new HashMap<>();
        private final Map<String, Integer> repairing = new HashMap<>();
        private final Map<String, Integer> unhealthy = new HashMap<>();
        private int repairingEverywhere;

        static Loads of(List<NodeRepair> nodes, Instant now, Duration repairTimeout) {
            Loads loads = new Loads();
            for (NodeRepair node : nodes) {
                String pool = poolOf(node);
                loads.sizes.merge(pool, 1, Integer::sum);
                if (node.getHealth() == NodeHealth.UNHEALTHY || node.getHealth() == NodeHealth.DEGRADED) {
                    loads.unhealthy.merge(pool, 1, Integer::sum);
                }
                if (node.getEpisode() != null && node.getEpisode().getInFlight() != null
                        && now.isBefore(node.getEpisode().getLastAttemptAt().plus(repairTimeout))) {
                    loads.started(pool);
                }
            }
            return loads;
        }

        PoolLoad of(String pool) {
            String name = pool == null ? "-" : pool;
            return new PoolLoad(name, sizes.getOrDefault(name, 0), repairing.getOrDefault(name, 0), repairingEverywhere);
        }

        void started(String pool) {
            repairing.merge(pool == null ? "-" : pool, 1, Integer::sum);
            repairingEverywhere++;
        }

        Map<String, Integer> unhealthyByPool() {
            return unhealthy;
        }

        private static String poolOf(NodeRepair node) {
            return node.getPool() == null ? "-" : node.getPool();
        }
    }
}
