package io.resourcemanager.simulator.proxmox.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.resourcemanager.simulator.InfraSimulator;
import io.resourcemanager.simulator.faults.FaultSettings;
import io.resourcemanager.simulator.testing.FastSimulator;
import io.resourcemanager.simulator.testing.ProxmoxHttp;
import io.resourcemanager.simulator.testing.ProxmoxHttp.Answer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Proxmox API stand-in over real HTTP. */
class ProxmoxApiTest {

    private static final String QEMU = "/api2/json/nodes/pve1/qemu/";

    private static InfraSimulator simulator;
    private static ProxmoxHttp proxmox;

    @BeforeAll
    static void startSimulator() {
        simulator = FastSimulator.start();
        proxmox = new ProxmoxHttp(simulator.proxmoxUrl(), simulator.apiToken());
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @AfterEach
    void clearFaults() {
        simulator.faults().reset();
    }

    @Test
    void shouldRefuseRequestsWithoutTheToken() {
        Answer missing = new ProxmoxHttp(simulator.proxmoxUrl(), null).get("/api2/json/version");
        Answer wrong = new ProxmoxHttp(simulator.proxmoxUrl(), "root@pam!resource-manager=wrong").get("/api2/json/version");

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.body().get("data").isNull()).isTrue();
        assertThat(wrong.status()).isEqualTo(401);
    }

    @Test
    void shouldCloneConfigureStartAndReportARunningVm() {
        String newId = proxmox.get("/api2/json/cluster/nextid").data().asText();

        String clone = proxmox.post(QEMU + "9001/clone", Map.of("newid", newId, "name", "worker-burst-007",
                "full", "1", "description", "burst worker")).data().asText();
        assertThat(clone).startsWith("UPID:pve1:").contains(":qmclone:9001:root@pam!resource-manager:");
        assertThat(proxmox.awaitTask("pve1", clone)).isEqualTo("OK");

        Answer configured = proxmox.put(QEMU + newId + "/config", Map.of("tags", "resource-manager;pool-burst",
                "cores", "4", "memory", "8192", "cicustom", "user=local:snippets/burst.yaml"));
        assertThat(configured.status()).isEqualTo(200);
        assertThat(configured.data().isNull()).isTrue();

        String start = proxmox.post(QEMU + newId + "/status/start", Map.of()).data().asText();
        assertThat(proxmox.awaitTask("pve1", start)).isEqualTo("OK");

        JsonNode status = proxmox.get(QEMU + newId + "/status/current").data();
        assertThat(status.get("status").asText()).isEqualTo("running");
        assertThat(status.get("name").asText()).isEqualTo("worker-burst-007");
        assertThat(status.get("cpus").asInt()).isEqualTo(4);
        assertThat(status.get("maxmem").asLong()).isEqualTo(8192L * 1024 * 1024);
        assertThat(status.get("tags").asText()).isEqualTo("resource-manager;pool-burst");
        JsonNode config = proxmox.get(QEMU + newId + "/config").data();
        assertThat(config.get("cicustom").asText()).isEqualTo("user=local:snippets/burst.yaml");
        assertThat(config.get("description").asText()).isEqualTo("burst worker");
    }

    @Test
    void shouldApplyAnAsyncConfigUpdateWhenItsTaskEnds() {
        String vmid = clonedVm("worker-config");

        String upid = proxmox.post(QEMU + vmid + "/config", Map.of("tags", "pool-spot")).data().asText();

        assertThat(proxmox.awaitTask("pve1", upid)).isEqualTo("OK");
        assertThat(proxmox.get(QEMU + vmid + "/config").data().get("tags").asText()).isEqualTo("pool-spot");
    }

