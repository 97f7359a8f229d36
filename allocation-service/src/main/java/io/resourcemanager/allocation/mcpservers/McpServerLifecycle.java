package io.resourcemanager.allocation.mcpservers;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs the MCP servers the active allocations reference and stops them once idle past the timeout.
 * Each round (on a scheduler thread, every {@code rm.mcp-servers.reconcile-interval}) reads the
 * references, lists the Deployments, asks the {@link McpServerPlanner} and scales what the plan says.
 * Scaling to the replicas a Deployment already has is never attempted; a failure is logged and the
 * next round plans it again. Reads ({@link McpServerDirectory}) answer from the latest observation.
 */
@Singleton
@Requires(beans = McpServerReferences.class)
public class McpServerLifecycle implements McpServerDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(McpServerLifecycle.class);
    private static final String MDC_KEY = "mcp_server";

    private final McpServerReferences references;
    private final McpDeployments deployments;
    private final McpServerPlanner planner;
    private final boolean requireReady;
    private final Clock clock;
    private final Executor executor;
    private final AtomicReference<McpServerObservation> observation = new AtomicReference<>(McpServerObservation.NONE);
    private Map<String, Instant> idleSince = new HashMap<>();
    private Set<String> reportedUnknown = Set.of();

    /** @param executor runs the Kubernetes calls of {@link #ensureStarted} (the IO executor in the service) */
    public McpServerLifecycle(McpServerReferences references, McpDeployments deployments,
                              McpServerProperties properties, Clock clock, @Named(TaskExecutors.IO) Executor executor) {
        this.references = references;
        this.deployments = deployments;
        this.planner = new McpServerPlanner(properties.idleTimeout());
        this.requireReady = properties.requireReady();
        this.clock = clock;
        this.executor = executor;
    }

    @Scheduled(fixedDelay = "${rm.mcp-servers.reconcile-interval:5s}")
    void scheduledReconcile() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            LOG.error("MCP server round failed, retried in the next round", e);
        }
    }

    /**
     * One round: observe, plan, scale. Returns the plan carried out, or empty when the references or
     * the Deployments could not be read (then nothing changes this round).
     */
    public synchronized Optional<McpServerPlan> reconcile() {
        Map<String, Integer> referenced;
        try {
            referenced = references.activeReferences();
            observe(true);
        } catch (RuntimeException e) {
            LOG.warn("MCP server round skipped, retried in the next round: {}", e.toString());
            return Optional.empty();
        }
        McpServerPlan plan = planner.plan(new McpServerSnapshot(referenced, observation.get().replicas(), idleSince),
                clock.instant());
        idleSince = new HashMap<>(plan.idleSince());
        reportUnknown(plan.unknown());
        plan.scaleUp().forEach(server -> scale(server, 1, "referenced by " + referenced.get(server)));
        plan.scaleDown().forEach(server -> scale(server, 0, "unreferenced since " + idleSince.get(server)));
        plan.checkAgainAfter().ifPresent(d -> LOG.debug("Next MCP server idle timeout in {}", d));
        return Optional.of(plan);
    }

    /**
     * Starts the named servers now (0 → 1 replica) without waiting for the next round; call it when an
     * allocation that references them is granted. Returns at once from any thread (the Kubernetes calls
     * run on the executor); the stage completes when they are done, never exceptionally. Servers already
     * scaled up are left alone and their idle timers restart; unknown names are logged. Until the stage
     * completes, {@link #describe} already reports a known stopped server as starting.
     */
    public CompletionStage<Void> ensureStarted(Collection<String> names) {
        Set<String> wanted = new TreeSet<>(names);
        if (wanted.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        observation.updateAndGet(o -> o.markStarting(wanted));
        CompletableFuture<Void> started;
        try {
            started = CompletableFuture.runAsync(() -> startNow(wanted), executor);
        } catch (RuntimeException e) {
            started = CompletableFuture.failedFuture(e);
        }
        return started.exceptionally(e -> {
            LOG.warn("Could not start MCP servers {} now, retried in the next round: {}", wanted, e.toString());
            return null;
        });
    }

    @Override
    public List<McpServerView> describe(Collection<String> names) {
        McpServerObservation current = observation.get();
        return new LinkedHashSet<>(names).stream().map(name -> current.view(name, requireReady)).toList();
    }

    @Override
    public List<McpServerView> all() {
        McpServerObservation current = observation.get();
        return current.servers().stream().map(name -> current.view(name, requireReady)).toList();
    }

    private synchronized void startNow(Set<String> names) {
        observe(false);
        for (String name : names) {
            Optional<McpDeployment> deployment = Optional.ofNullable(observation.get().deployments().get(name));
            idleSince.remove(name);
            if (deployment.isEmpty()) {
                LOG.warn("Allocation references MCP server {}, which has no deployment", name);
            } else if (deployment.get().desiredReplicas() <= 0) {
                scale(name, 1, "allocation granted");
            }
        }
    }

    private void observe(boolean withEndpoints) {
        List<McpDeployment> listed = deployments.list();
        observation.updateAndGet(o -> o.withDeployments(listed));
        if (withEndpoints) {
            observation.get().servers().forEach(this::refreshEndpoint);
        }
    }

    private void refreshEndpoint(String server) {
        try {
            Optional<String> endpoint = deployments.endpoint(server);
            observation.updateAndGet(o -> endpoint.map(url -> o.withEndpoint(server, url))
                    .orElseGet(() -> o.withoutEndpoint(server)));
        } catch (McpDeploymentException e) {
            LOG.debug("Keeping the last endpoint of MCP server {}: {}", server, e.getMessage());
        }
    }

    private void scale(String server, int replicas, String reason) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_KEY, server)) {
            deployments.scale(server, replicas);
            observation.updateAndGet(o -> o.withDesiredReplicas(server, replicas));
            LOG.info("Scaled MCP server {} to {} replica(s): {}", server, replicas, reason);
        } catch (McpDeploymentException e) {
            LOG.warn("Could not scale MCP server {} to {} ({}), retried in the next round: {}", server, replicas,
                    e.retriable() ? "retriable" : "permanent", e.getMessage());
        }
    }

    private void reportUnknown(Set<String> unknown) {
        if (!unknown.equals(reportedUnknown) && !unknown.isEmpty()) {
            LOG.warn("Active allocations reference MCP servers without a deployment: {}", unknown);
        }
        reportedUnknown = Set.copyOf(unknown);
    }
}
