package io.resourcemanager.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The class path of a module as its build leaves it: {@code <module>/target/classes} followed by the
 * dependency list the build writes to {@code <module>/target/runtime-classpath.txt} at package time.
 */
public final class ModuleClasspath {

    private ModuleClasspath() {
    }

    /**
     * @param repoDir the repository root
     * @param module  a module directory name, e.g. {@code allocation-service}
     * @return the module's runtime class path
     * @throws LocalStackException if the module has not been built
     */
    public static String of(Path repoDir, String module) {
        Path target = repoDir.resolve(module).resolve("target");
        Path classes = target.resolve("classes");
        Path dependencies = target.resolve("runtime-classpath.txt");
        if (!Files.isDirectory(classes) || !Files.isRegularFile(dependencies)) {
            throw new LocalStackException(module + " is not built (" + repoDir.relativize(dependencies)
                    + " is missing); ./local-stack.sh builds every module the stack runs");
        }
        try {
            return classes + File.pathSeparator + Files.readString(dependencies).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + dependencies, e);
        }
    }
}
