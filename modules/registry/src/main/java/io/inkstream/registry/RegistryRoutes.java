package io.inkstream.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Confluent Schema Registry REST API v1 over a {@link SchemaRegistry}: the route table, the
 * JSON bodies Confluent's clients expect, and Confluent's error bodies
 * ({@code {"error_code": N, "message": "..."}}).
 */
final class RegistryRoutes {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    /** A version of a subject as Confluent answers it; schemaType and references only when set. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record VersionBody(String subject, Integer version, Integer id, String schemaType,
                       List<SchemaReference> references, String schema) {
        static VersionBody of(StoredSchema s) {
            return new VersionBody(s.subject(), s.version(), s.id(), typeOrNull(s), s.references(), s.schema());
        }
    }

    /** A schema fetched by id. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record SchemaBody(String schema, String schemaType, List<SchemaReference> references) {
    }

    record SubjectVersion(String subject, int version) {
    }

    private final SchemaRegistry registry;
    private final ObjectMapper json;

    RegistryRoutes(SchemaRegistry registry, ObjectMapper json) {
        this.registry = registry;
        this.json = json;
    }

    void addTo(Javalin app) {
        app.get("/", ctx -> respond(ctx, Map.of()));
        app.get("/schemas/types", ctx -> respond(ctx, List.of(SchemaRegistry.AVRO)));
        app.get("/schemas/ids/{id}", ctx -> {
            StoredSchema s = registry.byId(id(ctx));
            respond(ctx, new SchemaBody(s.schema(), typeOrNull(s), s.references()));
        });
        app.get("/schemas/ids/{id}/schema", ctx -> respondRaw(ctx, registry.byId(id(ctx)).schema()));
        app.get("/schemas/ids/{id}/versions", ctx -> respond(ctx, registry.usagesOf(id(ctx), deleted(ctx)).stream()
                .map(s -> new SubjectVersion(s.subject(), s.version())).toList()));
        app.get("/schemas/ids/{id}/subjects", ctx -> respond(ctx, registry.usagesOf(id(ctx), deleted(ctx)).stream()
                .map(StoredSchema::subject).distinct().toList()));

        app.get("/subjects", ctx -> respond(ctx, registry.subjects(deleted(ctx), ctx.queryParam("subjectPrefix"))));
        app.post("/subjects/{subject}", ctx -> respond(ctx,
                VersionBody.of(registry.lookup(subject(ctx), request(ctx), deleted(ctx)))));
        app.delete("/subjects/{subject}", ctx -> respond(ctx, registry.deleteSubject(subject(ctx), permanent(ctx))));
        app.get("/subjects/{subject}/versions", ctx -> respond(ctx,
                registry.versionNumbers(subject(ctx), deleted(ctx))));
        app.post("/subjects/{subject}/versions", ctx -> respond(ctx,
                Map.of("id", registry.register(subject(ctx), request(ctx)))));
        app.get("/subjects/{subject}/versions/{version}", ctx -> respond(ctx,
                VersionBody.of(registry.version(subject(ctx), ctx.pathParam("version"), deleted(ctx)))));
        app.get("/subjects/{subject}/versions/{version}/schema", ctx -> respondRaw(ctx,
                registry.version(subject(ctx), ctx.pathParam("version"), deleted(ctx)).schema()));
        app.delete("/subjects/{subject}/versions/{version}", ctx -> respond(ctx,
                registry.deleteVersion(subject(ctx), ctx.pathParam("version"), permanent(ctx))));

        app.get("/config", ctx -> respond(ctx, level("compatibilityLevel", registry.globalLevel())));
        app.put("/config", ctx -> respond(ctx, level("compatibility", registry.setGlobalLevel(levelIn(ctx)))));
        app.delete("/config", ctx -> respond(ctx, level("compatibilityLevel", registry.deleteGlobalLevel())));
        app.get("/config/{subject}", ctx -> respond(ctx, level("compatibilityLevel",
                registry.subjectLevel(subject(ctx), "true".equalsIgnoreCase(ctx.queryParam("defaultToGlobal"))))));
        app.put("/config/{subject}", ctx -> respond(ctx, level("compatibility",
                registry.setSubjectLevel(subject(ctx), levelIn(ctx)))));
        app.delete("/config/{subject}", ctx -> respond(ctx, level("compatibilityLevel",
                registry.deleteSubjectLevel(subject(ctx)))));

        app.post("/compatibility/subjects/{subject}/versions/{version}", ctx ->
                compatibility(ctx, ctx.pathParam("version")));
        app.post("/compatibility/subjects/{subject}/versions", ctx -> compatibility(ctx, null));

        app.get("/mode", ctx -> respond(ctx, Map.of("mode", "READWRITE")));
        app.get("/mode/{subject}", ctx -> respond(ctx, Map.of("mode", "READWRITE")));

        app.exception(RegistryException.class, (e, ctx) -> error(ctx, e.httpStatus(), e.errorCode(), e.getMessage()));
        app.exception(HttpResponseException.class, (e, ctx) ->
                error(ctx, e.getStatus(), e.getStatus(), "HTTP " + e.getStatus() + " " + e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> error(ctx, 500, 500, "Internal error: " + e));
    }

    private void compatibility(Context ctx, String version) {
        List<String> problems = registry.testCompatibility(subject(ctx), version, request(ctx));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("is_compatible", problems.isEmpty());
        if ("true".equalsIgnoreCase(ctx.queryParam("verbose"))) {
            body.put("messages", problems);
        }
        respond(ctx, body);
    }

    private static String typeOrNull(StoredSchema s) {
        return SchemaRegistry.AVRO.equals(s.schemaType()) ? null : s.schemaType();
    }

    private static Map<String, String> level(String field, CompatibilityLevel level) {
        return Map.of(field, level.name());
    }

    private static String subject(Context ctx) {
        return ctx.pathParam("subject");
    }

    private static int id(Context ctx) {
        try {
            return Integer.parseInt(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new RegistryException(404, 40403, "Schema " + ctx.pathParam("id") + " not found");
        }
    }

    private static boolean deleted(Context ctx) {
        return "true".equalsIgnoreCase(ctx.queryParam("deleted"));
    }

    private static boolean permanent(Context ctx) {
        return "true".equalsIgnoreCase(ctx.queryParam("permanent"));
    }

    /** Request bodies are read as JSON whatever their declared content type. */
    private JsonNode body(Context ctx) {
        try {
            JsonNode node = json.readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw RegistryException.badRequest("The request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw RegistryException.badRequest("Malformed JSON: " + e.getOriginalMessage());
        }
    }

    private RegisterRequest request(Context ctx) {
        try {
            return json.treeToValue(body(ctx), RegisterRequest.class);
        } catch (JsonProcessingException e) {
            throw new RegistryException(422, 422, "Unprocessable request: " + e.getOriginalMessage());
        }
    }

    private CompatibilityLevel levelIn(Context ctx) {
        JsonNode level = body(ctx).get("compatibility");
        return CompatibilityLevel.parse(level == null || level.isNull() ? null : level.asText());
    }

    private void respond(Context ctx, Object body) {
        try {
            ctx.contentType(CONTENT_TYPE).result(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON answer", e);
        }
    }

    /** The bare schema text, which is itself JSON. */
    private static void respondRaw(Context ctx, String schema) {
        ctx.contentType(CONTENT_TYPE).result(schema);
    }

    private void error(Context ctx, int status, int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", code);
        body.put("message", message);
        try {
            ctx.status(status).contentType(CONTENT_TYPE).result(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            ctx.status(500).result("{\"error_code\":500,\"message\":\"cannot write error\"}");
        }
    }
}
