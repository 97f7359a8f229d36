package io.resourcemanager.ttl.service;

import io.micronaut.context.annotation.Context;
import io.resourcemanager.events.AllocationRequestEnvelope;
import io.resourcemanager.events.ExtensionRequested;
import io.resourcemanager.events.TtlEventEnvelope;
import io.resourcemanager.events.TtlExtended;
import io.resourcemanager.events.TtlExtensionRefused;
import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.kafka.KafkaProperties;
import io.resourcemanager.kafka.RegistryProperties;
import io.resourcemanager.kafka.ReplyWaiter;
import io.resourcemanager.topics.EventHeaders;
import io.resourcemanager.topics.Topics;
import io.resourcemanager.ttl.config.TtlProperties;
import io.resourcemanager.ttl.domain.Countdown;
import io.resourcemanager.ttl.domain.Countdowns;
import io.resourcemanager.ttl.domain.Refusal;
import io.resourcemanager.ttl.topology.DeadlineQuery;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Extension requests made over the API. The request is checked against the rules first (so bad input
 * is answered at once, naming the field), then published as {@code ExtensionRequested} (keyed by
 * subject) for the countdowns to decide, and answered with the decision read back from
 * {@code rm.ttl.events}. The countdowns decide again: a request that raced another one is still
 * decided correctly.
 */
@Context
public final class ExtensionRequests implements AutoCloseable {

    private static final String PRODUCER = "ttl-service";
    private static final String HOURS = "hours";
    private static final double MILLIS_PER_HOUR = 3_600_000d;

    private final DeadlineQuery query;
    private final Countdowns rules;
    private final EventPublisher publisher;
    private final ReplyWaiter<TtlEventEnvelope> replies;
    private final Duration timeout;
    private final Clock clock;

    ExtensionRequests(DeadlineQuery query, Countdowns rules, EventPublisher publisher, KafkaProperties kafka,
                      RegistryProperties registry, TtlProperties settings, Clock clock) {
        this.query = query;
        this.rules = rules;
        this.publisher = publisher;
        this.replies = ReplyWaiter.follow(Topics.TTL_EVENTS, kafka.bootstrapServers(), registry.settings(),
                ExtensionRequests::requestId);
        this.timeout = settings.outcomeTimeout();
        this.clock = clock;
    }

    /**
     * Extends {@code subjectId} by {@code hours} (null: the default extension).
     *
     * @return empty when no deadline is tracked for the subject
     */
    public Optional<ExtensionAnswer> extend(String subjectId, Double hours) throws InterruptedException {
        if (hours != null && (hours.isNaN() || hours <= 0)) {
            return Optional.of(new ExtensionAnswer.Refused(new Refusal(Refusal.Reason.NOT_POSITIVE,
                    "hours must be a positive number, was " + hours), HOURS));
        }
        Optional<Countdown> countdown = query.find(subjectId);
        if (countdown.isEmpty()) {
            return Optional.empty();
        }
        Duration extension = hours == null ? rules.policy().defaultExtension()
                : Duration.ofMillis(Math.round(hours * MILLIS_PER_HOUR));
        Optional<Refusal> refusal = rules.refusal(countdown.get(), extension);
        if (refusal.isPresent()) {
            return Optional.of(refused(refusal.get(), countdown.get()));
        }
        return Optional.of(decide(countdown.get(), extension));
    }

    private ExtensionAnswer.Refused refused(Refusal refusal, Countdown countdown) {
        if (refusal.reason() == Refusal.Reason.PAST_LIMIT) {
            double room = countdown.deadline().room().orElseThrow().toMillis() / MILLIS_PER_HOUR;
            return new ExtensionAnswer.Refused(new Refusal(refusal.reason(), String.format(Locale.ROOT,
                    "hours must be at most %.2f: %s", Math.floor(room * 100) / 100, refusal.message())), HOURS);
        }
        return new ExtensionAnswer.Refused(refusal, refusal.reason() == Refusal.Reason.NOT_POSITIVE ? HOURS : null);
    }

    private ExtensionAnswer decide(Countdown countdown, Duration extension) throws InterruptedException {
        String requestId = UUID.randomUUID().toString();
        CompletableFuture<TtlEventEnvelope> reply = replies.await(requestId);
        ExtensionRequested request = ExtensionRequested.newBuilder()
                .setRequestId(requestId)
                .setSubjectId(countdown.subjectId())
                .setSubjectType(io.resourcemanager.events.SubjectType.valueOf(countdown.deadline().kind().name()))
                .setExtensionSeconds(extension.toSeconds())
                .build();
        try {
            publisher.publish(Topics.ALLOCATION_REQUESTS, countdown.subjectId(), AllocationRequestEnvelope.newBuilder()
                    .setHeader(EventHeaders.first(PRODUCER, clock)).setPayload(request).build())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return answer(reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS).getPayload());
        } catch (TimeoutException e) {
            reply.cancel(false);
            return new ExtensionAnswer.Pending(requestId);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not publish the extension request " + requestId, e.getCause());
        }
    }

    private static ExtensionAnswer answer(Object payload) {
        if (payload instanceof TtlExtended extended) {
            return new ExtensionAnswer.Extended(extended.getSubjectId(),
                    extended.getSubjectType().name().toLowerCase(Locale.ROOT), extended.getPreviousDeadline(),
                    extended.getNewDeadline(), extended.getExtensionsUsed());
        }
        return new ExtensionAnswer.Overtaken(((TtlExtensionRefused) payload).getReason());
    }

    private static Optional<String> requestId(TtlEventEnvelope event) {
        Object payload = event.getPayload();
        if (payload instanceof TtlExtended extended) {
            return Optional.ofNullable(extended.getRequestId());
        }
        if (payload instanceof TtlExtensionRefused refused) {
            return Optional.ofNullable(refused.getRequestId());
        }
        return Optional.empty();
    }

    @Override
    @PreDestroy
    public void close() {
        replies.close();
    }
}
