package io.resourcemanager.provisioner.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The labels a worker carries (SPEC §3): its pool's labels, the template and VM it was built from,
 * and on temporary workers {@code ttl} (deadline, unix seconds), {@code provisioned-at}, {@code ttl-hours}
 * and, when the pool has a max TTL, {@code resource-manager/ttl-limit} (latest deadline extensions may reach).
 */
public final class WorkerLabels {

    /** Label naming the template a worker was built from. */
    public static final String TEMPLATE = "resource-manager/template";
    /** Label naming the hypervisor id of a worker's VM. */
    public static final String VM_ID = "resource-manager/vm-id";
    /** Deadline of a temporary worker, unix seconds. */
    public static final String TTL = "ttl";
    /** When a temporary worker joined, unix seconds. */
    public static final String PROVISIONED_AT = "provisioned-at";
    /** Lifetime of a temporary worker in hours. */
    public static final String TTL_HOURS = "ttl-hours";
    /** Latest deadline a temporary worker's extensions may reach (joined + the pool's max TTL), unix seconds. */
    public static final String TTL_LIMIT = "resource-manager/ttl-limit";
    private static final long SECONDS_PER_HOUR = 3_600;

    private WorkerLabels() {
    }

    /**
     * The labels of a new worker of {@code pool}.
     *
     * @param ttlHours requested lifetime, or null for the pool's default (none for permanent pools)
     * @param joinedAt when the worker joined; a TTL counts from here
     */
    public static Map<String, String> of(PoolSpec pool, String template, Integer vmId, Integer ttlHours, Instant joinedAt) {
        Map<String, String> labels = new LinkedHashMap<>(pool.labels());
        labels.put(TEMPLATE, template);
        if (vmId != null) {
            labels.put(VM_ID, Integer.toString(vmId));
        }
        lifetime(pool, ttlHours).ifPresent(lifetime -> {
            labels.put(TTL, Long.toString(joinedAt.plus(lifetime).getEpochSecond()));
            labels.put(PROVISIONED_AT, Long.toString(joinedAt.getEpochSecond()));
            labels.put(TTL_HOURS, Long.toString(lifetime.toHours()));
            if (pool.maxTtl() != null) {
                labels.put(TTL_LIMIT, Long.toString(joinedAt.plus(pool.maxTtl()).getEpochSecond()));
            }
        });
        return labels;
    }

    /**
     * The labels that move a temporary worker's deadline to {@code deadline}: {@value #TTL}, and
     * {@value #TTL_HOURS} as the lifetime from {@value #PROVISIONED_AT} in whole hours, rounded up (left out
     * when {@code labels} have no {@value #PROVISIONED_AT}).
     */
    public static Map<String, String> extendedTo(Map<String, String> labels, Instant deadline) {
        Map<String, String> changes = new LinkedHashMap<>();
        long deadlineSeconds = deadline.getEpochSecond();
        changes.put(TTL, Long.toString(deadlineSeconds));
        number(labels.get(PROVISIONED_AT)).ifPresent(provisionedAt ->
                changes.put(TTL_HOURS, Long.toString(wholeHoursUp(deadlineSeconds - provisionedAt))));
        return changes;
    }

    /** The deadline a worker's {@value #TTL} label names, if it has one. */
    public static Optional<Instant> deadline(Map<String, String> labels) {
        return number(labels.get(TTL)).map(Instant::ofEpochSecond);
    }

    /** The latest deadline a worker's {@value #TTL_LIMIT} label names, if it has one. */
    public static Optional<Instant> limit(Map<String, String> labels) {
        return number(labels.get(TTL_LIMIT)).map(Instant::ofEpochSecond);
    }

    /** The VM id a worker's {@value #VM_ID} label names, if it has one. */
    public static Optional<Integer> vmId(Map<String, String> labels) {
        return number(labels.get(VM_ID)).map(Long::intValue);
    }

    private static Optional<Duration> lifetime(PoolSpec pool, Integer ttlHours) {
        if (ttlHours != null) {
            return Optional.of(Duration.ofHours(ttlHours));
        }
        return Optional.ofNullable(pool.defaultTtl());
    }

    private static long wholeHoursUp(long seconds) {
        return seconds <= 0 ? 0 : (seconds + SECONDS_PER_HOUR - 1) / SECONDS_PER_HOUR;
    }

    private static Optional<Long> number(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
