package io.inkstream.popularity;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.PageView;
import io.inkstream.events.Ranking;
import io.inkstream.events.RankingEntry;
import io.inkstream.events.Topics;
import io.inkstream.platform.ServiceContext;
import io.inkstream.popularity.stream.ViewPlacement;
import io.inkstream.testkit.InkstreamTest;
import io.inkstream.testkit.SampleEvents;
import io.inkstream.testkit.TestCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Views of one article written to two partitions, as a producer with another partitioner (librdkafka's CRC32
 * {@code consistent_random}) does: one count and one ranking entry with the article's headline, never a split count.
 */
@InkstreamTest
class PopularityPartitioningTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void viewsOfOneArticleOnTwoPartitionsMakeOneCountWithItsHeadline(TestCluster cluster) {
        ServiceContext context = cluster.context(Map.of());
        Topics topics = context.topics();
        EnrichedArticle article = SampleEvents.enriched();
        String id = article.getArticle().getId();
        int partitions = topics.pageviews().partitions();
        int javas = ViewPlacement.partitionOf(id, partitions);
        int other = (javas + 1) % partitions;
        cluster.produce(topics.articlesEnriched(), id, article);
        Instant now = Instant.now();
        // Keyed by the article id, as librdkafka would be given it, but on partitions a Java producer would not pick.
        produceView(cluster, topics, javas, id, "v1", now);
        produceView(cluster, topics, other, id, "v2", now);
        produceView(cluster, topics, other, id, "v3", now.plusSeconds(1));
        // Keyed by something else (a visitor id) on the third partition: the key does not matter, the article id does.
        produceView(cluster, topics, (javas + 2) % partitions, "visitor-v4", "v4", now.plusSeconds(2));
        // The repeat of v2, on the in-place partition this time: deduplicated across partitions too.
        produceView(cluster, topics, javas, id, "v2", now.plusSeconds(3));

        try (PopularityService service = new PopularityService(context)) {
            service.start();
            Ranking all = cluster.awaitValue(topics.popularityTop24h(), "all",
                    r -> r.getEntries().size() == 1 && r.getEntries().get(0).getViews() == 4, WAIT);
            RankingEntry entry = all.getEntries().get(0);
            assertThat(entry.getArticleId()).isEqualTo(id);
            assertThat(entry.getVisitors()).isEqualTo(4);
            assertThat(entry.getHeadline()).isEqualTo(article.getArticle().getHeadline());
            assertThat(entry.getCanonicalPath()).isEqualTo(article.getCanonicalPath());
            Ranking section = cluster.awaitValue(topics.popularityTop24h(), "politics",
                    r -> r.getEntries().size() == 1 && r.getEntries().get(0).getViews() == 4, WAIT);
            assertThat(section.getEntries().get(0).getHeadline()).isEqualTo(article.getArticle().getHeadline());
        }
    }

    private static void produceView(TestCluster cluster, Topics topics, int partition, String key, String visitor, Instant at) {
        PageView view = SampleEvents.pageView(SampleEvents.enriched().getArticle().getId(), visitor, at);
        cluster.produce(topics.pageviews(), partition, key, view);
    }
}
