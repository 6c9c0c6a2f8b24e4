package io.inkstream.platform.config;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * One declared setting: its property name, the environment variable that sets it, its type,
 * default and documentation. Settings are declared once, as constants, and the README's
 * configuration table is generated from these declarations ({@code inkstream config}).
 *
 * @param key          property name, e.g. {@code kafka.bootstrap.servers}
 * @param defaultValue the default as text, or null when the setting is optional with no default
 * @param parser       turns the text into a value; throws IllegalArgumentException with a reason
 */
public record Setting<T>(String key, String type, String defaultValue, String doc, Function<String, T> parser) {

    /** The environment variable: the key upper-cased with dots and dashes as underscores. */
    public String env() {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
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
