package io.inkstream.renderer.beacon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.PageView;
import io.inkstream.platform.http.BotDetector;
import io.inkstream.renderer.store.ArticleStore;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * Turns a reader's beacon into a PageView: the article must be one the site shows, the visitor is kept
 * only as a salted SHA-256 (of the browser's random id, else of address + user agent; no raw IP is
 * stored), bots are marked, the time is the server's.
 */
public final class BeaconCollector {

    /** Beacons are tiny; anything bigger is not ours. */
    public static final int MAX_BODY_BYTES = 2048;
    private static final int MAX_USER_AGENT = 256;
    private static final Pattern VISITOR_ID = Pattern.compile("[A-Za-z0-9-]{8,64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArticleStore articles;
    private final byte[] salt;
    private final Clock clock;
    private final Sink sink;

    /** Where accepted views go (a Kafka producer to pageviews in the service). */
    @FunctionalInterface
    public interface Sink {
        /** Writes the view; the future completes when it is durable (the broker acknowledged it), or fails. */
        CompletableFuture<?> write(PageView view);
    }

    /** @param sink where accepted views go (a Kafka producer to pageviews in the service) */
    public BeaconCollector(ArticleStore articles, String salt, Clock clock, Sink sink) {
        this.articles = articles;
        this.salt = salt.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
        this.sink = sink;
    }

    /**
     * Validates and sends one beacon; the future completes with the view once the sink acknowledged it
     * (so the caller answers only for a view that is stored) and fails with the sink's error.
     *
     * @param body      the JSON the page sent: {"articleId": ..., "visitor": ..., "referrer": host}
     * @param userAgent the request's User-Agent
     * @param address   the client address (hashed only when the page sent no visitor id)
     * @throws BadBeacon with a message for the caller; nothing is sent
     */
    public CompletableFuture<PageView> collect(byte[] body, String userAgent, String address) throws BadBeacon {
        if (body == null || body.length == 0) {
            throw new BadBeacon("empty beacon: send {\"articleId\": \"...\"}");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new BadBeacon("beacon too large: at most " + MAX_BODY_BYTES + " bytes");
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadBeacon("beacon is not JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new BadBeacon("beacon could not be read");
        }
        if (json == null || !json.isObject()) {
            throw new BadBeacon("beacon must be a JSON object with articleId");
        }
        JsonNode id = json.get("articleId");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw new BadBeacon("articleId is required");
        }
        EnrichedArticle article = articles.byId(id.asText())
                .orElseThrow(() -> new BadBeacon("unknown article: " + id.asText()));
        String visitor = text(json, "visitor").filter(v -> VISITOR_ID.matcher(v).matches())
                .orElse("addr:" + address + "|" + userAgent);
        String ua = userAgent == null ? null
                : userAgent.substring(0, Math.min(MAX_USER_AGENT, userAgent.length()));
        PageView view = PageView.newBuilder()
                .setArticleId(article.getArticle().getId())
                .setSection(ArticleStore.sectionSlug(article.getArticle().getSection()))
                .setVisitorHash(hash(visitor))
                .setViewedAt(clock.instant())
                .setReferrer(text(json, "referrer").map(BeaconCollector::host).orElse(null))
                .setUserAgent(ua)
                .setBot(BotDetector.DEFAULT.isBotRequest(userAgent))
                .build();
        return sink.write(view).thenApply(acknowledged -> view);
    }

    private static Optional<String> text(JsonNode json, String field) {
        JsonNode n = json.get(field);
        return n != null && n.isTextual() && !n.asText().isBlank() ? Optional.of(n.asText()) : Optional.empty();
    }

    /** Only the referring host is kept ("news.example.com"), never the full URL. */
    private static String host(String referrer) {
        String r = referrer.trim();
        try {
            URI uri = new URI(r.contains("://") ? r : "https://" + r);
            String host = uri.getHost();
            return host == null || host.length() > 253 ? null : host.toLowerCase(java.util.Locale.ROOT);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private String hash(String visitor) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return HexFormat.of().formatHex(sha.digest(visitor.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
