package io.inkstream.ingest.realwire;

import io.inkstream.events.Article;
import io.inkstream.events.ContentType;
import io.inkstream.events.MediaItem;
import io.inkstream.events.PubStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.inkstream.ingest.realwire.RealWire.Result.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real NewsML-G2 files of {@code ../shared/wire/newsml-g2/}, each read through the real
 * topology and checked for what superdesk-core's own parser test asserts for it
 * ({@code newsml2_parser_test.py}, {@code ap_test.py}, {@code dpanewsml_test.py},
 * {@code stt_newsml_test.py}, {@code scoop_parser_test.py}, the Reuters ingest tests and the older
 * {@code newsml_2_0} item tests for text/picture/snep), and, for IPTC's examples, for what the file
 * plainly states. Superdesk's guid is the G2 guid plus ":version"; Inkstream's source id is the
 * guid, so that every version and the kill of a story are one article.
 */
class RealWireNewsMlG2Test {

    private RealWire wire;

    @BeforeEach
    void start() {
        wire = RealWire.start();
    }

    @AfterEach
    void stop() {
        wire.close();
    }

    private RealWire.Result push(String file) {
        RealWire.Result r = wire.push(file);
        assertThat(r.format()).isEqualTo("newsml-g2");
        return r;
    }

    private Article only(String file) {
        return push(file).only();
    }

    // --- Reuters -------------------------------------------------------------------------------

    @Test
    void reutersCancellationKillsTheStoryItCorrects() {
        RealWire.Result story = push("newsml-g2/superdesk/tag_reuters.com_2016_newsml_L1N14N0FF_version_978556838");
        RealWire.Result kill = push("newsml-g2/superdesk/tag_reuters.com_2016_newsml_L1N14N0FF_version_1542761538");

        assertThat(story.only().getPubStatus()).isEqualTo(PubStatus.usable);
        assertThat(story.only().getHeadline()).startsWith("CORRECTED-S. Illinois battles flooding");
        assertThat(kill.only().getPubStatus()).isEqualTo(PubStatus.canceled);
        assertThat(kill.only().getId()).isEqualTo(story.only().getId());
        assertThat(kill.only().getProvenance().getSourceId()).isEqualTo("tag:reuters.com,0000:newsml_L1N14N0FF");
        assertThat(kill.only().getVersion()).isGreaterThan(story.only().getVersion());
    }

    // --- IPTC examples ------------------------------------------------------------------------------

    @Test
    void ttPackageAssemblesItsTextAndPicture() {
        Article a = only("newsml-g2/iptc/TT_newsmlg2_sample.xml");

        assertThat(a.getHeadline()).isEqualTo("Jan Guillou skriver på ny \"Hamilton\"-bok");
        assertThat(a.getLanguage()).isEqualTo("sv");
        assertThat(text(a)).startsWith("Jan Guillou arbetar just nu med det sista kapitlet")
                .doesNotContain("Naina Helén Jåma/TT"); // the figure's byline is the picture's, not copy
        assertThat(a.getBodyHtml()).startsWith("<p>Jan Guillou arbetar").doesNotContain("Litteratur", "<h1>");
        assertThat(a.getMedia()).extracting(MediaItem::getType, MediaItem::getUrl)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ContentType.picture,
                        "https://beta.tt.se/media/text/210919-janguillou-879f202b/a001_NormalHires.jpg"));
        assertThat(a.getSubjectCodes()).contains("medtop:20000013", "medtop:01000000");
        assertThat(a.getSection()).isEqualTo("Culture");
        assertThat(a.getVersionCreated()).isEqualTo(Instant.parse("2021-09-19T18:57:43Z"));
        assertThat(a.getSlugline()).isEqualTo("janguillou");
    }
}
