package io.inkstream.ingest.format;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Anpa1312ParserTest {

    private final Anpa1312Parser parser = new Anpa1312Parser();

    @Test
    void writethruReadsSlugHeadlineBylineAndTabParagraphsLeavingOutPhotoAndEditorLines() throws Exception {
        ParsedArticle a = parser.parse(TestResources.bytes("/anpa/writethru.tst"), null).get(0);

        assertThat(a.headline()).isEqualTo("Harbour City win the cup on penalties");
        assertThat(a.byline()).isEqualTo("JANE ROE");
        assertThat(a.slugline()).isEqualTo("SOC--Harbour");
        assertThat(a.priority()).isEqualTo(2);
        assertThat(a.subjectCodes()).containsExactly("anpa:s", "subj:15054000");
        assertThat(a.sourceAgency()).isEqualTo("AP");
        assertThat(a.datelinePlace()).isEqualTo("PORTSVILLE");
        assertThat(a.versionCreated()).isEqualTo(Instant.parse("2024-03-21T22:15:00Z"));
        assertThat(a.firstCreated()).as("a writethru is not the first version").isNull();
        assertThat(a.paragraphs()).containsExactly(
                "PORTSVILLE (AP) _ Harbour City won the cup on penalties on Thursday night after a goalless draw.",
                "``We never stopped believing,'' captain Sam Lee said.",
                "The club last won the cup in 1998.");
        assertThat(String.join(" ", a.paragraphs())).doesNotContain("AP Photo", "Eds:", "Sports Writer");
    }

    @Test
    void malformedHeaderIsRefusedNamingTheFormat() {
        byte[] bad = "\u0016\u0016\u0001A0001\u001fx\nnot a header line\n\u0002^Head<\n\u0003".getBytes();
        assertThatThrownBy(() -> parser.parse(bad, null))
                .isInstanceOfSatisfying(RejectedItemException.class, e -> assertThat(e.code()).isEqualTo("unparseable"))
                .hasMessageContaining("ANPA 1312");
    }

    @Test
    void sniffsTheSynSohFrameOnly() {
        assertThat(parser.sniff(TestResources.bytes("/anpa/writethru.tst"), null, null)).isTrue();
        assertThat(parser.sniff(TestResources.bytes("/iptc7901/dpa-lead-latin1.txt"), null, null)).isFalse();
        assertThat(parser.sniff(TestResources.bytes("/page-text/binary-garbage.bin"), null, null)).isFalse();
    }
}
