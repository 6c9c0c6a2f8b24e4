package io.inkstream.platform.kafka;

import io.inkstream.events.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates the catalogue's topics that are missing, with the catalogue's partitions and configs
 * (replication from the broker's default), and warns when an existing topic has drifted from
 * the catalogue; it never alters an existing topic, which is an operator's decision.
 */
public final class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    private TopicProvisioner() {
    }

    /** Ensures the topics exist; returns the warnings about drifted topics. */
    public static List<String> ensure(String bootstrapServers, Collection<TopicSpec<?>> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return ensure(admin, topics);
        }
    }

    public static List<String> ensure(Admin admin, Collection<TopicSpec<?>> topics) {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(t -> !existing.contains(t.name()))
                    .map(t -> new NewTopic(t.name(), Optional.of(t.partitions()), Optional.empty()).configs(t.configs()))
                    .toList();
            Set<String> present = new java.util.HashSet<>(existing);
            List<String> created = new ArrayList<>();
            if (!missing.isEmpty()) {
                for (var result : admin.createTopics(missing).values().entrySet()) {
                    try {
                        result.getValue().get(30, TimeUnit.SECONDS);
                        created.add(result.getKey());
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                        // Created meanwhile by someone else (or not yet in the metadata we listed): check it.
                        present.add(result.getKey());
                    }
                }
                if (!created.isEmpty()) {
                    log.info("created topics {}", String.join(", ", created));
                }
            }
            List<TopicSpec<?>> toCheck = topics.stream().filter(t -> present.contains(t.name())).toList();
            return drift(admin, toCheck);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create or check topics: " + e.getMessage(), e);
        }
    }

    /**
     * Describes the topics, waiting briefly for one that was just created (by us or another
     * instance) to reach the broker's metadata.
     */
    private static Map<String, TopicDescription> describe(Admin admin, List<TopicSpec<?>> topics) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                return admin.describeTopics(topics.stream().map(TopicSpec::name).toList())
                        .allTopicNames().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static List<String> drift(Admin admin, List<TopicSpec<?>> topics) throws Exception {
        List<String> warnings = new ArrayList<>();
        if (topics.isEmpty()) {
            return warnings;
        }
        Map<String, TopicDescription> descriptions = describe(admin, topics);
        Map<ConfigResource, Config> configs = admin.describeConfigs(topics.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).toList()).all().get(30, TimeUnit.SECONDS);
        for (TopicSpec<?> topic : topics) {
            int partitions = descriptions.get(topic.name()).partitions().size();
            if (partitions != topic.partitions()) {
                warnings.add("topic " + topic.name() + " has " + partitions + " partitions, the catalogue says "
                        + topic.partitions());
            }
            Config actual = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
            topic.configs().forEach((key, expected) -> {
                ConfigEntry entry = actual.get(key);
                String value = entry == null ? null : entry.value();
                if (!expected.equals(value)) {
                    warnings.add("topic " + topic.name() + " has " + key + "=" + value + ", the catalogue says " + expected);
                }
            });
        }
        warnings.forEach(log::warn);
        return warnings;
    }
}
