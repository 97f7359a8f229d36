package io.resourcemanager.provisioner.autoscale;

/**
 * Where the autoscaler's decisions go: requests to the provisioner's own work intake. Each method
 * returns once the request is durably accepted and throws when it was not; sending the same command id
 * again is harmless.
 */
public interface ScaleCommands {

    /**
     * Asks for {@code count} new workers of {@code template} in {@code pool}.
     *
     * @param ttlHours lifetime of the workers, or null for the pool's default
     */
    void provision(String commandId, String pool, String template, int count, Integer ttlHours, String reason);

    /** Asks for {@code node} to be drained and removed from {@code pool}, without forcing the drain. */
    void decommission(String commandId, String pool, String node, String reason);
}
