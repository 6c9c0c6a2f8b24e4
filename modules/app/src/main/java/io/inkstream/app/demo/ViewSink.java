package io.inkstream.app.demo;

/** Where simulated views go; the demo uses {@link BeaconSink}, tests may collect them in a list. */
@FunctionalInterface
public interface ViewSink {

    /** Delivers one view; true when it was taken, false when refused (e.g. an article not on the site yet). */
    boolean send(View view);
}
