package io.resourcemanager.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.events.NodeActivity;
import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.testkit.KafkaTestEnvironment;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A failing handler delays its own partition only: nothing is skipped, per-key order holds. */
class TopicListenerIT {

    @Test
    void shouldHandleEveryRecordInOrderWhenAHandlerFailsOnce() throws Exception {
        KafkaTestEnvironment env = KafkaTestEnvironment.get();
        RegistrySettings registry = RegistrySettings.atBaseAddress(env.registryBaseUrl());
        TopicCreator.ensure(env.admin(), Topics.all(), (short) 1);
        String prefix = env.uniqueName("listener");
        List<String> keys = new ArrayList<>();
        try (EventPublisher publisher = EventPublisher.connect(env.bootstrapServers(), registry, "tests")) {
            for (int i = 0; i < 60; i++) {
                String key = prefix + "-" + (i % 12);
                keys.add(key);
                publisher.publish(Topics.NODE_ACTIVITY, key, sample(key, i)).get();
            }
        }
        AtomicBoolean failedOnce = new AtomicBoolean(false);
        Map<String, List<Integer>> handled = new ConcurrentHashMap<>();
        TopicListener.Subscription<NodeActivity> subscription = new TopicListener.Subscription<>(Topics.NODE_ACTIVITY,
                (key, sample) -> {
                    if (key == null || !key.startsWith(prefix)) {
                        return;
                    }
                    if (failedOnce.compareAndSet(false, true)) {
                        throw new IllegalStateException("first delivery fails");
                    }
                    handled.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(sample.getWorkloadPods());
                });

        try (TopicListener listener = TopicListener.start(env.uniqueName("listener-group"), env.bootstrapServers(),
                registry, List.of(subscription))) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(handled.values().stream().mapToInt(List::size).sum()).isEqualTo(keys.size()));
        }

        assertThat(failedOnce).isTrue();
        handled.forEach((key, sequence) -> assertThat(sequence).as(key).isSorted().doesNotHaveDuplicates());
    }

    private static NodeActivity sample(String node, int sequence) {
        return NodeActivity.newBuilder().setHeader(Events.header()).setNode(node).setCpuFraction(0.5)
                .setWorkloadPods(sequence).setSampledAt(Events.T0).build();
    }
}
