package io.inkstream.platform.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Resolved configuration. A value comes from, in order of precedence: an explicit override
 * (command-line option), an environment variable ({@link Setting#env()}), a properties file
 * ({@code INKSTREAM_CONFIG} or {@code --config}), then the setting's default.
 */
public final class Settings {

    private final Map<String, String> overrides;
    private final Map<String, String> env;
    private final Properties file;

    private Settings(Map<String, String> overrides, Map<String, String> env, Properties file) {
        this.overrides = Map.copyOf(overrides);
        this.env = Map.copyOf(env);
        this.file = file;
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
        return new Settings(merged, env, file);
    }

    /** The raw text of a setting and where it came from, or null. */
    private String raw(Setting<?> setting) {
        if (overrides.containsKey(setting.key())) {
            return overrides.get(setting.key());
        }
        if (env.containsKey(setting.env())) {
            return env.get(setting.env());
        }
        if (file.containsKey(setting.key())) {
            return file.getProperty(setting.key());
        }
        return setting.defaultValue();
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
