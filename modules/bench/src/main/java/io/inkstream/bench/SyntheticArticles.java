package io.inkstream.bench;

import io.inkstream.events.Article;
import io.inkstream.events.ContentType;
import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.Entity;
import io.inkstream.events.EntityKind;
import io.inkstream.events.Keyword;
import io.inkstream.events.MediaItem;
import io.inkstream.events.Provenance;
import io.inkstream.events.PubStatus;
import io.inkstream.events.Ranking;
import io.inkstream.events.RankingEntry;
import io.inkstream.events.RelatedArticle;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A newsroom's worth of synthetic stories: article {@code n} is on topic {@code n % 20} (each topic
 * has a section, its own terms and names), about 350 words in eight paragraphs, with a photo (one in
 * twenty also a video), and a text of its own (seeded by n) so no two articles are near-duplicates.
 * Deterministic: the same n gives the same article in every run.
 */
final class SyntheticArticles {

    /** One subject the news keeps coming back to. */
    record Topic(String section, List<String> terms, List<String> people, List<String> places) {
    }

    static final List<Topic> TOPICS = List.of(
            topic("Politics", "cyberspace security dialogue hacking treaty internet envoy", "Xi Jinping,Meng Jianzhu", "Seattle,Washington"),
            topic("Politics", "election ballot campaign voters parliament coalition", "Angela Merkel,Justin Trudeau", "Berlin,Ottawa"),
            topic("Politics", "summit trade tariffs negotiation delegation agreement", "Li Keqiang,Emmanuel Macron", "Paris,Geneva"),
            topic("Business", "markets stocks shares index investors trading", "Janet Yellen,Warren Buffett", "Shanghai,New York"),
            topic("Business", "banks lending interest rates inflation credit", "Yi Gang,Christine Lagarde", "Frankfurt,Beijing"),
            topic("Business", "smartphone chips semiconductor factory exports supply", "Tim Cook,Lei Jun", "Shenzhen,Taipei"),
            topic("Society", "floods rainfall rescue evacuation rivers villages", "Wang Yong,Li Ming", "Wuhan,Chongqing"),
            topic("Society", "schools students teachers exams education university", "Chen Baosheng,Huai Jinpeng", "Nanjing,Xi'an"),
            topic("Society", "hospital patients doctors vaccine health clinic", "Ma Xiaowei,Zhong Nanshan", "Guangzhou,Hangzhou"),
            topic("Culture", "museum exhibition paintings heritage artists relics", "Shan Jixiang,Zhang Yimou", "Dunhuang,Suzhou"),
            topic("Culture", "opera theatre festival performance stage audience", "Mei Baojiu,Tan Dun", "Shanghai,Edinburgh"),
            topic("Military", "navy fleet carrier drills vessels maritime", "Wei Fenghe,Lloyd Austin", "Sanya,Qingdao"),
            topic("Military", "aircraft fighter jets airshow pilots squadron", "Ding Laihang,Chen Hui", "Zhuhai,Changchun"),
            topic("Sci-tech", "rocket launch satellite orbit spacecraft astronauts", "Yang Liwei,Wang Yaping", "Jiuquan,Wenchang"),
            topic("Sci-tech", "robots artificial intelligence algorithms computing data", "Robin Li,Kai-Fu Lee", "Beijing,Hefei"),
            topic("Sci-tech", "pandas wildlife conservation habitat reserve species", "Zhang Hemin,Li Desheng", "Chengdu,Wolong"),
            topic("Entertainment", "film box office cinema director premiere actors", "Jackie Chan,Zhou Dongyu", "Hengdian,Cannes"),
            topic("Sports", "football league goals coach stadium championship", "Marcello Lippi,Wu Lei", "Guangzhou,Madrid"),
            topic("Sports", "marathon runners athletics medal record sprint", "Su Bingtian,Eliud Kipchoge", "Xiamen,Berlin"),
            topic("Features", "tea villages farmers harvest countryside tourism", "Zhang Wei,Liu Fang", "Yunnan,Fujian"));

