package io.inkstream.app.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends a view as the site's page script does: {@code POST /v1/beacon} with
 * {@code {"articleId", "visitor", "referrer"}} and the reader's User-Agent, so the renderer's own
 * validation, visitor hashing and bot detection apply to the simulated readers too.
 */
public final class BeaconSink implements ViewSink {

    private static final Logger log = LoggerFactory.getLogger(BeaconSink.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI beacon;

    /** @param baseUrl the site, e.g. {@code http://localhost:8080} */
    public BeaconSink(HttpClient http, String baseUrl) {
        this.http = http;
        this.beacon = URI.create(baseUrl + "/v1/beacon");
    }

    @Override
    public boolean send(View view) {
        ObjectNode body = JSON.createObjectNode().put("articleId", view.articleId()).put("visitor", view.visitorId());
        if (view.referrer() != null) {
            body.put("referrer", "https://" + view.referrer() + "/");
        }
        HttpRequest request = HttpRequest.newBuilder(beacon)
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("User-Agent", view.userAgent())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                log.debug("beacon refused ({}): {}", response.statusCode(), response.body());
                return false;
            }
            return true;
        } catch (IOException e) {
            log.debug("beacon not sent: {}", e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
