package io.inkstream.renderer.syndication;

import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.PubStatus;
import io.inkstream.events.PublishedArticle;
import io.inkstream.renderer.TestArticles;
import io.inkstream.renderer.page.SiteConfig;
import io.inkstream.renderer.publish.PublishedArticles;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Published versions for the format tests, made by the real publish path (PublishedArticles) from
 * enriched articles: the fixture page's article, its correction, its kill, and articles whose bodies
 * use every tag the body sanitizer lets through.
 */
final class SyndicationSamples {

    static final SiteConfig SITE = SiteConfig.defaults("https://news.example.com");
    static final Instant NOW = Instant.parse("2015-09-26T00:00:00Z");

    /** A body with every element the sanitizer keeps, nested as wire HTML nests them. */
    static final String RICH_BODY = "<p>Lead with <a href=\"https://example.com/a?b=1&amp;c=2\">a link</a>, <em>em</em>,"
            + " <strong>strong</strong>, <b>b</b>, <i>i</i>, <u>u</u>, <code>code</code>, <small>small</small>,"
            + " <sub>2</sub><sup>3</sup>, <q>quoted</q>, <cite>cite</cite>, <span>span</span><br>and a break.</p>"
            + "<h2>Subhead</h2><h3>Smaller</h3><h4>Smallest</h4>"
            + "<ul><li>one <em>item</em></li><li><p>a paragraph in an item</p><ul><li>nested</li></ul></li></ul>"
            + "<ol><li>first</li></ol><ul></ul>"
            + "<blockquote><p>A quote</p>loose text in a quote</blockquote>"
            + "<pre>pre  formatted\n text</pre>"
            + "<dl><dt>term</dt><dd>definition</dd></dl>"
            + "loose text at the top<p>control \u0001 char and \uD83D\uDE00 emoji, &lt;tags&gt; &amp; \"quotes\"</p>";

    private SyndicationSamples() {
    }

    static PublishedArticle fixture() {
        return PublishedArticles.published(TestArticles.xiCyberspace(), SITE);
    }

    /** The fixture article's second version, with a corrected headline. */
    static PublishedArticle correction() {
        EnrichedArticle e = TestArticles.nextVersion(TestArticles.xiCyberspace(), NOW,
                a -> a.setHeadline("Xi urges constructive cyberspace talks (corrected)"));
        return PublishedArticles.published(e, SITE);
    }

    /** The fixture article's kill: the canceled version PublishedArticles writes before the tombstone. */
    static PublishedArticle kill() {
        EnrichedArticle e = TestArticles.nextVersion(TestArticles.xiCyberspace(), NOW,
                a -> a.setPubStatus(PubStatus.canceled));
        PublishedArticle canceled = PublishedArticles.recordsFor(e, SITE, NOW).get(0);
        if (canceled.getPubStatus() != PubStatus.canceled) {
            throw new IllegalStateException("the publish path no longer writes a canceled version for a kill");
        }
        return canceled;
    }

    /** An article using every body element the sanitizer keeps, a subheadline, a byline and a relative photo URL. */
    static PublishedArticle rich() {
        EnrichedArticle e = TestArticles.xiCyberspace();
        e.getArticle().setId("urn:inkstream:article:rich");
        e.getArticle().setSubheadline("A subheadline");
        e.getArticle().setByline("By Jane Doe");
        e.getArticle().setParagraphs(List.of());
        e.getArticle().setBodyHtml(RICH_BODY);
        e.getArticle().getMedia().get(0).setUrl("/media/demo/photo one.jpg");
        e.getArticle().getMedia().get(0).setAlt("Xi at the forum");
        return PublishedArticles.published(e, SITE);
    }

    /** A bare article: no section, byline, agency, editor, summary, media, keywords or entities. */
    static PublishedArticle bare() {
        EnrichedArticle e = TestArticles.simple("bare", "Politics", "Bare", NOW, 5);
        e.getArticle().setSection(null);
        e.getArticle().setSourceAgency(null);
        e.getArticle().setEditor(null);
        e.getArticle().setPublishedAt(null);
        e.setSummary("");
        e.setKeywords(List.of());
        e.setEntities(List.of());
        return PublishedArticles.published(e, SITE);
    }

    /** Every sample by name. */
    static Map<String, PublishedArticle> all() {
        Map<String, PublishedArticle> all = new LinkedHashMap<>();
        all.put("fixture", fixture());
        all.put("correction", correction());
        all.put("kill", kill());
        all.put("rich", rich());
        all.put("bare", bare());
        return all;
    }
}
