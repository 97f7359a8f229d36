package io.resourcemanager.provisioner.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.resourcemanager.kafka.testing.SimulatedClusterContract;
import io.resourcemanager.simulator.faults.FaultSettings;
import io.resourcemanager.simulator.kubernetes.KubernetesClients;
import io.resourcemanager.simulator.proxmox.VmSnapshot;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chaos: many scale requests up and down the burst pool while the simulated Proxmox and cluster fail
 * in every way the simulator knows (5xx and 429 bursts, failed clones, failed starts, nodes that never
 * join, slow clones). Each request comes while earlier sagas still run. Once the faults stop and the sagas settle, Proxmox, the cluster and the
 * inventory agree worker for worker, with no duplicate VM — and a last request is served exactly.
 */
@MicronautTest
class ProvisionerChaosIT extends SimulatedClusterContract {

    private static final Logger LOG = LoggerFactory.getLogger(ProvisionerChaosIT.class);
    private static final Duration SETTLE = Duration.ofMinutes(4);
    private static final int REQUESTS = 24;
    private static final int FINAL_COUNT = 3;

    @Override
    protected Map<String, String> serviceProperties() {
        Map<String, String> service = new HashMap<>();
        service.put("rm.inventory.interval", "300ms");
        service.put("rm.proxmox.url", simulator.proxmoxUrl());
        service.put("rm.proxmox.token", simulator.apiToken());
        service.put("rm.proxmox.task-poll-interval", "50ms");
        service.put("rm.proxmox.breaker.reset", "2s");
        service.put("rm.provisioner.saga.first-backoff", "100ms");
        service.put("rm.provisioner.saga.max-backoff", "1s");
        service.put("rm.provisioner.saga.force-stop-after", "2s");
        service.put("rm.provisioner.saga.drain-batch-pause", "50ms");
        service.put("rm.provisioner.saga.step-timeouts.boot", "8s");
        service.put("rm.provisioner.saga.step-timeouts.join", "8s");
        service.put("rm.provisioner.saga.resume-interval", "2s");
        service.put("rm.provisioner.autoscale.enabled", "false");
        service.put("rm.provisioner.reconcile.interval", "1s");
        service.put("rm.provisioner.reconcile.orphan-grace", "3s");
        return service;
    }

    @Test
    void shouldEndInAgreementAfterManyScaleRequestsUnderRandomFaults() {
        long seed = Long.getLong("chaos.seed", System.nanoTime());
        LOG.info("Chaos seed {} (rerun with -Dchaos.seed={})", seed, seed);
        Random random = new Random(seed);
        for (int request = 0; request < REQUESTS; request++) {
            simulator.faults().apply(randomFault(random));
            int count = random.nextInt(7);
            assertThat(scale(count)).as("scale to %d accepted", count).isEqualTo(202);
            awaitActiveAtMost(4);
        }
        awaitActiveAtMost(0);
        simulator.faults().reset();

        assertThat(scale(FINAL_COUNT)).isEqualTo(202);
        awaitSettled();

        Awaitility.await().atMost(SETTLE).untilAsserted(() -> {
            Set<String> vms = burstVms().stream().map(VmSnapshot::name).collect(Collectors.toCollection(TreeSet::new));
            assertThat(burstVms()).as("one VM per worker (seed %d)", seed).hasSize(vms.size());
            assertThat(vms).as("Proxmox VMs vs cluster nodes (seed %d)", seed).isEqualTo(burstNodes());
            assertThat(vms).as("Proxmox VMs vs inventory (seed %d)", seed).isEqualTo(inventoryWorkers());
            assertThat(vms).as("pool size after the last request (seed %d)", seed).hasSize(FINAL_COUNT);
        });

        assertThat(scale(0)).isEqualTo(202);
        awaitSettled();
        Awaitility.await().atMost(SETTLE).untilAsserted(() -> assertThat(inventoryWorkers()).isEmpty());
    }

    private static FaultSettings randomFault(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> FaultSettings.none().withHttpErrors(1 + random.nextInt(3), 503);
            case 1 -> FaultSettings.none().withHttpErrors(1 + random.nextInt(3), 429);
            case 2 -> FaultSettings.none().withFailNextClones(1);
            case 3 -> FaultSettings.none().withFailNextStarts(1);
            case 4 -> FaultSettings.none().withNeverJoinNext(1);
            case 5 -> FaultSettings.none().withDelays(1_500L, null);
            default -> FaultSettings.none();
        };
    }

    private int scale(int count) {
        return http.toBlocking().exchange(HttpRequest.POST("/pools/burst/scale", Map.of("count", count, "template", "small")),
                Argument.mapOf(String.class, Object.class)).code();
    }

    private void awaitSettled() {
        awaitActiveAtMost(0);
    }

    /** Requests overlap running sagas; the next one comes once at most {@code count} sagas are unfinished. */
    private void awaitActiveAtMost(int count) {
        Awaitility.await().atMost(SETTLE).pollInterval(Duration.ofMillis(100))
                .until(() -> http.toBlocking().retrieve(HttpRequest.GET("/sagas?active=true"),
                        Argument.listOf(Map.class)).size() <= count);
    }

    private List<VmSnapshot> burstVms() {
        return simulator.vms().stream().filter(vm -> vm.name().startsWith("burst-")).toList();
    }

    private Set<String> burstNodes() {
        try (KubernetesClient client = KubernetesClients.connect(simulator.kubernetesUrl())) {
            return client.nodes().list().getItems().stream().map(Node::getMetadata)
                    .map(meta -> meta.getName()).filter(name -> name.startsWith("burst-"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @SuppressWarnings("unchecked")
    private Set<String> inventoryWorkers() {
        List<Map<String, Object>> workers = (List<Map<String, Object>>) (List<?>) http.toBlocking()
                .retrieve(HttpRequest.GET("/workers"), Argument.listOf(Map.class));
        return workers.stream().filter(worker -> "burst".equals(worker.get("pool")))
                .map(worker -> (String) worker.get("name")).collect(Collectors.toCollection(TreeSet::new));
    }
}
