package io.resourcemanager.ttl.benchmark;

import io.resourcemanager.testkit.benchmark.MarkdownReport;
import io.resourcemanager.kafka.TopicCreator;
import io.resourcemanager.testkit.KafkaTestEnvironment;
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
        deleteRecursively(STATE_ROOT);
        KafkaTestEnvironment environment = KafkaTestEnvironment.get();
        TopicCreator.ensure(environment.admin(), Topics.all(), (short) 1);
        LOG.info("Running: {}", settings.describe());
        ExpiryRun.Result result = new ExpiryRun(settings, environment.bootstrapServers(),
                RegistrySettings.atBaseAddress(environment.registryBaseUrl()), environment.admin(), STATE_ROOT).run();
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

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
        report.note("JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", " + Runtime.getRuntime().availableProcessors() + " processors, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB; broker and application in this JVM, "
                + "registry in a child process");
        report.note(String.format(Locale.ROOT, "System load average (1 min, all processes of the machine): %.2f before"
                + " the run, %.2f after it; the run took %d s", loadBefore, loadAfter,
                Duration.between(started, Instant.now()).toSeconds()));
        report.note("Source revision: " + System.getProperty("bench.revision", "unknown"));
        report.note("Result: " + (figures.passed() ? "every due allocation expired exactly once, none early"
                : "**FAILED** (see the counts above)"));
        String markdown = report.toMarkdown();
        System.out.println();
        System.out.print(markdown);
        System.out.flush();
        report.write(Path.of(System.getProperty("bench.report", "target/benchmarks/ttl-expiry.md")));
        System.exit(figures.passed() ? 0 : 1);
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
