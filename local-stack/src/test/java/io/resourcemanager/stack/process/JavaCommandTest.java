package io.resourcemanager.stack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaCommandTest {

    @Test
    void shouldPutOptionsAndPropertiesBeforeTheClassPathAndArgumentsAfterTheMainClass() {
        List<String> command = JavaCommand.of("com.example.Main", "classes:lib.jar")
                .jvmOptions(List.of("-Xmx64m"))
                .systemProperty("server.port", 8080)
                .arguments("config.properties")
                .toList();

        assertThat(command).containsExactly(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-Dserver.port=8080", "-cp", "classes:lib.jar", "com.example.Main", "config.properties");
    }
}
