package io.resourcemanager.stack;

import io.resourcemanager.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the whole system on this machine, in one terminal: a KRaft Kafka broker, Apicurio Registry,
 * the infrastructure simulator, the catalogue topics and the five services; waits until all are
 * healthy; prints where everything is; and stops everything on Ctrl-C or SIGTERM.
 *
 * <p>Run it through {@code ./local-stack.sh}, which builds what it needs first. Arguments are
 * {@code --<setting>=<value>} (see {@code --help} and {@link Setting}).
 */
public final class LocalStack {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);
    /** Prints plain text (the usage, the endpoint table) without a timestamp. */
    private static final Logger CONSOLE = LoggerFactory.getLogger("io.resourcemanager.stack.console");
    private static final Duration SUPERVISION_INTERVAL = Duration.ofSeconds(1);

    private final StackSettings settings;
    private final WorkDir workDir;
    private final Readiness readiness;

    private LocalStack(StackSettings settings, Instant started) {
        this.settings = settings;
        this.workDir = new WorkDir(settings.workDir());
        this.readiness = new Readiness(started, settings.readyTimeout());
    }

    /**
     * @param args {@code --<setting>=<value>} arguments, or {@code --help}
     */
    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            CONSOLE.info(usage());
            return;
        }
        Instant started = ProcessHandle.current().info().startInstant().orElseGet(Instant::now);
        try {
            System.exit(new LocalStack(StackSettings.parse(arguments, System.getProperties()), started).run());
        } catch (LocalStackException e) {
            LOG.error(e.getMessage());
            System.exit(1);
        }
    }

    /** Starts the stack and supervises it until a signal stops it; returns the exit code. */
    private int run() {
        workDir.pidFile().runningLauncher().ifPresent(launcher -> {
            throw new LocalStackException("Another local stack (pid " + launcher.pid() + ") uses " + workDir.root()
                    + "; stop it first, or give this one its own " + Setting.WORK_DIR.option() + " and ports");
        });
        int leftovers = workDir.pidFile().stopLeftovers();
        if (leftovers > 0) {
            LOG.info("Stopped {} processes left running by an earlier run that did not stop cleanly", leftovers);
        }
        PortCheck.requireFree(settings.requiredPorts());
        requireModulesBuilt();
        workDir.prepareFreshRun();
        RunningStack stack = new RunningStack(workDir.pidFile());
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-shutdown"));
        try {
            start(stack);
            CONSOLE.info(EndpointTable.render(stack.endpoints(), settings.repoDir()));
            LOG.info("Local stack ready in {} s; Ctrl-C stops everything", readiness.elapsedSeconds());
            superviseUntilStopping(stack);
            return 0;
        } catch (RuntimeException e) {
            if (stack.isStopping()) {
                return 0;
            }
            report(e);
            return 1;
        } finally {
            stack.close();
        }
    }

    private void start(RunningStack stack) {
        StackPart broker = stack.add(KafkaBroker.start(settings, workDir));
        stack.add(InfraSimulator.start(settings, workDir));
        stack.add(SchemaRegistry.start(settings, workDir));
        readiness.await(List.of(broker));
        TopicCatalogueCreator.createAll(KafkaBroker.bootstrapServers(settings));
        LOG.info("The {} catalogue topics exist", Topics.all().size());
        settings.services().forEach(service -> stack.add(ServiceLauncher.start(service, settings, workDir)));
        readiness.await(stack.parts());
    }

    private void requireModulesBuilt() {
        ModuleClasspath.requireBuilt(settings.repoDir(), InfraSimulator.MODULE);
        settings.services().forEach(service -> ModuleClasspath.requireBuilt(settings.repoDir(), service.module()));
    }

    private static void superviseUntilStopping(RunningStack stack) {
        while (!stack.isStopping()) {
            for (StackPart part : stack.parts()) {
                if (!part.isRunning() && !stack.isStopping()) {
                    throw PartFailedException.of(part, part.exitDescription());
                }
            }
            try {
                Thread.sleep(SUPERVISION_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void report(RuntimeException failure) {
        if (failure instanceof PartFailedException partFailure && !partFailure.logTail().isEmpty()) {
            LOG.error("{}; last lines of its log:{}{}", partFailure.getMessage(), System.lineSeparator(),
                    String.join(System.lineSeparator(), partFailure.logTail()));
        } else if (failure instanceof PartFailedException || failure instanceof LocalStackException) {
            LOG.error(failure.getMessage());
        } else {
            LOG.error("The local stack failed", failure);
        }
    }

    private static String usage() {
        String options = Arrays.stream(Setting.values())
                .map(setting -> "  %-50s %s".formatted(setting.option() + "=" + setting.defaultValue(), setting.description()))
                .collect(Collectors.joining(System.lineSeparator()));
        return String.join(System.lineSeparator(),
                "Usage: ./local-stack.sh [--<setting>=<value>]...",
                "Starts Kafka, Apicurio Registry, the infrastructure simulator and the services on 127.0.0.1.",
                "Each setting can also be given as a system property " + Setting.SYSTEM_PROPERTY_PREFIX + "<setting>.",
                "Settings and defaults:",
                options);
    }
}
