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
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.store.NoLockFactory;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
import java.util.stream.Stream;

/**
 * The articles of the related window as an Apache Lucene index, so that finding an article's related
 * news and its original costs what its own terms cost, not what the window holds. A derived view:
 * the enrich-window store (and enrich.fingerprints, its topic) is the truth, and the index is rebuilt from it
 * whenever the task starts ({@link #load}), in a directory of its own under the task's state
 * directory that is emptied first, so it cannot disagree with the store after a crash, a restore or
 * an upgrade.
 *
 * <p>Each article is a document with its TF-IDF unit vector as {@link FeatureField}s (term → weight),
 * its entities as features of weight 1, and its MinHash LSH bands as terms. Related news is a top-k
 * query: one linear feature clause for each of the article's {@value #QUERY_TERMS} best terms
 * (weight 0.75 × its own weight, so that part of a hit's score is the dot product over those terms)
 * and for each of its entities (0.25 ÷ its entity count). The best {@value #CANDIDATES} hits are the
 * candidates, rescored with the exact rule of {@link RelatedFinder} over the whole vectors and
 * entity sets; Lucene's block-max top-k skips what cannot be among them. {@link #findByScanning}
 * scores every article instead: the reference the index is measured against. Near-duplicates are
 * the documents sharing an LSH band, checked on the whole signature.
 *
 * <p>Lucene sees a write when its reader is reopened; the articles written since (at most
 * {@value #PENDING_MAX}) get the same candidate score computed here and compete with Lucene's hits,
 * and a hit whose version has been replaced or removed since is skipped, so every search sees every
 * write before it, and a restarted index (everything in Lucene) gives the same candidates.
 */
public final class RelatedIndex implements AutoCloseable {

    static final int PENDING_MAX = 128;
    /**
     * How many of an article's terms (best first) retrieve its candidates; the rest count in the rescoring.
     * 12, not 20: Lucene's max-score scorer re-sorts its clauses in every window, which was a tenth of
     * the stream thread (JFR); the index-vs-scan and corpus tests hold with 12 (and still with 8).
     */
    static final int QUERY_TERMS = 12;
    /** How many candidates are rescored exactly. */
    static final int CANDIDATES = 50;
    private static final String ID = "id";
    private static final String SEQ = "seq";
    private static final String TERMS = "t";
    private static final String ENTITIES = "e";
    private static final String BANDS = "b";

    private final RelatedFinder rules;
    private final Map<String, Integer> dictionary = new HashMap<>();
    private final Map<String, IndexedArticle> byId = new HashMap<>();
    private final Map<Long, IndexedArticle> bySeq = new HashMap<>();
    private final NavigableSet<IndexedArticle> byTime = new TreeSet<>(RelatedFinder.LEAVES_FIRST);
    /** Written since the reader was opened, in order; replaced or removed ones are skipped. */
    private final List<IndexedArticle> pending = new ArrayList<>();
    /** Every band of every live article (and of some removed ones): which bands are worth asking Lucene for. */
    private BandFilter bandFilter = new BandFilter(0);
    private final Directory directory;
    private final Path path;
    private final IndexWriter writer;
    /** Documents the reader holds that were replaced or removed since it was opened. */
    private int staleInReader;
    private DirectoryReader reader;
    private IndexSearcher searcher;
    private long nextSeq;

    /** An index in memory (tests). */
    public RelatedIndex(RelatedFinder rules) {
        this(rules, null);
    }

