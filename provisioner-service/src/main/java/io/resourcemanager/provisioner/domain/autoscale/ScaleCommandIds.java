package io.resourcemanager.provisioner.domain.autoscale;

import java.time.Instant;

/**
 * Ids of the commands the autoscaler sends. An id follows from the decision: the pool, the direction,
 * the node for a removal, and the pool's previous change in that direction. The same decision taken
 * twice (a send repeated after a lost acknowledgement) therefore carries the same id, and the sagas
 * derived from it start once.
 */
public final class ScaleCommandIds {

    /** Every autoscaler command id begins with this. */
    public static final String PREFIX = "autoscale-";

    private ScaleCommandIds() {
    }

    /** The id of the scale-up of {@code pool} that follows the one at {@code lastScaleUp} (null: none). */
    public static String scaleUp(String pool, Instant lastScaleUp) {
        return PREFIX + pool + "-up-" + millis(lastScaleUp);
    }

    /** The id of the removal of {@code node} that follows the pool's scale-down at {@code lastScaleDown}. */
    public static String scaleDown(String pool, String node, Instant lastScaleDown) {
        return PREFIX + pool + "-down-" + millis(lastScaleDown) + "-" + node;
    }

    /** Whether the autoscaler sent the command with this id. */
    public static boolean isAutoscale(String commandId) {
        return commandId != null && commandId.startsWith(PREFIX);
    }

    private static long millis(Instant instant) {
        return instant == null ? 0 : instant.toEpochMilli();
    }
}
