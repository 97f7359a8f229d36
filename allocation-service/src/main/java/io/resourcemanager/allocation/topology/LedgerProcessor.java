package io.resourcemanager.allocation.topology;

import io.resourcemanager.allocation.domain.Allocation;
import io.resourcemanager.allocation.domain.AllocationStatus;
import io.resourcemanager.allocation.domain.BlockedDivisions;
import io.resourcemanager.allocation.domain.ClusterLedger;
import io.resourcemanager.allocation.domain.DeadlineExtension;
import io.resourcemanager.allocation.domain.LedgerEvent;
import io.resourcemanager.allocation.domain.LedgerSettings;
import io.resourcemanager.events.AllocationDeadlineExtended;
import io.resourcemanager.events.AllocationExpiryRequested;
import io.resourcemanager.events.AllocationRequestEnvelope;
import io.resourcemanager.events.AllocationRequested;
import io.resourcemanager.events.AllocationState;
import io.resourcemanager.events.BudgetEnforcement;
import io.resourcemanager.events.EventHeader;
import io.resourcemanager.events.ExtensionRequested;
import io.resourcemanager.events.NodeState;
import io.resourcemanager.events.ReleaseRequested;
import io.resourcemanager.state.NodeUpdate;
import io.resourcemanager.topics.EventHeaders;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The single writer of each cluster's capacity. Requests and node changes of a cluster arrive on one
 * partition, in order; this processor applies them to the cluster's {@link ClusterLedger}, persists
 * every changed allocation in a changelog-backed store and forwards the resulting events and states.
 * The ledgers in memory are rebuilt from the stores whenever the task (re)starts.
 */