    private static final String[] GENERAL = ("the a of and to in on for with that said officials new year report "
            + "local government people city country week according statement plan first more than two three "
            + "public national recent data since expected growth pressure support announced during after "
            + "before while also its their experts percent million official members several last next major "
            + "including between under reported response efforts latest further increase policy region area").split(" ");

    private SyntheticArticles() {
    }

    private static Topic topic(String section, String terms, String people, String places) {
        return new Topic(section, List.of(terms.split(" ")), List.of(people.split(",")), List.of(places.split(",")));
    }

    static Topic topicOf(int n) {
        return TOPICS.get(n % TOPICS.size());
    }

    static String id(int n) {
        return "urn:inkstream:article:bench" + HexFormat.of().toHexDigits(n);
    }

    /** Article n published at {@code publishedAt}. */
    static Article article(int n, Instant publishedAt) {
        return article(n, publishedAt, 8);
    }

    /** Article n published at {@code publishedAt}, with a body of that many paragraphs (about 42 words each). */
    static Article article(int n, Instant publishedAt, int paragraphCount) {
        Topic topic = topicOf(n);
        Random random = new Random(n * 31L + 7); // the body's own draws; the headline has its own seed
        List<String> paragraphs = new ArrayList<>();
        for (int p = 0; p < paragraphCount; p++) {
            StringBuilder paragraph = new StringBuilder();
            for (int s = 0; s < 3; s++) {
                paragraph.append(s == 0 ? "" : " ").append(sentence(topic, random));
            }
            paragraphs.add(paragraph.toString());
        }
        return Article.newBuilder().setId(id(n)).setVersion(1).setVersionCreated(publishedAt).setFirstCreated(publishedAt)
                .setPubStatus(PubStatus.usable).setType(ContentType.text).setSection(topic.section())
                .setHeadline(headline(n)).setSubheadline(null).setByline(null)
                .setSourceAgency("Bench Wire").setEditor("Wang Fan").setDatelinePlace(topic.places().get(0))
                .setPublishedAt(publishedAt).setPublishedOffset("+08:00").setEmbargoUntil(null).setLanguage("en")
                .setPriority(n % 7 == 0 ? 1 : 5).setParagraphs(paragraphs).setBodyHtml(null)
                .setMedia(media(n, topic))
                .setLinks(List.of()).setSubjects(List.of(topic.section()))
                .setProvenance(Provenance.newBuilder().setFeed("bench").setFormat("ninjs").setRawItemId("bench-item-" + n)
                        .setContentHash(HexFormat.of().toHexDigits((long) n).repeat(4)).setSourceId(null).setSourceUrl(null).build())
                .build();
    }

    /**
     * Article n as enrich would have left it, for the renderer: its path, summary, counts, entities,
     * keywords, and up to five related earlier stories on the same topic.
     */
    static EnrichedArticle enriched(int n, Instant publishedAt, Duration spacing) {
        return enriched(n, publishedAt, spacing, 8);
    }

    /** {@link #enriched(int, Instant, Duration)} with a body of that many paragraphs. */
    static EnrichedArticle enriched(int n, Instant publishedAt, Duration spacing, int paragraphCount) {
        Article a = article(n, publishedAt, paragraphCount);
        Topic topic = topicOf(n);
        List<RelatedArticle> related = new ArrayList<>();
        for (int k = 1; k <= 5 && n - k * TOPICS.size() >= 0; k++) {
            int r = n - k * TOPICS.size();
            Instant relatedAt = publishedAt.minus(spacing.multipliedBy((long) k * TOPICS.size()));
            related.add(RelatedArticle.newBuilder().setId(id(r)).setHeadline(headline(r)).setCanonicalPath(path(r, relatedAt))
                    .setSection(topic.section()).setPublishedAt(relatedAt)
                    .setScore(0.5 - k * 0.05).build());
        }
        List<Entity> entities = new ArrayList<>();
        topic.people().forEach(p -> entities.add(entity(p, EntityKind.PERSON)));
        topic.places().forEach(p -> entities.add(entity(p, EntityKind.PLACE)));
        int words = a.getParagraphs().stream().mapToInt(p -> p.split(" ").length).sum();
        return EnrichedArticle.newBuilder().setArticle(a).setCanonicalPath(path(n, publishedAt)).setPreviousPaths(List.of())
                .setSlug(slug(a.getHeadline())).setSummary(a.getParagraphs().get(0).split("\\. ")[0] + ".")
                .setWordCount(words).setReadingMinutes(Math.max(1, words / 230)).setParagraphCount(a.getParagraphs().size())
                .setPhotoCount(1).setLanguage("en").setLanguageConfidence(0.99).setEntities(entities)
                .setKeywords(topic.terms().subList(0, 5).stream().map(t -> Keyword.newBuilder().setTerm(t).setScore(0.3).build()).toList())
                .setRelated(related).setDuplicateOf(null).setEnrichedAt(publishedAt.plusSeconds(1)).build();
    }

