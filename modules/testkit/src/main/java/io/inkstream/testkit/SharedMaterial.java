package io.inkstream.testkit;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * The material in {@code ../shared} beside the repository (IPTC's schemas, real agency files): other projects' data,
 * not copied into this repository, so a test that needs it is skipped where a clone does not have it.
 */
public final class SharedMaterial {

    private SharedMaterial() {
    }

    /**
     * {@code shared/<name>} in the working directory or one of its five nearest parents, the first for which
     * {@code present} holds; else skips the calling test with "../shared/<name> is absent (…): {@code why}".
     */
    public static Path folder(String name, Predicate<Path> present, String why) {
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; dir != null && up < 6; up++, dir = dir.getParent()) {
            Path folder = dir.resolve("shared").resolve(name);
            if (present.test(folder)) {
                return folder;
            }
        }
        Assumptions.abort("../shared/" + name + " is absent (a clone without the shared material): " + why);
        return null;
    }
}
