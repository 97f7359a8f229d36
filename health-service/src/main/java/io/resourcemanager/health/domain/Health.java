package io.resourcemanager.health.domain;

/** How usable a node is. */
public enum Health {
    /** The node's conditions could not be judged (no Ready condition, odd statuses, missing times). */
    UNKNOWN,
    /** Ready, no pressure, no crash loop. */
    HEALTHY,
    /** Ready but under memory, disk or PID pressure, with its network unavailable, or with a crash-looping kubelet. */
    DEGRADED,
    /** Not Ready (False, Unknown, or a stale heartbeat): it does not count as capacity. */
    UNHEALTHY
}
