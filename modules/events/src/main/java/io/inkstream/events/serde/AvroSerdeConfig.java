package io.inkstream.events.serde;

import org.apache.kafka.common.config.ConfigException;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The serde's settings, under the same names as Confluent's serde so that a user's existing
 * client configuration carries over unchanged.
 */
public final class AvroSerdeConfig {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String MAX_RETRIES = "max.retries";
    public static final String RETRIES_WAIT_MS = "retries.wait.ms";
    public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";
    public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";

    /** The prefix of an in-process registry URL, as in Confluent's serde. */
    public static final String MOCK_SCHEME = "mock://";

    private final Map<String, ?> raw;

    public AvroSerdeConfig(Map<String, ?> raw) {
        this.raw = Map.copyOf(raw);
        if (registryUrls().isEmpty()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, raw.get(SCHEMA_REGISTRY_URL),
                    "is required: the URL of a Confluent-compatible schema registry, e.g. http://localhost:8081");
        }
    }

    public List<String> registryUrls() {
        Object value = raw.get(SCHEMA_REGISTRY_URL);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        return Arrays.stream(String.valueOf(value).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The scope of a {@code mock://scope} URL, or null for a real registry. */
    public String mockScope() {
        String first = registryUrls().get(0);
        return first.startsWith(MOCK_SCHEME) ? first.substring(MOCK_SCHEME.length()) : null;
    }

    public boolean autoRegisterSchemas() {
        return bool(AUTO_REGISTER_SCHEMAS, true);
    }

    public boolean useLatestVersion() {
        return bool(USE_LATEST_VERSION, false);
    }

    public boolean specificAvroReader() {
        return bool(SPECIFIC_AVRO_READER, false);
    }

    public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
        String key = isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY;
        Object value = raw.get(key);
        if (value == null) {
            return SubjectNameStrategy.TOPIC_NAME;
        }
        String name = value instanceof Class<?> c ? c.getName() : String.valueOf(value);
        try {
            return SubjectNameStrategy.fromName(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, value, e.getMessage());
        }
    }

    /** user:password for HTTP basic auth, when {@code basic.auth.credentials.source=USER_INFO}. */
    public String basicAuthUserInfo() {
        Object source = raw.get(BASIC_AUTH_CREDENTIALS_SOURCE);
        Object info = raw.get(BASIC_AUTH_USER_INFO);
        if (info == null || (source != null && !"USER_INFO".equals(String.valueOf(source)))) {
            return null;
        }
        return String.valueOf(info);
    }

    public int maxRetries() {
        return (int) number(MAX_RETRIES, 3);
    }

    public long retryWaitMs() {
        return number(RETRIES_WAIT_MS, 100);
    }

    public long retryMaxWaitMs() {
        return number(RETRIES_MAX_WAIT_MS, 5_000);
    }

    /** How long the latest version of a subject is cached; negative means until restart (Confluent's default). */
    public long latestCacheTtlMs() {
        long seconds = number(LATEST_CACHE_TTL_SEC, -1);
        return seconds < 0 ? -1 : seconds * 1000;
    }

    private boolean bool(String key, boolean defaultValue) {
        Object value = raw.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = String.valueOf(value).trim();
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw new ConfigException(key, value, "must be true or false");
        }
        return Boolean.parseBoolean(text);
    }

    private long number(String key, long defaultValue) {
        Object value = raw.containsKey(key) ? raw.get(key) : raw.get("schema.registry." + key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key, value, "must be a whole number");
        }
    }
}
