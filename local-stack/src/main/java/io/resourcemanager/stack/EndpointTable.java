package io.resourcemanager.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Renders the endpoints of a ready stack as one plain-text table, one row per endpoint. */
public final class EndpointTable {

    private static final List<String> HEADER = List.of("PART", "URL", "HEALTH / METRICS", "LOG");
    private static final String COLUMN_GAP = "  ";
    private static final String NONE = "-";

    private EndpointTable() {
    }

    /**
     * @param endpoints the rows
     * @param baseDir   log paths are shown relative to this directory when they lie under it
     * @return the table, lines separated by the platform's line separator, without a final one
     */
    public static String render(List<Endpoint> endpoints, Path baseDir) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        endpoints.forEach(endpoint -> rows.add(List.of(
                endpoint.part(),
                endpoint.url(),
                endpoint.monitors().isEmpty() ? NONE : String.join(" ", endpoint.monitors()),
                displayPath(endpoint.logFile(), baseDir))));
        int[] widths = IntStream.range(0, HEADER.size())
                .map(column -> rows.stream().mapToInt(row -> row.get(column).length()).max().orElse(0))
                .toArray();
        return rows.stream().map(row -> formatRow(row, widths)).collect(Collectors.joining(System.lineSeparator()));
    }

    private static String formatRow(List<String> row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < row.size(); column++) {
            String cell = row.get(column);
            boolean last = column == row.size() - 1;
            line.append(last ? cell : cell + " ".repeat(widths[column] - cell.length()) + COLUMN_GAP);
        }
        return line.toString();
    }

    private static String displayPath(Path file, Path baseDir) {
        return file.startsWith(baseDir) ? baseDir.relativize(file).toString() : file.toString();
    }
}
