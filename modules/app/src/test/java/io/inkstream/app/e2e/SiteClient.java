package io.inkstream.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.support.ui.FluentWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What reaches a running Inkstream over real HTTP from outside: a wire feed pushing items, a reader's
 * browser sending a beacon, a partner reading the ninjs API. Nothing here touches the process's insides.
 */
final class SiteClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SiteClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    String url(String path) {
        return baseUrl + path;
    }

    /** Pushes one wire item to ingest ({@code POST /v1/items}); returns the id of the article it became. */
    String ingest(byte[] item, String contentType, String filename) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url("/v1/items?filename=" + filename)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(item)));
        assertThat(response.statusCode()).as("ingest's answer to %s: %s", filename, response.body()).isEqualTo(202);
        String articleId = json(response.body()).path("articleId").asText(null);
        assertThat(articleId).as("article id in %s", response.body()).isNotBlank();
        return articleId;
    }

    /**
     * Waits until the site serves the article (enriched and in the renderer's store) and returns its
     * site path, as the ninjs API gives it.
     */
    String awaitArticlePath(String articleId, Duration timeout) {
        return new FluentWait<>(this).withTimeout(timeout).pollingEvery(Duration.ofMillis(200))
                .withMessage("article " + articleId + " on the site")
                .until(client -> {
                    HttpResponse<String> r = client.get("/api/v1/articles/" + articleId);
                    if (r.statusCode() != 200) {
                        return null;
                    }
                    for (JsonNode rendition : json(r.body()).path("renditions")) { // ninjs 2.2: the page is the web rendition
                        if (rendition.path("name").asText().equals("web")) {
                            return URI.create(rendition.path("href").asText()).getRawPath();
                        }
                    }
                    return null;
                });
    }

    /** What the page's script sends when a reader opens an article ({@code POST /v1/beacon}). */
    void beacon(String articleId, String visitor) {
        String body = JSON.createObjectNode().put("articleId", articleId).put("visitor", visitor)
                .put("referrer", "news.example.com").toString();
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url("/v1/beacon")))
                .header("Content-Type", "text/plain;charset=UTF-8")
                .header("User-Agent", HeadlessChromium.READER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).as("beacon answer: %s", response.body()).isEqualTo(204);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
