package io.inkstream.events.serde;

import org.apache.avro.Schema;

/**
 * How the subject a schema is registered under is named, as in Confluent's serde:
 * TopicNameStrategy ({@code <topic>-value} / {@code <topic>-key}, the default),
 * RecordNameStrategy (the record's full name) and TopicRecordNameStrategy ({@code <topic>-<record>}).
 */
public enum SubjectNameStrategy {
    TOPIC_NAME,
    RECORD_NAME,
    TOPIC_RECORD_NAME;

    public String subject(String topic, boolean isKey, Schema schema) {
        return switch (this) {
            case TOPIC_NAME -> topic + (isKey ? "-key" : "-value");
            case RECORD_NAME -> schema.getFullName();
            case TOPIC_RECORD_NAME -> topic + "-" + schema.getFullName();
        };
    }

    /** Accepts Confluent's class names (io.confluent...TopicNameStrategy) as well as the short ones. */
    static SubjectNameStrategy fromName(String name) {
        String simple = name.substring(name.lastIndexOf('.') + 1);
        return switch (simple) {
            case "TopicNameStrategy", "TOPIC_NAME" -> TOPIC_NAME;
            case "RecordNameStrategy", "RECORD_NAME" -> RECORD_NAME;
            case "TopicRecordNameStrategy", "TOPIC_RECORD_NAME" -> TOPIC_RECORD_NAME;
            default -> throw new IllegalArgumentException("unknown subject name strategy " + name
                    + "; use TopicNameStrategy, RecordNameStrategy or TopicRecordNameStrategy");
        };
    }
}
