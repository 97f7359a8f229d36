package io.resourcemanager.ttl.adapter;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.resourcemanager.events.EventHeader;
import io.resourcemanager.events.NodeActivity;
import io.resourcemanager.kafka.CatalogueTopics;
import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.topics.EventHeaders;
import io.resourcemanager.topics.Topics;
import io.resourcemanager.ttl.domain.ActivitySample;
import io.resourcemanager.ttl.domain.WorkerActivity;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Samples the activity of the temporary workers every {@code rm.ttl.activity.sample-interval} and
 * publishes one {@code NodeActivity} per sample on {@code rm.node.activity}, keyed by node name; the
 * idle detection of the topology consumes them. A cluster that cannot be asked is logged once per outage
 * (and once more when it answers again); the next sampling simply tries again. Nothing a sampling throws
 * stops the following ones. Exists unless {@code rm.ttl.activity.enabled} is false.
 */
@Singleton
@Requires(property = ActivityProperties.PREFIX + ".enabled", notEquals = "false")
public final class ActivitySampler {

    private static final Logger LOG = LoggerFactory.getLogger(ActivitySampler.class);

    /** Sends the record of one sample; the future completes when Kafka acknowledged it. */
    @FunctionalInterface
    interface Publication {
        CompletableFuture<?> publish(String node, NodeActivity activity);
    }

    private final WorkerActivity activity;
    private final Publication publication;
    private final Duration interval;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final String producer;
    private final AtomicBoolean clusterUnavailable = new AtomicBoolean(false);
    private final AtomicBoolean publishingFails = new AtomicBoolean(false);
    private ScheduledFuture<?> task;

    /** Wired by Micronaut; {@code topics} is asked for so that the catalogue topics exist before the first send. */
    @Inject
    ActivitySampler(WorkerActivity activity, EventPublisher publisher, CatalogueTopics topics,
                    ActivityProperties properties, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
                    Clock clock, @Value("${micronaut.application.name}") String producer) {
        this(activity, (node, record) -> publisher.publish(Topics.NODE_ACTIVITY, node, record), properties, scheduler,
                clock, producer);
    }

    ActivitySampler(WorkerActivity activity, Publication publication, ActivityProperties properties,
                    TaskScheduler scheduler, Clock clock, String producer) {
        this.activity = activity;
        this.publication = publication;
        this.interval = properties.sampleInterval();
        this.scheduler = scheduler;
        this.clock = clock;
        this.producer = producer;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        start();
    }

    /** Schedules the samplings: the first after one interval, each next one an interval after the last ended. */
    synchronized void start() {
        if (task == null) {
            task = scheduler.scheduleWithFixedDelay(interval, interval, this::sampleSafely);
            LOG.info("Sampling the activity of temporary workers every {}", interval);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    /** One sampling: asks the cluster and publishes a record per sample. Throws nothing the cluster causes. */
    void sampleOnce() {
        List<ActivitySample> samples;
        try {
            samples = activity.sample();
        } catch (WorkerActivity.ActivityUnavailableException e) {
            if (clusterUnavailable.compareAndSet(false, true)) {
                LOG.warn("Cannot sample worker activity, trying again every {}: {}", interval, e.getMessage());
            } else {
                LOG.debug("Still cannot sample worker activity: {}", e.getMessage());
            }
            return;
        }
        if (clusterUnavailable.compareAndSet(true, false)) {
            LOG.info("Worker activity can be sampled again");
        }
        samples.forEach(this::publish);
    }

    /** The record of {@code sample} (its timestamp in milliseconds, as the topic carries it). */
    static NodeActivity record(ActivitySample sample, EventHeader header) {
        return NodeActivity.newBuilder()
                .setHeader(header)
                .setNode(sample.worker())
                .setCpuFraction(sample.cpuFraction())
                .setWorkloadPods(sample.workloadPods())
                .setSampledAt(sample.sampledAt())
                .build();
    }

    private void sampleSafely() {
        try {
            sampleOnce();
        } catch (RuntimeException e) {
            LOG.error("Sampling worker activity failed; trying again in {}", interval, e);
        }
    }

    private void publish(ActivitySample sample) {
        CompletableFuture<?> sent;
        try {
            sent = publication.publish(sample.worker(), record(sample, EventHeaders.first(producer, clock)));
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((ignored, error) -> reportPublication(sample.worker(), error));
    }

    private void reportPublication(String node, Throwable error) {
        MDC.put("node", node);
        try {
            if (error == null) {
                if (publishingFails.compareAndSet(true, false)) {
                    LOG.info("Worker activity is published again");
                }
                LOG.debug("Published the activity of {}", node);
            } else if (publishingFails.compareAndSet(false, true)) {
                LOG.warn("Could not publish the activity of {}; samples are lost until Kafka takes them again", node,
                        error);
            } else {
                LOG.debug("Could not publish the activity of {} either: {}", node, error.getMessage());
            }
        } finally {
            MDC.remove("node");
        }
    }
}
