package io.resourcemanager.testkit.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A Markdown benchmark report: a title, then tables and notes in the order added. */
public final class MarkdownReport {

    private final StringBuilder text = new StringBuilder();
    private List<String> open;

    public MarkdownReport(String title) {
        text.append("### ").append(title).append("\n\n");
    }

    /** Starts a table with these columns; rows follow with {@link #row}. */
    public MarkdownReport table(String... columns) {
        close();
        if (text.charAt(text.length() - 2) != '\n') {
            text.append('\n');
        }
        open = new ArrayList<>();
        open.add("| " + String.join(" | ", columns) + " |");
        open.add("|" + "---|".repeat(columns.length));
        return this;
    }

    /** Adds a row to the open table. */
    public MarkdownReport row(String... cells) {
        open.add("| " + String.join(" | ", cells) + " |");
        return this;
    }

    /** Adds a bullet under the tables. */
    public MarkdownReport note(String line) {
        close();
        text.append("- ").append(line).append('\n');
        return this;
    }

    /**
     * Notes where the run happened: the JVM, its processors and heap and which parts ran in it
     * ({@code inThisJvm}), the machine's load before and after, how long the run took since {@code started},
     * and the source revision ({@code bench.revision}).
     */
    public MarkdownReport noteRun(String inThisJvm, double loadBefore, Instant started) {
        note("JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " processors, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB; " + inThisJvm);
        note(String.format(Locale.ROOT, "System load average (1 min, all processes of the machine): %.2f before the "
                + "run, %.2f after it; the run took %d s", loadBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Duration.between(started, Instant.now()).toSeconds()));
        return note("Source revision: " + System.getProperty("bench.revision", "unknown"));
    }

    /** Prints the report to {@code out} and writes it to the file {@code bench.report} names, or {@code defaultFile}. */
    public void publish(PrintStream out, String defaultFile) throws IOException {
        out.println();
        out.print(toMarkdown());
        out.flush();
        write(Path.of(System.getProperty("bench.report", defaultFile)));
    }

    /** The report as Markdown. */
    public String toMarkdown() {
        close();
        return text.toString();
    }

    /** Writes the report to {@code file}, creating its directory. */
    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, toMarkdown());
    }

    private void close() {
        if (open != null) {
            open.forEach(line -> text.append(line).append('\n'));
            text.append('\n');
            open = null;
        }
    }
}
