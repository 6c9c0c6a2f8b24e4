package io.inkstream.ingest.format;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Cut and corrupted agency XML ends as a refusal with a reason, never as another exception. */
class AgencyXmlRobustnessTest {

    private static final List<String> SAMPLES = List.of("/nitf/story.xml", "/nitf/kill.xml", "/newsml12/story.xml",
            "/newsml12/two-items.xml", "/newsml12/photo.xml", "/ritzau/flash.xml");
    private final List<WireFormatParser> parsers = List.of(new NitfParser(), new NewsMl12Parser(), new RitzauXmlParser());

    @Test
    void truncatedAndCorruptedSamplesAreReadOrRefusedNeverThrown() {
        Random random = new Random(20260314);
        int tried = 0;
        for (String sample : SAMPLES) {
            byte[] original = TestResources.bytes(sample);
            for (int i = 0; i < 20; i++) {
                byte[] cut = java.util.Arrays.copyOf(original, random.nextInt(original.length));
                byte[] flipped = original.clone();
                for (int k = 0; k < 1 + random.nextInt(8); k++) {
                    flipped[random.nextInt(flipped.length)] = (byte) random.nextInt(256);
                }
                for (byte[] bytes : List.of(cut, flipped)) {
                    for (WireFormatParser parser : parsers) {
                        tried++;
                        try {
                            List<ParsedEntry> entries = parser.parseEntries(bytes, null);
                            assertThat(entries).isNotEmpty();
                        } catch (RejectedItemException expected) {
                            assertThat(expected.reason()).isNotBlank();
                        }
                    }
                }
            }
        }
        assertThat(tried).isEqualTo(SAMPLES.size() * 20 * 2 * 3);
    }
}
