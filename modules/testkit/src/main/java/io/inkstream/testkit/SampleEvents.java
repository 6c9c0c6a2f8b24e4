package io.inkstream.testkit;

import io.inkstream.events.Article;
import io.inkstream.events.Channel;
import io.inkstream.events.ContentType;
import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.Entity;
import io.inkstream.events.EntityKind;
import io.inkstream.events.Keyword;
import io.inkstream.events.Link;
import io.inkstream.events.MediaItem;
import io.inkstream.events.PageView;
import io.inkstream.events.Provenance;
import io.inkstream.events.PubStatus;
import io.inkstream.events.PublishedArticle;
import io.inkstream.events.Ranking;
import io.inkstream.events.RankingEntry;
import io.inkstream.events.RejectionStage;
import io.inkstream.events.RelatedArticle;
import io.inkstream.events.WireItem;
import io.inkstream.events.WireRejection;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Valid sample events of every type, filled with the fixture page's values, for tests that
 * need a record of a given type without running the stage that makes it.
 */
public final class SampleEvents {

    public static final String ARTICLE_ID = "urn:inkstream:article:3f2a9c1d7b";
    public static final Instant PUBLISHED = Instant.parse("2015-09-25T00:34:00Z");

    private SampleEvents() {
    }

    public static WireItem wireItem() {
        byte[] bytes = Fixtures.ecnsPageBytes();
        return WireItem.newBuilder().setItemId("7d9c1f0e-0000-4000-8000-000000000001").setFeed("http")
                .setChannel(Channel.HTTP).setFormat("page-text").setContentType("text/plain").setFilename(null)
                .setSourceUrl(null).setReceivedAt(Instant.parse("2015-09-25T01:00:00Z"))
                .setContentHash("0".repeat(64)).setSize(bytes.length).setTruncated(false)
                .setPayload(ByteBuffer.wrap(bytes)).build();
    }

    public static WireRejection rejection() {
        return WireRejection.newBuilder().setItemId("7d9c1f0e-0000-4000-8000-000000000002")
                .setStage(RejectionStage.PARSE).setCode("missing-headline").setReason("the item has no headline")
                .setRejectedAt(Instant.parse("2015-09-25T01:00:00Z")).setArticleId(null).setItem(wireItem())
                .setRawRecord(null).build();
    }

    public static Article article() {
        return Article.newBuilder().setId(ARTICLE_ID).setVersion(1)
                .setVersionCreated(Instant.parse("2015-09-25T01:00:00Z"))
                .setFirstCreated(Instant.parse("2015-09-25T01:00:00Z"))
                .setPubStatus(PubStatus.usable).setType(ContentType.text).setSection("Politics")
                .setHeadline("Xi urges constructive cyberspace talks").setSubheadline(null).setByline(null)
                .setSourceAgency("China Daily").setEditor("Wang Fan").setDatelinePlace(null)
                .setPublishedAt(PUBLISHED).setPublishedOffset("Asia/Shanghai").setEmbargoUntil(null)
                .setLanguage("en").setPriority(3)
                .setParagraphs(List.of(
                        "President Xi Jinping called for China and the United States to embark on constructive dialogues on cybersecurity, saying \"no one can stay out of this affair\".",
                        "It was the third time in three days that Xi, who is making his first state visit to the U.S., had addressed the issue."))
                .setBodyHtml(null)
                .setMedia(List.of(MediaItem.newBuilder().setType(ContentType.picture).setUrl(null)
                        .setCaption("Chinese President Xi Jinping talks with tech executives at 8th U.S.-China Internet Industry Forum in Seattle, Sept 23, 2015.")
                        .setCredit("Lao Jiang/Provided to chinadaily.com.cn")
                        .setAlt("Chinese President Xi Jinping talks with tech executives in Seattle").build()))
                .setLinks(List.of(Link.newBuilder().setHref("https://www.ecns.cn/special/").setTitle("Special coverage")
                        .setRel("coverage").build()))
                .setSubjects(List.of())
                .setProvenance(Provenance.newBuilder().setFeed("http").setFormat("page-text")
                        .setRawItemId("7d9c1f0e-0000-4000-8000-000000000001").setContentHash("1".repeat(64))
                        .setSourceId(null).setSourceUrl(null).build())
                .build();
    }

