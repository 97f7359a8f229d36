package io.resourcemanager.ttl.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.resourcemanager.ttl.domain.Deadline;
import io.resourcemanager.ttl.topology.DeadlineQuery;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/** {@code GET /ttl}: every tracked deadline with the time left, soonest first. */
@Controller("/ttl")
class TtlController {

    private final DeadlineQuery deadlines;
    private final Clock clock;

    TtlController(DeadlineQuery deadlines, Clock clock) {
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Get
    List<DeadlineView> list() {
        return deadlines.all().stream().map(this::view).toList();
    }

    private DeadlineView view(Deadline deadline) {
        return new DeadlineView(deadline.subjectId(), deadline.kind().name().toLowerCase(Locale.ROOT),
                deadline.deadline().toString(), deadline.remaining(clock).toSeconds(), deadline.extensionsUsed());
    }

    /** One subject's deadline. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record DeadlineView(String subjectId, String subjectType, String deadline, long remainingSeconds,
                        int extensionsUsed) {
    }
}
