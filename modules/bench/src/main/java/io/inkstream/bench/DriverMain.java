package io.inkstream.bench;

import java.util.function.Function;

/**
 * The {@code main} of a driver that prints one report: its options from the command line (a usage
 * error prints the message and exits 2), the run, a blank line and the report, then exit 0 (Kafka and
 * Jetty leave non-daemon threads behind now and then; the report is out, so stop there).
 */
public final class DriverMain {

    /** One run of a driver with its options and the command line as typed; gives the report. */
    @FunctionalInterface
    public interface Run<O> {
        String report(O options, String commandLine) throws Exception;
    }

    private DriverMain() {
    }

    public static <O> void run(String[] args, Function<String[], O> parse, Run<O> run) throws Exception {
        O options;
        try {
            options = parse.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        String report = run.report(options, String.join(" ", args));
        System.out.println();
        System.out.println(report);
        System.exit(0);
    }
}