    /**
     * An index in {@code path} (emptied first, deleted on close), memory-mapped: a Lucene input's
     * clone there is cheap, where the in-memory directory copies its buffer list for every term lookup.
     */
    public RelatedIndex(RelatedFinder rules, Path path) {
        this.rules = rules;
        this.path = path;
        try {
            if (path != null) {
                deleteRecursively(path);
                Files.createDirectories(path);
            }
            // no lock file: the directory is this object's alone (Streams locks the state directory), and an
            // index Streams never closed (it does not close a global store's processor) must not block the next
            directory = path == null ? new ByteBuffersDirectory() : new MMapDirectory(path, NoLockFactory.INSTANCE);
            TieredMergePolicy merges = new TieredMergePolicy();
            merges.setSegmentsPerTier(4); // each query looks its terms up in every segment
            IndexWriterConfig config = new IndexWriterConfig()
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setCommitOnClose(false)
                    .setMergePolicy(merges)
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
            bandFilter = new BandFilter(0);
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
        staleInReader++;
        try {
            writer.deleteDocuments(new Term(ID, id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes and returns the ids of the articles indexed before {@code cutoff}, the first indexed first. */
    public List<String> removeIndexedBefore(Instant cutoff) {
        List<String> expired = new ArrayList<>();
        while (!byTime.isEmpty() && byTime.first().indexedAtMillis() < cutoff.toEpochMilli()) {
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
            String duplicateOf = original(query, copies(query));
            List<RelatedFinder.Scored> accepted = new ArrayList<>();
            if (rules.maxRelated() > 0) {
                for (IndexedArticle candidate : candidates(self)) {
                    consider(query, candidate, duplicateOf, accepted);
                }
            }
            return result(query, accepted, duplicateOf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An article's related news among the window's articles published before <em>or after</em> it, by the
     * same rules otherwise: what a refresh of its list gives (decision 0033). Neither its own story (its
     * original, or the copies of it) nor a resembling article is listed; its {@code duplicateOf} stays.
     */
    public RelatedFinder.Result findAround(Fingerprint self) {
        IndexedArticle query = IndexedArticle.of(-1, self, dictionary, false);
        try {
            List<RelatedFinder.Scored> accepted = new ArrayList<>();
            if (rules.maxRelated() > 0) {
                for (IndexedArticle candidate : candidates(self)) {
                    if (rules.isWithinWindowAround(candidate, query) && !rules.isCopy(candidate, query)
                            && !candidate.original().equals(self.original())) {
                        double score = rules.score(query, candidate);
                        if (score >= 0) {
                            accepted.add(new RelatedFinder.Scored(candidate, score));
                        }
                    }
                }
            }
            return result(query, accepted, self.duplicateOf());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The {@value #CANDIDATES} articles scoring best on the retrieval query: Lucene's hits, and the
     * articles written since its reader opened scored the same way here; ties by id.
     */
    private List<IndexedArticle> candidates(Fingerprint self) throws IOException {
        RetrievalQuery retrieval = retrievalQuery(self);
        if (retrieval.lucene() == null) {
            return List.of();
        }
        TopDocs hits = searcher.search(retrieval.lucene(), CANDIDATES + staleInReader);
        List<Candidate> found = new ArrayList<>(hits.scoreDocs.length + pending.size());
        // with a full page of hits, an unread article scoring under the last one cannot be among the best
        float floor = hits.scoreDocs.length == CANDIDATES + staleInReader
                ? hits.scoreDocs[hits.scoreDocs.length - 1].score : 0f;
        for (IndexedArticle recent : pending) {
            double score = isLive(recent) ? retrieval.score(recent) : 0;
            if (score > 0 && score >= floor) {
                found.add(new Candidate(recent, score));
            }
        }
        ScoreDoc[] byDoc = hits.scoreDocs.clone();
        Arrays.sort(byDoc, Comparator.comparingInt(hit -> hit.doc));
        List<LeafReaderContext> leaves = reader.leaves();
        NumericDocValues seqs = null;
        int leafIndex = -1;
        for (ScoreDoc hit : byDoc) {
            int leaf = ReaderUtil.subIndex(hit.doc, leaves);
            if (leaf != leafIndex) {
                leafIndex = leaf;
                seqs = leaves.get(leaf).reader().getNumericDocValues(SEQ);
            }
            if (seqs != null && seqs.advanceExact(hit.doc - leaves.get(leaf).docBase)) {
                IndexedArticle candidate = bySeq.get(seqs.longValue());
                if (candidate != null) {
                    found.add(new Candidate(candidate, hit.score));
                }
            }
        }
        found.sort(BEST_CANDIDATE_FIRST);
        List<IndexedArticle> best = new ArrayList<>(Math.min(CANDIDATES, found.size()));
        for (int i = 0; i < found.size() && i < CANDIDATES; i++) {
            best.add(found.get(i).article());
        }
        return best;
    }

    private static final Comparator<Candidate> BEST_CANDIDATE_FIRST = (a, b) -> {
        int byScore = Double.compare(b.score(), a.score());
        return byScore != 0 ? byScore : a.article().id().compareTo(b.article().id());
    };

    private record Candidate(IndexedArticle article, double score) {
    }

    /**
     * The retrieval query, and the same score computed for an article Lucene does not see yet: linear
     * feature clauses sum weight × the feature value as Lucene stores it (8 significant bits kept).
     */
    private record RetrievalQuery(Query lucene, int[] termIds, float[] termWeights, int[] entityIds, float entityWeight) {
        double score(IndexedArticle candidate) {
            float score = 0;
            for (int i = 0; i < termIds.length; i++) {
                double weight = candidate.weightOf(termIds[i]);
                if (weight > 0) {
                    score += termWeights[i] * storedFeature((float) weight);
                }
            }
            for (int entity : entityIds) {
                if (candidate.hasEntity(entity)) {
                    score += entityWeight;
                }
            }
            return score;
        }
    }

    /** The value a FeatureField gives back for {@code value}: the float with its low 15 bits cleared. */
    static float storedFeature(float value) {
        return Float.intBitsToFloat((Float.floatToIntBits(value) >>> 15) << 15);
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
    private List<IndexedArticle> copies(IndexedArticle query) throws IOException {
        // only the bands some article may have: a band no article has finds nothing in Lucene or in pending
        Set<Long> own = new HashSet<>();
        for (long band : query.bands()) {
            if (bandFilter.mightContain(band)) {
                own.add(band);
            }
        }
        if (own.isEmpty()) {
            return List.of();
        }
        Set<IndexedArticle> candidates = new LinkedHashSet<>();
        for (IndexedArticle recent : pending) {
            if (isLive(recent) && sharesBand(recent, own) && rules.isCopy(recent, query)) {
                candidates.add(recent);
            }
        }
        BooleanQuery.Builder anyBand = new BooleanQuery.Builder();
        for (long band : own) {
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

    private static boolean sharesBand(IndexedArticle article, Set<Long> bands) {
        for (long band : article.bands()) {
            if (bands.contains(band)) {
                return true;
            }
        }
        return false;
    }

    private RetrievalQuery retrievalQuery(Fingerprint self) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        List<Map.Entry<String, Double>> best = self.vector().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .filter(term -> term.getValue() > 0 && dictionary.containsKey(term.getKey()))
                .limit(QUERY_TERMS)
                .toList();
        int[] termIds = new int[best.size()];
        float[] termWeights = new float[best.size()];
        for (int i = 0; i < best.size(); i++) {
            termIds[i] = dictionary.get(best.get(i).getKey());
            termWeights[i] = (float) (RelatedFinder.TEXT_WEIGHT * best.get(i).getValue());
            query.add(FeatureField.newLinearQuery(TERMS, best.get(i).getKey(), termWeights[i]), BooleanClause.Occur.SHOULD);
        }
        Set<String> entities = new TreeSet<>(self.entities());
        float entityWeight = entities.isEmpty() ? 0 : (float) (RelatedFinder.ENTITY_WEIGHT / entities.size());
        List<Integer> entityIds = new ArrayList<>();
        for (String entity : entities) {
            Integer id = dictionary.get(entity);
            if (id != null) {
                entityIds.add(id);
                query.add(FeatureField.newLinearQuery(ENTITIES, entity, entityWeight), BooleanClause.Occur.SHOULD);
            }
        }
        Query lucene = termIds.length + entityIds.size() == 0 ? null : query.build();
        return new RetrievalQuery(lucene, termIds, termWeights, entityIds.stream().mapToInt(Integer::intValue).toArray(),
                entityWeight);
    }

    private void write(Fingerprint fingerprint) {
        remove(fingerprint.id());
        IndexedArticle article = IndexedArticle.of(nextSeq++, fingerprint, dictionary, true);
        byId.put(article.id(), article);
        bySeq.put(article.seq(), article);
        byTime.add(article);
        pending.add(article);
        addBands(article);
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
        for (long band : article.bands()) {
            doc.add(new StringField(BANDS, bandTerm(band), Field.Store.NO));
        }
        try {
            writer.addDocument(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void addBands(IndexedArticle article) {
        long liveBands = (long) byId.size() * Shingles.BANDS;
        if (bandFilter.added() + article.bands().length > bandFilter.capacity()
                || bandFilter.added() > 2 * liveBands + Shingles.BANDS * PENDING_MAX) {
            // full, or mostly bands of articles gone since: a new one from the live articles, with room to grow
            bandFilter = new BandFilter(2 * liveBands);
            for (IndexedArticle live : byId.values()) {
                if (live != article) {
                    for (long band : live.bands()) {
                        bandFilter.add(band);
                    }
                }
            }
        }
        for (long band : article.bands()) {
            bandFilter.add(band);
        }
    }

    /** Makes every write so far searchable in Lucene. */
    private void refresh() {
        try {
            reopen();
            pending.clear();
            staleInReader = 0;
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
        return byId.get(article.id()) == article;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
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
            if (path != null) {
                deleteRecursively(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
