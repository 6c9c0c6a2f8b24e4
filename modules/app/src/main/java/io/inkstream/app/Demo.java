package io.inkstream.app;

import java.io.PrintStream;

/** {@code up --demo}: feeds the demo wire items and simulated readers into a running stack. */
final class Demo {

    private Demo() {
    }

    static void start(EmbeddedStack stack, PrintStream out) {
        out.println("  demo      (not available yet in this build)");
    }
}
