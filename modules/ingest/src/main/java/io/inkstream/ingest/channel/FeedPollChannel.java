package io.inkstream.ingest.channel;

import io.inkstream.events.Channel;
import io.inkstream.events.WireItem;
import io.inkstream.ingest.ReceivedBytes;
import io.inkstream.ingest.WireItems;
import io.inkstream.ingest.format.FeedEntries;
import io.inkstream.ingest.format.RejectedItemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Feed polling: each RSS or Atom feed is fetched on a schedule with a conditional GET (304 means
 * nothing new), and each new or changed entry goes to wire.received as an item of its own
 * (channel POLL, feed {@code poll:<url>}). The feed's validators and the entries already sent
 * are saved after the entries were acknowledged, so a restart neither loses nor (apart from a
 * crash in between, which versioning drops as duplicates) repeats an entry. An entry that
 * leaves the feed is simply no longer polled: it is not a kill. A response that is not a
 * readable feed is stored whole, so it reaches wire.rejected with the parser's reason.
 */
public final class FeedPollChannel implements AutoCloseable {

    /** Seen-map key for a response stored whole (not splittable into entries). */
    static final String WHOLE_DOCUMENT = "document";

    private static final Logger log = LoggerFactory.getLogger(FeedPollChannel.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final List<URI> feeds;
    private final FeedStateStore store;
    private final WireItems wireItems;
    private final WireItemWriter writer;
    private final Clock clock;
    private final HttpClient http;
    private final Map<String, FeedState> states = new HashMap<>();
    private BackgroundLoop loop;

    /** What one round of polling did. */
    public record PollResult(int fetched, int notModified, int failed, int itemsSent) {
    }

    /** Loads every feed's saved state from the store (a restart resumes from it). */
    public FeedPollChannel(List<URI> feeds, FeedStateStore store, WireItems wireItems, WireItemWriter writer, Clock clock) {
        this.feeds = List.copyOf(feeds);
        this.store = store;
        this.wireItems = wireItems;
        this.writer = writer;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        states.putAll(store.loadAll());
    }

    /** Polls every feed now and then every {@code every}, on a background thread. */
    public void start(Duration every) {
        loop = BackgroundLoop.start("ingest-feed-poll", every.toMillis(), this::pollNow,
                e -> log.warn("feed polling failed: {}", e.getMessage()));
        log.info("polling {} feed(s) every {}", feeds.size(), every);
    }

    /** Polls every feed once, now (also what the schedule runs); one round at a time. */
    public synchronized PollResult pollNow() {
        int fetched = 0;
        int notModified = 0;
        int failed = 0;
        int sent = 0;
        for (URI feed : feeds) {
            try {
                int n = poll(feed);
                if (n < 0) {
                    notModified++;
                } else {
                    fetched++;
                    sent += n;
                }
            } catch (IOException | RuntimeException e) {
                failed++;
                log.warn("cannot poll {}: {}", feed, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new PollResult(fetched, notModified, failed, sent);
    }

    /** @return how many items were sent, or -1 when the feed answered 304 Not Modified */
    private int poll(URI feed) throws IOException, InterruptedException {
        String url = feed.toString();
        FeedState state = states.getOrDefault(url, FeedState.NEW);
        HttpRequest.Builder request = HttpRequest.newBuilder(feed).timeout(REQUEST_TIMEOUT).GET()
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
                .header("User-Agent", "inkstream-ingest");
        if (state.etag() != null) {
            request.header("If-None-Match", state.etag());
        }
        if (state.lastModified() != null) {
            request.header("If-Modified-Since", state.lastModified());
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        ReceivedBytes body;
        try (InputStream in = response.body()) {
            if (response.statusCode() == 304) {
                log.debug("{}: not modified", url);
                return -1;
            }
            if (response.statusCode() / 100 != 2) {
                throw new IOException("answered HTTP " + response.statusCode());
            }
            body = ReceivedBytes.read(in, wireItems.maxItemBytes());
        }
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        Map<String, String> seen = new LinkedHashMap<>();
        int sent = 0;
        for (Candidate c : candidates(url, body, contentType)) {
            seen.put(c.id(), c.hash());
            if (!state.alreadySent(c.id(), c.hash())) {
                writer.write(c.item()); // throws before the state is saved: the next poll retries
                sent++;
            }
        }
        FeedState next = new FeedState(response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null), seen);
        store.save(url, next);
        states.put(url, next);
        log.debug("{}: {} entries, {} new or changed", url, seen.size(), sent);
        return sent;
    }

    private record Candidate(String id, String hash, WireItem item) {
    }

    /** The feed's entries as items, or the whole response as one item when it is not a readable feed. */
    private List<Candidate> candidates(String url, ReceivedBytes body, String contentType) {
        String feedName = "poll:" + url;
        if (!body.truncated()) {
            try {
                return FeedEntries.split(body.kept()).stream()
                        .map(e -> new Candidate(e.id(), e.hash(), wireItems.receive(e.document(), feedName, Channel.POLL,
                                e.format(), e.mediaType(), null, url, clock.instant())))
                        .toList();
            } catch (RejectedItemException e) {
                log.debug("{} is not a readable feed ({}); storing the response whole", url, e.reason());
            }
        }
        return List.of(new Candidate(WHOLE_DOCUMENT, body.sha256(),
                wireItems.receive(body, feedName, Channel.POLL, null, contentType, null, url, clock.instant())));
    }

    @Override
    public void close() {
        if (loop != null) {
            loop.close();
        }
    }
}
