package io.resourcemanager.allocation.mcp;

import io.micronaut.runtime.Micronaut;
import io.resourcemanager.allocation.Application;

/**
 * Starts the allocation service as an MCP server on stdin/stdout: the {@code mcp-stdio} environment
 * (STDIO transport, HTTP on a random port), no banner and logs on stderr, because stdout carries
 * the protocol. Arguments are passed on as configuration, e.g. {@code --kafka.bootstrap-servers=...}.
 */
public final class StdioLauncher {

    /** The environment that switches the MCP transport to STDIO. */
    public static final String ENVIRONMENT = "mcp-stdio";

    private static final String LOGBACK_CONFIGURATION = "logback.configurationFile";

    private StdioLauncher() {
    }

    public static void main(String[] args) {
        if (System.getProperty(LOGBACK_CONFIGURATION) == null) {
            System.setProperty(LOGBACK_CONFIGURATION, "logback-stdio.xml");
        }
        Micronaut.build(args).mainClass(Application.class).environments(ENVIRONMENT).banner(false).start();
    }
}