    @Test
    void shouldFailToCloneOntoAnExistingId() {
        Answer answer = proxmox.post(QEMU + "9002/clone", Map.of("newid", "100", "name", "clash"));

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body().get("message").asText()).isEqualTo("VM 100 already exists on node 'pve1'");
    }

    @Test
    void shouldRefuseAnUnknownConfigParameterNamingIt() {
        Answer answer = proxmox.put(QEMU + "100/config", Map.of("colour", "blue"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("errors").has("colour")).isTrue();
    }

    @Test
    void shouldRefuseToDeleteARunningVm() {
        Answer answer = proxmox.delete(QEMU + "100");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body().get("message").asText()).isEqualTo("VM 100 is running - destroy failed");
    }

    @Test
    void shouldDeleteAVmAfterAShutdown() {
        String vmid = clonedVm("worker-short-lived");
        assertThat(proxmox.awaitTask("pve1", proxmox.post(QEMU + vmid + "/status/start", Map.of()).data().asText()))
                .isEqualTo("OK");

        String shutdown = proxmox.post(QEMU + vmid + "/status/shutdown", Map.of("timeout", "60")).data().asText();
        assertThat(proxmox.awaitTask("pve1", shutdown)).isEqualTo("OK");
        String destroy = proxmox.delete(QEMU + vmid).data().asText();
        assertThat(proxmox.awaitTask("pve1", destroy)).isEqualTo("OK");

        assertThat(proxmox.get(QEMU + vmid + "/status/current").status()).isEqualTo(500);
    }

    @Test
    void shouldAnswerAnInjected503BurstThenRecover() {
        ProxmoxHttp admin = new ProxmoxHttp(simulator.proxmoxUrl(), null);
        assertThat(admin.postJson("/sim/faults", "{\"httpErrorsNext\":3,\"httpStatus\":503}").status()).isEqualTo(200);

        for (int i = 0; i < 3; i++) {
            assertThat(proxmox.get("/api2/json/version").status()).isEqualTo(503);
        }
        assertThat(proxmox.get("/api2/json/version").status()).isEqualTo(200);
    }

    @Test
    void shouldEndACloneTaskWithAnErrorWhenAFailureIsInjected() {
        ProxmoxHttp admin = new ProxmoxHttp(simulator.proxmoxUrl(), null);
        admin.postJson("/sim/faults", "{\"failNextClones\":1}");
        String newId = proxmox.get("/api2/json/cluster/nextid").data().asText();

        String clone = proxmox.post(QEMU + "9002/clone", Map.of("newid", newId, "name", "unlucky")).data().asText();

        assertThat(proxmox.awaitTask("pve1", clone)).startsWith("clone failed");
        assertThat(proxmox.get(QEMU + newId + "/config").status()).isEqualTo(500);
    }

    @Test
    void shouldListTheTemplatesWithTheirHardware() {
        JsonNode resources = proxmox.get("/api2/json/cluster/resources?type=vm").data();

        assertThat(resources).filteredOn(vm -> vm.get("template").asInt() == 1)
                .extracting(vm -> vm.get("vmid").asInt() + ":" + vm.get("maxcpu").asInt() + ":"
                        + vm.get("maxmem").asLong() / (1024 * 1024))
                .containsExactly("9001:4:8192", "9002:8:16384", "9003:16:32768", "9004:8:32768");
    }

    @Test
    void shouldServeHealthAndStateWithoutAToken() {
        ProxmoxHttp anonymous = new ProxmoxHttp(simulator.proxmoxUrl(), null);

        assertThat(anonymous.get("/health").body().get("status").asText()).isEqualTo("UP");
        JsonNode state = anonymous.get("/sim/state").body();
        assertThat(state.at("/proxmox/vms")).hasSizeGreaterThanOrEqualTo(7);
        assertThat(state.at("/kubernetes/nodes")).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void shouldAnswerAnInjected429BurstThenRecover() {
        simulator.faults().apply(FaultSettings.none().withHttpErrors(2, 429));

        assertThat(proxmox.get("/api2/json/cluster/nextid").status()).isEqualTo(429);
        assertThat(proxmox.get("/api2/json/cluster/nextid").status()).isEqualTo(429);
        assertThat(proxmox.get("/api2/json/cluster/nextid").status()).isEqualTo(200);
    }

    @Test
    void shouldRefuseEveryVmCallOfTheTokenWithoutRightsAsAFailedPermissionCheck() {
        ProxmoxHttp unprivileged = new ProxmoxHttp(simulator.proxmoxUrl(), simulator.noRightsToken());

        Answer start = unprivileged.post(QEMU + "100/status/start", Map.of());
        Answer clone = unprivileged.post(QEMU + "9001/clone", Map.of("newid", "150"));
        Answer status = unprivileged.get(QEMU + "100/status/current");

        assertThat(start.status()).isEqualTo(403);
        assertThat(start.body().get("message").asText()).isEqualTo("Permission check failed (/vms/100, VM.PowerMgmt)");
        assertThat(clone.body().get("message").asText()).isEqualTo("Permission check failed (/vms/9001, VM.Clone)");
        assertThat(status.status()).isEqualTo(403);
        assertThat(proxmox.get(QEMU + "150/config").status()).isEqualTo(500);
    }

    @Test
    void shouldLetTheTokenWithoutRightsReadTheNextIdButListNothing() {
        ProxmoxHttp unprivileged = new ProxmoxHttp(simulator.proxmoxUrl(), simulator.noRightsToken());

        assertThat(unprivileged.get("/api2/json/cluster/nextid").data().asText()).matches("\\d+");
        assertThat(unprivileged.get("/api2/json/nodes/pve1/qemu").data()).isEmpty();
        assertThat(unprivileged.get("/api2/json/cluster/resources?type=vm").data()).isEmpty();
        assertThat(proxmox.get("/api2/json/nodes/pve1/qemu").data()).isNotEmpty();
    }

    @Test
    void shouldCountEveryProxmoxRequestIncludingRefusedOnes() {
        long before = simulator.proxmoxRequests();

        proxmox.get("/api2/json/version");
        new ProxmoxHttp(simulator.proxmoxUrl(), null).get("/api2/json/version");
        new ProxmoxHttp(simulator.proxmoxUrl(), simulator.noRightsToken()).get(QEMU + "100/config");

        assertThat(simulator.proxmoxRequests()).isEqualTo(before + 3);
        JsonNode state = new ProxmoxHttp(simulator.proxmoxUrl(), null).get("/sim/state").body();
        assertThat(state.at("/proxmox/requests").asLong()).isEqualTo(before + 3);
    }

    @Test
    void shouldRebootARunningVmInATask() {
        String vmid = clonedVm("worker-rebooted");
        assertThat(proxmox.awaitTask("pve1", proxmox.post(QEMU + vmid + "/status/start", Map.of()).data().asText()))
                .isEqualTo("OK");

        String reboot = proxmox.post(QEMU + vmid + "/status/reboot", Map.of("timeout", "60")).data().asText();

        assertThat(reboot).contains(":qmreboot:" + vmid + ":");
        assertThat(proxmox.awaitTask("pve1", reboot)).isEqualTo("OK");
        assertThat(proxmox.get(QEMU + vmid + "/status/current").data().get("status").asText()).isEqualTo("running");
    }

    @Test
    void shouldFailTheNextStartTaskWhenABootFailureIsInjectedOverHttp() {
        String vmid = clonedVm("worker-never-boots");
        ProxmoxHttp admin = new ProxmoxHttp(simulator.proxmoxUrl(), null);
        assertThat(admin.postJson("/sim/faults", "{\"failNextStarts\":1}").body().get("failNextStarts").asInt())
                .isEqualTo(1);

        String start = proxmox.post(QEMU + vmid + "/status/start", Map.of()).data().asText();

        assertThat(proxmox.awaitTask("pve1", start)).isEqualTo("start failed: QEMU exited with code 1");
        assertThat(proxmox.get(QEMU + vmid + "/status/current").data().get("status").asText()).isEqualTo("stopped");
    }

    @Test
    void shouldInjectTheFaultsConfiguredAtStart() {
        try (InfraSimulator configured = InfraSimulator.start(FastSimulator.config()
                .withFaults(FaultSettings.none().withHttpErrors(1, 502)))) {
            ProxmoxHttp http = new ProxmoxHttp(configured.proxmoxUrl(), configured.apiToken());

            assertThat(http.get("/api2/json/version").status()).isEqualTo(502);
            assertThat(http.get("/api2/json/version").status()).isEqualTo(200);
        }
    }

    private String clonedVm(String name) {
        String newId = proxmox.get("/api2/json/cluster/nextid").data().asText();
        String clone = proxmox.post(QEMU + "9001/clone", Map.of("newid", newId, "name", name)).data().asText();
        assertThat(proxmox.awaitTask("pve1", clone)).isEqualTo("OK");
        return newId;
    }
}
