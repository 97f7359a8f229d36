package io.resourcemanager.provisioner.adapter.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.json.tree.JsonNode;
import io.resourcemanager.provisioner.domain.infra.InfraException;
import io.resourcemanager.provisioner.domain.infra.VmInfo;
import io.resourcemanager.provisioner.domain.infra.VmInfo.VmPower;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading and classifying Proxmox answers, without a server. */
class ProxmoxAnswersTest {

    @Test
    void shouldReadNumbersWrittenAsStringsOrNumbers() {
        assertThat(ProxmoxVms.numberValue(JsonNode.createStringNode("103"))).isEqualTo(103);
        assertThat(ProxmoxVms.numberValue(JsonNode.createNumberNode(103))).isEqualTo(103);
        assertThat(ProxmoxVms.numberValue(JsonNode.createStringNode(" 8192 "))).isEqualTo(8192);
    }

    @Test
    void shouldReadAManagedVmWithPoolAndTemplateFromItsTags() {
        VmInfo vm = ProxmoxVms.vmInfo(JsonNode.from(Map.of("vmid", "104", "name", "worker-burst-001",
                "status", "running", "tags", "Resource-Manager;pool-burst;template-small", "lock", "backup")), "pve1");

        assertThat(vm).isEqualTo(
                new VmInfo(104, "worker-burst-001", "pve1", VmPower.RUNNING, true, "burst", "small", true));
    }

    @Test
    void shouldReadAVmWithoutTagsAsUnmanagedAndAPausedOneAsPaused() {
        VmInfo vm = ProxmoxVms.vmInfo(JsonNode.from(Map.of("vmid", 105, "name", "other", "status", "running",
                "qmpstatus", "paused")), "pve1");

        assertThat(vm.managed()).isFalse();
        assertThat(vm.pool()).isNull();
        assertThat(vm.power()).isEqualTo(VmPower.PAUSED);
        assertThat(vm.locked()).isFalse();
    }

    @Test
    void shouldWriteTagsInProxmoxCharsetAndRefuseOthers() {
        assertThat(VmTags.managed("gpu", "gpu-nvidia").value())
                .isEqualTo("resource-manager;pool-gpu;template-gpu-nvidia");
        assertThat(VmTags.parse("pool-spot, resource-manager template-large").template()).contains("large");
        assertThatThrownBy(() -> VmTags.managed("burst pool", "small")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRetryRateLimitsServerErrorsAndLocksButNotDefiniteRefusals() {
        assertThat(ProxmoxErrors.retriable(429, "")).isTrue();
        assertThat(ProxmoxErrors.retriable(503, "service unavailable")).isTrue();
        assertThat(ProxmoxErrors.retriable(500, "can't lock file '/var/lock/qemu-server/lock-103.conf' - got timeout"))
                .isTrue();
        assertThat(ProxmoxErrors.retriable(500, "Configuration file 'nodes/pve1/qemu-server/9.conf' does not exist"))
                .isFalse();
        assertThat(ProxmoxErrors.retriable(500, "unable to create VM 103: config file already exists")).isFalse();
        assertThat(ProxmoxErrors.retriable(401, "authentication failure")).isFalse();
        assertThat(ProxmoxErrors.retriable(403, "Permission check failed (/vms/100, VM.PowerMgmt)")).isFalse();
        assertThat(ProxmoxErrors.retriable(400, "Parameter verification failed.")).isFalse();
    }

    @Test
    void shouldJudgeFailedTasksByTheirExitStatus() {
        assertThat(ProxmoxErrors.failedTask("Start", "UPID:pve1:1", "VM is locked (clone)"))
                .isInstanceOf(InfraException.Retriable.class);
        assertThat(ProxmoxErrors.failedTask("Shutdown", "UPID:pve1:1", "VM quit/powerdown failed - got timeout"))
                .isInstanceOf(InfraException.Retriable.class);
        assertThat(ProxmoxErrors.failedTask("Start", "UPID:pve1:1", "start failed: QEMU exited with code 1"))
                .isInstanceOf(InfraException.Permanent.class).hasMessageContaining("QEMU exited");
        assertThat(ProxmoxErrors.succeeded("WARNINGS: 2")).isTrue();
        assertThat(ProxmoxErrors.succeeded("OK")).isTrue();
    }

    @Test
    void shouldWriteTheMachineConfigReferenceAsCloudInitUserData() {
        assertThat(ProxmoxHypervisor.cloudInit("local:snippets/talos-burst.yaml"))
                .isEqualTo("user=local:snippets/talos-burst.yaml");
        assertThat(ProxmoxHypervisor.cloudInit("user=local:snippets/a.yaml,meta=local:snippets/b.yaml"))
                .isEqualTo("user=local:snippets/a.yaml,meta=local:snippets/b.yaml");
    }
}
