package io.inkstream.bench.stack;

import io.inkstream.bench.Flags;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How the whole-stack benchmark loads the stack; every size is a flag, so smoke and full runs share one command. */
record StackOptions(Path jar, String javaOpts, Duration idle, int items, double itemsPerSecond, List<Integer> rates,
                    Duration step, Duration maxLag, Duration startTimeout, boolean keep) {

    /** The jar {@code ./inkstream build} makes, and the JVM options {@code ./inkstream} runs it with: the stack as users start it. */
    static final Path DEFAULT_JAR = Path.of("modules/app/target/inkstream.jar");
    static final String DEFAULT_JAVA_OPTS = "-Xmx2g -XX:+UseParallelGC";
    static final int DEFAULT_START_TIMEOUT_SECONDS = 180;

    static final String USAGE = """
            StackBenchmark: starts `inkstream up` as a process and measures start time, memory, publish latency and beacon rate.
              --jar FILE             the app jar (default modules/app/target/inkstream.jar)
              --java-opts "OPTS"     JVM options of the stack (default as ./inkstream: -Xmx2g -XX:+UseParallelGC)
              --idle-seconds N       idle time before the idle memory reading (default 10)
              --items N              wire items for the publish latency (default 100)
              --items-per-second R   their rate (default 5)
              --rates A,B,C          beacon rates tried in turn, views/s (default 25,50,100,200,400,800,1600,2400,3200,4800,6400)
              --step-seconds N       time at each rate (default 20)
              --max-lag-ms N         ranking lag a rate must stay under (default 2000)
              --start-timeout-s N    limit for the stack to serve (default 180)
              --keep                 keep the stack's data directory and log
            """;

    static StackOptions parse(String[] args) {
        Path jar = DEFAULT_JAR;
        String javaOpts = DEFAULT_JAVA_OPTS;
        int idleSeconds = 10;
        int items = 100;
        double itemsPerSecond = 5;
        List<Integer> rates = List.of(25, 50, 100, 200, 400, 800, 1600, 2400, 3200, 4800, 6400);
        int stepSeconds = 20;
        int maxLagMs = 2000;
        int startTimeout = DEFAULT_START_TIMEOUT_SECONDS;
        Flags flags = new Flags(args, USAGE);
        for (Flags.Flag flag = flags.next(); flag != null; flag = flags.next()) {
            String value = flag.value();
            switch (flag.name()) {
                case "--jar" -> jar = Path.of(value);
                case "--java-opts" -> javaOpts = value;
                case "--idle-seconds" -> idleSeconds = Integer.parseInt(value);
                case "--items" -> items = Integer.parseInt(value);
                case "--items-per-second" -> itemsPerSecond = Double.parseDouble(value);
                case "--rates" -> rates = Arrays.stream(value.split(",")).map(String::trim).map(Integer::parseInt).toList();
                case "--step-seconds" -> stepSeconds = Integer.parseInt(value);
                case "--max-lag-ms" -> maxLagMs = Integer.parseInt(value);
                case "--start-timeout-s" -> startTimeout = Integer.parseInt(value);
                default -> throw flags.unknown(flag);
            }
        }
        if (items < 1 || itemsPerSecond <= 0 || rates.isEmpty() || rates.stream().anyMatch(r -> r < 1) || stepSeconds < 5) {
            throw new IllegalArgumentException("--items, --items-per-second and --rates must be positive, --step-seconds at least 5");
        }
        return new StackOptions(jar, javaOpts, Duration.ofSeconds(idleSeconds), items, itemsPerSecond, rates,
                Duration.ofSeconds(stepSeconds), Duration.ofMillis(maxLagMs), Duration.ofSeconds(startTimeout), flags.keep());
    }

    String describe() {
        return String.format(Locale.ROOT, "--items %d --items-per-second %s --rates %s --step-seconds %d --max-lag-ms %d",
                items, itemsPerSecond, String.join(",", rates.stream().map(String::valueOf).toList()), step.toSeconds(),
                maxLag.toMillis());
    }
}