    public static EnrichedArticle enriched() {
        return EnrichedArticle.newBuilder().setArticle(article())
                .setCanonicalPath("/politics/2015-09-25/xi-urges-constructive-cyberspace-talks-3f2a9c.html")
                .setPreviousPaths(List.of()).setSlug("xi-urges-constructive-cyberspace-talks")
                .setSummary("President Xi Jinping called for China and the United States to embark on constructive dialogues on cybersecurity.")
                .setWordCount(380).setReadingMinutes(2).setParagraphCount(10).setPhotoCount(1)
                .setLanguage("en").setLanguageConfidence(0.99)
                .setEntities(List.of(Entity.newBuilder().setName("Xi Jinping").setKind(EntityKind.PERSON)
                        .setMentions(5).setFirstOffset(10).setAliases(List.of("Xi", "President Xi Jinping")).build()))
                .setKeywords(List.of(Keyword.newBuilder().setTerm("cybersecurity").setScore(0.4).build()))
                .setRelated(List.of(RelatedArticle.newBuilder().setId("urn:inkstream:article:0000000001")
                        .setHeadline("China, US reach consensus on cybercrime").setCanonicalPath("/politics/2015-09-12/x-000000.html")
                        .setSection("Politics").setPublishedAt(Instant.parse("2015-09-12T00:00:00Z")).setScore(0.5).build()))
                .setDuplicateOf(null).setEnrichedAt(Instant.parse("2015-09-25T01:00:01Z")).build();
    }

    public static PublishedArticle published() {
        Article a = article();
        return PublishedArticle.newBuilder().setId(a.getId()).setVersion(1).setPubStatus(PubStatus.usable)
                .setType(ContentType.text)
                .setUrl("http://localhost:8080/politics/2015-09-25/xi-urges-constructive-cyberspace-talks-3f2a9c.html")
                .setHeadline(a.getHeadline()).setSubheadline(null).setByline(null).setSection("Politics")
                .setSourceAgency("China Daily").setEditor("Wang Fan").setLanguage("en").setPublishedAt(PUBLISHED)
                .setFirstCreated(a.getFirstCreated()).setVersionCreated(a.getVersionCreated())
                .setSummary("President Xi Jinping called for constructive dialogues on cybersecurity.")
                .setBodyHtml("<p>President Xi Jinping called for ...</p>").setMedia(a.getMedia())
                .setKeywords(List.of("cybersecurity")).setPeople(List.of("Xi Jinping"))
                .setOrganisations(List.of("Microsoft")).setPlaces(List.of("Seattle")).build();
    }

    public static PageView pageView(String articleId, String visitor, Instant at) {
        return PageView.newBuilder().setArticleId(articleId).setSection("politics")
                .setVisitorHash(sha256Like(visitor)).setViewedAt(at).setReferrer(null)
                .setUserAgent("Mozilla/5.0").setBot(false).build();
    }

    public static Ranking ranking() {
        return Ranking.newBuilder().setScope("all").setWindowStart(Instant.parse("2015-09-24T01:00:00Z"))
                .setWindowEnd(Instant.parse("2015-09-25T01:00:00Z")).setComputedAt(Instant.parse("2015-09-25T01:00:00.250Z"))
                .setEntries(List.of(RankingEntry.newBuilder().setRank(1).setArticleId(ARTICLE_ID).setViews(42)
                        .setVisitors(40).setHeadline("Xi urges constructive cyberspace talks")
                        .setCanonicalPath("/politics/2015-09-25/xi-urges-constructive-cyberspace-talks-3f2a9c.html")
                        .setSection("Politics").build()))
                .build();
    }

    private static String sha256Like(String visitor) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(visitor.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
