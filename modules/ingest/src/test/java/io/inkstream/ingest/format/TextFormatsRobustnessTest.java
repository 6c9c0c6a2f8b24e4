package io.inkstream.ingest.format;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Untrusted wire bytes: the new parsers answer with an article or a refusal, never anything else, and in bounded time. */
class TextFormatsRobustnessTest {

    private static final Map<String, WireFormatParser> SAMPLES = Map.of(
            "/iptc7901/dpa-lead-latin1.txt", new Iptc7901Parser(),
            "/anpa/writethru.tst", new Anpa1312Parser(),
            "/email/multipart-html-attachments.eml", new EmailParser(),
            "/email/form-json.eml", new EmailParser(),
            "/wxr/export.xml", new WxrParser());

    @Test
    void truncatedAndCorruptedSamplesAreReadOrRefusedNeverThrown() {
        Random random = new Random(42);
        SAMPLES.forEach((path, parser) -> {
            byte[] sample = TestResources.bytes(path);
            for (int cut = 0; cut < sample.length; cut += Math.max(1, sample.length / 41)) {
                readOrRefuse(parser, Arrays.copyOf(sample, cut));
            }
            for (int i = 0; i < 150; i++) {
                byte[] bad = sample.clone();
                for (int flips = 0; flips < 1 + random.nextInt(6); flips++) {
                    bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
                }
                readOrRefuse(parser, bad);
            }
        });
    }

    @Test
    void hostileShortcodesAndEndlessLinesTakeLinearTime() {
        String opens = "[a]".repeat(200_000) + "[caption x".repeat(50_000) + "[/caption]";
        byte[] wxr = ("<rss xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel>"
                + "<item><title>t</title><content:encoded><![CDATA[" + opens + " text]]></content:encoded><wp:post_type>post</wp:post_type></item>"
                + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
        byte[] frame = ("\u0001abc001 5 i 10 " + "x ".repeat(500_000) + "\r\n\u0002Head =\r\n" + "word ".repeat(200_000) + "\u0003")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            readOrRefuse(new WxrParser(), wxr);
            readOrRefuse(new Iptc7901Parser(), frame);
            readOrRefuse(new EmailParser(), ("From: a@b\r\nSubject: s\r\nDate: " + "9".repeat(100_000) + "\r\n\r\nbody").getBytes());
        });
    }

    private static void readOrRefuse(WireFormatParser parser, byte[] bytes) {
        try {
            List<ParsedEntry> entries = parser.parseEntries(bytes, null);
            assertThat(entries).allSatisfy(e -> assertThat(e.isRefused() || e.article().headline() != null).isTrue());
        } catch (RejectedItemException expected) {
            assertThat(expected.code()).isNotBlank();
            assertThat(expected.reason()).isNotBlank();
        }
    }
}
