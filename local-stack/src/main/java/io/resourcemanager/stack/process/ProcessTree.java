package io.resourcemanager.stack.process;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** Stops a process together with every process it started: politely first, then forcibly. */
public final class ProcessTree {

    private static final Duration FORCED_STOP_WAIT = Duration.ofSeconds(5);

    private ProcessTree() {
    }

    /**
     * Asks the process and its descendants to stop (SIGTERM), waits up to {@code grace}, then kills
     * whatever is left (SIGKILL) and waits briefly for it to go.
     *
     * @param root  the process to stop
     * @param grace how long to wait for a clean exit
     */
    public static void stop(ProcessHandle root, Duration grace) {
        stopAll(List.of(root), grace);
    }

    /**
     * Stops several processes and their descendants at once, as {@link #stop(ProcessHandle, Duration)} does.
     *
     * @param roots the processes to stop
     * @param grace how long to wait for them all to exit cleanly
     */
    public static void stopAll(List<ProcessHandle> roots, Duration grace) {
        List<ProcessHandle> tree = roots.stream()
                .flatMap(root -> Stream.concat(Stream.of(root), root.descendants()))
                .toList();
        tree.forEach(ProcessHandle::destroy);
        if (!awaitExit(tree, grace)) {
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            awaitExit(tree, FORCED_STOP_WAIT);
        }
    }

    private static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
        CompletableFuture<?>[] exits = processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }
}
