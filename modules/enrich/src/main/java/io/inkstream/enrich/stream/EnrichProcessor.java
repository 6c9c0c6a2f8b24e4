package io.inkstream.enrich.stream;

import io.inkstream.enrich.EnrichConfig;
import io.inkstream.enrich.entity.EntityExtractor;
import io.inkstream.enrich.keyword.CorpusStats;
import io.inkstream.enrich.keyword.Terms;
import io.inkstream.enrich.keyword.TfIdf;
import io.inkstream.enrich.path.PathHistory;
import io.inkstream.enrich.related.Fingerprint;
import io.inkstream.enrich.related.RelatedFinder;
import io.inkstream.enrich.related.RelatedIndex;
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
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Enriches one article version at a time against the state built from the versions before it:
 * the path history keeps the first path, the corpus statistics weigh keywords, and the
 * fingerprints of the last window's articles give related news and near-duplicates. A killed
 * article leaves the fingerprints (so no later article lists it) and the corpus.
 */
public final class EnrichProcessor implements Processor<String, byte[], String, EnrichOutcome> {

    private static final Logger log = LoggerFactory.getLogger(EnrichProcessor.class);
    /** Terms kept per article for similarity: enough to tell topics apart, small enough to scan. */
    private static final int VECTOR_TERMS = 40;
    /** The Lucene index's directory in the task's state directory. */
    private static final String RELATED_INDEX_DIR = "enrich-related-index";

    private final EnrichConfig config;
    private final String ingestedTopic;
    private final Deserializer<Article> articles;
    private final RelatedFinder relatedFinder;
    private final LanguageDetector languages;
    private final EntityExtractor entities;

    private ProcessorContext<String, EnrichOutcome> context;
    private KeyValueStore<String, PathHistory> paths;
    private KeyValueStore<String, List<String>> documentTerms;
    private KeyValueStore<String, Fingerprint> fingerprints;
    /**
     * The fingerprints store as a Lucene index, updated with every write to it and rebuilt from it in
     * {@link #init}: the store (and its changelog) stays the truth, the index finds candidates by the
     * article's own terms instead of reading the whole window.
     */
    private RelatedIndex recent;
    private CorpusStats corpus;

    public EnrichProcessor(EnrichConfig config, Topics topics, EventSerdes serdes) {
        this.config = config;
        this.ingestedTopic = topics.articlesIngested().name();
        this.articles = serdes.valueSerde(topics.articlesIngested()).deserializer();
        this.relatedFinder = new RelatedFinder(config.relatedWindow(), config.maxRelated(), config.minRelatedScore(),
                config.duplicateResemblance());
        this.languages = EnrichResources.languageDetector();
        this.entities = new EntityExtractor(EnrichResources.gazetteer());
    }

    @Override
    public void init(ProcessorContext<String, EnrichOutcome> context) {
        this.context = context;
        this.paths = context.getStateStore(StoreNames.PATHS);
        this.documentTerms = context.getStateStore(StoreNames.TERMS);
        this.fingerprints = context.getStateStore(StoreNames.FINGERPRINTS);
        this.corpus = new StoreCorpusStats(context.getStateStore(StoreNames.CORPUS));
        if (recent == null) {
            // beside the task's stores, rebuilt from enrich-fingerprints at every start
            recent = new RelatedIndex(relatedFinder, context.stateDir().toPath().resolve(RELATED_INDEX_DIR));
        }
        // init runs again after a restore or a revived task: start from what the store holds then
        loadRecent();
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
            forget(id);
            log.debug("{} killed; tombstone", id);
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
        RelatedFinder.Result related = earlierArticles(publishedAt).find(own);
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
            fingerprints.put(fingerprint.id(), fingerprint);
            recent.put(fingerprint);
        } else {
            fingerprints.delete(fingerprint.id());
            recent.remove(fingerprint.id());
        }
    }

    /**
     * Drops the articles that fell out of the window (that keeps the state bounded to the window)
     * and returns the view of those left.
     */
    private RelatedIndex earlierArticles(Instant publishedAt) {
        Instant now = Instant.ofEpochMilli(Math.max(publishedAt.toEpochMilli(), context.currentStreamTimeMs()));
        for (String id : recent.removeIndexedBefore(relatedFinder.expiryCutoff(now))) {
            fingerprints.delete(id);
            documentTerms.delete(id); // its corpus counts stay: document frequencies are over all history
        }
        return recent;
    }

    /** Rebuilds the in-memory view from the store, which is what a restore or a revived task left. */
    private void loadRecent() {
        long start = System.nanoTime();
        recent.clear();
        try (KeyValueIterator<String, Fingerprint> all = fingerprints.all()) {
            recent.load(new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return all.hasNext();
                }

                @Override
                public Fingerprint next() {
                    return all.next().value;
                }
            });
        }
        log.info("enrich indexed {} fingerprints of the related window in {} ms", recent.size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public void close() {
        if (recent != null) {
            recent.close();
            recent = null;
        }
    }

    private void forget(String id) {
        fingerprints.delete(id);
        recent.remove(id);
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
