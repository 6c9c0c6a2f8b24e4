package io.inkstream.events.serde;

import org.apache.kafka.common.errors.SerializationException;

import java.nio.ByteBuffer;

/**
 * Confluent's wire format: one magic byte 0, the schema id as a 4-byte big-endian int, then
 * the Avro binary encoding of the datum. Written by hand because it is five bytes and no
 * library on Maven Central provides it.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0x0;
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** The schema id of a framed record; fails with a clear message on anything else. */
    public static int schemaId(String topic, byte[] bytes) {
        if (bytes.length < HEADER_SIZE) {
            throw new SerializationException("record on topic " + topic + " has " + bytes.length
                    + " bytes, fewer than the 5-byte Confluent wire-format header; not an Avro record of this format");
        }
        if (bytes[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format(
                    "unknown magic byte 0x%02x on topic %s: expected 0x00 (Confluent wire format: magic byte,"
                            + " 4-byte schema id, Avro binary)", bytes[0], topic));
        }
        return ByteBuffer.wrap(bytes, 1, 4).getInt();
    }
}
