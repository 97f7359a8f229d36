package io.resourcemanager.provisioner.domain.saga;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Starts sagas. Ids and worker names derive from what asked for them (command id, repair id), so a
 * command delivered twice maps to the same sagas and starts nothing twice.
 */
public final class Sagas {

    private static final int NAME_HASH_CHARS = 8;

    private Sagas() {
    }

    /** The name of the {@code index}-th worker a command adds to {@code pool}: {@code <pool>-<8 hex>}. */
    public static String workerName(String pool, String commandId, int index) {
        String hash = HexFormat.of().formatHex(sha256(commandId + "/" + index)).substring(0, NAME_HASH_CHARS);
        return pool.toLowerCase(Locale.ROOT) + "-" + hash;
    }

    /** The provisioning of a new worker. */
    public static WorkerSaga provision(String worker, String pool, String template, Integer ttlHours,
                                       String commandId, String reason, Instant now) {
        return WorkerSaga.begin("provision-" + worker, SagaKind.PROVISION, worker, pool, template, null,
                commandId, reason, now).withTtlHours(ttlHours);
    }

    /** The removal of an existing worker. */
    public static WorkerSaga decommission(String worker, String pool, String template, Integer vmId,
                                          String commandId, String reason, Instant now) {
        return WorkerSaga.begin("decommission-" + worker + "-" + commandId, SagaKind.DECOMMISSION, worker, pool,
                template, vmId, commandId, reason, now);
    }

    /** Cordoning and draining a worker that stays (maintenance). */
    public static WorkerSaga drain(String worker, String pool, String template, Integer vmId, String commandId,
                                   String reason, Instant now) {
        return WorkerSaga.begin("drain-" + worker + "-" + commandId, SagaKind.DRAIN, worker, pool, template, vmId,
                commandId, reason, now);
    }

    /** A repair of an existing worker by {@code kind} (reboot, drain and reboot, kubelet restart). */
    public static WorkerSaga repair(SagaKind kind, WorkerSaga.RepairOrder order, String worker, String pool,
                                    String template, Integer vmId, String commandId, String reason, Instant now) {
        if (!kind.isRepair()) {
            throw new IllegalArgumentException(kind + " is not a repair");
        }
        return WorkerSaga.begin("repair-" + order.repairId(), kind, worker, pool, template, vmId, commandId, reason, now)
                .withRepair(order);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
