package io.inkstream.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The drivers' command line: {@code --name value} pairs, each name one the driver declares, so a
 * mistyped option fails at once instead of silently running the default.
 */
final class DriverArgs {

    private final Map<String, String> values = new HashMap<>();
    private final String line;

    DriverArgs(String[] args, Set<String> known) {
        this.line = String.join(" ", args);
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || !known.contains(name.substring(2)) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown or incomplete option '" + name + "'; options: --"
                        + String.join(" N, --", known) + " N");
            }
            values.put(name.substring(2), args[++i]);
        }
    }

    int intValue(String name, int defaultValue) {
        String v = values.get(name);
        return v == null ? defaultValue : Integer.parseInt(v.replace("_", ""));
    }

    String line() {
        return line;
    }
}
