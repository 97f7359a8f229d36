package io.resourcemanager.simulator.template;

import java.util.List;
import java.util.Optional;

/**
 * A worker VM template: its Proxmox template VM, its hardware, and what a node booted from it
 * reports as allocatable (SPEC §3).
 *
 * @param name template name (small, medium, large, gpu-nvidia)
 * @param vmid id of the Proxmox template VM
 * @param cores vCPUs
 * @param memoryMb RAM in MB
 * @param diskGb disk size in GB
 * @param allocatableCpuMillis node allocatable CPU in millicores
 * @param allocatableMemoryMi node allocatable memory in MiB
 * @param maxPods node allocatable pods
 * @param gpus NVIDIA GPUs passed through ({@code nvidia.com/gpu})
 */
public record WorkerTemplate(
        String name,
        int vmid,
        int cores,
        int memoryMb,
        int diskGb,
        int allocatableCpuMillis,
        int allocatableMemoryMi,
        int maxPods,
        int gpus) {

    /** The catalogue of SPEC §3, in template-id order. */
    public static final List<WorkerTemplate> CATALOG = List.of(
            new WorkerTemplate("small", 9001, 4, 8192, 100, 3800, 7680, 100, 0),
            new WorkerTemplate("medium", 9002, 8, 16384, 200, 7800, 15360, 100, 0),
            new WorkerTemplate("large", 9003, 16, 32768, 500, 15800, 30720, 110, 0),
            new WorkerTemplate("gpu-nvidia", 9004, 8, 32768, 500, 7800, 30720, 100, 1));

    /** The template called {@code name}, if any. */
    public static Optional<WorkerTemplate> named(String name) {
        return CATALOG.stream().filter(template -> template.name().equals(name)).findFirst();
    }

    /** The name of this template's Proxmox template VM. */
    public String templateVmName() {
        return "talos-" + name;
    }
}
