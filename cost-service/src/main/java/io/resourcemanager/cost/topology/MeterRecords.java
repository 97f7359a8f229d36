package io.resourcemanager.cost.topology;

import io.resourcemanager.cost.domain.Dimension;
import io.resourcemanager.cost.domain.metering.RunningAllocation;
import io.resourcemanager.cost.domain.metering.RunningNode;
import io.resourcemanager.events.AllocationGranted;
import io.resourcemanager.events.NodeJoined;
import io.resourcemanager.events.WorkerAssignment;
import io.resourcemanager.state.MeterKind;
import io.resourcemanager.state.MeteredResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Running nodes and allocations: from their lifecycle events, and as stored meters. */
final class MeterRecords {

    /** Division of allocations whose metadata names none. */
    static final String UNATTRIBUTED = "unattributed";

    private static final double MIB_PER_GB = 1024d;

    private MeterRecords() {
    }

    static String nodeKey(String node) {
        return "node/" + node;
    }

    static String allocationKey(String allocationId) {
        return "allocation/" + allocationId;
    }

    /** A joined node, priced by its template or, naming none, by {@code fallbackTemplate}. */
    static RunningNode node(NodeJoined joined, Set<String> spotPools, String fallbackTemplate) {
        String template = joined.getTemplate() == null || joined.getTemplate().isBlank() ? fallbackTemplate
                : joined.getTemplate();
        return new RunningNode(joined.getWorker(), joined.getPool(), template,
                spotPools.contains(joined.getPool()), joined.getAllocatable().getCpuMillis(), joined.getJoinedAt(),
                joined.getJoinedAt());
    }

    static RunningAllocation allocation(AllocationGranted granted) {
        Map<String, String> metadata = granted.getMetadata();
        List<Dimension> dimensions = new ArrayList<>();
        dimensions.add(new Dimension(Dimension.DIVISION, named(metadata.get(Dimension.DIVISION), UNATTRIBUTED)));
        if (isNamed(metadata.get(Dimension.PROJECT))) {
            dimensions.add(new Dimension(Dimension.PROJECT, metadata.get(Dimension.PROJECT).strip()));
        }
        dimensions.add(new Dimension(Dimension.JOB, named(granted.getJobId(), granted.getAllocationId())));
        dimensions.add(new Dimension(Dimension.ORGANISATION, Dimension.ALL));
        Map<String, Long> cpuByNode = new HashMap<>();
        for (WorkerAssignment worker : granted.getWorkers()) {
            cpuByNode.merge(worker.getNode(), worker.getCpuMillis(), Long::sum);
        }
        return new RunningAllocation(granted.getAllocationId(), dimensions,
                granted.getResources().getCpuMillis() / 1000d, granted.getResources().getMemoryMb() / MIB_PER_GB,
                granted.getResources().getGpu(), cpuByNode, granted.getActivatedAt(), granted.getActivatedAt());
    }

    static MeteredResource toAvro(RunningNode node) {
        return MeteredResource.newBuilder().setKind(MeterKind.NODE).setSubject(node.name())
                .setDimensions(Map.of(Dimension.POOL, node.pool())).setTemplate(node.template()).setSpot(node.spot())
                .setAllocatableCpuMillis(node.allocatableCpuMillis()).setStartedAt(node.startedAt())
                .setChargedUntil(node.chargedUntil()).build();
    }

    static MeteredResource toAvro(RunningAllocation allocation) {
        return MeteredResource.newBuilder().setKind(MeterKind.ALLOCATION).setSubject(allocation.id())
                .setDimensions(CostRecords.toMap(allocation.dimensions())).setCores(allocation.cores())
                .setMemoryGb(allocation.memoryGb()).setGpus(allocation.gpus())
                .setCpuMillisByNode(new HashMap<>(allocation.cpuMillisByNode())).setStartedAt(allocation.startedAt())
                .setChargedUntil(allocation.chargedUntil()).build();
    }

    static RunningNode node(MeteredResource meter) {
        return new RunningNode(meter.getSubject(), meter.getDimensions().get(Dimension.POOL), meter.getTemplate(),
                meter.getSpot(), meter.getAllocatableCpuMillis(), meter.getStartedAt(), meter.getChargedUntil());
    }

    static RunningAllocation allocation(MeteredResource meter) {
        return new RunningAllocation(meter.getSubject(), CostRecords.fromMap(meter.getDimensions()), meter.getCores(),
                meter.getMemoryGb(), meter.getGpus(), meter.getCpuMillisByNode(), meter.getStartedAt(),
                meter.getChargedUntil());
    }

    private static String named(String name, String otherwise) {
        return isNamed(name) ? name.strip() : otherwise;
    }

    private static boolean isNamed(String name) {
        return name != null && !name.isBlank() && name.chars().noneMatch(Character::isISOControl);
    }
}
