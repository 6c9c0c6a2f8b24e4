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
 * /proc/&lt;pid&gt;/status) and the load driver's work is not counted in it. It can be killed as a crash
 * kills it and started again on the same data directory.
 */
final class StackProcess implements AutoCloseable {

    /** What a start needs again for a restart: the same jar, JVM options, ports and data directory. */
    private record Launch(Path jar, String javaOpts, Path workDir, int httpPort, int kafkaPort, int registryPort) {
    }

    private final Process process;
    private final Launch launch;
    private final Path log;
    private final long startedNanos;

    private StackProcess(Process process, Launch launch, Path log, long startedNanos) {
        this.process = process;
        this.launch = launch;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    static StackProcess start(StackOptions options, Path workDir) {
        return start(options.jar(), options.javaOpts(), workDir);
    }

    /** {@code up} on new free ports, its data in {@code workDir/data} and its log in {@code workDir/stack.log}. */
    static StackProcess start(Path jar, String javaOpts, Path workDir) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no app jar at " + jar.toAbsolutePath()
                    + "; build it with: mvn -B -q -pl modules/app -am package -DskipTests (or pass --jar)");
        }
        return launch(new Launch(jar, javaOpts, workDir, freePort(), freePort(), freePort()), workDir.resolve("stack.log"));
    }

    /**
     * The same stack started again, as an operator restarts it after a crash: the same data directory and ports
     * (the broker's clients and the pages' links know them), its output in a log of its own so that what the
     * restart logs can be read apart from the first run.
     */
    StackProcess restart(String logName) {
        if (process.isAlive()) {
            throw new IllegalStateException("the stack (pid " + process.pid() + ") still runs; stop or kill it first");
        }
        return launch(launch, launch.workDir().resolve(logName));
    }

    private static StackProcess launch(Launch launch, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.stream(launch.javaOpts().trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
        command.addAll(List.of("-jar", launch.jar().toAbsolutePath().toString(), "up",
                "--port", String.valueOf(launch.httpPort()), "--kafka-port", String.valueOf(launch.kafkaPort()),
                "--registry-port", String.valueOf(launch.registryPort()), "--data-dir", launch.workDir().resolve("data").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // Canonical links of the pages must point at this port, not the default 8080.
        builder.environment().put("INKSTREAM_SITE_BASE_URL", "http://localhost:" + launch.httpPort());
        long started = System.nanoTime();
        try {
            return new StackProcess(builder.start(), launch, log, started);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
        }
    }

    String baseUrl() {
        return "http://localhost:" + launch.httpPort();
    }

    /** The embedded broker, for a driver that writes to a topic as a service of the stack does. */
    String bootstrapServers() {
        return "localhost:" + launch.kafkaPort();
    }

    String registryUrl() {
        return "http://localhost:" + launch.registryPort();
    }

    /** The stack's data directory (broker logs and the services' state stores). */
    Path dataDir() {
        return launch.workDir().resolve("data");
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

    /** SIGKILL, as a crash or the OOM killer ends it: no shutdown hook runs, nothing is flushed or checkpointed. */
    void kill() throws InterruptedException {
        if (!process.destroyForcibly().waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the stack (pid " + process.pid() + ") did not die within 30 s of SIGKILL");
        }
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
