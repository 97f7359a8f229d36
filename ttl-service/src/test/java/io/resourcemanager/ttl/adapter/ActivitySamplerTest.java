package io.resourcemanager.ttl.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.micronaut.scheduling.ScheduledExecutorTaskScheduler;
import io.resourcemanager.events.NodeActivity;
import io.resourcemanager.kafka.testing.MutableClock;
import io.resourcemanager.ttl.domain.ActivitySample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sampler turns each sample into a NodeActivity record and survives an unavailable cluster or broker. */
class ActivitySamplerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123456Z");
    private static final ActivitySample BUSY = new ActivitySample("burst-1", 0.62, 3, NOW.minusSeconds(2));
    private static final ActivitySample IDLE = new ActivitySample("burst-2", 0.01, 0, NOW.minusSeconds(1));

    private final FakeWorkerActivity activity = new FakeWorkerActivity();
    private final RecordingPublication publication = new RecordingPublication();
    private final MutableClock clock = new MutableClock(NOW);
    private final ExecutorService executor = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void shouldPublishOneRecordPerSampleKeyedByItsWorker() {
        activity.answer(BUSY, IDLE);

        sampler(Duration.ofSeconds(60)).sampleOnce();

        List<Map.Entry<String, NodeActivity>> published = publication.published();
        assertThat(published).extracting(Map.Entry::getKey).containsExactly("burst-1", "burst-2");
        NodeActivity busy = published.get(0).getValue();
        assertThat(busy.getNode()).isEqualTo("burst-1");
        assertThat(busy.getCpuFraction()).isEqualTo(0.62);
        assertThat(busy.getWorkloadPods()).isEqualTo(3);
        assertThat(busy.getSampledAt()).isEqualTo(Instant.parse("2026-03-01T10:15:28.123Z"));
        assertThat(busy.getHeader().getProducer()).isEqualTo("ttl-service");
        assertThat(busy.getHeader().getOccurredAt()).isEqualTo(Instant.parse("2026-03-01T10:15:30.123Z"));
        assertThat(published.get(1).getValue().getWorkloadPods()).isZero();
    }

    @Test
    void shouldSayOnceThatTheClusterIsUnavailableAndOnceThatItAnswersAgain() {
        ActivitySampler sampler = sampler(Duration.ofSeconds(60));
        activity.answer(IDLE);
        try (LogCapture logs = LogCapture.of(ActivitySampler.class)) {
            activity.failNextAsUnavailable();
            activity.failNextAsUnavailable();
            activity.failNextAsUnavailable();

            sampler.sampleOnce();
            sampler.sampleOnce();
            sampler.sampleOnce();
            assertThat(publication.published()).isEmpty();
            sampler.sampleOnce();

            assertThat(logs.at(Level.WARN)).singleElement().asString().contains("Cannot sample worker activity");
            assertThat(logs.at(Level.INFO)).containsExactly("Worker activity can be sampled again");
            assertThat(publication.published()).hasSize(1);
        }
    }

    @Test
    void shouldKeepSamplingAfterASamplingFails() {
        ActivitySampler sampler = sampler(Duration.ofMillis(20));
        activity.failNextAsUnavailable();
        activity.failNext(new IllegalStateException("unexpected answer"));
        activity.answer(BUSY);

        sampler.start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !publication.published().isEmpty());
        } finally {
            sampler.stop();
        }

        assertThat(activity.calls()).isGreaterThanOrEqualTo(3);
        assertThat(publication.published().get(0).getKey()).isEqualTo("burst-1");
    }

    @Test
    void shouldSayOnceThatKafkaRefusesRecordsAndCarryOnSampling() {
        ActivitySampler sampler = sampler(Duration.ofSeconds(60));
        activity.answer(BUSY, IDLE);
        try (LogCapture logs = LogCapture.of(ActivitySampler.class)) {
            publication.breakNext(1);
            publication.refuseNext(2);

            assertThatCode(sampler::sampleOnce).doesNotThrowAnyException();
            sampler.sampleOnce();

            assertThat(logs.at(Level.WARN)).singleElement().asString().contains("Could not publish the activity");
            assertThat(logs.at(Level.INFO)).containsExactly("Worker activity is published again");
            assertThat(publication.published()).extracting(Map.Entry::getKey).containsExactly("burst-2");
        }
    }

    @Test
    void shouldRefuseAnIntervalThatIsNotPositive() {
        assertThatThrownBy(() -> new ActivityProperties(true, Duration.ZERO, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rm.ttl.activity.sample-interval");
    }

    private ActivitySampler sampler(Duration interval) {
        ActivityProperties properties = new ActivityProperties(true, interval, List.of("kube-system"));
        return new ActivitySampler(activity, publication, properties, new ScheduledExecutorTaskScheduler(executor),
                clock, "ttl-service");
    }
}
