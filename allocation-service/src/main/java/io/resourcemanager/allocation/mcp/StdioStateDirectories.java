package io.resourcemanager.allocation.mcp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One Kafka Streams state directory per stdio process, named by its pid under a common base. State
 * left by processes that are gone is removed first: it may belong to a broker that has since been
 * reset (a restarted local stack), and a fresh directory simply restores from the changelogs.
 */
final class StdioStateDirectories {

    private StdioStateDirectories() {
    }

    /** Removes the directories of dead processes and returns an empty one for this process. */
    static Path claim(Path base) throws IOException {
        Files.createDirectories(base);
        try (Stream<Path> directories = Files.list(base)) {
            directories.filter(directory -> !isLiveProcess(directory.getFileName().toString()))
                    .forEach(StdioStateDirectories::delete);
        }
        Path own = base.resolve(Long.toString(ProcessHandle.current().pid()));
        delete(own);
        return Files.createDirectories(own);
    }

    private static boolean isLiveProcess(String name) {
        try {
            return ProcessHandle.of(Long.parseLong(name)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true; // not one of ours: leave it alone
        }
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort: a directory that cannot be removed now is tried again by the next process
        }
    }
}
