package io.inkstream.bench.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The stack's HTTP surface as the benchmark uses it: what a wire client, a reader's page and the widget call. */
final class StackClient {

    /** A browser's user agent: the beacon counts no bots, and Java's own agent looks like one. */
    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    StackClient(String baseUrl) {
        this.base = baseUrl;
    }

    /** Status of a GET, or -1 when nothing answers (not up yet). */
    int status(String path) {
        try {
            return http.send(get(path), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** POSTs a wire item; the article id from the 202 answer. */
    String ingest(String ninjsJson) throws IOException, InterruptedException {
        HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/v1/items")).timeout(TIMEOUT)
                .header("Content-Type", "application/ninjs+json")
                .POST(HttpRequest.BodyPublishers.ofString(ninjsJson, StandardCharsets.UTF_8)).build();
        HttpResponse<String> answer = http.send(post, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 202) {
            throw new IOException("POST /v1/items answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body()).path("articleId").asText();
    }

    /** The article's site path once the ninjs API knows it (its web rendition, ninjs 2.2), empty while it does not. */
    Optional<String> canonicalPath(String articleId) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(get("/api/v1/articles/" + articleId), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            return Optional.empty();
        }
        for (com.fasterxml.jackson.databind.JsonNode rendition : JSON.readTree(answer.body()).path("renditions")) {
            if (rendition.path("name").asText().equals("web") && rendition.hasNonNull("href")) {
                return Optional.of(URI.create(rendition.path("href").asText()).getRawPath());
            }
        }
        return Optional.empty();
    }

    /** Sends one reader's beacon; completes with the status (204 when accepted). */
    CompletableFuture<Integer> beacon(String articleId, String visitor) {
        String body = "{\"articleId\":\"" + articleId + "\",\"visitor\":\"" + visitor + "\",\"referrer\":\"https://www.google.com/\"}";
        HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/v1/beacon")).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("User-Agent", BROWSER)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.sendAsync(post, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    /** GET of a JSON resource, null unless 200. */
    JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(get(path), HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() == 200 ? JSON.readTree(answer.body()) : null;
    }

    /** The JSON body of a GET whatever its status ({@code /health} tells what it waits for in its 503), null when nothing answers. */
    JsonNode jsonAnyStatus(String path) {
        try {
            return JSON.readTree(http.send(get(path), HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header("User-Agent", BROWSER).GET().build();
    }
}
