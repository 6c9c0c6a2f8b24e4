package io.inkstream.popularity.rank;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkstream.popularity.TestStores;
import io.inkstream.platform.streams.JsonSerde;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScopeRankingTest {

    private ScopeRanking ranking;

    @BeforeEach
    void setUp() {
        JsonSerde<ArticleCount> serde = new JsonSerde<>(ArticleCount.class);
        ranking = new ScopeRanking(TestStores.keyValue("members", serde), TestStores.keyValue("index", serde));
    }

    @Test
    void mostViewedComeFirstAndTiesGoByArticleId() {
        ranking.update("all", count("b", 5));
        ranking.update("all", count("a", 5));
        ranking.update("all", count("c", 12));
        ranking.update("all", count("d", 1));

        assertThat(ranking.top("all", 3)).extracting(ArticleCount::articleId).containsExactly("c", "a", "b");
    }

    @Test
    void anArticleWhoseCountFallsMovesDownAndTheNextOneMovesUp() {
        ranking.update("all", count("a", 10));
        ranking.update("all", count("b", 8));
        ranking.update("all", count("c", 6));

        ranking.update("all", count("a", 2));

        assertThat(ranking.top("all", 2)).extracting(ArticleCount::articleId).containsExactly("b", "c");
        assertThat(ranking.top("all", 10)).extracting(ArticleCount::views).containsExactly(8L, 6L, 2L);
    }

    @Test
    void zeroViewsDropsTheArticle() {
        ranking.update("all", count("a", 10));
        ranking.update("all", count("b", 3));

        ranking.update("all", ArticleCount.dropOut("a"));

        assertThat(ranking.top("all", 10)).extracting(ArticleCount::articleId).containsExactly("b");
    }

    @Test
    void scopesDoNotMixEvenWhenOneNameStartsWithAnother() {
        ranking.update("world", count("a", 1));
        ranking.update("world-cup", count("b", 9));
        ranking.update("all", count("c", 4));

        assertThat(ranking.top("world", 10)).extracting(ArticleCount::articleId).containsExactly("a");
        assertThat(ranking.scopes()).containsExactly("all", "world", "world-cup");
    }

    private static ArticleCount count(String id, long views) {
        return new ArticleCount(id, views, views, null, null, null);
    }
}
