package io.inkstream.renderer.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.PubStatus;
import io.inkstream.events.Ranking;
import io.inkstream.events.RankingEntry;
import io.inkstream.renderer.MutableClock;
import io.inkstream.renderer.TestArticles;
import io.inkstream.renderer.store.ArticleStore;
import io.inkstream.renderer.store.RankingStore;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.inkstream.renderer.TestArticles.CAPTION;
import static io.inkstream.renderer.TestArticles.CREDIT;
import static io.inkstream.renderer.TestArticles.XI_PATH;
import static org.assertj.core.api.Assertions.assertThat;

/** What a reader (and a crawler) sees on an article page, read back with jsoup. */
class ArticlePageTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2015-09-25T03:00:00Z"));
    private final ArticleStore articles = new ArticleStore(clock);
    private final RankingStore rankings = new RankingStore();
    private final SiteRenderer site = new SiteRenderer(articles, new PageModels(articles, rankings,
            SiteConfig.defaults("https://news.example.com"), AssetPaths.unversioned()));

    private Document page(String path) {
        RenderedPage p = site.article(path);
        assertThat(p.status()).isEqualTo(200);
        return Jsoup.parse(p.html());
    }

    private Document xiPage() {
        articles.apply(TestArticles.XI_ID, TestArticles.xiCyberspace());
        return page(XI_PATH);
    }

    @Test
    void readerSeesSectionHeadlineAndMetaLineInSourceZone() {
        Document d = xiPage();
        assertThat(d.select("nav.breadcrumb a").eachText()).containsExactly("News", "Politics");
        assertThat(d.select("nav.breadcrumb a").last().attr("href")).isEqualTo("/politics/");
        assertThat(d.select("h1").text()).isEqualTo("Xi urges constructive cyberspace talks");
        Element meta = d.selectFirst("p.meta");
        assertThat(meta.text()).isEqualTo("2015-09-25 08:34 China Daily Editor: Wang Fan");
        assertThat(meta.selectFirst("time").attr("datetime")).isEqualTo("2015-09-25T08:34:00+08:00");
        assertThat(d.select("p.updated")).isEmpty();
        assertThat(d.title()).isEqualTo("Xi urges constructive cyberspace talks - Inkstream");
    }

    @Test
    void photoShowsCaptionOnceWithCreditAndCaptionAsAltText() {
        Document d = xiPage();
        Element figure = d.selectFirst("figure.photo");
        assertThat(figure.selectFirst("img").attr("alt")).isEqualTo(CAPTION);
        assertThat(figure.selectFirst("img").attr("src")).isEqualTo("https://img.example.com/xi-seattle.jpg");
        assertThat(figure.select(".caption").text()).isEqualTo(CAPTION);
        assertThat(figure.select(".credit").text()).contains(CREDIT);
        assertThat(d.body().text().split(java.util.regex.Pattern.quote(CAPTION), -1)).hasSize(2);
    }

    @Test
    void bodyParagraphsShowWithTheInlineMarkerAsALink() {
        Document d = xiPage();
        List<String> paragraphs = d.select("#article-body p").eachText();
        assertThat(paragraphs).hasSize(5);
        assertThat(paragraphs.get(0)).startsWith("President Xi Jinping called for China")
                .endsWith("\"no one can stay out of this affair\". Special coverage").doesNotContain("[");
        Element link = d.selectFirst("#article-body p a");
        assertThat(link.text()).isEqualTo("Special coverage");
        assertThat(link.attr("href")).isEqualTo("https://www.example.com/special/xi-us-visit");
        assertThat(d.select(".article-links")).isEmpty();
    }

    @Test
    void panelsShowRelatedNewsPopularTopNewsAndPhotos() {
        articles.apply("urn:inkstream:article:b1", TestArticles.simple("b1", "Business", "Markets rally",
                Instant.parse("2015-09-25T01:00:00Z"), 1));
        rankings.apply("all", ranking("all", entry(1, "urn:inkstream:article:b1", null, null),
                entry(2, TestArticles.XI_ID, null, null)));
        rankings.apply("politics", ranking("politics", entry(1, TestArticles.XI_ID, null, null)));
        Document d = xiPage();
        assertThat(d.select("#related h2").text()).isEqualTo("Related news");
        assertThat(d.select("#related a").eachText()).containsExactly("Xi arrives in Seattle for state visit");
        assertThat(d.select("#popular h2").text()).isEqualTo("Most popular in 24h");
        assertThat(d.select("#popular-list a").eachText())
                .containsExactly("Markets rally", "Xi urges constructive cyberspace talks");
        assertThat(d.select("#popular-list").attr("data-scope")).isEqualTo("all");
        assertThat(d.select("#popular-list-section a").eachText()).containsExactly("Xi urges constructive cyberspace talks");
        assertThat(d.select("#top-news a").eachText().get(0)).isEqualTo("Markets rally");
        assertThat(d.select("#photo-panel h2").text()).isEqualTo("Photo");
        assertThat(d.select("#photo-panel img").attr("alt")).isEqualTo(CAPTION);
    }

    @Test
    void sectionRankingIsFoundWhateverSpellingPopularityUsesForTheScope() {
        EnrichedArticle travel = TestArticles.simple("t1", "Travel News", "Travel story",
                Instant.parse("2015-09-25T01:00:00Z"), 5);
        articles.apply("urn:inkstream:article:t1", travel);
        rankings.apply("travel news", ranking("travel news", entry(1, "urn:inkstream:article:t1", null, null)));
        Document d = page(travel.getCanonicalPath());
        assertThat(d.select("#popular-list-section").attr("data-scope")).isEqualTo("travel-news");
        assertThat(d.select("#popular-list-section a").eachText()).containsExactly("Travel story");
    }

    @Test
    void popularLeavesOutKilledAndUnknownArticles() {
        articles.apply("urn:inkstream:article:k1", TestArticles.simple("k1", "Politics", "Killed story",
                Instant.parse("2015-09-25T01:00:00Z"), 5));
        articles.apply("urn:inkstream:article:k1", null);
        rankings.apply("all", ranking("all", entry(1, "urn:inkstream:article:k1", "Killed story", "/k1.html"),
                entry(2, "urn:inkstream:article:nowhere", null, null), entry(3, TestArticles.XI_ID, null, null)));
        assertThat(xiPage().select("#popular-list a").eachText()).containsExactly("Xi urges constructive cyberspace talks");
    }

    @Test
    void copiesOfOneStoryAreOnePopularEntryWithTheViewsOfAll() {
        EnrichedArticle first = TestArticles.simple("s1", "World", "Ship captain on trial", Instant.parse("2015-09-25T01:00:00Z"), 5);
        EnrichedArticle copy = TestArticles.simple("s2", "World", "Cruise captain goes on trial", Instant.parse("2015-09-25T01:30:00Z"), 5);
        copy.setDuplicateOf(first.getArticle().getId());
        articles.apply(first.getArticle().getId(), first);
        articles.apply(copy.getArticle().getId(), copy);
        rankings.apply("all", ranking("all", entry(1, TestArticles.XI_ID, null, null), entry(2, copy.getArticle().getId(), null, null),
                entry(3, first.getArticle().getId(), null, null)));

        Document d = xiPage();

        assertThat(d.select("#popular-list a").eachText()).containsExactly("Ship captain on trial", "Xi urges constructive cyberspace talks");
        assertThat(d.select("#popular-list a").first().attr("href")).isEqualTo(first.getCanonicalPath());
    }

    @Test
    void aStoryFromTwoAgenciesShowsTheOtherAsAlsoFromAndOnceInRelated() {
        EnrichedArticle first = TestArticles.simple("s1", "Politics", "Xi lands in Seattle", Instant.parse("2015-09-24T20:00:00Z"), 5);
        EnrichedArticle copy = TestArticles.simple("s2", "Politics", "Chinese president arrives in Seattle", Instant.parse("2015-09-24T21:00:00Z"), 5);
        copy.getArticle().setSourceAgency("Wire B");
        copy.setDuplicateOf(first.getArticle().getId());
        articles.apply(first.getArticle().getId(), first);
        articles.apply(copy.getArticle().getId(), copy);
        EnrichedArticle xi = TestArticles.xiCyberspace();
        xi.setRelated(List.of(related(first), related(copy)));
        articles.apply(TestArticles.XI_ID, xi);

        assertThat(page(XI_PATH).select("#related a").eachText()).containsExactly("Xi lands in Seattle");
        Document firstPage = page(first.getCanonicalPath());
        assertThat(firstPage.select(".also-from h2").text()).isEqualTo("Also from");
        assertThat(firstPage.select(".also-from a").eachText()).containsExactly("Wire B: Chinese president arrives in Seattle");
        assertThat(firstPage.select(".also-from a").attr("href")).isEqualTo(copy.getCanonicalPath());
        assertThat(page(copy.getCanonicalPath()).select(".also-from a").eachText()).hasSize(1);
        assertThat(xiPage().select(".also-from")).isEmpty();
    }

    private static io.inkstream.events.RelatedArticle related(EnrichedArticle e) {
        return io.inkstream.events.RelatedArticle.newBuilder().setId(e.getArticle().getId())
                .setHeadline(e.getArticle().getHeadline()).setCanonicalPath(e.getCanonicalPath())
                .setPublishedAt(e.getArticle().getPublishedAt()).setScore(0.5).build();
    }

    @Test
    void pageHeadCarriesLangCanonicalOpenGraphAndNewsArticleData() throws Exception {
        Document d = xiPage();
        String url = "https://news.example.com" + XI_PATH;
        assertThat(d.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(d.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(url);
        assertThat(d.selectFirst("meta[property=og:title]").attr("content")).isEqualTo("Xi urges constructive cyberspace talks");
        assertThat(d.selectFirst("meta[property=og:url]").attr("content")).isEqualTo(url);
        assertThat(d.selectFirst("meta[property=og:image]").attr("content")).isEqualTo("https://img.example.com/xi-seattle.jpg");
        assertThat(d.selectFirst("meta[property=og:type]").attr("content")).isEqualTo("article");
        JsonNode ld = new ObjectMapper().readTree(d.selectFirst("script[type=application/ld+json]").data());
        assertThat(ld.path("@type").asText()).isEqualTo("NewsArticle");
        assertThat(ld.path("headline").asText()).isEqualTo("Xi urges constructive cyberspace talks");
        assertThat(ld.path("datePublished").asText()).isEqualTo("2015-09-25T08:34:00+08:00");
        assertThat(ld.path("articleSection").asText()).isEqualTo("Politics");
        assertThat(ld.path("url").asText()).isEqualTo(url);
    }

    @Test
    void pageHasLandmarksTextSizeControlPrintLinkAndNoInlineScript() {
        Document d = xiPage();
        assertThat(d.select("header nav[aria-label=Sections] a").eachText()).contains("Politics", "Business", "Sports");
        assertThat(d.select("header nav a[aria-current=page]").text()).isEqualTo("Politics");
        assertThat(d.select("main#main")).hasSize(1);
        assertThat(d.select("footer")).hasSize(1);
        assertThat(d.select(".text-size button[data-size]").eachAttr("data-size")).containsExactly("small", "medium", "large");
        assertThat(d.selectFirst("a[href*='print']").attr("href")).isEqualTo("/print" + XI_PATH);
        assertThat(d.select("script:not([src]):not([type=application/ld+json])")).isEmpty();
        assertThat(d.select("[onclick], [onload], [onerror]")).isEmpty();
        assertThat(d.selectFirst("body").attr("data-article-id")).isEqualTo(TestArticles.XI_ID);
        assertThat(d.select(".share a").eachText()).contains("X", "Facebook", "Email");
    }

    @Test
    void hostileBodyHtmlLosesScriptsHandlersAndJavascriptLinks() {
        EnrichedArticle e = TestArticles.xiCyberspace();
        e.getArticle().setBodyHtml("<p>Fine <b>text</b><script>alert(1)</script></p>"
                + "<img src=x onerror=alert(2)><p onclick=\"evil()\">Click</p>"
                + "<a href=\"javascript:alert(3)\">bad link</a><a href=\"https://ok.example.com/\">good link</a>"
                + "<style>body{display:none}</style><iframe src=\"https://evil.example.com\"></iframe>");
        articles.apply(e.getArticle().getId(), e);
        Document d = page(XI_PATH);
        Element body = d.selectFirst("#article-body");
        assertThat(body.select("script, style, iframe, img")).isEmpty();
        assertThat(body.select("[onclick], [onerror]")).isEmpty();
        assertThat(body.select("a[href^=javascript]")).isEmpty();
        assertThat(body.select("a").eachAttr("href")).containsExactly("https://ok.example.com/");
        assertThat(body.text()).contains("Fine text", "Click", "bad link").doesNotContain("alert");
        assertThat(d.select("script")).allMatch(s -> s.hasAttr("src") || s.attr("type").equals("application/ld+json"));
    }

    @Test
    void hostileHeadlineAndCaptionShowAsTextAndCannotCloseTheJsonLdScript() throws Exception {
        EnrichedArticle e = TestArticles.xiCyberspace();
        String evil = "Breaking </script><script>alert(1)</script> & \"quotes\"";
        e.getArticle().setHeadline(evil);
        e.getArticle().getMedia().get(0).setCaption("\"><img src=x onerror=alert(1)>");
        e.getArticle().getLinks().get(0).setHref("javascript:alert(1)");
        articles.apply(e.getArticle().getId(), e);
        RenderedPage p = site.article(XI_PATH);
        Document d = Jsoup.parse(p.html());
        assertThat(d.selectFirst("h1").text()).isEqualTo(evil);
        assertThat(d.select("script")).allMatch(s -> s.hasAttr("src") || s.attr("type").equals("application/ld+json"));
        assertThat(d.select("img[onerror]")).isEmpty();
        assertThat(d.select("a[href^=javascript]")).isEmpty();
        JsonNode ld = new ObjectMapper().readTree(d.selectFirst("script[type=application/ld+json]").data());
        assertThat(ld.path("headline").asText()).isEqualTo(evil);
        assertThat(p.html()).doesNotContain("</script><script>alert");
    }

    @Test
    void laterVersionShowsUpdatedNoteInSourceZone() {
        articles.apply(TestArticles.XI_ID, TestArticles.xiCyberspace());
        articles.apply(TestArticles.XI_ID, TestArticles.nextVersion(TestArticles.xiCyberspace(),
                Instant.parse("2015-09-25T02:02:00Z"), a -> a.setHeadline("Xi urges constructive cyberspace dialogue")));
        Document d = page(XI_PATH);
        assertThat(d.selectFirst("p.updated").text()).isEqualTo("Updated 2015-09-25 10:02");
        assertThat(d.selectFirst("h1").text()).isEqualTo("Xi urges constructive cyberspace dialogue");
    }

    @Test
    void olderVersionArrivingLateDoesNotReplaceNewerOne() {
        EnrichedArticle v2 = TestArticles.nextVersion(TestArticles.xiCyberspace(),
                Instant.parse("2015-09-25T02:02:00Z"), a -> a.setHeadline("Newer headline"));
        articles.apply(TestArticles.XI_ID, v2);
        articles.apply(TestArticles.XI_ID, TestArticles.xiCyberspace());
        assertThat(page(XI_PATH).selectFirst("h1").text()).isEqualTo("Newer headline");
    }

    @Test
    void previousPathRedirectsToCanonicalPath() {
        articles.apply(TestArticles.XI_ID, TestArticles.xiCyberspace());
        RenderedPage p = site.article("/politics/2015-09-25/xi-cyberspace-3f2a9c.html");
        assertThat(p.status()).isEqualTo(301);
        assertThat(p.location()).isEqualTo(XI_PATH);
    }

    @Test
    void killedArticleAnswersGoneWithoutItsHeadline() {
        articles.apply(TestArticles.XI_ID, TestArticles.xiCyberspace());
        articles.apply(TestArticles.XI_ID, TestArticles.nextVersion(TestArticles.xiCyberspace(),
                Instant.parse("2015-09-25T02:00:00Z"), a -> a.setPubStatus(PubStatus.canceled)));
        RenderedPage p = site.article(XI_PATH);
        assertThat(p.status()).isEqualTo(410);
        Document d = Jsoup.parse(p.html());
        assertThat(d.selectFirst("h1").text()).isEqualTo("Article removed");
        assertThat(d.text()).doesNotContain("Xi urges");
        articles.apply(TestArticles.XI_ID, null);
        assertThat(site.article(XI_PATH).status()).isEqualTo(410);
        assertThat(site.print(XI_PATH).status()).isEqualTo(410);
    }

    @Test
    void unknownPathAnswersUsefulNotFoundPage() {
        articles.apply(TestArticles.XI_ID, TestArticles.xiCyberspace());
        RenderedPage p = site.article("/politics/nothing-here.html");
        assertThat(p.status()).isEqualTo(404);
        Document d = Jsoup.parse(p.html());
        assertThat(d.selectFirst("h1").text()).isEqualTo("Page not found");
        assertThat(d.select("#top-news a").eachText()).contains("Xi urges constructive cyberspace talks");
        assertThat(d.selectFirst("meta[name=robots]").attr("content")).isEqualTo("noindex");
    }

    @Test
    void embargoedArticleAppearsOnlyOnceEmbargoLifts() {
        EnrichedArticle e = TestArticles.xiCyberspace();
        e.getArticle().setEmbargoUntil(Instant.parse("2015-09-25T04:00:00Z"));
        articles.apply(TestArticles.XI_ID, e);
        assertThat(site.article(XI_PATH).status()).isEqualTo(404);
        assertThat(site.home(1).html()).doesNotContain("Xi urges");
        clock.set(Instant.parse("2015-09-25T04:00:00Z"));
        assertThat(site.article(XI_PATH).status()).isEqualTo(200);
    }

    @Test
    void printViewShowsArticleWithoutSitePanels() {
        articles.apply(TestArticles.XI_ID, TestArticles.xiCyberspace());
        RenderedPage p = site.print(XI_PATH);
        assertThat(p.status()).isEqualTo(200);
        Document d = Jsoup.parse(p.html());
        assertThat(d.selectFirst("h1").text()).isEqualTo("Xi urges constructive cyberspace talks");
        assertThat(d.select("#article-body p")).hasSize(5);
        assertThat(d.select("#popular, nav, .share")).isEmpty();
        assertThat(d.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("https://news.example.com" + XI_PATH);
        assertThat(site.print("/politics/2015-09-25/xi-cyberspace-3f2a9c.html").location()).isEqualTo("/print" + XI_PATH);
    }

    static Ranking ranking(String scope, RankingEntry... entries) {
        return Ranking.newBuilder().setScope(scope)
                .setWindowStart(Instant.parse("2015-09-24T03:00:00Z"))
                .setWindowEnd(Instant.parse("2015-09-25T03:00:00Z"))
                .setComputedAt(Instant.parse("2015-09-25T03:00:01Z"))
                .setEntries(List.of(entries)).build();
    }

    static RankingEntry entry(int rank, String id, String headline, String path) {
        return RankingEntry.newBuilder().setRank(rank).setArticleId(id).setViews(100 - rank).setVisitors(50)
                .setHeadline(headline).setCanonicalPath(path).build();
    }
}
