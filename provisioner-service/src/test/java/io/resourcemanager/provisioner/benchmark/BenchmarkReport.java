package io.resourcemanager.provisioner.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of one run as Markdown: a table of measures (measure, value, target), a table of where
 * the overhead went, and notes. The command-line main prints it; it is also written to a file for
 * {@code BENCHMARKS.md}.
 */
final class BenchmarkReport {

    private final String title;
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> breakdownHeader = new ArrayList<>();
    private final List<String[]> breakdown = new ArrayList<>();
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

    /** Sets the columns of the breakdown table. */
    void breakdownColumns(List<String> columns) {
        breakdownHeader.clear();
        breakdownHeader.addAll(columns);
    }

    /** Adds a row of the breakdown table. */
    void breakdownRow(List<String> cells) {
        breakdown.add(cells.toArray(String[]::new));
    }

    /** Adds a line printed under the tables. */
    void note(String line) {
        notes.add(line);
    }

    /** The report as Markdown. */
    String toMarkdown() {
        StringBuilder text = new StringBuilder("### ").append(title).append("\n\n");
        text.append("| measure | value | target |\n|---|---|---|\n");
        rows.forEach(row -> text.append("| ").append(String.join(" | ", row)).append(" |\n"));
        if (!breakdown.isEmpty()) {
            text.append("\n| ").append(String.join(" | ", breakdownHeader)).append(" |\n|")
                    .append("---|".repeat(breakdownHeader.size())).append('\n');
            breakdown.forEach(row -> text.append("| ").append(String.join(" | ", row)).append(" |\n"));
        }
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
