package io.inkstream.popularity.stream;

import io.inkstream.events.Article;
import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.PubStatus;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps what ranking entries show about each article (headline, canonical path, section) from
 * articles.enriched, and hides an article from every ranking once it is canceled or withheld, or its
 * record is tombstoned; the next report of the counting stage takes it out.
 */
public final class ArticleProcessor implements Processor<String, EnrichedArticle, Void, Void> {

    private KeyValueStore<String, ArticleInfo> articles;
    private KeyValueStore<String, Long> changed;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        articles = context.getStateStore(StoreNames.ARTICLES);
        changed = context.getStateStore(StoreNames.CHANGED_ARTICLES);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        String articleId = record.key();
        if (articleId == null) {
            return;
        }
        ArticleInfo stored = articles.get(articleId);
        ArticleInfo info = stored == null ? ArticleInfo.UNKNOWN : stored;
        EnrichedArticle enriched = record.value();
        if (enriched == null) {
            info = info.hiddenNow();
        } else {
            Article article = enriched.getArticle();
            info = info.describedAs(article.getHeadline(), enriched.getCanonicalPath(), article.getSection(),
                    article.getPubStatus() != PubStatus.usable);
        }
        articles.put(articleId, info);
        changed.put(articleId, record.timestamp());
    }
}
