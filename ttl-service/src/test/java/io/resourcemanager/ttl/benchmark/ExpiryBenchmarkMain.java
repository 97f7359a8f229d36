package io.resourcemanager.ttl.benchmark;

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
 * Command-line entry of the TTL expiry benchmark. It starts the test kit's broker and registry
 * ({@link KafkaTestEnvironment}), creates the catalogue topics, runs the phases of {@link ExpiryRun}
 * against the production topology and reports: expiry lateness, punctuation cost and footprint. The
 * report is printed and written to {@code bench.report} (by default
 * {@code target/benchmarks/ttl-expiry.md}). Exits with 1 if a phase did not finish within its bound, or
 * if any due allocation expired twice, never, early or with the wrong deadline.
 */
public final class ExpiryBenchmarkMain {

    private static final Logger LOG = LoggerFactory.getLogger(ExpiryBenchmarkMain.class);
    private static final Path STATE_ROOT = Path.of("target", "benchmarks", "ttl-expiry-state");

    private ExpiryBenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        ExpirySettings settings = ExpirySettings.fromSystemProperties();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Instant started = Instant.now();
        DiskUsage.delete(STATE_ROOT);
        KafkaTestEnvironment environment = KafkaTestEnvironment.get();
        TopicCreator.ensure(environment.admin(), Topics.all(), (short) 1);
        LOG.info("Running: {}", settings.describe());
        ExpiryRun.Result result = new ExpiryRun(settings, environment.bootstrapServers(),
                RegistrySettings.atBaseAddress(environment.registryBaseUrl()), environment.admin(), STATE_ROOT).run();

        ExpiryFigures figures = new ExpiryFigures(result);
        MarkdownReport report = new MarkdownReport("TTL expiry: " + settings.describe());
        figures.addTo(report);
        if (!result.complete()) {
            report.note("**Stopped early:** " + result.stoppedAt());
        }
        report.note("Settings: TtlProperties.defaults() (tick 250 ms, batch 10,000), StreamsApp.config "
                + "(exactly-once v2, commit interval 100 ms); " + Topics.ALLOCATION_EVENTS.partitions()
                + " partitions, so " + Topics.ALLOCATION_EVENTS.partitions() + " countdown tasks, each with its own "
                + "punctuation, on one stream thread");
        report.noteRun("broker and application in this JVM, registry in a child process", loadBefore, started);
        report.note("Result: " + (figures.passed() ? "every due allocation expired exactly once, none early"
                : "**FAILED** (see the counts above)"));
        report.publish(System.out, "target/benchmarks/ttl-expiry.md");
        System.exit(figures.passed() ? 0 : 1);
    }
}