final class LedgerProcessor implements Processor<String, LedgerInput, String, SpecificRecord> {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerProcessor.class);
    private static final String PRODUCER = "allocation-service";

    private final LedgerSettings settings;
    private final Clock clock;
    private final Map<String, ClusterLedger> ledgers = new HashMap<>();
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, AllocationState> allocations;
    private KeyValueStore<String, NodeState> nodes;
    private TimestampedKeyValueStore<String, BudgetEnforcement> enforcements;

    LedgerProcessor(LedgerSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.allocations = context.getStateStore(LedgerTopology.ALLOCATIONS_STORE);
        this.nodes = context.getStateStore(LedgerTopology.NODES_STORE);
        this.enforcements = context.getStateStore(LedgerTopology.ENFORCEMENTS_STORE);
        rebuild();
    }

    @Override
    public void process(Record<String, LedgerInput> record) {
        // Events carry milliseconds: decide with the same precision, so the TTL service's deadline of an
        // allocation (activated_at + ttl from the event) is exactly the ledger's.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (record.value() instanceof LedgerInput.Node node) {
            apply(node.update(), now);
        } else if (record.value() instanceof LedgerInput.Request request) {
            apply(request.envelope(), now);
        }
    }

    private void apply(AllocationRequestEnvelope envelope, Instant now) {
        Object payload = envelope.getPayload();
        EventHeader cause = envelope.getHeader();
        if (payload instanceof AllocationRequested requested) {
            MDC.put("allocation", requested.getAllocationId());
            ClusterLedger ledger = ledger(requested.getCluster());
            emit(ledger.request(AllocationRecords.request(requested, settings.defaultShape(), now), blockedDivisions(),
                    now), cause, now);
        } else if (payload instanceof ReleaseRequested release) {
            MDC.put("allocation", release.getAllocationId());
            ledgerOf(release.getAllocationId()).ifPresent(ledger -> emit(ledger.release(release.getAllocationId(), now), cause, now));
        } else if (payload instanceof AllocationExpiryRequested expiry) {
            MDC.put("allocation", expiry.getAllocationId());
            ledgerOf(expiry.getAllocationId()).ifPresent(ledger -> emit(ledger.expire(expiry.getAllocationId(), now), cause, now));
        } else if (payload instanceof AllocationDeadlineExtended extension) {
            MDC.put("allocation", extension.getAllocationId());
            ledgerOf(extension.getAllocationId()).ifPresent(ledger -> extend(ledger, extension, cause, now));
        } else if (payload instanceof ExtensionRequested extension) {
            LOG.debug("Leaving extension request {} of {} to the TTL service", extension.getRequestId(),
                    extension.getSubjectId());
        }
        MDC.remove("allocation");
    }

    private void extend(ClusterLedger ledger, AllocationDeadlineExtended extension, EventHeader cause, Instant now) {
        DeadlineExtension decision = ledger.extendDeadline(extension.getAllocationId(), extension.getDeadline());
        if (decision instanceof DeadlineExtension.Extended extended) {
            emit(List.of(extended.event()), cause, now);
            LOG.info("Allocation {} extended from {} to {} ({})", extension.getAllocationId(),
                    extended.event().previousDeadline(), extended.event().allocation().deadline(), extension.getRequestId());
        } else if (decision instanceof DeadlineExtension.Unchanged unchanged) {
            LOG.info("Ignoring deadline extension {}: {}", extension.getRequestId(), unchanged.reason());
        }
    }

    private void apply(NodeUpdate update, Instant now) {
        ClusterLedger ledger = ledger(update.getCluster());
        EventHeader cause = EventHeaders.first(PRODUCER, clock);
        if (update.getState() == null) {
            nodes.delete(update.getNode());
            emit(ledger.nodeRemoved(update.getNode(), now), cause, now);
        } else {
            nodes.put(update.getNode(), update.getState());
            emit(ledger.nodeUpdated(NodeStates.toCapacity(update.getState()), now), cause, now);
        }
    }

    /** The divisions enforced budgets block now; of several budgets naming one division, the first by name speaks. */
    private BlockedDivisions blockedDivisions() {
        Map<String, String> reasons = new HashMap<>();
        try (KeyValueIterator<String, ValueAndTimestamp<BudgetEnforcement>> all = enforcements.all()) {
            all.forEachRemaining(entry -> {
                BudgetEnforcement enforcement = entry.value == null ? null : entry.value.value();
                if (enforcement != null && enforcement.getDivision() != null) {
                    reasons.merge(enforcement.getDivision(), enforcement.getReason(), (first, later) -> first);
                }
            });
        }
        return reasons.isEmpty() ? BlockedDivisions.NONE : new BlockedDivisions(reasons);
    }

    private java.util.Optional<ClusterLedger> ledgerOf(String allocationId) {
        AllocationState state = allocations.get(allocationId);
        if (state == null) {
            LOG.info("Ignoring a request for unknown allocation {}", allocationId);
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(ledger(state.getCluster()));
    }

    private void emit(List<LedgerEvent> events, EventHeader cause, Instant now) {
        for (LedgerEvent event : events) {
            Allocation allocation = event.allocation();
            EventHeader header = EventHeaders.causedBy(cause, PRODUCER, clock);
            Integer position = queuePosition(event);
            AllocationState state = AllocationRecords.state(allocation, position, header);
            allocations.put(allocation.id(), state);
            long timestamp = now.toEpochMilli();
            context.forward(new Record<>(allocation.id(), (SpecificRecord) state, timestamp));
            LedgerEventRecords.of(event, EventHeaders.causedBy(cause, PRODUCER, clock), now)
                    .ifPresent(out -> context.forward(new Record<>(allocation.id(), (SpecificRecord) out, timestamp)));
            if (event instanceof LedgerEvent.Rejected) {
                LOG.info("Allocation {} of job {} is {}: {}", allocation.id(), allocation.request().jobId(),
                        allocation.status().label(), allocation.error());
            } else {
                LOG.info("Allocation {} of job {} is {}", allocation.id(), allocation.request().jobId(),
                        allocation.status().label());
            }
        }
    }

    private static Integer queuePosition(LedgerEvent event) {
        if (event instanceof LedgerEvent.Queued queued) {
            return queued.position();
        }
        if (event instanceof LedgerEvent.QueuePositionChanged moved) {
            return moved.position();
        }
        return null;
    }

    private ClusterLedger ledger(String cluster) {
        return ledgers.computeIfAbsent(cluster, name -> new ClusterLedger(settings));
    }

    /** Rebuilds every cluster's ledger from the stores (after a restart or a rebalance). */
    private void rebuild() {
        ledgers.clear();
        try (KeyValueIterator<String, NodeState> all = nodes.all()) {
            all.forEachRemaining(entry -> ledger(entry.value.getCluster()).restoreNode(NodeStates.toCapacity(entry.value)));
        }
        List<AllocationState> queued = new ArrayList<>();
        int restored = 0;
        try (KeyValueIterator<String, AllocationState> all = allocations.all()) {
            while (all.hasNext()) {
                AllocationState state = all.next().value;
                Allocation allocation = AllocationRecords.allocation(state, settings.defaultShape());
                if (allocation.status() == AllocationStatus.QUEUED) {
                    queued.add(state);
                } else {
                    ledger(state.getCluster()).restoreAllocation(allocation);
                }
                restored++;
            }
        }
        queued.sort(Comparator.comparing((AllocationState s) -> s.getQueuePosition() == null ? 0 : s.getQueuePosition()));
        queued.forEach(state -> ledger(state.getCluster())
                .restoreAllocation(AllocationRecords.allocation(state, settings.defaultShape())));
        LOG.info("Ledger task {} rebuilt {} clusters from {} allocations", context.taskId(), ledgers.size(), restored);
    }
}
