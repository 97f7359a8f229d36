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

    /**
     * The pool should grow, but a budget enforced on it refuses scale-up: change nothing; look again after
     * {@code checkAgainAfter}.
     *
     * @param wanted the scale-up refused
     * @param refusal why (the enforcement's reason)
     */
    record Refused(ScaleUp wanted, String refusal, Duration checkAgainAfter) implements ScalePlan {
    }

    /** Change nothing; look again after {@code checkAgainAfter}. */
    record Hold(String reason, Duration checkAgainAfter) implements ScalePlan {
    }
}
