package io.inkstream.ingest;

import io.inkstream.events.Channel;
import io.inkstream.events.WireItem;
import io.inkstream.ingest.format.WireFormats;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.UUID;

/**
 * Makes the WireItem a channel writes to wire.received: a fresh id, the hash and size of the
 * complete bytes, the declared or sniffed format, and, above the size limit, only the first
 * bytes (marked truncated) so the receipt is kept without flooding the log.
 */
public final class WireItems {

    private final WireFormats formats;
    private final long maxItemBytes;

    public WireItems(WireFormats formats, long maxItemBytes) {
        this.formats = formats;
        this.maxItemBytes = maxItemBytes;
    }

    /** The standard formats (page-text times in the configured zone) and the configured size limit. */
    public static WireItems from(IngestConfig config) {
        return new WireItems(WireFormats.standard(config.siteZone()), config.maxItemBytes());
    }

    /** The formats these items are told apart by (also what a topology or a parser needs). */
    public WireFormats formats() {
        return formats;
    }

    /** A parser for these items' formats. */
    public WireItemParser parser() {
        return new WireItemParser(formats);
    }

    /**
     * @param declaredFormat the format the sender named (or null: sniffed here, null if unknown)
     */
    public WireItem receive(byte[] bytes, String feed, Channel channel, String declaredFormat, String contentType,
                            String filename, String sourceUrl, Instant receivedAt) {
        return receive(ReceivedBytes.of(bytes, maxItemBytes), feed, channel, declaredFormat, contentType, filename, sourceUrl, receivedAt);
    }

    public WireItem receive(ReceivedBytes received, String feed, Channel channel, String declaredFormat, String contentType,
                            String filename, String sourceUrl, Instant receivedAt) {
        boolean truncated = received.truncated();
        byte[] bytes = received.kept();
        String format = formats.canonicalName(declaredFormat);
        if (format == null && declaredFormat == null && !truncated) {
            format = formats.formatForMediaType(contentType);
            if (format == null) {
                format = formats.sniff(bytes, contentType, filename);
            }
        } else if (format == null && declaredFormat != null) {
            format = declaredFormat; // kept as sent so the rejection can name it
        }
        return WireItem.newBuilder()
                .setItemId(UUID.randomUUID().toString())
                .setFeed(feed)
                .setChannel(channel)
                .setFormat(format)
                .setContentType(contentType)
                .setFilename(filename)
                .setSourceUrl(sourceUrl)
                .setReceivedAt(receivedAt)
                .setContentHash(received.sha256())
                .setSize(received.size())
                .setTruncated(truncated)
                .setPayload(ByteBuffer.wrap(bytes))
                .build();
    }

    public long maxItemBytes() {
        return maxItemBytes;
    }
}
