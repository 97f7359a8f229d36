package io.resourcemanager.ttl.topology;

import io.resourcemanager.events.EventHeader;
import io.resourcemanager.events.TtlEventEnvelope;
import io.resourcemanager.state.TrackedDeadline;
import io.resourcemanager.topics.EventHeaders;
import io.resourcemanager.ttl.domain.Countdown;
import io.resourcemanager.ttl.domain.Countdowns;
import io.resourcemanager.ttl.domain.Outcome;
import io.resourcemanager.ttl.domain.TtlFact;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Keeps one countdown per subject and fires what is due. Inputs (deadlines learned, subjects gone,
 * extension requests, activity samples) are decided by {@link Countdowns}; a wall-clock punctuation
 * reads the due range of the {@link DeadlineIndex} only, so a tick costs what is due, not what is
 * tracked. Store writes and announcements share the task's transaction: a countdown fires once.
 */
final class CountdownProcessor implements Processor<String, SourcedInput, String, TtlEventEnvelope> {

    private static final Logger LOG = LoggerFactory.getLogger(CountdownProcessor.class);
    private static final String PRODUCER = "ttl-service";

    private final Countdowns rules;
    private final Clock clock;
    private final Duration tick;
    private final int batch;
    private final TtlMetrics metrics;
    private ProcessorContext<String, TtlEventEnvelope> context;
    private KeyValueStore<String, TrackedDeadline> countdowns;
    private DeadlineIndex index;

    CountdownProcessor(Countdowns rules, Clock clock, Duration tick, int batch, TtlMetrics metrics) {
        this.rules = rules;
        this.clock = clock;
        this.tick = tick;
        this.batch = batch;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, TtlEventEnvelope> context) {
        this.context = context;
        this.countdowns = context.getStateStore(DeadlineTopology.DEADLINES_STORE);
        this.index = new DeadlineIndex(context.getStateStore(DeadlineIndex.STORE));
        context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, timestamp -> fireDue());
    }

    @Override
    public void process(Record<String, SourcedInput> record) {
        String subject = record.value().input().subjectId();
        MDC.put("subject", subject);
        try {
            TrackedDeadline stored = countdowns.get(subject);
            Countdown existing = stored == null ? null : CountdownRecords.fromStore(stored);
            Outcome outcome = rules.apply(existing, record.value().input(), clock.instant());
            save(subject, stored, outcome, record.value().cause());
        } finally {
            MDC.remove("subject");
        }
    }

    /** Fires at most {@code batch} due countdowns; more due ones wait for the next tick, input flows meanwhile. */
    private void fireDue() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        List<DeadlineIndex.Due> due = index.dueBy(now, batch);
        due.forEach(entry -> fire(entry, now));
        metrics.ticked(Duration.ofNanos(System.nanoTime() - started), due.size());
    }

    private void fire(DeadlineIndex.Due entry, Instant now) {
            TrackedDeadline stored = countdowns.get(entry.subjectId());
            if (stored == null || stored.getDueAt() == null || !stored.getDueAt().equals(entry.at())) {
                LOG.warn("Dropping a stale index entry of {} at {}", entry.subjectId(), entry.at());
                index.remove(entry.subjectId(), entry.at());
                return;
            }
            MDC.put("subject", entry.subjectId());
            save(entry.subjectId(), stored, rules.fire(CountdownRecords.fromStore(stored), now), null);
            MDC.remove("subject");
    }

    /**
     * Stores the outcome and announces its facts. A fact an input caused is caused by that input's event; a
     * fact a tick fired continues the flow of the event that started the countdown.
     */
    private void save(String subject, TrackedDeadline stored, Outcome outcome, EventHeader cause) {
        Instant previousDue = stored == null ? null : stored.getDueAt();
        String flow = stored != null ? stored.getCorrelationId() : cause == null ? null : cause.getCorrelationId();
        switch (outcome.change()) {
            case UPDATED -> {
                Countdown countdown = outcome.countdown();
                Instant filedAt = index.file(subject, previousDue, rules.dueAt(countdown));
                countdowns.put(subject, CountdownRecords.toStore(countdown, filedAt, flow));
            }
            case REMOVED -> {
                countdowns.delete(subject);
                index.remove(subject, previousDue);
            }
            case NONE -> { }
        }
        Instant now = clock.instant();
        for (TtlFact fact : outcome.facts()) {
            EventHeader header = cause == null ? EventHeaders.inFlow(flow, PRODUCER, clock)
                    : EventHeaders.causedBy(cause, PRODUCER, clock);
            context.forward(new Record<>(fact.subjectId(), TtlEventRecords.of(fact, header), now.toEpochMilli()));
            metrics.announced(fact, now);
            if (fact instanceof TtlFact.Warned) {
                LOG.debug("Warned {}", fact.subjectId());
            } else {
                LOG.info("{} {}", fact.getClass().getSimpleName(), fact.subjectId());
            }
        }
    }
}
