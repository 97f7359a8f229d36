package io.resourcemanager.allocation.mcpservers;

import io.resourcemanager.kafka.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class McpServerLifecycleTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final Map<String, Integer> references = new ConcurrentHashMap<>();
    private final InMemoryMcpDeployments cluster = new InMemoryMcpDeployments()
            .withServer("filesystem", 0).withServer("github", 0).withServer("database", 0);
    private final McpServerLifecycle lifecycle = new McpServerLifecycle(() -> Map.copyOf(references), cluster,
            McpServerProperties.defaults().withIdleTimeout(TIMEOUT), clock, Runnable::run);

    @Test
    void shouldStartAReferencedServerInTheNextRound() {
        references.put("filesystem", 1);

        lifecycle.reconcile();

        assertThat(cluster.scaleCalls()).containsExactly("scale filesystem 1");
        assertThat(lifecycle.describe(List.of("filesystem"))).containsExactly(new McpServerView("filesystem",
                "http://mcp-filesystem.default.svc:8080", McpServerStatus.STARTING));
    }

    @Test
    void shouldReportRunningOnceAReplicaIsReady() {
        references.put("filesystem", 1);
        lifecycle.reconcile();
        cluster.markReady("filesystem", 1);

        lifecycle.reconcile();

        assertThat(lifecycle.describe(List.of("filesystem")).get(0).status()).isEqualTo(McpServerStatus.RUNNING);
    }

    @Test
    void shouldStopAnIdleServerOnlyAfterTheIdleTimeout() {
        references.put("filesystem", 1);
        lifecycle.reconcile();
        references.remove("filesystem");
        lifecycle.reconcile();

        clock.advance(TIMEOUT.minusSeconds(1));
        lifecycle.reconcile();
        assertThat(cluster.replicas("filesystem")).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        lifecycle.reconcile();
        assertThat(cluster.scaleCalls()).containsExactly("scale filesystem 1", "scale filesystem 0");
        assertThat(lifecycle.describe(List.of("filesystem")).get(0).status()).isEqualTo(McpServerStatus.STOPPED);
    }

    @Test
    void shouldCancelThePendingStopWhenReferencedAgain() {
        references.put("filesystem", 1);
        lifecycle.reconcile();
        references.put("filesystem", 0);
        lifecycle.reconcile();
        clock.advance(Duration.ofMinutes(6));
        references.put("filesystem", 1);
        lifecycle.reconcile();
        references.put("filesystem", 0);
        lifecycle.reconcile();

        clock.advance(Duration.ofMinutes(6));
        lifecycle.reconcile();
        assertThat(cluster.replicas("filesystem")).isEqualTo(1);

        clock.advance(Duration.ofMinutes(4));
        lifecycle.reconcile();
        assertThat(cluster.replicas("filesystem")).isZero();
    }

    @Test
    void shouldNotScaleAServerThatAlreadyHasItsReplicas() {
        cluster.withServer("github", 1);
        references.put("github", 2);

        lifecycle.reconcile();
        lifecycle.reconcile();

        assertThat(cluster.scaleCalls()).isEmpty();
    }

    @Test
    void shouldRetryAFailedScaleUpInTheNextRound() {
        references.put("filesystem", 1);
        cluster.failNextScale(new McpDeploymentException.Unavailable("API server busy", null));

        lifecycle.reconcile();
        assertThat(cluster.replicas("filesystem")).isZero();
        lifecycle.reconcile();

        assertThat(cluster.scaleCalls()).containsExactly("scale filesystem 1", "scale filesystem 1");
        assertThat(cluster.replicas("filesystem")).isEqualTo(1);
    }

    @Test
    void shouldRetryAFailedScaleDownWithoutRestartingTheTimer() {
        cluster.withServer("github", 1);
        lifecycle.reconcile();
        clock.advance(TIMEOUT);
        cluster.failNextScale(new McpDeploymentException.Unavailable("conflict", null));

        lifecycle.reconcile();
        assertThat(cluster.replicas("github")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(5));
        lifecycle.reconcile();

        assertThat(cluster.replicas("github")).isZero();
    }

    @Test
    void shouldSkipTheRoundWhenTheDeploymentsCannotBeListed() {
        references.put("filesystem", 1);
        cluster.failNext(new McpDeploymentException.Unavailable("connection refused", null));

        assertThat(lifecycle.reconcile()).isEmpty();
        assertThat(cluster.scaleCalls()).isEmpty();
    }

    @Test
    void shouldChangeNothingWhileTheReferencesCannotBeRead() {
        cluster.withServer("github", 1);
        McpServerLifecycle blind = new McpServerLifecycle(() -> {
            throw new IllegalStateException("store restoring");
        }, cluster, McpServerProperties.defaults().withIdleTimeout(Duration.ZERO), clock, Runnable::run);

        assertThat(blind.reconcile()).isEmpty();
        assertThat(cluster.scaleCalls()).isEmpty();
    }

    @Test
    void shouldReportButNeverCreateUnknownServers() {
        references.put("slack", 1);

        McpServerPlan plan = lifecycle.reconcile().orElseThrow();

        assertThat(plan.unknown()).containsExactly("slack");
        assertThat(cluster.scaleCalls()).isEmpty();
        assertThat(lifecycle.describe(List.of("slack"))).containsExactly(McpServerView.unknown("slack"));
    }

    @Test
    void shouldStartGrantedServersAtOnceAndOnlyOnce() {
        lifecycle.reconcile();

        lifecycle.ensureStarted(List.of("filesystem", "slack")).toCompletableFuture().join();
        lifecycle.ensureStarted(List.of("filesystem")).toCompletableFuture().join();

        assertThat(cluster.scaleCalls()).containsExactly("scale filesystem 1");
        assertThat(lifecycle.describe(List.of("filesystem", "slack", "filesystem"))).extracting(McpServerView::status)
                .containsExactly(McpServerStatus.STARTING, McpServerStatus.UNKNOWN);
    }

    @Test
    void shouldReportStartingAsSoonAsAStartIsRequested() {
        McpServerLifecycle queued = new McpServerLifecycle(Map::of, cluster, McpServerProperties.defaults(), clock,
                task -> { });
        queued.reconcile();

        queued.ensureStarted(List.of("github"));

        assertThat(queued.describe(List.of("github")).get(0).status()).isEqualTo(McpServerStatus.STARTING);
        assertThat(cluster.scaleCalls()).isEmpty();
    }

    @Test
    void shouldKnowNoServerBeforeTheFirstRound() {
        assertThat(lifecycle.describe(List.of("filesystem"))).containsExactly(McpServerView.unknown("filesystem"));
        assertThat(lifecycle.all()).isEmpty();
    }

    @Test
    void shouldListEveryObservedServer() {
        lifecycle.reconcile();

        assertThat(lifecycle.all()).extracting(McpServerView::name).containsExactly("database", "filesystem", "github");
    }
}
