package io.resourcemanager.stack.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a log file, for showing why a part failed. */
public final class LogTail {

    private LogTail() {
    }

    /**
     * @param logFile a text file, possibly missing
     * @param lines   how many lines to keep at most
     * @return the last {@code lines} lines, or a note saying the file could not be read
     */
    public static List<String> of(Path logFile, int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(no log: " + e.getMessage() + ")");
        }
    }
}
