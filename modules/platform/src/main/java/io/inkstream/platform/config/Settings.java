package io.inkstream.platform.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolved configuration. A value comes from, in order of precedence: an explicit override
 * (command-line option), an environment variable ({@link Setting#env()}), a properties file
 * ({@code INKSTREAM_CONFIG} or {@code --config}), then the setting's default. A setting's
 * {@link Setting#deprecatedKeys() former keys} are looked up, in the same order, only when its key
 * is set nowhere; using one logs one warning naming the new key.
 */
public final class Settings {

    private static final Logger log = LoggerFactory.getLogger(Settings.class);

    private final Map<String, String> overrides;
    private final Map<String, String> env;
    private final Properties file;
    /** Deprecated keys already warned about; shared by copies made with {@link #with}, so one warning each. */
    private final Set<String> warned;

    private Settings(Map<String, String> overrides, Map<String, String> env, Properties file, Set<String> warned) {
        this.overrides = Map.copyOf(overrides);
        this.env = Map.copyOf(env);
        this.file = file;
        this.warned = warned;
    }

    private Settings(Map<String, String> overrides, Map<String, String> env, Properties file) {
        this(overrides, env, file, ConcurrentHashMap.newKeySet());
    }

    /** Settings from this process's environment, the optional file, and the overrides. */
    public static Settings load(Path propertiesFile, Map<String, String> overrides) {
        Map<String, String> env = System.getenv();
        Path file = propertiesFile;
        if (file == null && env.get("INKSTREAM_CONFIG") != null) {
            file = Path.of(env.get("INKSTREAM_CONFIG"));
        }
        return of(env, file, overrides);
    }

    /** Settings from explicit sources (tests). */
    public static Settings of(Map<String, String> env, Path propertiesFile, Map<String, String> overrides) {
        Properties props = new Properties();
        if (propertiesFile != null) {
            try (Reader in = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
                props.load(in);
            } catch (IOException e) {
                throw new ConfigException("cannot read configuration file " + propertiesFile + ": " + e.getMessage());
            }
        }
        return new Settings(overrides, env, props);
    }

    /** Only overrides and defaults: no environment, no file. */
    public static Settings ofOverrides(Map<String, String> overrides) {
        return new Settings(overrides, Map.of(), new Properties());
    }

    /** A copy with more overrides on top. */
    public Settings with(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(overrides);
        merged.putAll(more);
        return new Settings(merged, env, file, warned);
    }

    /** The raw text of a setting: under its key, else under a deprecated key (warned once), else its default. */
    private String raw(Setting<?> setting) {
        String text = lookup(setting.key());
        if (text != null) {
            return text;
        }
        for (String old : setting.deprecatedKeys()) {
            text = lookup(old);
            if (text != null) {
                if (warned.add(old)) {
                    log.warn("setting {} (environment variable {}) is deprecated: use {} (environment variable {})",
                            old, Setting.env(old), setting.key(), setting.env());
                }
                return text;
            }
        }
        return setting.defaultValue();
    }

    /** The text under one key, from the first source that has it, or null. */
    private String lookup(String key) {
        if (overrides.containsKey(key)) {
            return overrides.get(key);
        }
        String variable = Setting.env(key);
        if (env.containsKey(variable)) {
            return env.get(variable);
        }
        if (file.containsKey(key)) {
            return file.getProperty(key);
        }
        return null;
    }

    /** The value of {@code setting}; null for an optional setting with no value. */
    public <T> T get(Setting<T> setting) {
        String text = raw(setting);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return setting.parser().apply(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("setting " + setting.key() + " (environment variable " + setting.env()
                    + ") has the bad value '" + text + "': " + e.getMessage());
        }
    }

    /** Checks every setting at start, so a bad value stops the service with one clear message. */
    public void validate(List<Setting<?>> settings) {
        List<String> problems = new ArrayList<>();
        for (Setting<?> setting : settings) {
            try {
                get(setting);
            } catch (ConfigException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(String.join("\n", problems));
        }
    }

    /** A required setting: fails with a message naming it when it has no value. */
    public <T> T require(Setting<T> setting) {
        T value = get(setting);
        if (value == null) {
            throw new ConfigException("setting " + setting.key() + " (environment variable " + setting.env()
                    + ") is required: " + setting.doc());
        }
        return value;
    }
}
