package io.inkstream.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test inputs shared by every module: the real article page the pipeline must handle end to end. */
public final class Fixtures {

    private Fixtures() {
    }

    /** The fixture page (a copy of shared/fixtures/ecns-page-xi-cyberspace.txt) as text. */
    public static String ecnsPage() {
        return new String(ecnsPageBytes(), StandardCharsets.UTF_8);
    }

    public static byte[] ecnsPageBytes() {
        return resource("/fixtures/ecns-page-xi-cyberspace.txt");
    }

    public static byte[] resource(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
