package io.inkstream.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataDirLockTest {

    @Test
    void aSecondOwnerIsRefusedNamingTheDirectoryUntilTheFirstLetsGo(@TempDir Path dir) {
        DataDirLock first = DataDirLock.acquire(dir);

        assertThatThrownBy(() -> DataDirLock.acquire(dir))
                .isInstanceOf(DataDirLock.InUseException.class)
                .hasMessageContaining(dir.toAbsolutePath().normalize().toString())
                .hasMessageContaining("pid " + ProcessHandle.current().pid());

        first.close();
        DataDirLock.acquire(dir).close();
    }

    @Test
    void deletingTheContentsKeepsTheLock(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("kafka/topic-0"));
        Files.writeString(dir.resolve("kafka/topic-0/00.log"), "x");
        Files.writeString(dir.resolve("visitor-salt"), "s");
        try (DataDirLock lock = DataDirLock.acquire(dir)) {
            lock.deleteContents();

            try (var left = Files.list(dir)) {
                assertThat(left.map(p -> p.getFileName().toString())).containsExactly(DataDirLock.FILE);
            }
            assertThatThrownBy(() -> DataDirLock.acquire(dir)).isInstanceOf(DataDirLock.InUseException.class);
        }
    }
}
