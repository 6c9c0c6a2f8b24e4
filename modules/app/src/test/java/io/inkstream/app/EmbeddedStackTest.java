package io.inkstream.app;

import io.inkstream.platform.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedStackTest {

    @Test
    void busySitePortIsAClearMessageBeforeAnythingStarts(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            Settings settings = Settings.ofOverrides(Map.of(
                    "inkstream.data.dir", dir.toString(),
                    "inkstream.http.port", String.valueOf(taken.getLocalPort()),
                    "inkstream.kafka.port", "0", "inkstream.registry.port", "0"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            assertThatThrownBy(() -> EmbeddedStack.start(settings, Services.names(), new PrintStream(out)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("HTTP port " + taken.getLocalPort())
                    .hasMessageContaining("already in use");
            assertThat(out.toString()).doesNotContain("kafka");
            assertThat(Files.exists(dir.resolve("kafka"))).isFalse();
        }
    }
}
