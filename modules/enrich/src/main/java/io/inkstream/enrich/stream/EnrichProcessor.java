package io.inkstream.enrich.stream;

import io.inkstream.enrich.EnrichConfig;
import io.inkstream.enrich.entity.EntityExtractor;
import io.inkstream.enrich.keyword.CorpusStats;
import io.inkstream.enrich.keyword.Terms;
import io.inkstream.enrich.keyword.TfIdf;
import io.inkstream.enrich.path.PathHistory;
import io.inkstream.enrich.related.Fingerprint;
import io.inkstream.enrich.related.RelatedFinder;
import io.inkstream.enrich.related.Shingles;
import io.inkstream.enrich.text.ArticleText;
import io.inkstream.enrich.text.LanguageDetector;
import io.inkstream.enrich.text.LanguageGuess;
import io.inkstream.enrich.text.Standfirst;
import io.inkstream.enrich.text.TextCounts;
import io.inkstream.events.Article;
import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.Entity;
import io.inkstream.events.PubStatus;
import io.inkstream.events.RejectionStage;
import io.inkstream.events.Topics;
import io.inkstream.events.WireRejection;
import io.inkstream.events.serde.EventSerdes;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Enriches one article version at a time against the state built from the versions before it:
 * the path history keeps the first path, the corpus statistics weigh keywords, and the
 * fingerprints of the last window's articles give related news and near-duplicates. A killed
 * article leaves the fingerprints (so no later article lists it) and the corpus.
 *
 * <p>Each task enriches its own partition of articles.ingested: paths, corpus counts and terms are the
 * partition's, and its own-window store holds when each of the partition's articles of the window was published. Related news
 * and originals are searched in the instance's {@link WindowIndex}, the window of every partition
 * (fed by enrich.fingerprints); the task writes its own articles to it at once and to the topic for
 * every other instance, and it expires its own articles from the window (tombstones on the topic).
 */
public final class EnrichProcessor implements Processor<String, byte[], String, EnrichOutcome> {

