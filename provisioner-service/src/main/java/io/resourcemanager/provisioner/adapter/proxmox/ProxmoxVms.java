package io.resourcemanager.provisioner.adapter.proxmox;

import io.micronaut.json.tree.JsonNode;
import io.resourcemanager.provisioner.domain.infra.VmInfo;
import io.resourcemanager.provisioner.domain.infra.VmInfo.VmPower;
import java.util.Optional;

/**
 * Reads VMs out of Proxmox answers ({@code /nodes/{node}/qemu} entries and {@code status/current}).
 * Proxmox writes numbers sometimes as strings (ids from {@code /cluster/nextid}, memory in configs), so
 * every number is read from either.
 */
final class ProxmoxVms {

    private ProxmoxVms() {
    }

    /** The VM described by a list entry {@code vm} on {@code node}. */
    static VmInfo vmInfo(JsonNode vm, String node) {
        return vmInfo(vm, (int) number(vm, "vmid"), node);
    }

    /** The VM {@code vmId} described by {@code vm} (a status, which may lack the id) on {@code node}. */
    static VmInfo vmInfo(JsonNode vm, int vmId, String node) {
        VmTags tags = VmTags.parse(text(vm, "tags").orElse(null));
        return new VmInfo(vmId, text(vm, "name").orElse(""), text(vm, "node").orElse(node),
                power(vm), tags.isManaged(), tags.pool().orElse(null), tags.template().orElse(null),
                text(vm, "lock").filter(lock -> !lock.isBlank()).isPresent());
    }

    /** Whether the entry is a template rather than a guest. */
    static boolean isTemplate(JsonNode vm) {
        JsonNode template = vm.get("template");
        return template != null && !template.isNull() && numberValue(template) == 1;
    }

    /** A number written as a JSON number or a string. */
    static long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("Proxmox answer lacks '" + field + "'");
        }
        return numberValue(value);
    }

    /** A number written as a JSON number or a string. */
    static long numberValue(JsonNode value) {
        if (value.isNumber()) {
            return value.getLongValue();
        }
        if (value.isBoolean()) {
            return value.getBooleanValue() ? 1 : 0;
        }
        return Long.parseLong(value.coerceStringValue().strip());
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.coerceStringValue());
    }

    private static VmPower power(JsonNode vm) {
        if (text(vm, "qmpstatus").filter("paused"::equals).isPresent()) {
            return VmPower.PAUSED;
        }
        return switch (text(vm, "status").orElse("stopped")) {
            case "running" -> VmPower.RUNNING;
            case "paused", "suspended" -> VmPower.PAUSED;
            default -> VmPower.STOPPED;
        };
    }
}
