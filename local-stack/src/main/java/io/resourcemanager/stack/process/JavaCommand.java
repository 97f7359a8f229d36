package io.resourcemanager.stack.process;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The command line of a child JVM, run with the same Java installation as the launcher:
 * {@code java <options> -D<key>=<value>... -cp <class path> <main class> <arguments>}.
 */
public final class JavaCommand {

    /** Options for a small service JVM that starts quickly on a small machine: modest heap, serial GC, C1 only. */
    public static final List<String> SMALL_FAST_START = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final String mainClass;
    private final String classPath;
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private final List<String> arguments = new ArrayList<>();

    private JavaCommand(String mainClass, String classPath) {
        this.mainClass = mainClass;
        this.classPath = classPath;
    }

    /**
     * @param mainClass the class whose {@code main} to run
     * @param classPath the class path, entries separated by the platform's path separator
     * @return a command without options, properties or arguments yet
     */
    public static JavaCommand of(String mainClass, String classPath) {
        return new JavaCommand(mainClass, classPath);
    }

    /**
     * @param options JVM options such as {@code -Xmx256m}
     * @return this command
     */
    public JavaCommand jvmOptions(List<String> options) {
        jvmOptions.addAll(options);
        return this;
    }

    /**
     * @param key   a system property name
     * @param value its value, converted with {@link String#valueOf(Object)}
     * @return this command
     */
    public JavaCommand systemProperty(String key, Object value) {
        systemProperties.put(key, String.valueOf(value));
        return this;
    }

    /**
     * @param values program arguments passed to {@code main}
     * @return this command
     */
    public JavaCommand arguments(String... values) {
        arguments.addAll(List.of(values));
        return this;
    }

    /**
     * @return this JVM's own class path with every entry made absolute, so that a child started in
     *         another working directory finds the same classes
     */
    public static String launcherClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** @return the command line, ready for a {@link ProcessBuilder} */
    public List<String> toList() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }
}
