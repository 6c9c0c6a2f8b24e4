package io.inkstream.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The topic catalogue of docs/architecture.md: every topic the services exchange, with its value type
 * and settings, defined once. An immutable value: production uses no prefix, tests use a
 * unique prefix per test so that they never see each other's records.
 */
public final class Topics {

    /** Wire items may be up to 10 MB (ingest's default limit); leave room for headers. */
    private static final String LARGE_MESSAGES = String.valueOf(12 * 1024 * 1024);

    private final String prefix;
    private final TopicSpec<WireItem> wireReceived;
    private final TopicSpec<WireRejection> wireRejected;
    private final TopicSpec<Article> articlesIngested;
    private final TopicSpec<EnrichedArticle> articlesEnriched;
    private final TopicSpec<PublishedArticle> articlesPublished;
    private final TopicSpec<PageView> pageviews;
    private final TopicSpec<Ranking> popularityTop24h;
    private final TopicSpec<PublishedArticle> syndicationVersions;
    private final TopicSpec<String> syndicationPartners;
    private final TopicSpec<String> syndicationState;
    private final TopicSpec<String> syndicationDeadLetters;

    private Topics(String prefix) {
        this.prefix = prefix;
        this.wireReceived = new TopicSpec<>(prefix + "wire.received", WireItem.class, 3, "delete",
                Duration.ofDays(365).toMillis(), Map.of("max.message.bytes", LARGE_MESSAGES));
        this.wireRejected = new TopicSpec<>(prefix + "wire.rejected", WireRejection.class, 1, "delete",
                Duration.ofDays(30).toMillis(), Map.of("max.message.bytes", LARGE_MESSAGES));
        this.articlesIngested = new TopicSpec<>(prefix + "articles.ingested", Article.class, 3, "delete",
                TopicSpec.INFINITE, Map.of());
        this.articlesEnriched = new TopicSpec<>(prefix + "articles.enriched", EnrichedArticle.class, 3, "compact",
                TopicSpec.INFINITE, Map.of());
        this.articlesPublished = new TopicSpec<>(prefix + "articles.published", PublishedArticle.class, 3, "compact",
                TopicSpec.INFINITE, Map.of());
        this.pageviews = new TopicSpec<>(prefix + "pageviews", PageView.class, 3, "delete",
                Duration.ofDays(7).toMillis(), Map.of());
        this.popularityTop24h = new TopicSpec<>(prefix + "popularity.top24h", Ranking.class, 1, "compact",
                TopicSpec.INFINITE, Map.of());
        // One partition: the partners' feed is one ordered log, its position one offset (docs/decisions/0019).
        this.syndicationVersions = new TopicSpec<>(prefix + "syndication.versions", PublishedArticle.class, 1, "delete",
                Duration.ofDays(30).toMillis(), Map.of());
        this.syndicationPartners = new TopicSpec<>(prefix + "syndication.partners", String.class, 1, "compact",
                TopicSpec.INFINITE, Map.of());
        this.syndicationState = new TopicSpec<>(prefix + "syndication.state", String.class, 1, "compact",
                TopicSpec.INFINITE, Map.of());
        this.syndicationDeadLetters = new TopicSpec<>(prefix + "syndication.dead-letters", String.class, 1, "delete",
                Duration.ofDays(30).toMillis(), Map.of());
    }

    /** The catalogue with every topic name starting with {@code prefix} ("" in production). */
    public static Topics withPrefix(String prefix) {
        return new Topics(prefix == null ? "" : prefix);
    }

    public String prefix() {
        return prefix;
    }

    /** Every raw item, before parsing, for replay. */
    public TopicSpec<WireItem> wireReceived() {
        return wireReceived;
    }

    /** Bad input with the stage, the reason and the raw item. */
    public TopicSpec<WireRejection> wireRejected() {
        return wireRejected;
    }

    /** Every version of every article. */
    public TopicSpec<Article> articlesIngested() {
        return articlesIngested;
    }

    /** The latest enriched version per article; tombstone when killed. */
    public TopicSpec<EnrichedArticle> articlesEnriched() {
        return articlesEnriched;
    }

    /** The public version per article, for syndication partners. */
    public TopicSpec<PublishedArticle> articlesPublished() {
        return articlesPublished;
    }

    /** Reader page views from the renderer's beacon. */
    public TopicSpec<PageView> pageviews() {
        return pageviews;
    }

    /** The latest "Most popular in 24h" ranking per scope. */
    public TopicSpec<Ranking> popularityTop24h() {
        return popularityTop24h;
    }

    /**
     * Every public article version in the order the renderer published it (usable and canceled, no tombstones):
     * the log partners read and are pushed from, kept 30 days where articles.published keeps only the latest.
     */
    public TopicSpec<PublishedArticle> syndicationVersions() {
        return syndicationVersions;
    }

    /** Syndication partners by id, as JSON (the renderer's private record); a tombstone removes one. */
    public TopicSpec<String> syndicationPartners() {
        return syndicationPartners;
    }

    /** Each partner's pull and push positions in syndication.versions, as JSON, keyed pull:id / push:id. */
    public TopicSpec<String> syndicationState() {
        return syndicationState;
    }

    /** Pushes given up after the last attempt, with the reason, as JSON. */
    public TopicSpec<String> syndicationDeadLetters() {
        return syndicationDeadLetters;
    }

    public List<TopicSpec<?>> all() {
        return List.of(wireReceived, wireRejected, articlesIngested, articlesEnriched, articlesPublished,
                pageviews, popularityTop24h, syndicationVersions, syndicationPartners, syndicationState,
                syndicationDeadLetters);
    }
}
