package io.resourcemanager.simulator.proxmox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One asynchronous Proxmox task (worker), identified by its UPID. Thread-safe. */
public final class Task {

    /** Exit status of a task that succeeded. */
    public static final String OK = "OK";

    private final String upid;
    private final String type;
    private final int id;
    private final String node;
    private final String user;
    private final int pid;
    private final int pstart;
    private final Instant startTime;
    private final int vm;
    private final Duration delay;
    private String exitStatus;

    Task(String node, int pid, int pstart, Instant startTime, int vm, Duration delay, String type, int id,
            String user) {
        this.node = node;
        this.pid = pid;
        this.pstart = pstart;
        this.startTime = startTime;
        this.vm = vm;
        this.delay = delay;
        this.type = type;
        this.id = id;
        this.user = user;
        this.upid = String.format("UPID:%s:%08X:%08X:%08X:%s:%d:%s:",
                node, pid, pstart, startTime.getEpochSecond(), type, id, user);
    }

    /** The unique process id string, {@code UPID:node:pid:pstart:starttime:type:id:user:}. */
    public String upid() {
        return upid;
    }

    /** Task type, for example {@code qmclone}. */
    public String type() {
        return type;
    }

    /** The VM id the task works on. */
    public int id() {
        return id;
    }

    /** The node running the task. */
    public String node() {
        return node;
    }

    /** The user (token principal) that started the task. */
    public String user() {
        return user;
    }

    /** Worker process id. */
    public int pid() {
        return pid;
    }

    /** Worker process start tick. */
    public int pstart() {
        return pstart;
    }

    /** When the task started. */
    public Instant startTime() {
        return startTime;
    }

    /** The VM the task works on: the new VM for a clone (whose UPID names the source), else {@link #id()}. */
    public int vm() {
        return vm;
    }

    /** The latency the simulator injected: how long after its start the task ends. */
    public Duration delay() {
        return delay;
    }

    /** {@code OK}, or the error that ended the task; empty while it runs. */
    public synchronized Optional<String> exitStatus() {
        return Optional.ofNullable(exitStatus);
    }

    synchronized void succeed() {
        exitStatus = OK;
    }

    synchronized void fail(String reason) {
        exitStatus = reason;
    }
}
