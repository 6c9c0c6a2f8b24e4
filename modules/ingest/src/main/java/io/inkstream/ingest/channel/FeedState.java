package io.inkstream.ingest.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the poller remembers about one feed: the validators for a conditional GET and the
 * entries of the last fetch (entry id to hash), so an unchanged entry is not sent again.
 * Only the last fetch's entries are kept: an entry that left the feed is forgotten (it is
 * not a kill), which bounds the state by the feed's own length.
 *
 * @param etag         the ETag of the last 200 answer, or null
 * @param lastModified the Last-Modified of the last 200 answer, or null
 * @param seen         entry id to the hash of the entry as last sent
 */
public record FeedState(String etag, String lastModified, Map<String, String> seen) {

    public static final FeedState NEW = new FeedState(null, null, Map.of());

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public FeedState {
        seen = seen == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seen));
    }

    /** True when this entry was sent before with exactly this content. */
    public boolean alreadySent(String entryId, String hash) {
        return hash.equals(seen.get(entryId));
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a stored state; a value this version cannot read is treated as a new feed (entries are re-sent, duplicates dropped downstream). */
    static FeedState fromJson(String json) {
        try {
            return JSON.readValue(json, FeedState.class);
        } catch (JsonProcessingException e) {
            return NEW;
        }
    }
}
