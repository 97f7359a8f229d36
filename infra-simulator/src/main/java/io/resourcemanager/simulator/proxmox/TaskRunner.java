package io.resourcemanager.simulator.proxmox;

import io.resourcemanager.simulator.time.Scheduler;
import java.time.Duration;

/**
 * Runs the asynchronous part of an operation as a Proxmox task: the task is visible as running at
 * once, and after the delay its step runs under the inventory lock; a refusal fails the task with
 * Proxmox's message as exit status.
 */
final class TaskRunner {

    /** The work a task does when its delay has passed. */
    @FunctionalInterface
    interface Step {

        /** @throws ProxmoxException to end the task with this error */
        void complete() throws ProxmoxException;
    }

    private final Tasks tasks;
    private final Scheduler scheduler;
    private final VmInventory inventory;

    TaskRunner(Tasks tasks, Scheduler scheduler, VmInventory inventory) {
        this.tasks = tasks;
        this.scheduler = scheduler;
        this.inventory = inventory;
    }

    /** Starts a task on VM {@code vmid} and returns its UPID. */
    String run(String type, int vmid, Duration delay, Step step) {
        return run(type, vmid, vmid, delay, step);
    }

    /** Starts a task whose UPID names VM {@code id} and that works on VM {@code vm}; returns its UPID. */
    String run(String type, int id, int vm, Duration delay, Step step) {
        Task task = tasks.begin(type, id, vm, delay);
        scheduler.schedule(delay, () -> complete(task, step));
        return task.upid();
    }

    private void complete(Task task, Step step) {
        synchronized (inventory) {
            try {
                step.complete();
                task.succeed();
            } catch (ProxmoxException e) {
                task.fail(e.getMessage());
            }
        }
    }
}
