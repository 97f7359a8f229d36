package io.resourcemanager.provisioner.adapter.proxmox;

import io.micronaut.json.tree.JsonNode;
import io.resourcemanager.provisioner.domain.infra.InfraException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for Proxmox: polls a task ({@code GET /nodes/{node}/tasks/{upid}/status}) until it has
 * {@code status: stopped}, then judges its {@code exitstatus}; or polls any condition until a deadline.
 */
final class ProxmoxTasks {

    private static final Logger LOG = LoggerFactory.getLogger(ProxmoxTasks.class);

    private final ProxmoxApi api;
    private final Clock clock;
    private final Duration pollInterval;

    ProxmoxTasks(ProxmoxApi api, Clock clock, Duration pollInterval) {
        this.api = api;
        this.clock = clock;
        this.pollInterval = pollInterval;
    }

    /**
     * Waits for the task whose UPID an asynchronous call returned; a call that returned no UPID (a change
     * Proxmox applied at once) is done already.
     *
     * @throws InfraException.Retriable when the task is still running at the deadline, or failed for a lock,
     *         a timeout or a busy resource
     * @throws InfraException.Permanent when the task failed otherwise
     */
    void await(String operation, JsonNode upidData, Instant deadline) {
        if (upidData == null || upidData.isNull() || !upidData.isString()) {
            return;
        }
        String upid = upidData.getStringValue();
        String path = "/nodes/" + ProxmoxRequest.segment(node(upid)) + "/tasks/" + ProxmoxRequest.segment(upid)
                + "/status";
        JsonNode status = until(() -> {
            JsonNode task = api.call(ProxmoxRequest.get(path)).data(operation + " (task status)");
            return ProxmoxVms.text(task, "status").filter("stopped"::equals).map(stopped -> task);
        }, deadline, operation + ": task " + upid + " to end");
        String exit = ProxmoxVms.text(status, "exitstatus").orElse("");
        if (!ProxmoxErrors.succeeded(exit)) {
            throw ProxmoxErrors.failedTask(operation, upid, exit);
        }
        LOG.debug("{}: task {} ended {}", operation, upid, exit);
    }

    /**
     * Polls {@code probe} until it yields a value.
     *
     * @throws InfraException.Retriable naming {@code what} when the deadline passes first
     */
    <T> T until(Supplier<Optional<T>> probe, Instant deadline, String what) {
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new InfraException.Retriable("Timed out waiting for " + what);
            }
            pause(left.compareTo(pollInterval) < 0 ? left : pollInterval, what);
        }
    }

    /** The deadline {@code timeout} from now. */
    Instant deadline(Duration timeout) {
        return clock.instant().plus(timeout);
    }

    /** Time left until {@code deadline}, never negative. */
    Duration left(Instant deadline) {
        Duration left = Duration.between(clock.instant(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static void pause(Duration duration, String what) {
        try {
            Thread.sleep(Math.max(1, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException.Retriable("Interrupted while waiting for " + what, e);
        }
    }

    /** The node in a UPID ({@code UPID:<node>:...}). */
    private static String node(String upid) {
        String[] parts = upid.split(":");
        if (parts.length < 2 || !parts[0].equals("UPID")) {
            throw new InfraException.Permanent("Not a Proxmox task id: " + upid);
        }
        return parts[1];
    }
}
