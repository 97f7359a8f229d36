package io.resourcemanager.stack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

    @TempDir
    Path workDir;

    private Process leftover;

    @BeforeEach
    void startAProcessLikeACrashedLauncherWouldLeaveBehind() throws IOException {
        leftover = new ProcessBuilder("sleep", "60").start();
    }

    @AfterEach
    void stopIt() {
        leftover.destroyForcibly();
    }

    @Test
    void shouldStopTheProcessesItRecorded() {
        PidFile pidFile = new PidFile(workDir.resolve("pids"));
        pidFile.recordChildren();

        int stopped = pidFile.stopLeftovers();

        assertThat(stopped).isEqualTo(1);
        assertThat(leftover.isAlive()).isFalse();
        assertThat(workDir.resolve("pids")).doesNotExist();
    }

    @Test
    void shouldLeaveAloneAProcessThatReusedARecordedId() throws IOException {
        Path file = workDir.resolve("pids");
        Files.writeString(file, "child " + leftover.pid() + " " + Instant.EPOCH + System.lineSeparator() + "not a record");

        int stopped = new PidFile(file).stopLeftovers();

        assertThat(stopped).isZero();
        assertThat(leftover.isAlive()).isTrue();
    }

    @Test
    void shouldRecogniseTheLauncherThatIsStillRunning() {
        PidFile pidFile = new PidFile(workDir.resolve("pids"));
        pidFile.recordChildren();

        assertThat(pidFile.runningLauncher()).contains(ProcessHandle.current());
    }

    @Test
    void shouldDoNothingWithoutARecord() {
        assertThat(new PidFile(workDir.resolve("pids")).stopLeftovers()).isZero();
    }
}
