package io.resourcemanager.provisioner.testing;

import io.resourcemanager.provisioner.domain.infra.InfraException;

/**
 * A failure a fake is told to report: {@code retriable("proxmox busy")} or {@code permanent("forbidden")}.
 * Each report is a fresh exception whose message names the call that failed.
 *
 * @param retriable whether the failure is {@link InfraException.Retriable}
 * @param message what went wrong
 */
public record Fault(boolean retriable, String message) {

    /** A failure that may go away (timeout, 429, 5xx, lock). */
    public static Fault retriable(String message) {
        return new Fault(true, message);
    }

    /** A failure that repeating will not fix (forbidden, invalid, missing template). */
    public static Fault permanent(String message) {
        return new Fault(false, message);
    }

    InfraException raise(String call) {
        String text = call + ": " + message;
        return retriable ? new InfraException.Retriable(text) : new InfraException.Permanent(text);
    }
}
