package io.resourcemanager.ttl.topology;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.resourcemanager.ttl.domain.ExpiryCause;
import io.resourcemanager.ttl.domain.TtlFact;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Meters of the countdowns: what was announced, how late expiries were, what each tick cost. */
final class TtlMetrics {

    private final MeterRegistry registry;
    private final Timer lateness;
    private final Timer tick;

    TtlMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.lateness = Timer.builder("rm.ttl.expiry.lateness")
                .description("Time from a deadline to its TtlExpired being produced")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        this.tick = Timer.builder("rm.ttl.tick")
                .description("Time one punctuation took to read the due range of the index and fire what was due")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    void announced(TtlFact fact, Instant at) {
        String type = fact.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        if (fact instanceof TtlFact.Expired expired) {
            registry.counter("rm.ttl.facts", "fact", type, "cause", expired.cause().name().toLowerCase(Locale.ROOT))
                    .increment();
            if (expired.cause() == ExpiryCause.DEADLINE) {
                lateness.record(Duration.between(expired.deadline().at(), at));
            }
        } else {
            registry.counter("rm.ttl.facts", "fact", type, "cause", "-").increment();
        }
    }

    void ticked(Duration took, int due) {
        tick.record(took);
        if (due > 0) {
            registry.summary("rm.ttl.tick.due").record(due);
        }
    }
}
