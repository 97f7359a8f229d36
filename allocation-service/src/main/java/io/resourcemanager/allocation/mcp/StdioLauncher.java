package io.resourcemanager.allocation.mcp;

import io.micronaut.runtime.Micronaut;
import io.resourcemanager.allocation.Application;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Starts the allocation service as an MCP server on stdin/stdout: the {@code mcp-stdio} environment
 * (STDIO transport, HTTP on a free port), no banner and logs on stderr, because stdout carries the
 * protocol; Kafka Streams state in a directory of this process ({@link StdioStateDirectories})
 * unless {@code kafka.state-dir} is given. When the client closes stdin the service shuts down
 * ({@link ExitAtEndOfInput}). Arguments are configuration, e.g. {@code --kafka.bootstrap-servers=...}.
 */
public final class StdioLauncher {

    /** The environment that switches the MCP transport to STDIO. */
    public static final String ENVIRONMENT = "mcp-stdio";

    private static final String STATE_DIRECTORY = "kafka.state-dir";
    private static final String LOGBACK_CONFIGURATION = "logback.configurationFile";

    private StdioLauncher() {
    }

    public static void main(String[] args) throws IOException {
        if (System.getProperty(LOGBACK_CONFIGURATION) == null) {
            System.setProperty(LOGBACK_CONFIGURATION, "logback-stdio.xml");
        }
        if (System.getProperty(STATE_DIRECTORY) == null && System.getenv("KAFKA_STATE_DIR") == null) {
            Path base = Path.of(System.getProperty("java.io.tmpdir"), "resource-manager-mcp-stdio");
            System.setProperty(STATE_DIRECTORY, StdioStateDirectories.claim(base).toString());
        }
        System.setIn(new ExitAtEndOfInput(System.in));
        Micronaut.build(args).mainClass(Application.class).environments(ENVIRONMENT).banner(false).start();
    }
}
