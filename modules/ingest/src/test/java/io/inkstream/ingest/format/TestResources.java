package io.inkstream.ingest.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads fixtures that sit beside the tests (src/test/resources) or in the testkit jar. */
final class TestResources {

    private TestResources() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = TestResources.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] ecnsFixture() {
        return bytes("/fixtures/ecns-page-xi-cyberspace.txt");
    }
}
