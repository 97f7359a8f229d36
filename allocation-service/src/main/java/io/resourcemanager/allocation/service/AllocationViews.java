package io.resourcemanager.allocation.service;

import io.resourcemanager.allocation.domain.Allocation;
import io.resourcemanager.allocation.domain.CapacityReport;
import io.resourcemanager.allocation.domain.Resources;
import io.resourcemanager.allocation.domain.WorkerPlacement;
import io.resourcemanager.events.AllocationGranted;
import io.resourcemanager.events.WorkerAssignment;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON bodies of SPEC §1, built from allocations and capacity. CPU in cores, memory in MB. */
final class AllocationViews {

    private AllocationViews() {
    }

    static Map<String, Object> granted(AllocationGranted granted, List<Map<String, Object>> mcpServers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("allocation_id", granted.getAllocationId());
        body.put("status", "active");
        body.put("job_id", granted.getJobId());
        body.put("mcp_servers", mcpServers);
        body.put("workers_allocated", granted.getWorkers().stream().map(AllocationViews::worker).toList());
        body.put("resources", Map.of("cpu", granted.getResources().getCpuMillis() / 1000.0,
                "memory", granted.getResources().getMemoryMb(), "workers", granted.getWorkers().size()));
        body.put("ttl_seconds", granted.getTtlSeconds());
        body.put("created_at", timestamp(granted.getActivatedAt()));
        return body;
    }

    static Map<String, Object> failed(String allocationId, String error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("allocation_id", allocationId);
        body.put("status", "failed");
        body.put("error", error);
        return body;
    }

    static Map<String, Object> queued(String allocationId, String jobId, int position, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("allocation_id", allocationId);
        body.put("status", "queued");
        body.put("job_id", jobId);
        body.put("queue_position", position);
        body.put("reason", reason);
        return body;
    }

    static Map<String, Object> pending(String allocationId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("allocation_id", allocationId);
        body.put("status", "pending");
        body.put("location", "/allocations/" + allocationId);
        return body;
    }

    static Map<String, Object> released(String allocationId, String jobId, int workers, Resources freed,
                                        Instant releasedAt, long durationSeconds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "released");
        body.put("allocation_id", allocationId);
        body.put("job_id", jobId);
        body.put("workers_released", workers);
        body.put("cpu_freed", freed.cpuCores());
        body.put("memory_freed", freed.memoryMb());
        body.put("released_at", timestamp(releasedAt));
        body.put("duration_seconds", durationSeconds);
        return body;
    }

    static Map<String, Object> alreadyReleased(String allocationId, Instant releasedAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "already_released");
        body.put("allocation_id", allocationId);
        body.put("released_at", timestamp(releasedAt));
        return body;
    }

    static Map<String, Object> notFound(String allocationId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "error");
        body.put("error", "Allocation " + allocationId + " not found");
        return body;
    }

    static Map<String, Object> detail(Allocation allocation, Integer queuePosition, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("allocation_id", allocation.id());
        body.put("job_id", allocation.request().jobId());
        body.put("state", allocation.status().label());
        body.put("priority", allocation.request().priority().label());
        Resources held = allocation.held();
        body.put("resources", Map.of("cpu_allocated", held.cpuCores(), "memory_allocated", held.memoryMb(),
                "workers", allocation.placements().size()));
        body.put("mcp_servers", allocation.request().mcpServers());
        body.put("workers", allocation.placements().stream().map(AllocationViews::worker).toList());
        Map<String, Object> timestamps = new LinkedHashMap<>();
        timestamps.put("created_at", timestamp(allocation.request().requestedAt()));
        timestamps.put("activated_at", timestamp(allocation.activatedAt()));
        timestamps.put("released_at", timestamp(allocation.finishedAt()));
        timestamps.put("age_seconds", age(allocation, now));
        body.put("timestamps", timestamps);
        body.put("ttl_seconds", allocation.request().ttlSeconds());
        body.put("is_expired", allocation.isExpired(now));
        body.put("metadata", allocation.request().metadata());
        if (queuePosition != null) {
            body.put("queue_position", queuePosition);
        }
        if (allocation.error() != null) {
            body.put("error", allocation.error());
        }
        return body;
    }

    static Map<String, Object> summary(Allocation allocation, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("allocation_id", allocation.id());
        body.put("job_id", allocation.request().jobId());
        body.put("state", allocation.status().label());
        body.put("priority", allocation.request().priority().label());
        body.put("workers", allocation.status().holdsCapacity() ? allocation.placements().size()
                : allocation.request().workers());
        body.put("age_seconds", age(allocation, now));
        body.put("is_expired", allocation.isExpired(now));
        return body;
    }

    static Map<String, Object> capacity(CapacityReport report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total_cpu", report.total().cpuCores());
        body.put("total_memory", report.total().memoryMb());
        body.put("total_workers", report.totalWorkers());
        body.put("allocated_cpu", report.allocated().cpuCores());
        body.put("allocated_memory", report.allocated().memoryMb());
        body.put("allocated_workers", report.allocatedWorkers());
        body.put("available_cpu", report.available().cpuCores());
        body.put("available_memory", report.available().memoryMb());
        body.put("available_workers", report.availableWorkers());
        body.put("running_mcp_servers", report.mcpServerReferences().size());
        body.put("active_allocations", report.activeAllocations());
        Map<String, Object> pools = new LinkedHashMap<>();
        report.pools().forEach((name, pool) -> pools.put(name, Map.of(
                "nodes", pool.nodes(),
                "total_cpu", pool.total().cpuCores(), "total_memory", pool.total().memoryMb(),
                "allocated_cpu", pool.allocated().cpuCores(), "allocated_memory", pool.allocated().memoryMb(),
                "available_cpu", pool.available().cpuCores(), "available_memory", pool.available().memoryMb())));
        body.put("pools", pools);
        return body;
    }

    private static Map<String, Object> worker(WorkerAssignment assignment) {
        return worker(new WorkerPlacement(assignment.getWorkerId(), assignment.getNode(), assignment.getPool(),
                new Resources(assignment.getCpuMillis(), assignment.getMemoryMb(), assignment.getGpu())));
    }

    private static Map<String, Object> worker(WorkerPlacement placement) {
        Map<String, Object> worker = new LinkedHashMap<>();
        worker.put("worker_id", placement.workerId());
        worker.put("node", placement.node());
        worker.put("endpoint", placement.node());
        worker.put("cpu", placement.resources().cpuCores());
        worker.put("memory", placement.resources().memoryMb());
        return worker;
    }

    private static long age(Allocation allocation, Instant now) {
        return Math.max(0, Duration.between(allocation.request().requestedAt(), now).toSeconds());
    }

    /** ISO-8601 UTC with Z, to the millisecond; null stays null. */
    static String timestamp(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
