package io.resourcemanager.health.benchmark;

import io.resourcemanager.testkit.benchmark.ProcessMemory;
import io.resourcemanager.testkit.benchmark.Hold;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.resourcemanager.health.Application;
import io.resourcemanager.kafka.TopicCreator;
import io.resourcemanager.testkit.KafkaTestEnvironment;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topics;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Command-line entry of the health observation benchmark. It starts the test kit's broker and registry
 * ({@link KafkaTestEnvironment}) and a Kubernetes API server ({@link ApiServer}), creates the nodes, starts
 * the real health service (its Micronaut application, HTTP on a random port) against them, waits for
 * every node's first {@code NodeHealthChanged}, flaps a share of the nodes and reports latency, CPU and
 * memory ({@link ObservationReport}). Exits with 1 if a phase did not finish within its bound or a change
 * was never reported.
 */
public final class ObservationBenchmarkMain {

    private static final Logger LOG = LoggerFactory.getLogger(ObservationBenchmarkMain.class);

    private ObservationBenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        ObservationSettings settings = ObservationSettings.fromSystemProperties();
        ObservationReport.Run run = new ObservationReport.Run(settings);
        run.loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        KafkaTestEnvironment environment = KafkaTestEnvironment.get();
        TopicCreator.ensure(environment.admin(), Topics.all(), (short) 1);
        RegistrySettings registry = RegistrySettings.atBaseAddress(environment.registryBaseUrl());
        LOG.info("Running: {}", settings.describe());
        try (ApiServer api = ApiServer.start();
             HealthEventWatch watch = HealthEventWatch.start(environment.bootstrapServers(), registry)) {
            NodeFleet fleet = new NodeFleet(api.url(), settings.nodes());
            try (FlapLoad load = new FlapLoad(fleet, settings)) {
                long creating = System.nanoTime();
                load.createAll();
                LOG.info("Created {} nodes in {} ms", settings.nodes(), (System.nanoTime() - creating) / 1_000_000);
                load.startHeartbeats();
                run.memoryBefore = ProcessMemory.measure();
                measure(run, settings, environment, api, fleet, watch, load);
            }
        }
        run.loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        ObservationReport report = new ObservationReport(run);
        String markdown = report.toMarkdown();
        System.out.println();
        System.out.print(markdown);
        System.out.flush();
        Path file = Path.of(System.getProperty("bench.report", "target/benchmarks/health-observation.md"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, markdown);
        System.exit(report.passed() ? 0 : 1);
    }

    private static void measure(ObservationReport.Run run, ObservationSettings settings,
                                KafkaTestEnvironment environment, ApiServer api, NodeFleet fleet,
                                HealthEventWatch watch, FlapLoad load) {
        run.cpuBeforeService = ThreadCpu.now();
        long starting = System.nanoTime();
        try (ApplicationContext service = Micronaut.build(new String[0]).mainClass(Application.class)
                .deduceEnvironment(false).properties(serviceProperties(environment, api)).start()) {
            run.serviceStartSeconds = (System.nanoTime() - starting) / 1e9;
            LOG.info("Service started in {} s; waiting for {} nodes' first health", run.serviceStartSeconds,
                    settings.nodes());
            try {
                Awaitility.await().pollInterval(Duration.ofMillis(20)).atMost(settings.timeout())
                        .until(() -> watch.healthyNodes() >= settings.nodes());
            } catch (ConditionTimeoutException e) {
                run.stoppedAt = "initial snapshot: " + watch.healthyNodes() + " of " + settings.nodes()
                        + " nodes reported HEALTHY within " + settings.timeout().toSeconds() + " s";
                return;
            }
            run.initialSeconds = (System.nanoTime() - starting) / 1e9;
            run.cpuInitial = ThreadCpu.now();
            run.initialEvents = watch.events();
            run.memoryInitial = ProcessMemory.measure();
            LOG.info("Initial snapshot of {} nodes seen after {} s; flapping for {} s", settings.nodes(),
                    run.initialSeconds, settings.flapPeriod().toSeconds());
            run.cpuFlapStart = ThreadCpu.now();
            load.flap();
            run.cpuFlapEnd = ThreadCpu.now();
            Hold.pass(settings.settle());
            run.apiServerThreads = api.servingThreads();
            run.memoryAfter = ProcessMemory.measure();
            run.changes = load.changes();
            run.plannedRate = load.plannedRate();
            run.heartbeats = load.heartbeats();
            run.writeFailures = load.failures();
            run.latency = ChangeLatency.of(run.changes, watch);
            run.flapping = load.flapping();
            List<String> names = fleet.nodes().stream().map(node -> node.name).toList();
            Map<String, Integer> eventsByNode = new HashMap<>();
            names.forEach(name -> eventsByNode.put(name, watch.of(name).size()));
            run.steadyExtraEvents = ObservationReport.steadyExtraEvents(run.flapping, names, eventsByNode);
            run.otherEvents = watch.otherEvents();
        }
    }

    private static Map<String, Object> serviceProperties(KafkaTestEnvironment environment, ApiServer api) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("kafka.bootstrap-servers", environment.bootstrapServers());
        properties.put("rm.registry.url", environment.registryBaseUrl());
        properties.put("kafka.state-dir", temporaryDirectory());
        properties.put("rm.streams.application-id-prefix", environment.uniqueName("rm-bench"));
        properties.put("rm.kubernetes.master-url", api.url());
        properties.put("micronaut.server.port", -1);
        return properties;
    }

    private static String temporaryDirectory() {
        try {
            return Files.createTempDirectory("health-bench-streams").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
