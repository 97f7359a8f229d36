package io.resourcemanager.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

/** Checks docker-compose.yml and its supporting files against the repository, without Docker. */
class DockerComposeTest {

    private static Path repo;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    static void parseTheComposeFile() throws IOException {
        repo = repositoryRoot();
        Map<String, Object> compose = loadYaml(repo.resolve("docker-compose.yml"));
        services = cast(compose.get("services"));
    }

    @Test
    void shouldRunTheFiveServicesAndTheirInfrastructure() {
        assertThat(services).containsKeys("kafka", "registry", "simulator", "prometheus", "grafana");
        ServiceCatalogue.all().forEach(service -> assertThat(services).containsKey(service.name()));
    }

    @Test
    void shouldBuildEveryImageFromAnExistingDockerfileAndAModuleOfTheBuild() throws Exception {
        List<String> modules = rootPomModules();
        List<Map<String, Object>> builds = services.values().stream()
                .filter(service -> service.containsKey("build"))
                .map(service -> DockerComposeTest.<Map<String, Object>>cast(service.get("build")))
                .toList();

        assertThat(builds).isNotEmpty();
        for (Map<String, Object> build : builds) {
            Path context = repo.resolve(String.valueOf(build.get("context")));
            assertThat(context.resolve(String.valueOf(build.get("dockerfile")))).isRegularFile();
            String module = String.valueOf(DockerComposeTest.<Map<String, Object>>cast(build.get("args")).get("MODULE"));
            assertThat(modules).contains(module);
            assertThat(context.resolve(module).resolve("pom.xml")).isRegularFile();
        }
    }

    @Test
    void shouldBuildEachServiceFromItsModuleWithItsMainClass() {
        for (ServiceDefinition service : ServiceCatalogue.all()) {
            Map<String, Object> build = cast(services.get(service.name()).get("build"));
            Map<String, Object> args = cast(build.get("args"));

            assertThat(args).containsEntry("MODULE", service.module()).containsEntry("MAIN_CLASS", service.mainClass());
        }
    }

    @Test
    void shouldScrapeOnlyServicesOfTheComposeFileAndEveryOneOfTheFive() throws IOException {
        Map<String, Object> prometheus = loadYaml(repo.resolve("docker/prometheus/prometheus.yml"));
        List<String> scrapedHosts = new ArrayList<>();
        for (Map<String, Object> job : DockerComposeTest.<List<Map<String, Object>>>cast(prometheus.get("scrape_configs"))) {
            assertThat(job).containsEntry("metrics_path", "/prometheus");
            for (Map<String, Object> staticConfig : DockerComposeTest.<List<Map<String, Object>>>cast(job.get("static_configs"))) {
                DockerComposeTest.<List<String>>cast(staticConfig.get("targets"))
                        .forEach(target -> scrapedHosts.add(target.substring(0, target.indexOf(':'))));
            }
        }

        assertThat(services).containsKeys(scrapedHosts.toArray(String[]::new));
        assertThat(scrapedHosts).containsAll(ServiceCatalogue.all().stream().map(ServiceDefinition::name).toList());
        assertThat(String.valueOf(services.get("prometheus").get("volumes"))).contains("./docker/prometheus/prometheus.yml");
    }

    @Test
    void shouldPointTheDashboardsAtTheProvisionedDatasource() throws IOException {
        Map<String, Object> datasources = loadYaml(repo.resolve("docker/grafana/provisioning/datasources/prometheus.yml"));
        Object datasourceUid = DockerComposeTest.<List<Map<String, Object>>>cast(datasources.get("datasources")).get(0).get("uid");
        Map<String, Object> dashboard = loadYaml(repo.resolve("docker/grafana/dashboards/resource-manager.json"));

        for (Map<String, Object> panel : DockerComposeTest.<List<Map<String, Object>>>cast(dashboard.get("panels"))) {
            Map<String, Object> datasource = cast(panel.get("datasource"));
            assertThat(datasource).as("datasource of panel %s", panel.get("title")).containsEntry("uid", datasourceUid);
        }
    }

    private static List<String> rootPomModules() throws Exception {
        NodeList modules = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(repo.resolve("pom.xml").toFile())
                .getElementsByTagName("module");
        return IntStream.range(0, modules.getLength()).mapToObj(i -> modules.item(i).getTextContent().trim()).toList();
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
            assertThat(dir).as("a parent directory holding docker-compose.yml").isNotNull();
        }
        return dir;
    }

    private static Map<String, Object> loadYaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> document = new Yaml().load(reader);
            assertThat(document).as("contents of %s", file).isNotNull();
            return document;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
