package io.resourcemanager.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    @Test
    void shouldUseTheDocumentedDefaults() {
        StackSettings settings = StackSettings.defaults();

        assertThat(settings.port(Setting.KAFKA_PORT)).isEqualTo(9092);
        assertThat(settings.port(Setting.KAFKA_CONTROLLER_PORT)).isEqualTo(9093);
        assertThat(settings.port(Setting.REGISTRY_PORT)).isEqualTo(8081);
        assertThat(settings.port(Setting.PROXMOX_PORT)).isEqualTo(8006);
        assertThat(settings.port(Setting.KUBERNETES_PORT)).isEqualTo(6443);
        assertThat(settings.port(Setting.ALLOCATION_PORT)).isEqualTo(8080);
        assertThat(settings.port(Setting.COST_PORT)).isEqualTo(8085);
        assertThat(settings.initialNodes()).isEqualTo(3);
        assertThat(settings.timeScale()).isEqualTo(0.02);
        assertThat(settings.readyTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(settings.services()).isEqualTo(ServiceCatalogue.all());
    }

    @Test
    void shouldTakeValuesFromArguments() {
        StackSettings settings = parse("--kafka-port=9192", "--time-scale=0.5", "--ready-timeout=30");

        assertThat(settings.port(Setting.KAFKA_PORT)).isEqualTo(9192);
        assertThat(settings.timeScale()).isEqualTo(0.5);
        assertThat(settings.readyTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldTakeValuesFromSystemPropertiesUnlessAnArgumentOverridesThem() {
        Properties properties = new Properties();
        properties.setProperty("stack.registry-port", "9081");
        properties.setProperty("stack.initial-nodes", "5");

        StackSettings settings = StackSettings.parse(List.of("--initial-nodes=7"), properties);

        assertThat(settings.port(Setting.REGISTRY_PORT)).isEqualTo(9081);
        assertThat(settings.initialNodes()).isEqualTo(7);
    }

    @Test
    void shouldRejectAnUnknownArgumentNamingIt() {
        assertThatThrownBy(() -> parse("--kafka-prot=9192"))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("--kafka-prot=9192")
                .hasMessageContaining("--help");
    }

    @Test
    void shouldRejectAnArgumentWithoutValue() {
        assertThatThrownBy(() -> parse("--kafka-port"))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("'--kafka-port'");
    }

    @Test
    void shouldRejectAPortOutOfRangeNamingTheOption() {
        assertThatThrownBy(() -> parse("--registry-port=70000"))
                .isInstanceOf(LocalStackException.class)
                .hasMessage("--registry-port must be a port number from 1 to 65535, was '70000'");
    }

    @Test
    void shouldRejectATimeScaleThatIsNotAPositiveNumber() {
        assertThatThrownBy(() -> parse("--time-scale=fast"))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("--time-scale must be a positive number");
    }

    @Test
    void shouldStartOnlyTheListedServicesInCatalogueOrder() {
        StackSettings settings = parse("--services=cost, allocation");

        assertThat(settings.services()).extracting(ServiceDefinition::name).containsExactly("allocation", "cost");
    }

    @Test
    void shouldStartNoServiceWhenTheListIsEmpty() {
        assertThat(parse("--services=").services()).isEmpty();
    }

    @Test
    void shouldRejectAnUnknownServiceNamingTheKnownOnes() {
        assertThatThrownBy(() -> parse("--services=allocation,billing"))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("'billing'")
                .hasMessageContaining("allocation, provisioner, ttl, health, cost");
    }

    @Test
    void shouldRequireOnlyThePortsOfThePartsThatStart() {
        StackSettings settings = parse("--services=ttl");

        assertThat(settings.requiredPorts()).containsOnlyKeys(Setting.KAFKA_PORT, Setting.KAFKA_CONTROLLER_PORT,
                Setting.REGISTRY_PORT, Setting.PROXMOX_PORT, Setting.KUBERNETES_PORT, Setting.TTL_PORT);
    }

    @Test
    void shouldKeepTheWorkDirectoryInsideTheRepositoryByDefault() {
        Path repo = Path.of("some", "repo").toAbsolutePath();

        StackSettings settings = parse("--repo-dir=" + repo);

        assertThat(settings.repoDir()).isEqualTo(repo);
        assertThat(settings.workDir()).isEqualTo(repo.resolve(".stack"));
    }

    @Test
    void shouldBuildLoopbackUrlsFromPortSettings() {
        assertThat(parse("--proxmox-port=18006").loopbackUrl(Setting.PROXMOX_PORT)).isEqualTo("http://127.0.0.1:18006");
    }

    private static StackSettings parse(String... args) {
        return StackSettings.parse(List.of(args), new Properties());
    }
}
