package io.inkstream.platform.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One declared setting: its property name, the environment variable that sets it, its type,
 * default and documentation. Settings are declared once, as constants, and the README's
 * configuration table is generated from these declarations ({@code inkstream config}).
 *
 * <p>Keys follow one grammar, {@code inkstream.<area>.<kebab-name>} (e.g. {@code inkstream.ingest.max-item-bytes});
 * the two client keys {@code kafka.bootstrap.servers} and {@code schema.registry.url} keep the names Kafka and
 * Confluent users know. A renamed setting lists its old keys as {@link #deprecatedKeys()}: they (and their
 * environment variables) still work, with one warning naming the new key.
 *
 * @param key            property name, e.g. {@code inkstream.ingest.max-item-bytes}
 * @param defaultValue   the default as text, or null when the setting is optional with no default
 * @param parser         turns the text into a value; throws IllegalArgumentException with a reason
 * @param deprecatedKeys former names of this setting, still read after the new one
 */
public record Setting<T>(String key, String type, String defaultValue, String doc, Function<String, T> parser,
                         List<String> deprecatedKeys) {

    public Setting {
        deprecatedKeys = List.copyOf(deprecatedKeys);
    }

    public Setting(String key, String type, String defaultValue, String doc, Function<String, T> parser) {
        this(key, type, defaultValue, doc, parser, List.of());
    }

    /** The environment variable: the key upper-cased with dots and dashes as underscores. */
    public String env() {
        return env(key);
    }

    /** The environment variable of any key: upper-cased, dots and dashes as underscores. */
    public static String env(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** This setting, also read under its former names (deprecated: each use warns once, naming {@link #key()}). */
    public Setting<T> formerly(String... oldKeys) {
        return new Setting<>(key, type, defaultValue, doc, parser, List.of(oldKeys));
    }

    public static Setting<String> string(String key, String defaultValue, String doc) {
        return new Setting<>(key, "string", defaultValue, doc, Function.identity());
    }

    public static Setting<Integer> integer(String key, int defaultValue, int min, int max, String doc) {
        return new Setting<>(key, "int", String.valueOf(defaultValue), doc, text -> {
            int value;
            try {
                value = Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a whole number");
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException("must be between " + min + " and " + max);
            }
            return value;
        });
    }

    public static Setting<Long> bytes(String key, long defaultValue, String doc) {
        return new Setting<>(key, "bytes", String.valueOf(defaultValue), doc, text -> {
            try {
                long value = Long.parseLong(text.trim());
                if (value <= 0) {
                    throw new IllegalArgumentException("must be a positive number of bytes");
                }
                return value;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a number of bytes, e.g. 10485760");
            }
        });
    }

    public static Setting<Boolean> bool(String key, boolean defaultValue, String doc) {
        return new Setting<>(key, "boolean", String.valueOf(defaultValue), doc, text -> {
            String t = text.trim().toLowerCase(Locale.ROOT);
            if (!t.equals("true") && !t.equals("false")) {
                throw new IllegalArgumentException("must be true or false");
            }
            return Boolean.parseBoolean(t);
        });
    }

    /** An ISO-8601 duration (PT5M) or a number with a unit: 500ms, 30s, 5m, 24h, 30d. */
    public static Setting<Duration> duration(String key, String defaultValue, String doc) {
        return new Setting<>(key, "duration", defaultValue, doc, Setting::parseDuration);
    }

    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new IllegalArgumentException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("must be a duration such as 500ms, 30s, 5m, 24h, 30d or PT5M");
        }
    }
}
