package io.inkstream.app.e2e;

import io.inkstream.testkit.TempDirs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

/** What the tests that run the packaged jar as a real process share: starting it, free ports, cleaning up. */
final class JarProcess {

    private JarProcess() {
    }

    /**
     * {@code java -jar inkstream.jar up} on the given data directory and ports, its output to {@code log} (a file, not
     * a pipe: Process.destroy() closes the pipes at once, and the last lines matter).
     */
    static Process up(Path jar, Path dataDir, int httpPort, int kafkaPort, int registryPort, Path log) throws IOException {
        return up(jar, dataDir, httpPort, kafkaPort, registryPort, log, Map.of());
    }

    /** The same, with settings given as environment variables (INKSTREAM_...). */
    static Process up(Path jar, Path dataDir, int httpPort, int kafkaPort, int registryPort, Path log,
                      Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:+UseParallelGC", "-jar", jar.toAbsolutePath().toString(), "up",
                "--data-dir", dataDir.toString(), "--port", String.valueOf(httpPort),
                "--kafka-port", String.valueOf(kafkaPort), "--registry-port", String.valueOf(registryPort))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        TempDirs.deleteTree(dir);
    }
}
