package io.inkstream.registry;

import java.util.Locale;

/**
 * Confluent's registry modes: READWRITE (the default), READONLY (no registrations or deletes),
 * READONLY_OVERRIDE (READONLY that a subject's own mode cannot lift, global only in effect)
 * and IMPORT (schemas keep the id and version the request gives, as when a registry is
 * migrated).
 */
enum Mode {
    READWRITE, READONLY, READONLY_OVERRIDE, IMPORT;

    /** Parses a mode in any letter case; anything else is Confluent's 42204. */
    static Mode parse(String name) {
        if (name != null) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // falls through to the error below
            }
        }
        throw new RegistryException(422, 42204, "Invalid mode. Valid values are READWRITE, READONLY, "
                + "READONLY_OVERRIDE and IMPORT");
    }

    boolean writable() {
        return this == READWRITE || this == IMPORT;
    }
}
