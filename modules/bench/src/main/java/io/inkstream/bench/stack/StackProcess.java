package io.inkstream.bench.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar inkstream.jar up} as a child process on free loopback ports and a fresh data
 * directory, as a user starts it: a separate JVM, so its resident memory is its own (read from
 * /proc/&lt;pid&gt;/status) and the load driver's work is not counted in it.
 */
final class StackProcess implements AutoCloseable {

    private final Process process;
    private final int httpPort;
    private final Path log;
    private final long startedNanos;

    private StackProcess(Process process, int httpPort, Path log, long startedNanos) {
        this.process = process;
        this.httpPort = httpPort;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    static StackProcess start(StackOptions options, Path workDir) {
        if (!Files.isRegularFile(options.jar())) {
            throw new IllegalStateException("no app jar at " + options.jar().toAbsolutePath()
                    + "; build it with: mvn -B -q -pl modules/app -am package -DskipTests (or pass --jar)");
        }
        int http = freePort();
        int kafka = freePort();
        int registry = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.stream(options.javaOpts().trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
        command.addAll(List.of("-jar", options.jar().toAbsolutePath().toString(), "up",
                "--port", String.valueOf(http), "--kafka-port", String.valueOf(kafka),
                "--registry-port", String.valueOf(registry), "--data-dir", workDir.resolve("data").toString()));
        Path log = workDir.resolve("stack.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // Canonical links of the pages must point at this port, not the default 8080.
        builder.environment().put("INKSTREAM_SITE_BASE_URL", "http://localhost:" + http);
        long started = System.nanoTime();
        try {
            return new StackProcess(builder.start(), http, log, started);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
        }
    }

    String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    long pid() {
        return process.pid();
    }

    long startedNanos() {
        return startedNanos;
    }

    Path log() {
        return log;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Resident set size of the stack's JVM (VmRSS), -1 when it cannot be read. */
    long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Stops it as Ctrl-C does (SIGTERM runs the shutdown hook); forcibly after a minute. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on localhost", e);
        }
    }
}
