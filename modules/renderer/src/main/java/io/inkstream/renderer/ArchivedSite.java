package io.inkstream.renderer;

import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.Ranking;
import io.inkstream.renderer.http.StaticAssets;
import io.inkstream.renderer.page.PageModels;
import io.inkstream.renderer.page.RenderedPage;
import io.inkstream.renderer.page.SiteRenderer;
import io.inkstream.renderer.store.ArticleArchive;
import io.inkstream.renderer.store.ArticleStore;
import io.inkstream.renderer.store.RankingStore;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The renderer's stores and pages over an archive on disk, without Kafka: articles and rankings are applied
 * here as the feeder would apply records of articles.enriched and popularity.top24h, and pages render as the
 * site renders them. For benchmarks and tools that measure the archive itself (bytes per article in heap and
 * on disk, pages of old and new articles).
 */
public final class ArchivedSite implements AutoCloseable {

    private final ArticleStore articles;
    private final RankingStore rankings = new RankingStore();
    private final SiteRenderer pages;

    private ArchivedSite(ArticleStore articles, RendererConfig config) {
        this.articles = articles;
        this.pages = new SiteRenderer(articles,
                new PageModels(articles, rankings, config.site(), new StaticAssets().paths()));
    }

    /** A site whose archive is RocksDB in {@code dir} (wiped first), with the config's cache size. */
    public static ArchivedSite open(Path dir, RendererConfig config, Clock clock) {
        return new ArchivedSite(new ArticleStore(clock, ArticleArchive.onDisk(dir, config.articleCacheSize())), config);
    }

    /** Applies one enriched version, as a record keyed by its id. */
    public void apply(EnrichedArticle article) {
        articles.apply(article.getArticle().getId(), article);
    }

    /** Applies one ranking, as a record keyed by its scope. */
    public void applyRanking(Ranking ranking) {
        rankings.apply(ranking.getScope(), ranking);
    }

    /** The article page at {@code path}; fails when the page is anything but 200. */
    public String renderArticle(String path) {
        return renderedArticle(pages, path);
    }

    static String renderedArticle(SiteRenderer pages, String path) {
        RenderedPage page = pages.article(path);
        if (page.status() != 200) {
            throw new IllegalStateException(path + " rendered " + page.status());
        }
        return page.html();
    }

    /** Articles stored (not killed). */
    public int size() {
        return articles.size();
    }

    /** Bytes the archive takes on disk, after writing out what RocksDB still holds in memory. */
    public long bytesOnDisk() {
        articles.archive().flush();
        return articles.archive().bytesOnDisk();
    }

    /** Full articles kept decoded in heap now, and reads so far. */
    public String cacheStats() {
        return articles.archive().cached() + " cached; " + articles.archive().readStats();
    }

    @Override
    public void close() {
        articles.close();
    }
}
