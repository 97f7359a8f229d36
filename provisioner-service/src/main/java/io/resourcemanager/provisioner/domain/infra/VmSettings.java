package io.resourcemanager.provisioner.domain.infra;

import java.util.Objects;

/**
 * What the provisioner sets on a freshly cloned VM.
 *
 * @param name VM name, equal to the node name its worker registers
 * @param pool worker pool, written as a tag
 * @param template worker template, written as a tag
 * @param cores vCPUs
 * @param memoryMb RAM in MB
 * @param machineConfig reference of the Talos machine config the guest boots with (per pool)
 */
public record VmSettings(String name, String pool, String template, int cores, long memoryMb, String machineConfig) {

    public VmSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(machineConfig, "machineConfig");
    }
}
