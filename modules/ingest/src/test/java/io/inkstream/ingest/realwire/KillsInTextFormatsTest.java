package io.inkstream.ingest.realwire;

import io.inkstream.events.Article;
import io.inkstream.events.PubStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kill in IPTC 7901, ANPA 1312 and WordPress WXR, pushed after its story through the real
 * topology (with the repository's own samples), is a canceled version of the same article, so it
 * answers 410 and leaves the lists as a ninjs or NewsML-G2 kill does; a correction or lead of the
 * same keyword is the story's next version.
 */
class KillsInTextFormatsTest {

    @Test
    void iptc7901KillTakeLineCancelsTheLeadItFollows() {
        assertKillCancels("/iptc7901/dpa-lead-latin1.txt", "/iptc7901/dpa-kill.txt", "iptc7901");
    }

    @Test
    void anpaKillVersionCancelsTheWritethruItFollows() {
        assertKillCancels("/anpa/writethru.tst", "/anpa/kill.tst", "anpa1312");
    }

    @Test
    void iptc7901CorrectionOfTheSameKeywordIsTheNextVersionOfTheStory() {
        try (RealWire wire = RealWire.withoutShared()) {
            byte[] lead = resource("/iptc7901/dpa-lead-latin1.txt");
            String corrected = new String(lead, StandardCharsets.ISO_8859_1).replace("1ST LEAD", "CORRECTION").replace("6-3, 6-4", "6-3, 7-5");
            Article first = wire.push(lead, null, null).only();
            Article second = wire.push(corrected.getBytes(StandardCharsets.ISO_8859_1), null, null).only();

            assertThat(second.getId()).isEqualTo(first.getId());
            assertThat(second.getVersion()).isEqualTo(first.getVersion() + 1);
            assertThat(second.getPubStatus()).isEqualTo(PubStatus.usable);
            assertThat(second.getParagraphs().get(0)).contains("6-3, 7-5");
        }
    }

    @Test
    void wordpressPostMovedToTrashCancelsThePublishedPost() {
        try (RealWire wire = RealWire.withoutShared()) {
            Article published = wire.push(export("publish"), "export.xml", "application/rss+xml").only();
            Article trashed = wire.push(export("trash"), "export.xml", "application/rss+xml").only();

            assertThat(published.getProvenance().getFormat()).isEqualTo("wordpress-wxr");
            assertThat(trashed.getId()).isEqualTo(published.getId());
            assertThat(trashed.getPubStatus()).isEqualTo(PubStatus.canceled);
            assertThat(trashed.getVersion()).isEqualTo(published.getVersion() + 1);
        }
    }

    private static void assertKillCancels(String story, String kill, String format) {
        try (RealWire wire = RealWire.withoutShared()) {
            Article first = wire.push(resource(story), null, "text/plain").only();
            Article killed = wire.push(resource(kill), null, null).only();

            assertThat(first.getProvenance().getFormat()).isEqualTo(format);
            assertThat(first.getPubStatus()).isEqualTo(PubStatus.usable);
            assertThat(killed.getId()).isEqualTo(first.getId());
            assertThat(killed.getPubStatus()).isEqualTo(PubStatus.canceled);
            assertThat(killed.getVersion()).isEqualTo(first.getVersion() + 1);
        }
    }

    private static byte[] export(String status) {
        return ("<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:wp=\"http://wordpress.org/export/1.2/\">"
                + "<channel><title>Harbour Gazette</title><item><title>Ferry strike called off</title>"
                + "<guid isPermaLink=\"false\">https://gazette.example.org/?p=104</guid>"
                + "<content:encoded><![CDATA[The strike was called off.]]></content:encoded>"
                + "<wp:post_date_gmt>2024-03-20 07:00:00</wp:post_date_gmt><wp:status>" + status + "</wp:status>"
                + "<wp:post_type>post</wp:post_type></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] resource(String path) {
        try (InputStream in = KillsInTextFormatsTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
