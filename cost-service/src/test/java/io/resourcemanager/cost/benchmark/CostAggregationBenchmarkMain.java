package io.resourcemanager.cost.benchmark;

import io.resourcemanager.kafka.TopicCreator;
import io.resourcemanager.testkit.KafkaTestEnvironment;
import io.resourcemanager.testkit.benchmark.DiskUsage;
import io.resourcemanager.testkit.benchmark.MarkdownReport;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topics;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
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
        DiskUsage.delete(STATE_ROOT);
        KafkaTestEnvironment environment = KafkaTestEnvironment.get();
        TopicCreator.ensure(environment.admin(), Topics.all(), (short) 1);
        LOG.info("Running: {}", settings.describe());
        AggregationResult result = new AggregationRun(settings, environment.bootstrapServers(),
                RegistrySettings.atBaseAddress(environment.registryBaseUrl()), environment.admin(), STATE_ROOT).run();

        MarkdownReport report = new MarkdownReport("Cost aggregation: " + settings.describe());
        new AggregationFigures(result).addTo(report);
        if (!result.complete()) {
            report.note("**Stopped early:** " + result.stoppedAt);
        }
        report.note("Settings: CostSettings.defaults() (flush 1 s, hourly rollups kept 35 days, SPEC prices and "
                + "budgets), StreamsApp.config (exactly-once v2, commit interval 100 ms, one stream thread); "
                + Topics.COST_USAGE.partitions() + " partitions of rm.cost.usage and of the cost-by-dimension "
                + "repartition topic");
        report.noteRun("broker, application, producer and consumer in this JVM, registry in a child process",
                loadBefore, started);
        report.note("Result: " + (result.passed() ? "every total exact, every send acknowledged"
                : "**FAILED** (see above)"));
        report.publish(System.out, "target/benchmarks/cost-aggregation.md");
        System.exit(result.passed() ? 0 : 1);
    }
}
