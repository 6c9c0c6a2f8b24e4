package io.inkstream.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends feed files to ingest the way any wire client does: {@code POST /v1/items?filename=...} over
 * real HTTP, reading the article id from the 202 answer and the reason from a 4xx.
 */
public final class FeedSender {

    /** What ingest answered for one file. */
    public record Outcome(FeedItem item, int status, String articleId, boolean duplicate, String message) {

        public boolean accepted() {
            return status / 100 == 2 && articleId != null;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String items;

    /** @param baseUrl where ingest listens, e.g. {@code http://localhost:8080} */
    public FeedSender(HttpClient http, String baseUrl) {
        this.http = http;
        this.items = baseUrl + "/v1/items";
    }

    public Outcome send(FeedItem item) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(items + "?filename=" + URLEncoder.encode(item.name(), StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", item.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(item.bytes()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Outcome(item, 0, null, false, "cannot reach ingest: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(item, 0, null, false, "interrupted");
        }
        JsonNode body = readJson(response.body());
        if (response.statusCode() / 100 == 2) {
            return new Outcome(item, response.statusCode(), body.path("articleId").asText(null),
                    body.path("duplicate").asBoolean(false), null);
        }
        return new Outcome(item, response.statusCode(), null, false,
                body.path("message").asText(response.body()));
    }

    private static JsonNode readJson(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
