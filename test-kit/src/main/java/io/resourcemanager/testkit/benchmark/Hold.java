package io.resourcemanager.testkit.benchmark;

import java.time.Duration;
import org.awaitility.Awaitility;

/** Lets a fixed stretch of time pass: phases of the benchmark that must last, not wait for something. */
public final class Hold {

    private Hold() {
    }

    public static void pass(Duration duration) {
        Awaitility.await().pollDelay(duration).atMost(duration.plusSeconds(5)).until(() -> true);
    }
}
