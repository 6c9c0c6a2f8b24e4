package io.inkstream.bench;

import io.inkstream.events.Article;
import io.inkstream.events.Channel;
import io.inkstream.events.WireItem;
import io.inkstream.ingest.IngestConfig;
import io.inkstream.ingest.ParseOutcome;
import io.inkstream.ingest.WireItems;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The ingest driver's items must be read by ingest as intended, or its figures measure rejections. */
class WireSamplesTest {

    private final WireItems wireItems = new WireItems(WireItems.from(IngestConfig.defaults()).formats(), 10_000_000);
    private final WireSamples samples = new WireSamples();

    @Test
    void everyFormatIsReadAsOneArticleWithTheWholeFixtureCopy() {
        for (WireSamples.Format format : WireSamples.FORMATS) {
            Article article = parse(format, 7);
            assertThat(article.getHeadline()).as(format.name()).isEqualTo(WireSamples.headline(7));
            assertThat(article.getProvenance().getFormat()).isEqualTo(format.name());
            String body = article.getBodyHtml() != null ? article.getBodyHtml() : String.join("\n", article.getParagraphs());
            assertThat(body).as(format.name()).contains("constructive dialogues on cybersecurity")
                    .contains("a senior official in charge of public security");
        }
    }

    @Test
    void itemsWithDifferentNumbersAreDifferentArticles() {
        for (WireSamples.Format format : WireSamples.FORMATS) {
            assertThat(parse(format, 1).getId()).as(format.name()).isNotEqualTo(parse(format, 2).getId());
        }
    }

    private Article parse(WireSamples.Format format, int n) {
        WireItem item = wireItems.receive(samples.item(format.name(), n), "bench", Channel.HTTP,
                null, format.contentType(), null, null, Instant.now());
        ParseOutcome outcome = wireItems.parser().parse(item, Instant.now());
        assertThat(outcome.isRejected()).as("%s rejected: %s", format.name(), outcome.rejection()).isFalse();
        assertThat(outcome.drafts()).hasSize(1);
        return outcome.drafts().get(0);
    }
}
