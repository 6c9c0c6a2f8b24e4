package io.inkstream.enrich.related;

import io.inkstream.events.RelatedArticle;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The articles of the related window as an Apache Lucene index, so that finding an article's related
 * news and its original costs what its own terms cost, not what the window holds. A derived view:
 * the enrich-fingerprints store (and its changelog) is the truth, and the index is rebuilt from it
 * whenever the task starts ({@link #load}), in memory ({@link ByteBuffersDirectory}), so it cannot
 * disagree with the store after a crash, a restore or an upgrade.
 *
 * <p>Each article is a document with its TF-IDF unit vector as {@link FeatureField}s (term → weight),
 * its entities as features of weight 1, and its MinHash LSH bands as terms. Related news is a top-k
 * query: one linear feature clause per own term (weight 0.75 × its own weight, so the text part of a
 * hit's score is the dot product of the two vectors) and per own entity (0.25 ÷ own entity count, at
 * least the entity part of the exact score, since shared ÷ union ≤ shared ÷ own). The Lucene score
 * therefore bounds the exact score from above (less its float rounding), and hits are rescored with
 * the exact rule ({@link RelatedFinder}) in Lucene's order until no unseen hit can reach the list:
 * the result is the exhaustive one ({@link #findByScanning}), found by block-max top-k instead of a
 * scan. Near-duplicates are the documents sharing an LSH band, checked on the whole signature.
 *
 * <p>Lucene sees a write when its reader is reopened; the articles written since (at most
 * {@value #PENDING_MAX}) are checked one by one, and a hit whose version has been replaced or
 * removed since is skipped, so every search sees every write before it.
 */
public final class RelatedIndex implements AutoCloseable {

    static final int PENDING_MAX = 256;
    private static final int FIRST_PAGE = 32;
    /** FeatureField keeps 8 of a float's 24 significant bits (rounding down), and floats sum the score. */
    private static final double BOUND_SLACK = 1.0 / 128;
    private static final String ID = "id";
    private static final String SEQ = "seq";
    private static final String TERMS = "t";
    private static final String ENTITIES = "e";
    private static final String BANDS = "b";

    private final RelatedFinder rules;
    private final Map<String, Integer> dictionary = new HashMap<>();
    private final Map<String, IndexedArticle> byId = new HashMap<>();
    private final Map<Long, IndexedArticle> bySeq = new HashMap<>();
    private final NavigableSet<IndexedArticle> byTime = new TreeSet<>(RelatedFinder.EARLIEST);
    /** Written since the reader was opened, in order; replaced or removed ones are skipped. */
    private final List<IndexedArticle> pending = new ArrayList<>();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private DirectoryReader reader;
    private IndexSearcher searcher;
    private long nextSeq;

    public RelatedIndex(RelatedFinder rules) {
        this.rules = rules;
        try {
            IndexWriterConfig config = new IndexWriterConfig()
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setCommitOnClose(false)
                    .setRAMBufferSizeMB(32);
            writer = new IndexWriter(directory, config);
            reopen();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the related-news index in memory", e);
        }
    }

    public int size() {
        return byId.size();
    }

    /** Forgets everything (before loading again from the store). */
    public void clear() {
        try {
            writer.deleteAll();
            byId.clear();
            bySeq.clear();
            byTime.clear();
            pending.clear();
            dictionary.clear();
            reopen();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds every fingerprint, then opens the reader once: what a task does with its store at start. */
    public void load(Iterator<Fingerprint> fingerprints) {
        while (fingerprints.hasNext()) {
            write(fingerprints.next());
        }
        refresh();
    }

    /** Adds or replaces the fingerprint of its article. */
    public void put(Fingerprint fingerprint) {
        write(fingerprint);
        if (pending.size() >= PENDING_MAX) {
            refresh();
        }
    }

    public void remove(String id) {
        IndexedArticle old = byId.remove(id);
        if (old == null) {
            return;
        }
        bySeq.remove(old.seq());
        byTime.remove(old);
        try {
            writer.deleteDocuments(new Term(ID, id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes and returns the ids of the articles published before {@code cutoff}, oldest first. */
    public List<String> removePublishedBefore(Instant cutoff) {
        List<String> expired = new ArrayList<>();
        while (!byTime.isEmpty() && byTime.first().publishedAtMillis() < cutoff.toEpochMilli()) {
            String id = byTime.first().id();
            expired.add(id);
            remove(id);
        }
        return expired;
    }

    /** The article's related news and the story it copies, by the rules, searched in the index. */
    public RelatedFinder.Result find(Fingerprint self) {
        IndexedArticle query = IndexedArticle.of(-1, self, dictionary, false);
        try {
            String duplicateOf = original(query, copies(query, self));
            List<RelatedFinder.Scored> accepted = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            for (IndexedArticle recent : pending) {
                if (isLive(recent) && seen.add(recent.seq())) {
                    consider(query, recent, duplicateOf, accepted);
                }
            }
            if (rules.maxRelated() > 0) {
                searchRelated(query, self, duplicateOf, accepted, seen);
            }
            return result(query, accepted, duplicateOf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same answer as {@link #find}, from every article in the window: the reference the index is tested against. */
    public RelatedFinder.Result findByScanning(Fingerprint self) {
        IndexedArticle query = IndexedArticle.of(-1, self, dictionary, false);
        List<IndexedArticle> copies = byId.values().stream().filter(c -> rules.isCopy(c, query)).toList();
        String duplicateOf = original(query, copies);
        List<RelatedFinder.Scored> accepted = new ArrayList<>();
        for (IndexedArticle candidate : byId.values()) {
            consider(query, candidate, duplicateOf, accepted);
        }
        return result(query, accepted, duplicateOf);
    }

    private void searchRelated(IndexedArticle query, Fingerprint self, String duplicateOf,
                               List<RelatedFinder.Scored> accepted, Set<Long> seen) throws IOException {
        Query lucene = relatedQuery(self);
        if (lucene == null) {
            return;
        }
        Comparator<RelatedFinder.Scored> order = RelatedFinder.bestFirst(self.section());
        int page = FIRST_PAGE;
        ScoreDoc after = null;
        while (true) {
            TopDocs hits = after == null ? searcher.search(lucene, page) : searcher.searchAfter(after, lucene, page);
            for (ScoreDoc hit : hits.scoreDocs) {
                double bound = hit.score * (1 + BOUND_SLACK) + 1e-6;
                if (bound < rules.minScore()) {
                    return;
                }
                if (accepted.size() >= rules.maxRelated()) {
                    accepted.sort(order);
                    if (bound < RelatedFinder.needed(accepted.get(rules.maxRelated() - 1).score())) {
                        return;
                    }
                }
                IndexedArticle candidate = bySeq.get(seqOf(hit.doc));
                if (candidate != null && seen.add(candidate.seq())) {
                    consider(query, candidate, duplicateOf, accepted);
                }
            }
            if (hits.scoreDocs.length < page) {
                return;
            }
            after = hits.scoreDocs[hits.scoreDocs.length - 1];
            page = Math.min(page * 2, 4096);
        }
    }

    private void consider(IndexedArticle self, IndexedArticle candidate, String duplicateOf,
                          List<RelatedFinder.Scored> accepted) {
        if (!rules.isEarlierWithinWindow(candidate, self) || rules.isCopy(candidate, self)
                || candidate.original().equals(duplicateOf)) {
            return;
        }
        double score = rules.score(self, candidate);
        if (score >= 0) {
            accepted.add(new RelatedFinder.Scored(candidate, score));
        }
    }

    private RelatedFinder.Result result(IndexedArticle self, List<RelatedFinder.Scored> accepted, String duplicateOf) {
        List<RelatedArticle> related = accepted.stream()
                .sorted(RelatedFinder.bestFirst(self.section()))
                .limit(rules.maxRelated())
                .map(RelatedFinder.Scored::toRelated)
                .toList();
        return new RelatedFinder.Result(related, duplicateOf);
    }

    /** The original the article copies: the earliest resembling one, or the original that one copies. */
    private String original(IndexedArticle self, List<IndexedArticle> copies) {
        return copies.stream()
                .filter(c -> rules.isEarlierWithinWindow(c, self))
                .min(RelatedFinder.EARLIEST)
                .map(IndexedArticle::original)
                .orElse(null);
    }

    /** Every live article sharing an LSH band with this one and resembling it. */
    private List<IndexedArticle> copies(IndexedArticle query, Fingerprint self) throws IOException {
        long[] bands = Shingles.bands(self.minHash());
        if (bands.length == 0) {
            return List.of();
        }
        Set<IndexedArticle> candidates = new LinkedHashSet<>();
        for (IndexedArticle recent : pending) {
            if (isLive(recent) && rules.isCopy(recent, query)) {
                candidates.add(recent);
            }
        }
        BooleanQuery.Builder anyBand = new BooleanQuery.Builder();
        for (long band : bands) {
            anyBand.add(new TermQuery(new Term(BANDS, bandTerm(band))), BooleanClause.Occur.SHOULD);
        }
        searcher.search(anyBand.build(), new SimpleCollector() {
            private NumericDocValues seqs;

            @Override
            protected void doSetNextReader(LeafReaderContext leaf) throws IOException {
                seqs = leaf.reader().getNumericDocValues(SEQ);
            }

            @Override
            public void collect(int doc) throws IOException {
                if (seqs != null && seqs.advanceExact(doc)) {
                    IndexedArticle candidate = bySeq.get(seqs.longValue());
                    if (candidate != null && rules.isCopy(candidate, query)) {
                        candidates.add(candidate);
                    }
                }
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        return List.copyOf(candidates);
    }

    private Query relatedQuery(Fingerprint self) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int clauses = 0;
        for (Map.Entry<String, Double> term : IndexedArticle.termsByName(self)) {
            float weight = (float) (RelatedFinder.TEXT_WEIGHT * term.getValue());
            if (weight > 0 && dictionary.containsKey(term.getKey())) {
                query.add(FeatureField.newLinearQuery(TERMS, term.getKey(), weight), BooleanClause.Occur.SHOULD);
                clauses++;
            }
        }
        Set<String> entities = new TreeSet<>(self.entities());
        for (String entity : entities) {
            if (dictionary.containsKey(entity)) {
                query.add(FeatureField.newLinearQuery(ENTITIES, entity, (float) (RelatedFinder.ENTITY_WEIGHT / entities.size())),
                        BooleanClause.Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? null : query.build();
    }

    private void write(Fingerprint fingerprint) {
        remove(fingerprint.id());
        IndexedArticle article = IndexedArticle.of(nextSeq++, fingerprint, dictionary, true);
        byId.put(article.id(), article);
        bySeq.put(article.seq(), article);
        byTime.add(article);
        pending.add(article);
        Document doc = new Document();
        doc.add(new StringField(ID, article.id(), Field.Store.NO));
        doc.add(new NumericDocValuesField(SEQ, article.seq()));
        fingerprint.vector().forEach((term, weight) -> {
            if (weight > 0) {
                doc.add(new FeatureField(TERMS, term, weight.floatValue()));
            }
        });
        for (String entity : new TreeSet<>(fingerprint.entities())) {
            doc.add(new FeatureField(ENTITIES, entity, 1f));
        }
        for (long band : Shingles.bands(fingerprint.minHash())) {
            doc.add(new StringField(BANDS, bandTerm(band), Field.Store.NO));
        }
        try {
            writer.addDocument(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes every write so far searchable in Lucene. */
    private void refresh() {
        try {
            reopen();
            pending.clear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void reopen() throws IOException {
        if (reader == null) {
            reader = DirectoryReader.open(writer);
        } else {
            DirectoryReader changed = DirectoryReader.openIfChanged(reader, writer);
            if (changed != null) {
                reader.close();
                reader = changed;
            }
        }
        searcher = new IndexSearcher(reader);
        searcher.setQueryCache(null);
    }

    private boolean isLive(IndexedArticle article) {
        return bySeq.get(article.seq()) == article;
    }

    private long seqOf(int doc) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        NumericDocValues seqs = leaf.reader().getNumericDocValues(SEQ);
        return seqs != null && seqs.advanceExact(doc - leaf.docBase) ? seqs.longValue() : -1;
    }

    private static BytesRef bandTerm(long band) {
        byte[] bytes = new byte[Long.BYTES];
        for (int i = 0; i < Long.BYTES; i++) {
            bytes[i] = (byte) (band >>> (8 * i));
        }
        return new BytesRef(bytes);
    }

    @Override
    public void close() {
        try {
            reader.close();
            writer.rollback();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
