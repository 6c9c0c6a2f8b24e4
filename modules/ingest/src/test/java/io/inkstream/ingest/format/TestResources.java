package io.inkstream.ingest.format;

import io.inkstream.testkit.Fixtures;

/** Reads fixtures that sit beside the tests (src/test/resources) or in the testkit jar. */
final class TestResources {

    private TestResources() {
    }

    static byte[] bytes(String path) {
        return Fixtures.resource(path);
    }

    static byte[] ecnsFixture() {
        return bytes("/fixtures/ecns-page-xi-cyberspace.txt");
    }
}
