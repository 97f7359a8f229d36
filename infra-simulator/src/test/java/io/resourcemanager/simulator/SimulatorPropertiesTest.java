package io.resourcemanager.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resourcemanager.simulator.faults.FaultSettings;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SimulatorPropertiesTest {

    @Test
    void shouldKeepTheDefaultsWhenNothingIsSet() {
        assertThat(SimulatorProperties.read(new Properties(), new String[0])).isEqualTo(SimulatorConfig.defaults());
    }

    @Test
    void shouldReadSystemPropertiesAndLetArgumentsWin() {
        Properties system = new Properties();
        system.setProperty("sim.proxmox.port", "18006");
        system.setProperty("sim.time-scale", "0.5");
        system.setProperty("unrelated.property", "ignored");

        SimulatorConfig config = SimulatorProperties.read(system,
                new String[] {"--sim.time-scale=0.01", "--initial-nodes=5", "--kubernetes.port=0"});

        assertThat(config.proxmoxPort()).isEqualTo(18006);
        assertThat(config.timeScale()).isEqualTo(0.01);
        assertThat(config.initialPermanentNodes()).isEqualTo(5);
        assertThat(config.kubernetesPort()).isZero();
    }

    @Test
    void shouldNameThePropertyOfAnInvalidValue() {
        Properties system = new Properties();
        system.setProperty("sim.kubernetes.port", "70000");

        assertThatThrownBy(() -> SimulatorProperties.read(system, new String[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sim.kubernetes.port=70000 is invalid");
    }

    @Test
    void shouldRefuseAnUnknownSetting() {
        assertThatThrownBy(() -> SimulatorProperties.read(new Properties(), new String[] {"--sim.colour=blue"}))
                .hasMessageContaining("sim.colour");
    }

    @Test
    void shouldRefuseAMalformedToken() {
        assertThatThrownBy(() -> SimulatorConfig.defaults().withApiToken("just-a-secret"))
                .hasMessageContaining("user@realm!tokenid=secret");
    }

    @Test
    void shouldReadFaultsInjectedFromTheStart() {
        Properties system = new Properties();
        system.setProperty("sim.faults.fail-next-starts", "2");
        system.setProperty("sim.faults.flap-nodes", "worker-permanent-001, worker-permanent-002");

        SimulatorConfig config = SimulatorProperties.read(system,
                new String[] {"--faults.never-join-next=1", "--sim.faults.http-status=429", "--faults.httpErrorsNext=3"});

        assertThat(config.faults()).isEqualTo(FaultSettings.none().withFailNextStarts(2).withNeverJoinNext(1)
                .withHttpErrors(3, 429).withFlapping(List.of("worker-permanent-001", "worker-permanent-002"), null, null));
    }

    @Test
    void shouldNameTheFaultPropertyOfAnInvalidValue() {
        assertThatThrownBy(() -> SimulatorProperties.read(new Properties(), new String[] {"--faults.fail-next-clones=-1"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sim.faults.fail-next-clones=-1 is invalid")
                .hasMessageContaining("failNextClones must be >= 0");
        assertThatThrownBy(() -> SimulatorProperties.read(new Properties(), new String[] {"--faults.flap-period=5"}))
                .hasMessageContaining("sim.faults.flap-period");
    }

    @Test
    void shouldReadTheTokenWithoutRightsAndRefuseItEqualToTheFullToken() {
        SimulatorConfig config = SimulatorProperties.read(new Properties(),
                new String[] {"--no-rights-token=auditor@pve!ro=secret"});

        assertThat(config.noRightsToken()).isEqualTo("auditor@pve!ro=secret");
        assertThatThrownBy(() -> config.withNoRightsToken(config.apiToken())).hasMessageContaining("must differ");
    }
}
