package io.resourcemanager.provisioner.benchmark;

import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.simulator.InfraSimulator;
import io.resourcemanager.simulator.SimulatorConfig;
import io.resourcemanager.simulator.faults.FaultSettings;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Command-line entry of the provisioner orchestration benchmark. It starts the test kit's broker and
 * registry ({@link BenchmarkInfrastructure}) and the infrastructure simulator (its latencies scaled, the
 * boot fixed), then the provisioner service twice: first with the autoscaler off for the scaling rounds
 * ({@link ScaleRounds}), then with it on for the scale-up decisions ({@link ScaleUpDecisions}). It prints
 * the report and writes it to {@code bench.report} (by default
 * {@code target/benchmarks/provisioner-orchestration.md}). Settings come from {@code bench.*} system
 * properties ({@link BenchmarkSettings}). Exits with 1 if a phase did not finish within its bound.
 */
public final class OrchestrationBenchmarkMain {

    private static final String CLIENT_ID = "provisioner-benchmark";

    private OrchestrationBenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
        BenchmarkReport report = new BenchmarkReport("Provisioner orchestration: " + settings.describe());
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        boolean complete;
        try (BenchmarkInfrastructure infrastructure = BenchmarkInfrastructure.start();
             InfraSimulator simulator = InfraSimulator.start(simulatorConfig(settings));
             ProvisioningWatch watch = ProvisioningWatch.start(infrastructure.bootstrapServers(),
                     infrastructure.registry())) {
            boolean rounds = scaleRounds(settings, infrastructure, simulator, watch, report);
            boolean decided = settings.decisions() == 0
                    || decisions(settings, infrastructure, simulator, watch, report);
            complete = rounds && decided;
            report.note("JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                    + ", " + Runtime.getRuntime().availableProcessors() + " processors, max heap "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MiB; broker, simulator and service in this JVM,"
                    + " registry " + infrastructure.registryBaseUrl() + " in a child process");
        }
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        report.note(String.format(Locale.ROOT, "System load average (1 min, all processes of the machine): %.2f before"
                + " the run, %.2f after it", loadBefore, loadAfter));
        report.note("Source revision: " + System.getProperty("bench.revision", "unknown"));
        report.print(System.out);
        report.write(Path.of(System.getProperty("bench.report", "target/benchmarks/provisioner-orchestration.md")));
        System.exit(complete ? 0 : 1);
    }

    /** The rounds run with the autoscaler off, so that only the scale requests provision. */
    private static boolean scaleRounds(BenchmarkSettings settings, BenchmarkInfrastructure infrastructure,
                                       InfraSimulator simulator, ProvisioningWatch watch, BenchmarkReport report) {
        Map<String, Object> properties = RunningProvisioner.baseProperties(infrastructure, simulator, settings);
        properties.put("rm.provisioner.autoscale.enabled", false);
        try (RunningProvisioner service = RunningProvisioner.start(properties)) {
            return new ScaleRounds(settings, service, watch, simulator, report).run();
        }
    }

    /**
     * A second instance on the same broker with the autoscaler on, {@code demand-for} as set, and a
     * scale-up cooldown of one second so that one repetition does not hold the next back.
     */
    private static boolean decisions(BenchmarkSettings settings, BenchmarkInfrastructure infrastructure,
                                     InfraSimulator simulator, ProvisioningWatch watch, BenchmarkReport report)
            throws Exception {
        Map<String, Object> properties = RunningProvisioner.baseProperties(infrastructure, simulator, settings);
        properties.put("rm.provisioner.autoscale.enabled", true);
        properties.put("rm.provisioner.autoscale.demand-for", settings.demandFor().toSeconds() + "s");
        properties.put("rm.provisioner.autoscale.up-cooldown", "1s");
        try (RunningProvisioner service = RunningProvisioner.start(properties);
             EventPublisher publisher = EventPublisher.connect(infrastructure.bootstrapServers(),
                     infrastructure.registry(), CLIENT_ID)) {
            return new ScaleUpDecisions(settings, service, watch, new QueuedAllocations(publisher), report).run();
        }
    }

    /**
     * Ephemeral ports; the time scale; a fixed boot duration (boots are no Proxmox tasks, so the task list
     * cannot tell them), and a fixed clone duration if one is set; guests shut down at once (the scale-down
     * between rounds is not measured).
     */
    private static SimulatorConfig simulatorConfig(BenchmarkSettings settings) {
        return SimulatorConfig.defaults().withProxmoxPort(0).withKubernetesPort(0)
                .withTimeScale(settings.timeScale())
                .withFaults(FaultSettings.none()
                        .withDelays(settings.cloneDelay().map(Duration::toMillis).orElse(null),
                                settings.bootDelay().toMillis())
                        .withShutdownDelayMillis(0));
    }
}
