package io.resourcemanager.provisioner.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import io.micronaut.core.bind.annotation.Bindable;
import io.resourcemanager.provisioner.domain.autoscale.AutoscaleSettings;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AutoscalePropertiesTest {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    @Test
    void shouldDescribeTheRulesOfTheSpecByDefault() {
        assertThat(AutoscaleProperties.defaults().settings()).isEqualTo(AutoscaleSettings.defaults());
    }

    @Test
    void shouldListTheSameDefaultsInTheRecordAndInApplicationYml() throws Exception {
        Map<String, Object> listed = autoscaleBlockOfApplicationYml();
        RecordComponent[] components = AutoscaleProperties.class.getRecordComponents();
        Parameter[] parameters = AutoscaleProperties.class.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new)).getParameters();
        AutoscaleProperties defaults = AutoscaleProperties.defaults();

        assertThat(listed).hasSize(components.length);
        for (int i = 0; i < components.length; i++) {
            Class<?> type = components[i].getType();
            String key = kebab(components[i].getName());
            Object annotated = typed(type, parameters[i].getAnnotation(Bindable.class).defaultValue());

            assertThat(typed(type, String.valueOf(listed.get(key)))).as("application.yml %s", key).isEqualTo(annotated);
            assertThat(components[i].getAccessor().invoke(defaults)).as("defaults() %s", key).isEqualTo(annotated);
        }
    }

    /** The keys under {@code rm.provisioner.autoscale} of application.yml, without the prefix. */
    private static Map<String, Object> autoscaleBlockOfApplicationYml() throws IOException {
        String prefix = AutoscaleProperties.PREFIX + ".";
        try (InputStream yml = AutoscalePropertiesTest.class.getResourceAsStream("/application.yml")) {
            Map<String, Object> block = new TreeMap<>();
            new YamlPropertySourceLoader().read("application", yml).forEach((key, value) -> {
                if (key.startsWith(prefix)) {
                    block.put(key.substring(prefix.length()), value);
                }
            });
            return block;
        }
    }

    private static Object typed(Class<?> type, String text) {
        if (type == boolean.class) {
            return Boolean.parseBoolean(text);
        }
        if (type == int.class) {
            return Integer.parseInt(text);
        }
        if (type == double.class) {
            return Double.parseDouble(text);
        }
        if (type == Duration.class) {
            Matcher matcher = DURATION.matcher(text);
            assertThat(matcher.matches()).as("duration %s", text).isTrue();
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        return text;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
