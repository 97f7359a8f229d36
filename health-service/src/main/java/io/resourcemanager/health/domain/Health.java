package io.resourcemanager.health.domain;

/** How usable a node is. */
public enum Health {
    /** Ready, no pressure. */
    HEALTHY,
    /** Ready but under memory, disk or PID pressure, or with its network unavailable. */
    DEGRADED,
    /** Not Ready (False or Unknown): it does not count as capacity. */
    UNHEALTHY
}
