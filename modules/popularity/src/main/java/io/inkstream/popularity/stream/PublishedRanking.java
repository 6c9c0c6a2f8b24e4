package io.inkstream.popularity.stream;

import io.inkstream.events.Ranking;
import io.inkstream.events.RankingEntry;
import io.inkstream.popularity.rank.ArticleCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A ranking as last published for a scope: its window, when it was computed, and its entries in rank order. */
public record PublishedRanking(long windowStartMs, long windowEndMs, long computedAtMs, List<ArticleCount> entries) {

    public Ranking toEvent(String scope) {
        List<RankingEntry> ranked = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            ArticleCount c = entries.get(i);
            ranked.add(RankingEntry.newBuilder()
                    .setRank(i + 1)
                    .setArticleId(c.articleId())
                    .setViews(c.views())
                    .setVisitors(c.visitors())
                    .setHeadline(c.headline())
                    .setCanonicalPath(c.canonicalPath())
                    .setSection(c.section())
                    .build());
        }
        return Ranking.newBuilder()
                .setScope(scope)
                .setWindowStart(Instant.ofEpochMilli(windowStartMs))
                .setWindowEnd(Instant.ofEpochMilli(windowEndMs))
                .setComputedAt(Instant.ofEpochMilli(computedAtMs))
                .setEntries(ranked)
                .build();
    }
}
