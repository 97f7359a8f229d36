package io.resourcemanager.stack;

import io.resourcemanager.stack.process.PidFile;
import io.resourcemanager.stack.process.ProcessTree;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts started so far, in start order. Closing stops them in reverse order, once, whichever
 * thread asks first (the launcher on a failure, or the shutdown hook on Ctrl-C or SIGTERM).
 */
public final class RunningStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunningStack.class);
    private static final Duration STRAGGLER_STOP_GRACE = Duration.ofSeconds(5);

    private final List<StackPart> parts = new CopyOnWriteArrayList<>();
    private final PidFile pidFile;
    private volatile boolean stopping;
    private boolean stopped;

    /** @param pidFile where the ids of started processes are recorded for the next run */
    public RunningStack(PidFile pidFile) {
        this.pidFile = pidFile;
    }

    /**
     * @param part a part that has just been started
     * @param <P>  its type
     * @return the same part
     */
    public <P extends StackPart> P add(P part) {
        parts.add(part);
        pidFile.recordChildren();
        LOG.info("Started {}, output in {}", part.name(), part.logFile());
        return part;
    }

    /** @return the parts in start order */
    public List<StackPart> parts() {
        return List.copyOf(parts);
    }

    /** @return every part's endpoints, in start order */
    public List<Endpoint> endpoints() {
        return parts.stream().flatMap(part -> part.endpoints().stream()).toList();
    }

    /** @return whether the stack is being, or has been, stopped */
    public boolean isStopping() {
        return stopping;
    }

    /**
     * Stops every part in reverse start order, then any child process not yet registered as a part
     * (one interrupted while starting). Later calls wait for the first to finish and do nothing.
     */
    @Override
    public void close() {
        stopping = true;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            List<StackPart> reversed = new ArrayList<>(parts);
            Collections.reverse(reversed);
            reversed.forEach(RunningStack::stopQuietly);
            ProcessTree.stopAll(ProcessHandle.current().children().toList(), STRAGGLER_STOP_GRACE);
            pidFile.delete();
            LOG.info("Local stack stopped");
        }
    }

    private static void stopQuietly(StackPart part) {
        LOG.info("Stopping {}", part.name());
        try {
            part.stop();
        } catch (RuntimeException e) {
            LOG.warn("Could not stop {} cleanly: {}", part.name(), e.getMessage());
        }
    }
}
