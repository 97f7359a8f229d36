package io.resourcemanager.provisioner.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A worker template (SPEC §3): the Proxmox template VM a worker is cloned from and what it offers.
 *
 * @param name template name
 * @param templateVmId Proxmox id of the template VM
 * @param cores vCPUs of the VM
 * @param memoryMb RAM of the VM in MB
 * @param diskGb disk of the VM in GB
 * @param allocatableCpuMillis CPU the node offers to pods, in millicores
 * @param allocatableMemoryMb memory the node offers to pods, in MB
 * @param maxPods pod slots
 * @param gpus GPUs
 * @param pricePerHour price of one worker-hour in US dollars
 */
public record TemplateSpec(String name, int templateVmId, int cores, long memoryMb, int diskGb,
                           long allocatableCpuMillis, long allocatableMemoryMb, int maxPods, int gpus,
                           BigDecimal pricePerHour) {

    public TemplateSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pricePerHour, "pricePerHour");
        if (allocatableCpuMillis > cores * 1000L || allocatableMemoryMb > memoryMb) {
            throw new IllegalArgumentException("Template " + name + ": allocatable exceeds the VM's hardware");
        }
    }
}