    private static final Logger log = LoggerFactory.getLogger(EnrichProcessor.class);
    /** Terms kept per article for similarity: enough to tell topics apart, small enough to scan. */
    private static final int VECTOR_TERMS = 40;
    private static final Comparator<Map.Entry<String, Long>> EARLIEST_OWN =
            Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey());

    private final EnrichConfig config;
    private final String ingestedTopic;
    private final Deserializer<Article> articles;
    private final RelatedFinder relatedFinder;
    private final LanguageDetector languages;
    private final EntityExtractor entities;

    private ProcessorContext<String, EnrichOutcome> context;
    private KeyValueStore<String, PathHistory> paths;
    private KeyValueStore<String, List<String>> documentTerms;
    private KeyValueStore<String, Long> ownWindow;
    /** Every partition's window, shared by the instance's tasks. */
    private final WindowIndex window;
    /** The task's own articles of the window by publication time (from its own-window store) by when they were indexed, to expire them. */
    private final NavigableSet<Map.Entry<String, Long>> ownByTime = new TreeSet<>(EARLIEST_OWN);
    private final Map<String, Long> ownPublished = new HashMap<>();
    private CorpusStats corpus;

    public EnrichProcessor(EnrichConfig config, Topics topics, EventSerdes serdes, WindowIndex window) {
        this.config = config;
        this.window = window;
        this.ingestedTopic = topics.articlesIngested().name();
        this.articles = serdes.valueSerde(topics.articlesIngested()).deserializer();
        this.relatedFinder = window.rules();
        this.languages = EnrichResources.languageDetector();
        this.entities = new EntityExtractor(EnrichResources.gazetteer());
    }

    @Override
    public void init(ProcessorContext<String, EnrichOutcome> context) {
        this.context = context;
        this.paths = context.getStateStore(StoreNames.PATHS);
        this.documentTerms = context.getStateStore(StoreNames.TERMS);
        this.ownWindow = context.getStateStore(StoreNames.OWN_WINDOW);
        this.corpus = new StoreCorpusStats(context.getStateStore(StoreNames.CORPUS));
        // init runs again after a restore or a revived task: start from what the store holds then
        loadOwn();
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.value() == null) {
            log.debug("ignoring empty record for {}", record.key());
            return;
        }
        Article article;
        try {
            article = articles.deserialize(ingestedTopic, record.value());
        } catch (RuntimeException e) {
            reject(record, null, "undeserializable", "cannot read the record as an Article: " + e.getMessage());
            return;
        }
        try {
            context.forward(record.withValue(enrich(article)));
        } catch (RuntimeException e) {
            log.debug("enrichment of {} failed", article.getId(), e);
            reject(record, article.getId(), "enrich-failed", "enrichment failed: " + e);
        }
    }

    /**
     * Enriches one version: first the state it changes before anything is computed from it (the path
     * history, the corpus counts), then what the article says, then what later articles may find of it.
     */
    private EnrichOutcome enrich(Article article) {
        String id = article.getId();
        if (article.getPubStatus() == PubStatus.canceled) {
            PathHistory known = paths.get(id);
            forget(id);
            if (known != null) {
                // the kill itself first, so the renderer publishes it to partners as a canceled version
                context.forward(new Record<>(id, (EnrichOutcome) new EnrichOutcome.Enriched(killNotice(article, known)),
                        context.currentStreamTimeMs()));
            }
            log.debug("{} killed; canceled version and tombstone", id);
            return new EnrichOutcome.Removed();
        }
        PathHistory history = advancePath(article);
        String text = ArticleText.of(article);
        Map<String, Integer> termCounts = Terms.count(text);
        recount(id, List.copyOf(termCounts.keySet()));

        TfIdf.Profile terms = TfIdf.profile(termCounts, corpus, config.maxKeywords(), VECTOR_TERMS);
        List<Entity> named = entities.extract(ArticleText.forEntities(article));
        Instant publishedAt = referenceTime(article);
        Fingerprint own = new Fingerprint(id, article.getHeadline(), history.canonicalPath(), article.getSection(),
                publishedAt, terms.vector(), named.stream().map(e -> e.getKind() + ":" + e.getName()).toList(),
                Shingles.minHash(ArticleText.body(article)), null)
                .atStreamTime(Instant.ofEpochMilli(context.currentStreamTimeMs()));
        expireOwn(publishedAt);
        RelatedFinder.Result related = window.find(own);
        remember(article, own.withDuplicateOf(related.duplicateOf()));

        TextCounts counts = TextCounts.of(article);
        // the language the source declares wins; detection is for items that do not say
        LanguageGuess declared = LanguageGuess.declared(article.getLanguage());
        LanguageGuess language = declared != null ? declared : languages.detect(text);
        return new EnrichOutcome.Enriched(EnrichedArticle.newBuilder()
                .setArticle(article)
                .setCanonicalPath(history.canonicalPath())
                .setPreviousPaths(history.previousPaths())
                .setSlug(history.slug())
                .setSummary(Standfirst.of(article))
                .setWordCount(counts.words())
                .setReadingMinutes(counts.readingMinutes())
                .setParagraphCount(counts.paragraphs())
                .setPhotoCount(counts.photos())
                .setLanguage(language.language())
                .setLanguageConfidence(Math.round(language.confidence() * 1e4) / 1e4)
                .setEntities(named)
                .setKeywords(terms.keywords())
                .setRelated(related.related())
                .setDuplicateOf(related.duplicateOf())
                .setEnrichedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
                .build());
    }

    /**
     * A kill as an enriched version: the canceled article at every path it had, with nothing of its text
     * (what a partner must take down is named, not repeated).
     */
    private EnrichedArticle killNotice(Article kill, PathHistory history) {
        Article emptied = Article.newBuilder(kill).setParagraphs(List.of()).setBodyHtml(null).setMedia(List.of())
                .setLinks(List.of()).build();
        return EnrichedArticle.newBuilder()
                .setArticle(emptied)
                .setCanonicalPath(history.canonicalPath())
                .setPreviousPaths(history.previousPaths())
                .setSlug(history.slug())
                .setSummary("")
                .setWordCount(0)
                .setReadingMinutes(0)
                .setParagraphCount(0)
                .setPhotoCount(0)
                .setLanguage(kill.getLanguage() != null ? kill.getLanguage() : "und")
                .setLanguageConfidence(kill.getLanguage() != null ? 1.0 : 0.0)
                .setEntities(List.of())
                .setKeywords(List.of())
                .setRelated(List.of())
                .setDuplicateOf(null)
                .setEnrichedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
                .build();
    }

    /** The article's path history with this version, stored: its first path stays its canonical one. */
    private PathHistory advancePath(Article article) {
        PathHistory before = paths.get(article.getId());
        PathHistory history = before == null ? PathHistory.first(article) : before.next(article);
        paths.put(article.getId(), history);
        return history;
    }

    /** Counts this version's distinct terms in the corpus in place of the previous version's. */
    private void recount(String id, List<String> distinctTerms) {
        List<String> previousTerms = documentTerms.get(id);
        if (previousTerms != null) {
            corpus.removeDocument(previousTerms);
        }
        corpus.addDocument(distinctTerms);
        documentTerms.put(id, distinctTerms);
    }

    /** A usable article may be found as related news or as an original; a withheld one may not, yet. */
    private void remember(Article article, Fingerprint fingerprint) {
        if (article.getPubStatus() == PubStatus.usable) {
            // it leaves the window a window after it was indexed (its publication, or its late arrival)
            ownWindow.put(fingerprint.id(), fingerprint.indexedAt().toEpochMilli());
            trackOwn(fingerprint.id(), fingerprint.indexedAt().toEpochMilli());
            writeWindow(fingerprint.id(), fingerprint);
        } else {
            ownWindow.delete(fingerprint.id());
            leaveWindow(fingerprint.id());
        }
    }

    /** The article's fingerprint (or its leaving, {@code null}) to the instance's index at once and to the topic. */
    private void writeWindow(String id, Fingerprint fingerprint) {
        long stamp = context.recordMetadata().map(RecordMetadata::offset).orElse(-1L);
        window.writeOwn(id, fingerprint, stamp);
        RecordHeaders headers = new RecordHeaders();
        headers.add(WindowProcessor.STAMP_HEADER, WindowProcessor.stamp(stamp));
        context.forward(new Record<String, EnrichOutcome>(id, new EnrichOutcome.WindowWrite(fingerprint),
                context.currentStreamTimeMs(), headers));
    }

    private void leaveWindow(String id) {
        Long published = ownPublished.remove(id);
        if (published != null) {
            ownByTime.remove(Map.entry(id, published));
            writeWindow(id, null);
        }
    }

    private void trackOwn(String id, long publishedAtMillis) {
        Long before = ownPublished.put(id, publishedAtMillis);
        if (before != null) {
            ownByTime.remove(Map.entry(id, before));
        }
        ownByTime.add(Map.entry(id, publishedAtMillis));
    }

    /** Drops the task's articles that fell out of the window: that keeps the state and the topic bounded. */
    private void expireOwn(Instant publishedAt) {
        Instant now = Instant.ofEpochMilli(Math.max(publishedAt.toEpochMilli(), context.currentStreamTimeMs()));
        long cutoff = relatedFinder.expiryCutoff(now).toEpochMilli();
        while (!ownByTime.isEmpty() && ownByTime.first().getValue() < cutoff) {
            String id = ownByTime.first().getKey();
            ownWindow.delete(id);
            documentTerms.delete(id); // its corpus counts stay: document frequencies are over all history
            leaveWindow(id);
        }
    }

    /** The task's own articles of the window, from its store: what a restore or a revived task left. */
    private void loadOwn() {
        ownByTime.clear();
        ownPublished.clear();
        try (KeyValueIterator<String, Long> all = ownWindow.all()) {
            while (all.hasNext()) {
                KeyValue<String, Long> own = all.next();
                trackOwn(own.key, own.value);
            }
        }
        log.info("enrich task {} holds {} of its own articles in the related window", context.taskId(), ownPublished.size());
    }

    private void forget(String id) {
        ownWindow.delete(id);
        leaveWindow(id);
        List<String> terms = documentTerms.delete(id);
        if (terms != null) {
            corpus.removeDocument(terms);
        }
    }

    /** When the article counts as published, for "earlier" and for the window. */
    private static Instant referenceTime(Article article) {
        return article.getPublishedAt() != null ? article.getPublishedAt() : article.getFirstCreated();
    }

    private void reject(Record<String, byte[]> record, String articleId, String code, String reason) {
        log.debug("rejecting {}: {}", record.key(), reason);
        String itemId = record.key() != null ? record.key() : articleId != null ? articleId : "unknown";
        WireRejection rejection = WireRejection.newBuilder()
                .setItemId(itemId)
                .setStage(RejectionStage.ENRICH)
                .setCode(code)
                .setReason(reason)
                .setRejectedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
                .setArticleId(articleId != null ? articleId : record.key())
                .setItem(null)
                .setRawRecord(ByteBuffer.wrap(record.value()))
                .build();
        context.forward(record.withKey(itemId).withValue(new EnrichOutcome.Rejected(rejection)));
    }
}
