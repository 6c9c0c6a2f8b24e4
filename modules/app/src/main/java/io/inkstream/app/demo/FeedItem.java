package io.inkstream.app.demo;

/** One file of the demo wire feed as ingest receives it: its name, media type and bytes. */
public record FeedItem(String name, String contentType, byte[] bytes) {

    public boolean isNinjs() {
        return name.endsWith(".json");
    }
}
