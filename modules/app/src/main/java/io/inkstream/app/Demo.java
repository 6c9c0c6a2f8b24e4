package io.inkstream.app;

import io.inkstream.app.demo.DemoRun;
import io.inkstream.app.demo.DemoConfig;

import java.io.PrintStream;

/** {@code up --demo}: feeds the demo wire items and simulated readers into a running stack. */
final class Demo {

    private Demo() {
    }

    /** Sends the demo feed, then leaves readers and live news running on daemon threads until the JVM stops. */
    static DemoRun start(EmbeddedStack stack, PrintStream out) {
        DemoConfig demo = stack.config().demo();
        return DemoRun.start("http://localhost:" + stack.httpPort(), demo.viewsPerSecond(), demo.newsInterval(), out);
    }
}
