package io.inkstream.app;

import io.inkstream.app.demo.DemoRun;
import io.inkstream.app.demo.DemoSettings;
import io.inkstream.platform.config.Settings;

import java.io.PrintStream;

/** {@code up --demo}: feeds the demo wire items and simulated readers into a running stack. */
final class Demo {

    private Demo() {
    }

    /** Sends the demo feed, then leaves readers and live news running on daemon threads until the JVM stops. */
    static DemoRun start(EmbeddedStack stack, PrintStream out) {
        Settings settings = stack.context().settings();
        settings.validate(DemoSettings.ALL);
        return DemoRun.start("http://localhost:" + stack.httpPort(), settings.get(DemoSettings.VIEWS_PER_SECOND),
                settings.get(DemoSettings.NEWS_INTERVAL), out);
    }
}
