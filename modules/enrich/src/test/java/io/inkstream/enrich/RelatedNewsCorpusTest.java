package io.inkstream.enrich;

import io.inkstream.events.Article;
import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.RelatedArticle;
import io.inkstream.events.Topics;
import io.inkstream.events.serde.EventSerdes;
import io.inkstream.testkit.TopologyTests;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Related news on a corpus of 55 short articles on five topics (cybersecurity, space, football,
 * markets, floods), published an hour apart: each article's related list comes mostly from its
 * own topic.
 */
class RelatedNewsCorpusTest {

    private static final Instant START = Instant.parse("2024-03-01T08:00:00Z");

    @TempDir
    Path stateDir;

    @Test
    void relatedNewsComesMostlyFromTheSameTopic() throws IOException {
        List<EnrichedArticle> results = enrichCorpus();

        int listed = 0;
        int sameTopic = 0;
        int articlesWithRelated = 0;
        for (EnrichedArticle result : results) {
            String topic = topicOf(result.getArticle().getId());
            List<RelatedArticle> related = result.getRelated();
            assertThat(related).hasSizeLessThanOrEqualTo(5);
            long own = related.stream().filter(r -> topicOf(r.getId()).equals(topic)).count();
            if (!related.isEmpty()) {
                articlesWithRelated++;
                assertThat(own * 2).as("related of %s: %s", result.getArticle().getHeadline(), related)
                        .isGreaterThan(related.size());
                assertThat(topicOf(related.get(0).getId())).as("best related of %s", result.getArticle().getHeadline())
                        .isEqualTo(topic);
            }
            listed += related.size();
            sameTopic += own;
        }
        // before the Lucene index (scanning every article): 45 of 55 articles had related news, 126 of 132
        // listed were on-topic; the index finds the same lists, so the same share is held
        assertThat(articlesWithRelated).isGreaterThanOrEqualTo(results.size() * 3 / 4);
        assertThat(sameTopic).as("%d of %d on-topic", sameTopic, listed).isGreaterThanOrEqualTo(126);
        assertThat((double) sameTopic / listed).as("%d of %d on-topic", sameTopic, listed).isGreaterThanOrEqualTo(126.0 / 132);
        assertThat(results).allSatisfy(r -> assertThat(r.getDuplicateOf()).isNull());
    }

    private List<EnrichedArticle> enrichCorpus() throws IOException {
        Topics topics = Topics.withPrefix("");
        EventSerdes serdes = EventSerdes.create(Map.of("schema.registry.url", "mock://corpus-" + UUID.randomUUID()));
        try (TopologyTestDriver driver = new TopologyTestDriver(EnrichTopology.build(EnrichConfig.defaults(), topics, serdes),
                TopologyTests.driverProperties("enrich-corpus-test", stateDir))) {
            TestInputTopic<String, Article> in = driver.createInputTopic(topics.articlesIngested().name(),
                    new StringSerializer(), serdes.valueSerde(topics.articlesIngested()).serializer());
            TestOutputTopic<String, EnrichedArticle> out = driver.createOutputTopic(topics.articlesEnriched().name(),
                    new StringDeserializer(), serdes.valueSerde(topics.articlesEnriched()).deserializer());
            List<Article> corpus = corpus(START);
            for (Article article : corpus) {
                in.pipeInput(article.getId(), article, article.getPublishedAt());
            }
            // each article's list as enriched; earlier articles' refreshed lists (decision 0033) come besides
            List<EnrichedArticle> results = out.readValuesToList().stream().filter(e -> e.getRelatedUpdatedAt() == null).toList();
            assertThat(results).hasSize(corpus.size());
            return results;
        }
    }

    /** The 55 articles, an hour apart from {@code start}. */
    static List<Article> corpus(Instant start) throws IOException {
        List<Article> articles = new ArrayList<>();
        try (InputStream in = RelatedNewsCorpusTest.class.getResourceAsStream("related-corpus.txt")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (String line : lines) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\\|");
                int n = articles.size();
                Instant at = start.plus(Duration.ofHours(n));
                articles.add(TestArticles.article("urn:corpus:" + fields[0] + "-" + n, fields[2], fields[3])
                        .setSection(fields[1])
                        .setPublishedAt(at)
                        .setVersionCreated(at)
                        .setFirstCreated(at)
                        .build());
            }
        }
        assertThat(articles).hasSizeGreaterThanOrEqualTo(50);
        return articles;
    }

    private static String topicOf(String id) {
        return id.substring("urn:corpus:".length(), id.lastIndexOf('-'));
    }
}
