package io.resourcemanager.allocation.mcp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;

/**
 * Stdin of the stdio mode: once the transport reads its end (the client closed it), the JVM exits
 * through its shutdown hooks, as MCP clients expect. The transport stops writing at that point, so
 * answers to calls still running are not sent.
 */
final class ExitAtEndOfInput extends FilterInputStream {

    private final AtomicBoolean ended = new AtomicBoolean();

    ExitAtEndOfInput(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        return checked(super.read());
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return checked(super.read(buffer, offset, length));
    }

    private int checked(int result) {
        if (result < 0 && ended.compareAndSet(false, true)) {
            LoggerFactory.getLogger(ExitAtEndOfInput.class).info("stdin closed by the MCP client; shutting down");
            new Thread(() -> System.exit(0), "mcp-stdio-exit").start();
        }
        return result;
    }
}
