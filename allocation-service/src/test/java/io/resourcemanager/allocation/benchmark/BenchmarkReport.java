package io.resourcemanager.allocation.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one run as a Markdown table (measure, value, target), plus notes. The command-line
 * main prints it; it is also written to a file for {@code BENCHMARKS.md}.
 */
final class BenchmarkReport {

    private final String title;
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    BenchmarkReport(String title) {
        this.title = title;
    }

    /** Adds a measured figure without a target. */
    void add(String measure, String value) {
        add(measure, value, "");
    }

    /** Adds a measured figure and the target it is compared with. */
    void add(String measure, String value, String target) {
        rows.add(new String[] {measure, value, target});
    }

    /** Adds a line printed under the table. */
    void note(String line) {
        notes.add(line);
    }

    /** Milliseconds with one decimal, or "n/a" for null. */
    static String millis(Duration duration) {
        return duration == null ? "n/a" : String.format(Locale.ROOT, "%.1f ms", duration.toNanos() / 1e6);
    }

    /** Seconds with two decimals. */
    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    /** A rate with no decimals. */
    static String perSecond(double rate, String unit) {
        return Double.isNaN(rate) ? "n/a" : String.format(Locale.ROOT, "%,.0f %s/s", rate, unit);
    }

    /** The report as Markdown. */
    String toMarkdown() {
        StringBuilder text = new StringBuilder("### ").append(title).append("\n\n");
        text.append("| measure | value | target |\n|---|---|---|\n");
        rows.forEach(row -> text.append("| ").append(String.join(" | ", row)).append(" |\n"));
        if (!notes.isEmpty()) {
            text.append('\n');
            notes.forEach(line -> text.append("- ").append(line).append('\n'));
        }
        return text.toString();
    }

    /** Prints the report. */
    void print(PrintStream out) {
        out.println();
        out.print(toMarkdown());
        out.flush();
    }

    /** Writes the report to {@code file}, creating its directory. */
    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, toMarkdown());
    }
}
