package io.inkstream.renderer;

import io.inkstream.events.Article;
import io.inkstream.events.ContentType;
import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.Entity;
import io.inkstream.events.EntityKind;
import io.inkstream.events.Keyword;
import io.inkstream.events.Link;
import io.inkstream.events.MediaItem;
import io.inkstream.events.Provenance;
import io.inkstream.events.PubStatus;
import io.inkstream.events.RelatedArticle;

import java.time.Instant;
import java.util.List;

/** Enriched articles for tests; {@link #xiCyberspace()} carries the values of the fixture page. */
public final class TestArticles {

    public static final String XI_ID = "urn:inkstream:article:3f2a9c1d7b";
    public static final String XI_PATH = "/politics/2015-09-25/xi-urges-constructive-cyberspace-talks-3f2a9c.html";
    /** 2015-09-25 08:34 in Asia/Shanghai. */
    public static final Instant XI_PUBLISHED = Instant.parse("2015-09-25T00:34:00Z");
    public static final String CAPTION = "Chinese President Xi Jinping talks with tech executives at 8th U.S.-China "
            + "Internet Industry Forum in Seattle, Sept 23, 2015.";
    public static final String CREDIT = "Lao Jiang/Provided to chinadaily.com.cn";

    public static final List<String> XI_PARAGRAPHS = List.of(
            "President Xi Jinping called for China and the United States to embark on constructive dialogues on "
                    + "cybersecurity, saying \"no one can stay out of this affair\". [Special coverage]",
            "It was the third time in three days that Xi, who is making his first state visit to the U.S., had "
                    + "addressed the issue.",
            "He made the remarks to key delegates at the eighth China-U.S. Internet Industry Forum at the "
                    + "headquarters of Microsoft in Seattle on Wednesday.",
            "\"Both China and the U.S. are major players in cyberspace, and the two countries have important "
                    + "common interests and room for cooperation,\" he said.",
            "Earlier this month, the two countries reached consensus on combating cybercrime during a visit by "
                    + "Xi's special envoy Meng Jianzhu, a senior official in charge of public security.");

    private TestArticles() {
    }

    public static EnrichedArticle xiCyberspace() {
        Article article = Article.newBuilder()
                .setId(XI_ID)
                .setVersion(1)
                .setVersionCreated(XI_PUBLISHED)
                .setFirstCreated(XI_PUBLISHED)
                .setPubStatus(PubStatus.usable)
                .setType(ContentType.text)
                .setSection("Politics")
                .setHeadline("Xi urges constructive cyberspace talks")
                .setSourceAgency("China Daily")
                .setEditor("Wang Fan")
                .setPublishedAt(XI_PUBLISHED)
                .setPublishedOffset("Asia/Shanghai")
                .setLanguage("en")
                .setPriority(3)
                .setParagraphs(XI_PARAGRAPHS)
                .setMedia(List.of(MediaItem.newBuilder().setType(ContentType.picture)
                        .setUrl("https://img.example.com/xi-seattle.jpg")
                        .setCaption(CAPTION).setCredit(CREDIT).build()))
                .setLinks(List.of(Link.newBuilder().setHref("https://www.example.com/special/xi-us-visit")
                        .setTitle("Special coverage").setRel("coverage").build()))
                .setSubjects(List.of("cybersecurity"))
                .setProvenance(Provenance.newBuilder().setFeed("ecns").setFormat("html").setRawItemId("raw-1")
                        .setContentHash("abc").build())
                .build();
        return EnrichedArticle.newBuilder()
                .setArticle(article)
                .setCanonicalPath(XI_PATH)
                .setPreviousPaths(List.of("/politics/2015-09-25/xi-cyberspace-3f2a9c.html"))
                .setSlug("xi-urges-constructive-cyberspace-talks")
                .setSummary("President Xi Jinping called for China and the United States to embark on constructive "
                        + "dialogues on cybersecurity.")
                .setWordCount(320).setReadingMinutes(2).setParagraphCount(5).setPhotoCount(1)
                .setLanguage("en").setLanguageConfidence(0.99)
                .setEntities(List.of(
                        Entity.newBuilder().setName("Xi Jinping").setKind(EntityKind.PERSON).setMentions(4)
                                .setFirstOffset(10).build(),
                        Entity.newBuilder().setName("Microsoft").setKind(EntityKind.ORGANIZATION).setMentions(1)
                                .setFirstOffset(200).build(),
                        Entity.newBuilder().setName("Seattle").setKind(EntityKind.PLACE).setMentions(2)
                                .setFirstOffset(210).build()))
                .setKeywords(List.of(Keyword.newBuilder().setTerm("cyberspace").setScore(0.8).build()))
                .setRelated(List.of(RelatedArticle.newBuilder().setId("urn:inkstream:article:older1")
                        .setHeadline("Xi arrives in Seattle for state visit")
                        .setCanonicalPath("/politics/2015-09-23/xi-arrives-in-seattle-older1.html")
                        .setSection("Politics").setPublishedAt(Instant.parse("2015-09-23T02:00:00Z"))
                        .setScore(0.7).build()))
                .setEnrichedAt(XI_PUBLISHED.plusSeconds(5))
                .build();
    }

    /** A plain article in a section, published at a given instant. */
    public static EnrichedArticle simple(String idSuffix, String section, String headline, Instant publishedAt,
                                         int priority) {
        // Fresh copies by building again: Avro 1.12 refuses reflective deep copies of untrusted packages.
        EnrichedArticle e = xiCyberspace();
        String slug = headline.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        Article a = e.getArticle();
        a.setId("urn:inkstream:article:" + idSuffix);
        a.setSection(section);
        a.setHeadline(headline);
        a.setPriority(priority);
        a.setPublishedAt(publishedAt);
        a.setFirstCreated(publishedAt);
        a.setVersionCreated(publishedAt);
        a.setParagraphs(List.of("Body of " + headline + "."));
        a.setMedia(List.of());
        a.setLinks(List.of());
        e.setCanonicalPath("/" + section.toLowerCase() + "/" + slug + "-" + idSuffix + ".html");
        e.setPreviousPaths(List.of());
        e.setRelated(List.of());
        e.setSummary("Summary of " + headline + ".");
        return e;
    }

    /** Turns {@code e} (a fresh instance) into its next version, created at {@code at}, with changes applied. */
    public static EnrichedArticle nextVersion(EnrichedArticle e, Instant at, java.util.function.Consumer<Article> change) {
        Article a = e.getArticle();
        a.setVersion(a.getVersion() + 1);
        a.setVersionCreated(at);
        change.accept(a);
        return e;
    }
}
