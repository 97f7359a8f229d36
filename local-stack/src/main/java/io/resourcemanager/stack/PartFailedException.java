package io.resourcemanager.stack;

import io.resourcemanager.stack.process.LogTail;
import java.util.List;

/** A part of the stack stopped or never became healthy; the stack cannot be used. */
public final class PartFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int LOG_TAIL_LINES = 40;

    private final String part;
    private final transient List<String> logTail;

    /**
     * @param part    the part that failed, e.g. {@code allocation}
     * @param reason  what happened, e.g. {@code exited with code 1}
     * @param logTail the last lines of its log, possibly empty
     */
    public PartFailedException(String part, String reason, List<String> logTail) {
        super(part + " failed: " + reason);
        this.part = part;
        this.logTail = List.copyOf(logTail);
    }

    /**
     * @param part   the part that failed
     * @param reason what happened
     * @return the failure, quoting the end of the part's log
     */
    public static PartFailedException of(StackPart part, String reason) {
        return new PartFailedException(part.name(), reason, LogTail.of(part.logFile(), LOG_TAIL_LINES));
    }

    /** @return the part that failed */
    public String part() {
        return part;
    }

    /** @return the last lines of its log, possibly empty */
    public List<String> logTail() {
        return logTail;
    }
}
