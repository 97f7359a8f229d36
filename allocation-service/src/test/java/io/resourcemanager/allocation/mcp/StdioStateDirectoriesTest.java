package io.resourcemanager.allocation.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StdioStateDirectoriesTest {

    @TempDir
    Path base;

    @Test
    void shouldGiveThisProcessAnEmptyDirectoryAndRemoveThoseOfEndedProcesses() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path stale = Files.createDirectories(base.resolve(Long.toString(ended.pid())).resolve("rm-ledger"));
        Path foreign = Files.createDirectories(base.resolve("not-a-pid"));
        Path own = base.resolve(Long.toString(ProcessHandle.current().pid()));
        Files.createDirectories(own.resolve("left-over"));

        Path claimed = StdioStateDirectories.claim(base);

        assertThat(claimed).isEqualTo(own).isEmptyDirectory();
        assertThat(stale.getParent()).doesNotExist();
        assertThat(foreign).exists();
    }
}
