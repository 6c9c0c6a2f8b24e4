package io.inkstream.events.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client of the Confluent Schema Registry REST API v1 (ours or Confluent's), with the caches
 * a serde needs so that the registry is asked once per schema, not once per record: schema by
 * id, id by (subject, schema), and the latest version per subject.
 *
 * <p>Connect errors and 5xx answers are retried with exponential backoff, trying each URL of
 * a comma-separated {@code schema.registry.url} in turn; 4xx answers are not retried and
 * surface Confluent's {@code error_code}.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private static final Logger log = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> baseUrls;
    private final HttpClient http;
    private final String authorization;
    private final int maxRetries;
    private final long retryWaitMs;
    private final long retryMaxWaitMs;
    private final long latestTtlMs;

    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<String, CachedLatest> latestBySubject = new ConcurrentHashMap<>();

    private record CachedLatest(RegisteredSchema schema, long fetchedAt) {
    }

    public RestSchemaRegistryClient(AvroSerdeConfig config) {
        this.baseUrls = new ArrayList<>();
        for (String url : config.registryUrls()) {
            baseUrls.add(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        }
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String userInfo = config.basicAuthUserInfo();
        this.authorization = userInfo == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
        this.maxRetries = config.maxRetries();
        this.retryWaitMs = config.retryWaitMs();
        this.retryMaxWaitMs = config.retryMaxWaitMs();
        this.latestTtlMs = config.latestCacheTtlMs();
    }

    @Override
    public int register(String subject, Schema schema) {
        Map<Schema, Integer> ids = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        Integer cached = ids.get(schema);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
        int id = answer.path("id").asInt();
        ids.put(schema, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public int idOf(String subject, Schema schema) {
        Map<Schema, Integer> ids = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        Integer cached = ids.get(schema);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("POST", "/subjects/" + encode(subject), schemaBody(schema));
        int id = answer.path("id").asInt();
        ids.put(schema, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("GET", "/schemas/ids/" + id, null);
        Schema schema = parse(answer);
        schemasById.put(id, schema);
        return schema;
    }

    @Override
    public RegisteredSchema latest(String subject) {
        CachedLatest cached = latestBySubject.get(subject);
        long now = System.currentTimeMillis();
        if (cached != null && (latestTtlMs < 0 || now - cached.fetchedAt() < latestTtlMs)) {
            return cached.schema();
        }
        JsonNode answer = send("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
        RegisteredSchema latest = new RegisteredSchema(subject, answer.path("version").asInt(),
                answer.path("id").asInt(), parse(answer));
        schemasById.putIfAbsent(latest.id(), latest.schema());
        latestBySubject.put(subject, new CachedLatest(latest, now));
        return latest;
    }

    @Override
    public List<String> subjects() {
        JsonNode answer = send("GET", "/subjects", null);
        List<String> subjects = new ArrayList<>();
        answer.forEach(node -> subjects.add(node.asText()));
        return subjects;
    }

    private static String schemaBody(Schema schema) {
        ObjectNode body = JSON.createObjectNode();
        body.put("schema", schema.toString());
        return body.toString();
    }

    private static Schema parse(JsonNode answer) {
        String type = answer.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw new SchemaRegistryException("schema type " + type + " is not supported; only AVRO", 422, 42201);
        }
        return new Schema.Parser().parse(answer.path("schema").asText());
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One REST call with retries: connect errors and 5xx are retried, 4xx are final. */
    private JsonNode send(String method, String path, String body) {
        SchemaRegistryException last = null;
        long wait = retryWaitMs;
        for (int attempt = 0; attempt <= maxRetries; attempt++) {
            for (String base : baseUrls) {
                try {
                    return sendOnce(base, method, path, body);
                } catch (SchemaRegistryException e) {
                    if (e.status() >= 400 && e.status() < 500) {
                        throw e;
                    }
                    last = e;
                }
            }
            if (attempt < maxRetries) {
                log.debug("schema registry call {} {} failed ({}); retrying in {} ms", method, path, last.getMessage(), wait);
                sleep(wait);
                wait = Math.min(wait * 2, retryMaxWaitMs);
            }
        }
        throw last;
    }

    private JsonNode sendOnce(String base, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", CONTENT_TYPE + ", application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", CONTENT_TYPE);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SchemaRegistryException("schema registry at " + base + " could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("interrupted while calling the schema registry at " + base, e);
        }
        JsonNode json = readJson(response.body());
        if (response.statusCode() >= 300) {
            int errorCode = json.path("error_code").asInt(response.statusCode());
            String message = json.path("message").asText(response.body());
            throw new SchemaRegistryException("schema registry " + method + " " + path + " answered "
                    + response.statusCode() + " (error_code " + errorCode + "): " + message,
                    response.statusCode(), errorCode);
        }
        return json;
    }

    private static JsonNode readJson(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
