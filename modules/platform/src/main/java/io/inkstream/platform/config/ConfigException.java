package io.inkstream.platform.config;

/** A setting is missing or has a bad value; the message names the setting, its variable and the value. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
