package io.resourcemanager.cost.benchmark;

import io.resourcemanager.kafka.TopicCreator;
import io.resourcemanager.testkit.KafkaTestEnvironment;
import io.resourcemanager.testkit.benchmark.MarkdownReport;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topics;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Command-line entry of the cost aggregation benchmark. It starts the test kit's broker and registry
 * ({@link KafkaTestEnvironment}), creates the catalogue topics, runs the phases of {@link AggregationRun}
 * against the production cost topology and reports throughput, lag usage → rollup and footprint. The
 * report is printed and written to {@code bench.report} (by default
 * {@code target/benchmarks/cost-aggregation.md}). Exits with 1 if a phase did not finish within its bound,
 * if a send failed, or if any checked total was not exact.
 */
public final class CostAggregationBenchmarkMain {

    private static final Logger LOG = LoggerFactory.getLogger(CostAggregationBenchmarkMain.class);
    private static final Path STATE_ROOT = Path.of("target", "benchmarks", "cost-aggregation-state");

    private CostAggregationBenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        AggregationSettings settings = AggregationSettings.fromSystemProperties();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Instant started = Instant.now();
        deleteRecursively(STATE_ROOT);
        KafkaTestEnvironment environment = KafkaTestEnvironment.get();
        TopicCreator.ensure(environment.admin(), Topics.all(), (short) 1);
        LOG.info("Running: {}", settings.describe());
        AggregationResult result = new AggregationRun(settings, environment.bootstrapServers(),
                RegistrySettings.atBaseAddress(environment.registryBaseUrl()), environment.admin(), STATE_ROOT).run();
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        MarkdownReport report = new MarkdownReport("Cost aggregation: " + settings.describe());
        new AggregationFigures(result).addTo(report);
        if (!result.complete()) {
            report.note("**Stopped early:** " + result.stoppedAt);
        }
        report.note("Settings: CostSettings.defaults() (flush 1 s, hourly rollups kept 35 days, SPEC prices and "
                + "budgets), StreamsApp.config (exactly-once v2, commit interval 100 ms, one stream thread); "
                + Topics.COST_USAGE.partitions() + " partitions of rm.cost.usage and of the cost-by-dimension "
                + "repartition topic");
        report.note("JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", " + Runtime.getRuntime().availableProcessors() + " processors, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB; broker, application, producer and "
                + "consumer in this JVM, registry in a child process");
        report.note(String.format(Locale.ROOT, "System load average (1 min, all processes of the machine): %.2f before"
                + " the run, %.2f after it; the run took %d s", loadBefore, loadAfter,
                Duration.between(started, Instant.now()).toSeconds()));
        report.note("Source revision: " + System.getProperty("bench.revision", "unknown"));
        report.note("Result: " + (result.passed() ? "every total exact, every send acknowledged"
                : "**FAILED** (see above)"));
        String markdown = report.toMarkdown();
        System.out.println();
        System.out.print(markdown);
        System.out.flush();
        report.write(Path.of(System.getProperty("bench.report", "target/benchmarks/cost-aggregation.md")));
        System.exit(result.passed() ? 0 : 1);
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
