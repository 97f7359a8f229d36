package io.resourcemanager.provisioner.domain.autoscale;

import java.time.Duration;
import java.util.List;

/** What the autoscaler decided for one pool. */
public sealed interface ScalePlan {

    /** Add {@code count} workers. */
    record ScaleUp(int count, String reason) implements ScalePlan {
    }

    /** Remove these workers, emptiest first. */
    record ScaleDown(List<String> nodes, String reason) implements ScalePlan {
    }

    /** Change nothing; look again after {@code checkAgainAfter}. */
    record Hold(String reason, Duration checkAgainAfter) implements ScalePlan {
    }
}
