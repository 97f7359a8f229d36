package io.resourcemanager.testkit.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
