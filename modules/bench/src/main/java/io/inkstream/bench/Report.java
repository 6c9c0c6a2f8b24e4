package io.inkstream.bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What a driver prints: a header saying when, on what and with which command the figures were
 * measured, progress lines while it runs, and at the end a table whose last column is the ratio to
 * the baseline measured in the same run.
 */
final class Report {

    private final String title;
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String[] columns;

    Report(String title, String mainClass, DriverArgs args) {
        this.title = title;
        System.out.println("== " + title);
        System.out.println(environment());
        System.out.println("command: java -cp modules/bench/target/benchmarks.jar " + mainClass
                + (args.line().isEmpty() ? "" : " " + args.line()));
        System.out.flush();
    }

    static String environment() {
        Runtime rt = Runtime.getRuntime();
        return "date: " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", machine: " + rt.availableProcessors()
                + " cores, load average " + String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                + ", Java " + System.getProperty("java.version") + ", max heap " + rt.maxMemory() / (1024 * 1024) + " MB";
    }

    static void progress(String line) {
        System.out.println("  .. " + line);
        System.out.flush();
    }

    void columns(String... names) {
        this.columns = names;
    }

    void row(Object... cells) {
        String[] text = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            text[i] = String.valueOf(cells[i]);
        }
        rows.add(text);
    }

    void note(String line) {
        notes.add(line);
    }

    /** Prints the table (Markdown, so it can be pasted into BENCHMARKS.md as it is). */
    void print() {
        System.out.println();
        System.out.println("== " + title + ": results");
        System.out.println(environment());
        if (columns != null) {
            System.out.println("| " + String.join(" | ", columns) + " |");
            System.out.println("|" + "---|".repeat(columns.length));
            for (String[] row : rows) {
                System.out.println("| " + String.join(" | ", row) + " |");
            }
        }
        notes.forEach(n -> System.out.println("- " + n));
        System.out.flush();
    }

    static String perSecond(double value) {
        return value >= 100 ? String.format("%,.0f", value) : String.format("%.1f", value);
    }

    static String ratio(double value) {
        return String.format("%.3f", value);
    }

    static String mb(long bytes) {
        return String.format("%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
