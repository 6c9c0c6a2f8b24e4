package io.inkstream.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Supplier;

/** Talks to a registry over real HTTP the way Confluent's clients do. */
final class RegistryHttp {

    /** Status, content type and parsed JSON body of one answer. */
    record Answer(int status, String contentType, JsonNode body) {
        int errorCode() {
            return body.path("error_code").asInt();
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final Supplier<String> baseUrl;

    RegistryHttp(String baseUrl) {
        this(() -> baseUrl);
    }

    /** For a registry whose URL is known only once it started. */
    RegistryHttp(Supplier<String> baseUrl) {
        this.baseUrl = baseUrl;
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Answer delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    Answer post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer put(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Any method with the given request and answer types; a null body sends none. */
    Answer exchange(String method, String path, String body, String contentType, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request, accept);
    }

    /** Registers a request body (schema, references, id, version...) and answers the whole answer. */
    Answer registerBody(String subject, String body) {
        return post("/subjects/" + subject + "/versions", body);
    }

    /** The registry's base URL, for tests that send bytes of their own. */
    String baseUrl() {
        return baseUrl.get();
    }

    private URI uri(String path) {
        return URI.create(baseUrl.get() + path);
    }

    /** Registers an Avro schema and answers the id (fails the test on an error). */
    int register(String subject, String schema) {
        Answer a = post("/subjects/" + subject + "/versions", schemaBody(schema));
        if (a.status() != 200) {
            throw new AssertionError("register " + subject + " failed: " + a);
        }
        return a.body().get("id").asInt();
    }

    static String schemaBody(String schema) {
        return JSON.createObjectNode().put("schema", schema).toString();
    }

    private static Answer send(HttpRequest.Builder request) {
        return send(request, "application/vnd.schemaregistry.v1+json");
    }

    private static Answer send(HttpRequest.Builder request, String accept) {
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            HttpResponse<String> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
            } catch (IOException notJson) {
                body = JSON.getNodeFactory().textNode(r.body()); // e.g. a server's own HTML error page
            }
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
