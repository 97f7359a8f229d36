package io.resourcemanager.provisioner.domain.infra;

import java.util.List;

/**
 * The outcome of a drain.
 *
 * @param evicted pods evicted
 * @param remaining pods still on the node (other than DaemonSet and mirror pods), as namespace/name
 */
public record DrainResult(int evicted, List<String> remaining) {

    public DrainResult {
        remaining = List.copyOf(remaining);
    }

    /** Whether every evictable pod left. */
    public boolean complete() {
        return remaining.isEmpty();
    }
}
