package io.resourcemanager.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
        requireBuilt(repoDir, module);
        Path dependencyList = dependencyList(repoDir, module);
        try {
            String dependencies = Files.readString(dependencyList).strip();
            String classes = classes(repoDir, module).toString();
            return dependencies.isEmpty() ? classes : classes + File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + dependencyList, e);
        }
    }

    /**
     * @param repoDir the repository root
     * @param module  a module directory name
     * @throws LocalStackException naming what is missing if the module has not been built
     */
    public static void requireBuilt(Path repoDir, String module) {
        List<Path> missing = Stream.of(classes(repoDir, module), dependencyList(repoDir, module))
                .filter(Files::notExists)
                .toList();
        if (!missing.isEmpty()) {
            throw new LocalStackException(module + " is not built (missing "
                    + missing.stream().map(path -> repoDir.relativize(path).toString()).collect(Collectors.joining(" and "))
                    + "); ./local-stack.sh builds every module the stack runs");
        }
    }

    private static Path classes(Path repoDir, String module) {
        return repoDir.resolve(module).resolve("target").resolve("classes");
    }

    private static Path dependencyList(Path repoDir, String module) {
        return repoDir.resolve(module).resolve("target").resolve("runtime-classpath.txt");
    }
}
