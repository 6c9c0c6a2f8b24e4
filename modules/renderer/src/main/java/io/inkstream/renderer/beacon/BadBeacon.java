package io.inkstream.renderer.beacon;

/** A beacon that cannot be counted, with the reason given back to the caller. */
public final class BadBeacon extends Exception {

    public BadBeacon(String message) {
        super(message);
    }
}
