package io.inkstream.renderer.store;

import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.serde.TrustedEventClasses;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.FlushOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The full articles {@link ArticleStore} keeps out of its indexes, by id, in Avro's binary encoding of
 * {@link EnrichedArticle} (the events' own schema, without the registry's header), with a bounded LRU
 * cache of the articles read most recently.
 *
 * <p>{@link #onDisk} keeps them in RocksDB (the rocksdbjni that comes with Kafka Streams), so the archive a
 * renderer serves is bounded by its disk, not its heap. The directory is a cache of articles.enriched, which
 * the feeder reads from the beginning on every start: it is wiped when opened and rebuilt, so no schema or
 * offsets need to be kept beside it. {@link #inHeap} keeps the same bytes in a map (for a store without a
 * data directory: tests, tools).
 */
public final class ArticleArchive implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ArticleArchive.class);
    /** RocksDB's own block cache (off heap): index and data blocks of the SST files read lately. */
    private static final long BLOCK_CACHE_BYTES = 32L << 20;

    /** Where the bytes live. */
    private interface Backend extends AutoCloseable {
        void put(byte[] key, byte[] value);

        byte[] get(byte[] key);

        void delete(byte[] key);

        long bytesOnDisk();

        void flush();

        @Override
        void close();
    }

    private final Backend backend;
    private final int cacheSize;
    private final Map<String, EnrichedArticle> recent;
    private final SpecificDatumWriter<EnrichedArticle> writer;
    private final SpecificDatumReader<EnrichedArticle> reader;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);
    private BinaryEncoder encoder;
    private BinaryDecoder decoder;
    private boolean closed;
    private long reads;
    private long cacheHits;

    private ArticleArchive(Backend backend, int cacheSize) {
        if (cacheSize < 0) {
            throw new IllegalArgumentException("cache size must be 0 or more, not " + cacheSize);
        }
        TrustedEventClasses.install();
        this.writer = new SpecificDatumWriter<>(EnrichedArticle.class);
        this.reader = new SpecificDatumReader<>(EnrichedArticle.class);
        this.backend = backend;
        this.cacheSize = cacheSize;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, EnrichedArticle> eldest) {
                return size() > ArticleArchive.this.cacheSize;
            }
        };
    }

    /** An archive in RocksDB under {@code dir}, which is wiped first (see the class comment). */
    public static ArticleArchive onDisk(Path dir, int cacheSize) {
        return new ArticleArchive(RocksBackend.open(dir), cacheSize);
    }

    /** An archive of encoded articles in a heap map, for a store without a data directory. */
    public static ArticleArchive inHeap(int cacheSize) {
        return new ArticleArchive(new HeapBackend(), cacheSize);
    }

    /** Stores (or replaces) the article with this id. */
    public synchronized void put(String id, EnrichedArticle article) {
        checkOpen();
        recent.remove(id);
        backend.put(key(id), encode(article));
    }

    /** The article with this id, or null; from the cache when it was read lately. */
    public synchronized EnrichedArticle get(String id) {
        checkOpen();
        reads++;
        EnrichedArticle cached = recent.get(id);
        if (cached != null) {
            cacheHits++;
            return cached;
        }
        byte[] bytes = backend.get(key(id));
        if (bytes == null) {
            return null;
        }
        EnrichedArticle article = decode(bytes);
        if (cacheSize > 0) {
            recent.put(id, article);
        }
        return article;
    }

    public synchronized void delete(String id) {
        checkOpen();
        recent.remove(id);
        backend.delete(key(id));
    }

    /** How many decoded articles the cache holds now (at most the configured size). */
    public synchronized int cached() {
        return recent.size();
    }

    /** Reads so far, and how many of them the cache answered. */
    public synchronized String readStats() {
        return String.format("%,d reads, %,d from the cache", reads, cacheHits);
    }

    /** Writes what is still in memory (memtables) to files, so {@link #bytesOnDisk} counts every article. */
    public synchronized void flush() {
        checkOpen();
        backend.flush();
    }

    /** Bytes the archive's directory takes on disk (SST files, manifest, log); 0 in heap. */
    public synchronized long bytesOnDisk() {
        checkOpen();
        return backend.bytesOnDisk();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            recent.clear();
            backend.close();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("article archive closed");
        }
    }

    private static byte[] key(String id) {
        return id.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] encode(EnrichedArticle article) {
        buffer.reset();
        encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
        try {
            writer.write(article, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    private EnrichedArticle decode(byte[] bytes) {
        decoder = DecoderFactory.get().binaryDecoder(bytes, decoder);
        try {
            return reader.read(null, decoder);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable archived article", e);
        }
    }

    private static final class HeapBackend implements Backend {
        private final Map<String, byte[]> values = new HashMap<>();

        @Override
        public void put(byte[] key, byte[] value) {
            values.put(new String(key, StandardCharsets.UTF_8), value);
        }

        @Override
        public byte[] get(byte[] key) {
            return values.get(new String(key, StandardCharsets.UTF_8));
        }

        @Override
        public void delete(byte[] key) {
            values.remove(new String(key, StandardCharsets.UTF_8));
        }

        @Override
        public long bytesOnDisk() {
            return 0;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            values.clear();
        }
    }

    /**
     * RocksDB with what a rebuildable cache wants: no write-ahead log (a crash loses nothing the topic does
     * not have), LZ4 blocks, a small block cache, and bloom filters: an old article is in the last level, and
     * without them a get reads a block of every level (and every L0 file) above it first, which made old
     * articles' pages 8 times slower than new ones' with 1,000,000 articles.
     */
    private static final class RocksBackend implements Backend {
        private final Path dir;
        private final Options options;
        private final LRUCache blockCache;
        private final WriteOptions writes;
        private final RocksDB db;

        private RocksBackend(Path dir, Options options, LRUCache blockCache, WriteOptions writes, RocksDB db) {
            this.dir = dir;
            this.options = options;
            this.blockCache = blockCache;
            this.writes = writes;
            this.db = db;
        }

        static RocksBackend open(Path dir) {
            RocksDB.loadLibrary();
            wipe(dir);
            LRUCache blockCache = new LRUCache(BLOCK_CACHE_BYTES);
            Options options = new Options().setCreateIfMissing(true)
                    .setCompressionType(CompressionType.LZ4_COMPRESSION)
                    .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(blockCache).setBlockSize(16 * 1024)
                            .setFilterPolicy(new BloomFilter(10, false)));
            WriteOptions writes = new WriteOptions().setDisableWAL(true);
            try {
                Files.createDirectories(dir);
                RocksDB db = RocksDB.open(options, dir.toAbsolutePath().toString());
                log.info("article archive opened (wiped) in {}", dir);
                return new RocksBackend(dir, options, blockCache, writes, db);
            } catch (RocksDBException | IOException e) {
                writes.close();
                options.close();
                blockCache.close();
                throw new IllegalStateException("cannot open the article archive in " + dir
                        + " (is another renderer using this data directory?): " + e.getMessage(), e);
            }
        }

        private static void wipe(Path dir) {
            if (!Files.exists(dir)) {
                return;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot wipe the article archive in " + dir, e);
            }
        }

        @Override
        public void put(byte[] key, byte[] value) {
            try {
                db.put(writes, key, value);
            } catch (RocksDBException e) {
                throw new IllegalStateException("article archive write failed: " + e.getMessage(), e);
            }
        }

        @Override
        public byte[] get(byte[] key) {
            try {
                return db.get(key);
            } catch (RocksDBException e) {
                throw new IllegalStateException("article archive read failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void delete(byte[] key) {
            try {
                db.delete(writes, key);
            } catch (RocksDBException e) {
                throw new IllegalStateException("article archive delete failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void flush() {
            try (FlushOptions wait = new FlushOptions().setWaitForFlush(true)) {
                db.flush(wait);
            } catch (RocksDBException e) {
                throw new IllegalStateException("article archive flush failed: " + e.getMessage(), e);
            }
        }

        @Override
        public long bytesOnDisk() {
            try (Stream<Path> files = Files.walk(dir)) {
                return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            db.close();
            writes.close();
            options.close();
            blockCache.close();
        }
    }
}
