package io.inkstream.events.serde;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to load classes it was not told to trust when it resolves a schema to a
 * generated class. Our generated event classes (package io.inkstream.events) are the contract,
 * so they are trusted, in addition to whatever was trusted before; nothing else is.
 */
public final class TrustedEventClasses {

    private static final String EVENTS_PACKAGE = "io.inkstream.events";
    private static volatile boolean installed;

    private TrustedEventClasses() {
    }

    public static void install() {
        if (installed) {
            return;
        }
        synchronized (TrustedEventClasses.class) {
            if (!installed) {
                ClassSecurityValidator.ClassSecurityPredicate before = ClassSecurityValidator.getGlobal();
                ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(before,
                        type -> EVENTS_PACKAGE.equals(type.getPackageName())));
                installed = true;
            }
        }
    }
}
