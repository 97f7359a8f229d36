package io.resourcemanager.provisioner.adapter.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.kafka.testing.MutableClock;
import io.resourcemanager.provisioner.domain.infra.DrainPolicy;
import io.resourcemanager.provisioner.domain.infra.DrainResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeDrainerTest {

    private static final DrainPolicy POLICY =
            new DrainPolicy(Duration.ofSeconds(300), 5, Duration.ofSeconds(10), Duration.ofSeconds(600));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final RecordingPacer pacer = new RecordingPacer(clock);
    private final FakeNode node = new FakeNode();
    private final NodeDrainer drainer = new NodeDrainer(node, clock, pacer);

    @Test
    void shouldEvictInBatchesWithAPauseBetweenThem() {
        node.place(12);

        DrainResult result = drainer.drain("burst-1", POLICY);

        assertThat(result.complete()).isTrue();
        assertThat(result.evicted()).isEqualTo(12);
        assertThat(node.batchSizes()).containsExactly(5, 5, 2);
        assertThat(pacer.pauses()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10));
        assertThat(node.graces).containsOnly(Duration.ofSeconds(300));
    }

    @Test
    void shouldRetryABudgetProtectedPodAfterTheOthersAndReportItAtTheTimeout() {
        node.place(7);
        node.protect("default/pod-0");

        DrainResult result = drainer.drain("burst-1", POLICY);

        assertThat(result.evicted()).isEqualTo(6);
        assertThat(result.remaining()).containsExactly("default/pod-0");
        assertThat(node.attempts.subList(0, 7)).containsExactly("default/pod-0", "default/pod-1", "default/pod-2",
                "default/pod-3", "default/pod-4", "default/pod-5", "default/pod-6");
        assertThat(node.attempts.stream().filter("default/pod-0"::equals).count()).isGreaterThan(10);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:10:00Z"));
    }

    @Test
    void shouldCompleteOnceTheBudgetAllowsTheLastPod() {
        node.place(2);
        node.protect("default/pod-1");
        node.releaseAfterAttempts = 3;

        DrainResult result = drainer.drain("burst-1", POLICY);

        assertThat(result.complete()).isTrue();
        assertThat(result.evicted()).isEqualTo(2);
    }

    @Test
    void shouldWaitForTerminatingPodsWithoutEvictingThemAgain() {
        node.place(1);
        node.terminating.put("default/leaving", 2);

        DrainResult result = drainer.drain("burst-1", POLICY);

        assertThat(result.complete()).isTrue();
        assertThat(result.evicted()).isEqualTo(1);
        assertThat(node.attempts).doesNotContain("default/leaving");
    }

    @Test
    void shouldReportNothingToDoOnAnEmptyNode() {
        DrainResult result = drainer.drain("burst-1", POLICY);

        assertThat(result).isEqualTo(new DrainResult(0, List.of()));
        assertThat(pacer.pauses()).isEmpty();
    }

    /** A node whose pods leave as soon as they are evicted, unless a budget protects them. */
    private static final class FakeNode implements DrainTarget {

        final List<String> attempts = new ArrayList<>();
        final List<Duration> graces = new ArrayList<>();
        final Map<String, Integer> terminating = new LinkedHashMap<>();
        final List<Integer> batchMarks = new ArrayList<>();
        int releaseAfterAttempts = Integer.MAX_VALUE;
        private final Set<String> pods = new LinkedHashSet<>();
        private final Set<String> protectedPods = new HashSet<>();

        void place(int count) {
            for (int i = 0; i < count; i++) {
                pods.add("default/pod-" + i);
            }
        }

        void protect(String pod) {
            protectedPods.add(pod);
        }

        @Override
        public List<DrainPod> podsOn(String node) {
            batchMarks.add(attempts.size());
            terminating.replaceAll((pod, listings) -> listings - 1);
            terminating.values().removeIf(listings -> listings < 0);
            List<DrainPod> onNode = new ArrayList<>();
            pods.forEach(pod -> onNode.add(new DrainPod("default", name(pod), false)));
            terminating.keySet().forEach(pod -> onNode.add(new DrainPod("default", name(pod), true)));
            return onNode;
        }

        @Override
        public Eviction evict(DrainPod pod, Duration grace) {
            attempts.add(pod.key());
            graces.add(grace);
            if (protectedPods.contains(pod.key()) && attempts.size() < releaseAfterAttempts) {
                return Eviction.REFUSED;
            }
            pods.remove(pod.key());
            return Eviction.EVICTED;
        }

        private static String name(String key) {
            return key.substring(key.indexOf('/') + 1);
        }

        /** Evictions between consecutive listings that followed evictions. */
        List<Integer> batchSizes() {
            List<Integer> sizes = new ArrayList<>();
            int previous = 0;
            for (int mark : batchMarks) {
                if (mark > previous) {
                    sizes.add(mark - previous);
                    previous = mark;
                }
            }
            return sizes;
        }
    }
}
