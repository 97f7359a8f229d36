package io.resourcemanager.provisioner.benchmark;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Waits for a condition with a bound, polling at a fixed interval; says whether it held in time. */
final class BoundedWait {

    private BoundedWait() {
    }

    static boolean until(Callable<Boolean> condition, Duration timeout, Duration pollInterval) {
        try {
            Awaitility.await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(pollInterval)
                    .ignoreExceptions().until(condition);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }
}
