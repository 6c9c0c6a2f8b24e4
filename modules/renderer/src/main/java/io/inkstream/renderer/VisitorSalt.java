package io.inkstream.renderer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The one place that decides the salt for visitor hashes: the configured one, else one made on first start
 * and kept in the data directory, so a restart still recognises returning visitors (dedup, unique counts).
 */
final class VisitorSalt {

    static final String FILE = "visitor-salt";

    private static final Logger log = LoggerFactory.getLogger(VisitorSalt.class);

    private VisitorSalt() {
    }

    static String resolve(String configured, Path dataDir) {
        if (configured != null) {
            return configured;
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String salt = HexFormat.of().formatHex(random);
            Files.createDirectories(dataDir);
            Files.writeString(file, salt);
            log.info("{} is not set: made a salt for visitor hashes and kept it in {}",
                    RendererConfig.VISITOR_SALT.key(), file);
            return salt;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the visitor salt in " + file, e);
        }
    }
}
