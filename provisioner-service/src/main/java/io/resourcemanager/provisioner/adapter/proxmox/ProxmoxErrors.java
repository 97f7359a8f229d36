package io.resourcemanager.provisioner.adapter.proxmox;

import io.resourcemanager.provisioner.domain.infra.InfraException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which Proxmox failures may go away by themselves. Proxmox answers most operation errors with HTTP 500
 * and a reason text, so a 5xx is retriable unless its text is a definite refusal; a failed task is
 * judged by its exit status text alone.
 */
final class ProxmoxErrors {

    /** Texts of 5xx answers that repeating cannot change. */
    private static final Pattern DEFINITE = Pattern.compile(
            "does not exist|already exists|no such (cluster )?node|no such vm|is running - destroy failed"
                    + "|not running|already running|is a template|can't start a vm if it's a template"
                    + "|parameter verification failed|permission check failed");
    /** Texts of transient trouble: locks, timeouts, busy resources. */
    private static final Pattern TRANSIENT = Pattern.compile(
            "lock|timeout|timed out|temporar|busy|try again|unavailable|connection refused");
    private static final Pattern NO_SUCH_VM = Pattern.compile("does not exist|no such vm");
    private static final Pattern ALREADY_EXISTS = Pattern.compile("already exists");

    private ProxmoxErrors() {
    }

    /** True for 429 and for 5xx whose text is no definite refusal. */
    static boolean retriable(int status, String message) {
        if (status == 429) {
            return true;
        }
        return status >= 500 && !DEFINITE.matcher(lower(message)).find();
    }

    /** A refusal naming a VM (or template) that the node does not have. */
    static boolean saysNoSuchVm(int status, String message) {
        return status == 404 || NO_SUCH_VM.matcher(lower(message)).find();
    }

    /** A refusal because the VM id is taken. */
    static boolean saysAlreadyExists(String message) {
        return ALREADY_EXISTS.matcher(lower(message)).find();
    }

    /**
     * The exception for a task that ended with {@code exitStatus} other than OK: retriable for locks,
     * timeouts and busy resources, permanent otherwise (a failed copy, a QEMU that does not start).
     */
    static InfraException failedTask(String operation, String upid, String exitStatus) {
        String message = operation + " failed: Proxmox task " + upid + " ended with '" + exitStatus + "'";
        return TRANSIENT.matcher(lower(exitStatus)).find()
                ? new InfraException.Retriable(message)
                : new InfraException.Permanent(message);
    }

    /** Whether a task exit status means success ({@code OK}, or {@code WARNINGS: n} for a task that completed). */
    static boolean succeeded(String exitStatus) {
        return "OK".equals(exitStatus) || exitStatus.startsWith("WARNINGS");
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
