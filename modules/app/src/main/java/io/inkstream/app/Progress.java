package io.inkstream.app;

import java.io.PrintStream;

/** One line per component as it becomes ready, with how long it took. */
final class Progress {

    private final PrintStream out;

    Progress(PrintStream out) {
        this.out = out;
    }

    <T> T step(String component, String detail, java.util.function.Supplier<T> action) {
        return stepSince(System.nanoTime(), component, detail, action);
    }

    /** The same, timed from {@code started} (components started side by side share one start). */
    <T> T stepSince(long started, String component, String detail, java.util.function.Supplier<T> action) {
        T result = action.get();
        out.printf("  ready  %-12s %-42s (%.1f s)%n", component, detail.replace("%", "%%").formatted(),
                (System.nanoTime() - started) / 1e9);
        return result;
    }

    void line(String text) {
        out.println(text);
    }
}