    /** The site path the renderer serves article n under. */
    static String path(int n, Instant publishedAt) {
        return "/" + slug(topicOf(n).section()) + "/" + publishedAt.atOffset(ZoneOffset.ofHours(8)).toLocalDate() + "/"
                + slug(headline(n)) + "-" + n + ".html";
    }

    static String headline(int n) {
        return headline(topicOf(n), new Random(n * 7919L + 17), n);
    }

    /** "Most popular in 24h" of a scope: the given articles ranked in order. */
    static Ranking ranking(String scope, List<EnrichedArticle> ranked, Instant at) {
        List<RankingEntry> entries = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            EnrichedArticle e = ranked.get(i);
            entries.add(RankingEntry.newBuilder().setRank(i + 1).setArticleId(e.getArticle().getId()).setViews(1000 - i * 50)
                    .setVisitors(900 - i * 45).setHeadline(e.getArticle().getHeadline()).setCanonicalPath(e.getCanonicalPath())
                    .setSection(e.getArticle().getSection()).build());
        }
        return Ranking.newBuilder().setScope(scope).setWindowStart(at.minus(Duration.ofHours(24))).setWindowEnd(at)
                .setComputedAt(at).setEntries(entries).build();
    }

    /** A photo; one article in twenty also carries a video, as a site's "Video" panel expects. */
    private static List<MediaItem> media(int n, Topic topic) {
        List<MediaItem> media = new ArrayList<>();
        media.add(MediaItem.newBuilder().setType(ContentType.picture).setUrl("https://img.example.org/bench/" + n + ".jpg")
                .setCaption(capitalize(topic.terms().get(0)) + " in " + topic.places().get(0) + ".")
                .setCredit("Bench Wire").setAlt(topic.terms().get(0)).build());
        if (n % 20 == 10) {
            media.add(MediaItem.newBuilder().setType(ContentType.video).setUrl("https://video.example.org/bench/" + n + ".mp4")
                    .setCaption(capitalize(topic.terms().get(1)) + " on video.").setCredit("Bench Wire").setAlt(null).build());
        }
        return media;
    }

    private static Entity entity(String name, EntityKind kind) {
        return Entity.newBuilder().setName(name).setKind(kind).setMentions(2).setFirstOffset(0).setAliases(List.of()).build();
    }

    private static String headline(Topic topic, Random random, int n) {
        return capitalize(pick(topic.terms(), random)) + " " + pick(topic.terms(), random) + " " + pick(GENERAL, random)
                + " in " + pick(topic.places(), random) + ", " + pick(topic.people(), random) + " says (" + n + ")";
    }

    private static String sentence(Topic topic, Random random) {
        int length = 10 + random.nextInt(8);
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < length; w++) {
            int roll = random.nextInt(100);
            String word = roll < 30 ? pick(topic.terms(), random)
                    : roll < 38 ? pick(random.nextBoolean() ? topic.people() : topic.places(), random)
                    : pick(GENERAL, random);
            s.append(w == 0 ? capitalize(word) : " " + word);
        }
        return s.append('.').toString();
    }

    private static String pick(List<String> words, Random random) {
        return words.get(random.nextInt(words.size()));
    }

    private static String pick(String[] words, Random random) {
        return words[random.nextInt(words.length)];
    }

    private static String capitalize(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
    }
}
