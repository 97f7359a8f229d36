package io.resourcemanager.stack;

/** Tells whether a part of the stack is ready to serve. */
@FunctionalInterface
public interface HealthCheck {

    /**
     * Checks once, quickly (within a few seconds), without throwing.
     *
     * @return whether the part answered as healthy
     */
    boolean isHealthy();
}
