package io.resourcemanager.cost.topology;

import io.resourcemanager.cost.domain.Charge;
import io.resourcemanager.cost.domain.metering.Accrual;
import io.resourcemanager.cost.domain.metering.RunningAllocation;
import io.resourcemanager.cost.domain.metering.RunningNode;
import io.resourcemanager.events.AllocationEventEnvelope;
import io.resourcemanager.events.AllocationExpired;
import io.resourcemanager.events.AllocationGranted;
import io.resourcemanager.events.AllocationPreempted;
import io.resourcemanager.events.AllocationReleased;
import io.resourcemanager.events.NodeJoined;
import io.resourcemanager.events.NodeRemoved;
import io.resourcemanager.events.ProvisioningEventEnvelope;
import io.resourcemanager.state.MeterKind;
import io.resourcemanager.state.MeteredResource;
import io.resourcemanager.state.HourlyCost;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Meters what runs: every worker node from {@code NodeJoined} to {@code NodeRemoved} and every allocation
 * from its grant to its release, expiry or preemption. Every accrual interval (wall-clock) each is charged
 * up to now, so cost shows while things run; a stop charges the rest. A node's cost is split into what the
 * allocations on it held and the idle rest — so nodes and allocations share one partition and one store.
 */
final class MeterProcessor implements Processor<String, SpecificRecord, String, HourlyCost> {

    private final Accrual accrual;
    private final Set<String> spotPools;
    private final String fallbackTemplate;
    private final Duration interval;
    private final Map<String, Long> allocatedCpuByNode = new HashMap<>();
    private ProcessorContext<String, HourlyCost> context;
    private KeyValueStore<String, MeteredResource> meters;

    MeterProcessor(CostSettings settings) {
        this.accrual = new Accrual(settings.prices());
        this.spotPools = settings.spotPools();
        this.fallbackTemplate = settings.fallbackTemplate();
        this.interval = settings.accrualInterval();
    }

    @Override
    public void init(ProcessorContext<String, HourlyCost> context) {
        this.context = context;
        this.meters = context.getStateStore(CostTopology.METERS_STORE);
        try (KeyValueIterator<String, MeteredResource> all = meters.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value.getKind() == MeterKind.ALLOCATION) {
                    hold(MeterRecords.allocation(entry.value), 1);
                }
            });
        }
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, this::accrueAll);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        long at = record.timestamp();
        if (record.value() instanceof ProvisioningEventEnvelope) {
            Object payload = ((ProvisioningEventEnvelope) record.value()).getPayload();
            if (payload instanceof NodeJoined joined && meters.get(MeterRecords.nodeKey(joined.getWorker())) == null) {
                meters.put(MeterRecords.nodeKey(joined.getWorker()), MeterRecords.toAvro(MeterRecords.node(joined, spotPools, fallbackTemplate)));
            } else if (payload instanceof NodeRemoved removed) {
                stopNode(removed.getWorker(), ((ProvisioningEventEnvelope) record.value()).getHeader().getOccurredAt(), at);
            }
        } else if (record.value() instanceof AllocationEventEnvelope) {
            AllocationEventEnvelope envelope = (AllocationEventEnvelope) record.value();
            Object payload = envelope.getPayload();
            if (payload instanceof AllocationGranted granted) {
                start(MeterRecords.allocation(granted), at);
            } else if (payload instanceof AllocationReleased released) {
                stopAllocation(released.getAllocationId(), released.getReleasedAt(), at);
            } else if (payload instanceof AllocationExpired expired) {
                stopAllocation(expired.getAllocationId(), expired.getExpiredAt(), at);
            } else if (payload instanceof AllocationPreempted preempted) {
                stopAllocation(preempted.getAllocationId(), envelope.getHeader().getOccurredAt(), at);
            }
        }
    }

    private void start(RunningAllocation allocation, long at) {
        String key = MeterRecords.allocationKey(allocation.id());
        if (meters.get(key) != null) {
            return;
        }
        accrueNodes(allocation.cpuMillisByNode().keySet(), allocation.startedAt(), at);
        meters.put(key, MeterRecords.toAvro(allocation));
        hold(allocation, 1);
    }

    private void stopAllocation(String id, Instant stoppedAt, long at) {
        String key = MeterRecords.allocationKey(id);
        MeteredResource meter = meters.get(key);
        if (meter == null) {
            return;
        }
        RunningAllocation allocation = MeterRecords.allocation(meter);
        forward(accrual.allocation(allocation, stoppedAt), at);
        accrueNodes(allocation.cpuMillisByNode().keySet(), stoppedAt, at);
        meters.delete(key);
        hold(allocation, -1);
    }

    private void stopNode(String name, Instant stoppedAt, long at) {
        String key = MeterRecords.nodeKey(name);
        MeteredResource meter = meters.get(key);
        if (meter != null) {
            RunningNode node = MeterRecords.node(meter);
            forward(accrual.node(node, allocatedCpuByNode.getOrDefault(name, 0L), stoppedAt), at);
            meters.delete(key);
        }
    }

    /** Charges {@code nodes} up to {@code until} at the allocations they hold now (before a change of those). */
    private void accrueNodes(Set<String> nodes, Instant until, long at) {
        for (String name : nodes) {
            MeteredResource meter = meters.get(MeterRecords.nodeKey(name));
            if (meter != null) {
                accrueNode(MeterRecords.node(meter), until, at);
            }
        }
    }

    private void accrueAll(long now) {
        Instant until = Instant.ofEpochMilli(now);
        List<KeyValue<String, MeteredResource>> all = new ArrayList<>();
        try (KeyValueIterator<String, MeteredResource> iterator = meters.all()) {
            iterator.forEachRemaining(entry -> all.add(KeyValue.pair(entry.key, entry.value)));
        }
        for (KeyValue<String, MeteredResource> entry : all) {
            if (entry.value.getKind() == MeterKind.NODE) {
                accrueNode(MeterRecords.node(entry.value), until, now);
            } else if (entry.value.getKind() == MeterKind.ALLOCATION) {
                RunningAllocation allocation = MeterRecords.allocation(entry.value);
                if (until.isAfter(allocation.chargedUntil())) {
                    forward(accrual.allocation(allocation, until), now);
                    meters.put(entry.key, MeterRecords.toAvro(allocation.chargedUntil(until)));
                }
            }
        }
    }

    private void accrueNode(RunningNode node, Instant until, long at) {
        if (until.isAfter(node.chargedUntil())) {
            forward(accrual.node(node, allocatedCpuByNode.getOrDefault(node.name(), 0L), until), at);
            meters.put(MeterRecords.nodeKey(node.name()), MeterRecords.toAvro(node.chargedUntil(until)));
        }
    }

    private void hold(RunningAllocation allocation, int sign) {
        allocation.cpuMillisByNode().forEach((node, cpu) ->
                allocatedCpuByNode.merge(node, sign * cpu, (a, b) -> a + b == 0 ? null : a + b));
    }

    private void forward(List<Charge> charges, long at) {
        for (Charge charge : charges) {
            CostRecords.perDimension(charge, at).forEach(context::forward);
        }
    }
}
