package io.resourcemanager.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleClasspathTest {

    @TempDir
    Path repo;

    @Test
    void shouldPutTheModuleClassesBeforeItsDependencies() throws IOException {
        Path target = Files.createDirectories(repo.resolve("ttl-service/target/classes")).getParent();
        Files.writeString(target.resolve("runtime-classpath.txt"), "a.jar" + File.pathSeparator + "b.jar\n");

        assertThat(ModuleClasspath.of(repo, "ttl-service"))
                .isEqualTo(target.resolve("classes") + File.pathSeparator + "a.jar" + File.pathSeparator + "b.jar");
    }

    @Test
    void shouldSayWhichModuleIsNotBuiltAndWhatIsMissing() throws IOException {
        Files.createDirectories(repo.resolve("ttl-service/target/classes"));

        assertThatThrownBy(() -> ModuleClasspath.of(repo, "ttl-service"))
                .isInstanceOf(LocalStackException.class)
                .hasMessageStartingWith("ttl-service is not built")
                .hasMessageContaining(Path.of("ttl-service", "target", "runtime-classpath.txt").toString())
                .hasMessageContaining("./local-stack.sh");
    }
}
