package io.inkstream.ingest.format;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedEntriesTest {

    @Test
    void eachRssItemIsAFeedOfItsOwnThatParsesAloneWithTheChannelAsSource() throws Exception {
        List<FeedEntries.Entry> entries = FeedEntries.split(TestResources.bytes("/feeds/rss.xml"));

        assertThat(entries).extracting(FeedEntries.Entry::id)
                .containsExactly("ecns-2015-09-25-xi", "http://www.ecns.cn/2016/07-12/pandas.shtml", "sha256:" + entries.get(2).hash());
        ParsedArticle xi = new RssParser().parse(entries.get(0).document(), entries.get(0).mediaType()).get(0);
        assertThat(xi.headline()).isEqualTo("Xi urges constructive cyberspace talks");
        assertThat(xi.sourceAgency()).isEqualTo("ECNS World");
        assertThat(xi.byline()).isEqualTo("Zhao Yinan"); // dc: namespace declared on <rss> still binds
        assertThat(xi.media()).hasSize(1);
        assertThat(new RssParser().parse(entries.get(1).document(), null)).extracting(ParsedArticle::headline)
                .containsExactly("Pandas celebrate birthday");
    }

    @Test
    void eachAtomEntryKeepsTheFeedTitleAndLanguage() throws Exception {
        List<FeedEntries.Entry> entries = FeedEntries.split(TestResources.bytes("/feeds/atom.xml"));

        assertThat(entries).extracting(FeedEntries.Entry::id)
                .containsExactly("urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", "tag:example.org,2016:plain");
        assertThat(entries).extracting(FeedEntries.Entry::format).containsOnly("atom");
        ParsedArticle plain = new AtomParser().parse(entries.get(1).document(), null).get(0);
        assertThat(plain.sourceAgency()).isEqualTo("Example Wire");
        assertThat(plain.language()).isEqualTo("en");
        assertThat(plain.paragraphs()).containsExactly("First paragraph <b>not bold</b>.", "Second paragraph.");
    }

    @Test
    void anEntrysHashChangesWithItsContentOnlyNotWithTheFeedAroundIt() throws Exception {
        String v1 = feed("Feed v1", entry("a", "Alpha"), entry("b", "Beta"));
        String v2 = feed("Feed v2 renamed", entry("a", "Alpha"), entry("b", "Beta, corrected"));

        List<FeedEntries.Entry> before = FeedEntries.split(v1.getBytes(StandardCharsets.UTF_8));
        List<FeedEntries.Entry> after = FeedEntries.split(v2.getBytes(StandardCharsets.UTF_8));

        assertThat(after.get(0).hash()).isEqualTo(before.get(0).hash());
        assertThat(after.get(1).hash()).isNotEqualTo(before.get(1).hash());
    }

    @Test
    void somethingElseThanAFeedIsRefusedSoThePollerKeepsItWhole() {
        assertThatThrownBy(() -> FeedEntries.split("<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RejectedItemException.class);
        assertThatThrownBy(() -> FeedEntries.split(TestResources.bytes("/feeds/rss-xxe.xml")))
                .isInstanceOf(RejectedItemException.class)
                .satisfies(e -> assertThat(((RejectedItemException) e).code()).isEqualTo("hostile-xml"));
    }

    private static String feed(String title, String... entries) {
        return "<rss version=\"2.0\"><channel><title>" + title + "</title>" + String.join("", entries) + "</channel></rss>";
    }

    private static String entry(String guid, String title) {
        return "<item><guid>" + guid + "</guid><title>" + title + "</title><description>Body of " + title + ".</description></item>";
    }
}
