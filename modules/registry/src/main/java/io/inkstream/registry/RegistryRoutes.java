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

    /** A version of a subject as Confluent answers it; schemaType and references only when set. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record VersionBody(String subject, Integer version, Integer id, String schemaType,
                       List<SchemaReference> references, String schema, Long ts, Boolean deleted) {
        static VersionBody of(StoredSchema s) {
            return new VersionBody(s.subject(), s.version(), s.id(), typeOrNull(s), s.references(), s.schema(),
                    s.ts(), s.deleted());
        }

        VersionBody withSchema(String text) {
            return new VersionBody(subject, version, id, schemaType, references, text, ts, deleted);
        }
    }

    /** A schema fetched by id; subject and version when asked with {@code ?subject=}, maxId with {@code fetchMaxId}. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record SchemaBody(String schema, String schemaType, List<SchemaReference> references, String subject,
                      Integer version, Long ts, Boolean deleted, Integer maxId) {
    }

    record SubjectVersion(String subject, int version) {
    }

    /** Confluent's config answer: the level and, when set, the normalize flag. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ConfigBody(String compatibilityLevel, Boolean normalize) {
    }

    /** Confluent's answer to a config update: the request's shape. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ConfigUpdateBody(String compatibility, Boolean normalize) {
    }

    /** Confluent's name of the one context this registry has. */
    static final String DEFAULT_CONTEXT = ".";

    private final SchemaRegistry registry;
    private final ObjectMapper json;
    private final AnswerCache cache;

    RegistryRoutes(SchemaRegistry registry, ObjectMapper json) {
        this.registry = registry;
        this.json = json;
        this.cache = new AnswerCache(registry::changeCount);
    }

    void addTo(Javalin app) {
        app.before(MediaTypes::negotiate);
        app.get("/", ctx -> respond(ctx, Map.of()));
        app.post("/", ctx -> respond(ctx, Map.of()));
        app.get("/schemas", ctx -> respond(ctx, page(ctx, registry.schemas(ctx.queryParam("subjectPrefix"),
                deleted(ctx), flag(ctx, "latestOnly")).stream().map(VersionBody::of).toList())));
        app.get("/schemas/types", ctx -> respond(ctx, List.of(SchemaRegistry.AVRO)));
        app.get("/contexts", ctx -> respond(ctx, page(ctx, List.of(DEFAULT_CONTEXT))));
        app.get("/schemas/ids/{id}", this::schemaById);
        app.get("/schemas/ids/{id}/schema", ctx -> respondRaw(ctx, registry.byId(id(ctx)).schema()));
        app.get("/schemas/ids/{id}/versions", ctx -> respond(ctx, page(ctx, usages(ctx).stream()
                .map(s -> new SubjectVersion(s.subject(), s.version())).toList())));
        app.get("/schemas/ids/{id}/subjects", ctx -> respond(ctx, page(ctx, usages(ctx).stream()
                .map(StoredSchema::subject).distinct().toList())));

        app.get("/subjects", ctx -> respond(ctx, page(ctx, registry.subjects(deleted(ctx), flag(ctx, "deletedOnly"),
                ctx.queryParam("subjectPrefix")))));
        app.post("/subjects/{subject}", this::lookup);
        app.delete("/subjects/{subject}", ctx -> respond(ctx, registry.deleteSubject(subject(ctx), permanent(ctx))));
        app.get("/subjects/{subject}/versions", ctx -> respond(ctx, page(ctx,
                registry.versionNumbers(subject(ctx), deleted(ctx), flag(ctx, "deletedOnly")))));
        app.post("/subjects/{subject}/versions", ctx -> {
            SchemaRegistry.Registered r = registry.register(subject(ctx), request(ctx), flag(ctx, "normalize"));
            respond(ctx, Map.of("id", r.id(), "version", r.version()));
        });
        app.get("/subjects/{subject}/versions/{version}", ctx -> {
            StoredSchema s = registry.version(subject(ctx), ctx.pathParam("version"), deleted(ctx));
            respond(ctx, resolved(ctx) ? VersionBody.of(s).withSchema(registry.resolved(s)) : VersionBody.of(s));
        });
        app.get("/subjects/{subject}/versions/{version}/schema", ctx -> respondRaw(ctx,
                registry.version(subject(ctx), ctx.pathParam("version"), deleted(ctx)).schema()));
        app.get("/subjects/{subject}/versions/{version}/referencedby", ctx -> respond(ctx, page(ctx,
                registry.referencedBy(subject(ctx), ctx.pathParam("version")))));
        app.delete("/subjects/{subject}/versions/{version}", ctx -> respond(ctx,
                registry.deleteVersion(subject(ctx), ctx.pathParam("version"), permanent(ctx))));

        app.get("/config", ctx -> respond(ctx, config(registry.globalLevel(), registry.ownNormalize(null))));
        app.put("/config", ctx -> respond(ctx, setConfig(ctx, null)));
        app.delete("/config", ctx -> respond(ctx, level("compatibilityLevel", registry.deleteGlobalLevel())));
        app.get("/config/{subject}", this::subjectConfig);
        app.put("/config/{subject}", ctx -> respond(ctx, setConfig(ctx, subject(ctx))));
        app.delete("/config/{subject}", ctx -> respond(ctx, level("compatibilityLevel",
                registry.deleteSubjectLevel(subject(ctx)))));

        app.post("/compatibility/subjects/{subject}/versions/{version}", ctx ->
                compatibility(ctx, ctx.pathParam("version")));
        app.post("/compatibility/subjects/{subject}/versions", ctx -> compatibility(ctx, null));

        RegistryModes modes = registry.modes();
        app.get("/mode", ctx -> respond(ctx, mode(modes.global())));
        app.put("/mode", ctx -> respond(ctx, setMode(ctx, null)));
        app.delete("/mode", ctx -> respond(ctx, mode(modes.delete(null, flag(ctx, "recursive")))));
        app.get("/mode/{subject}", ctx -> respond(ctx, mode(modes.ofSubject(subject(ctx), flag(ctx, "defaultToGlobal")))));
        app.put("/mode/{subject}", ctx -> respond(ctx, setMode(ctx, subject(ctx))));
        app.delete("/mode/{subject}", ctx -> respond(ctx, mode(modes.delete(subject(ctx), false))));

        app.exception(RegistryException.class, (e, ctx) -> error(ctx, e.httpStatus(), e.errorCode(), e.getMessage()));
        app.exception(HttpResponseException.class, (e, ctx) ->
                error(ctx, e.getStatus(), e.getStatus(), "HTTP " + e.getStatus() + " " + e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> error(ctx, 500, 500, "Internal error: " + e));
    }

    /** By id: the serialized answer is kept until the state changes (the serializers ask this most). */
    private void schemaById(Context ctx) {
        int id = id(ctx);
        String subject = ctx.queryParam("subject");
        boolean fetchMaxId = flag(ctx, "fetchMaxId");
        boolean resolved = resolved(ctx);
        respondBytes(ctx, cache.get("id/" + id + "/" + subject + "/" + fetchMaxId + "/" + resolved, () -> {
            StoredSchema s = registry.byId(id);
            StoredSchema in = subject == null ? null : registry.usagesOf(id, true).stream()
                    .filter(u -> u.subject().equals(subject)).reduce((a, b) -> b).orElse(null);
            return bytes(new SchemaBody(resolved ? registry.resolved(s) : s.schema(), typeOrNull(s), s.references(),
                    in == null ? null : in.subject(), in == null ? null : in.version(),
                    s.ts(), s.deleted(), fetchMaxId ? registry.maxId() : null));
        }));
    }

    /** Schema to version: answers of repeated lookups are kept until the state changes. */
    private void lookup(Context ctx) {
        String subject = subject(ctx);
        boolean deleted = deleted(ctx);
        boolean normalize = flag(ctx, "normalize");
        String body = ctx.body();
        respondBytes(ctx, cache.get("lookup/" + subject + "/" + deleted + "/" + normalize + "/" + body, () ->
                bytes(VersionBody.of(registry.lookup(subject, request(ctx), deleted, normalize)))));
    }

    private List<StoredSchema> usages(Context ctx) {
        int id = id(ctx);
        List<StoredSchema> usages = registry.usagesOf(id, deleted(ctx));
        String subject = ctx.queryParam("subject");
        return subject == null ? usages : usages.stream().filter(u -> u.subject().equals(subject)).toList();
    }

    private void subjectConfig(Context ctx) {
        String subject = subject(ctx);
        boolean defaultToGlobal = flag(ctx, "defaultToGlobal");
        Boolean normalize = defaultToGlobal ? Boolean.valueOf(registry.normalizeConfig(subject))
                : registry.ownNormalize(subject);
        CompatibilityLevel level;
        try {
            level = registry.subjectLevel(subject, defaultToGlobal);
        } catch (RegistryException e) {
            if (normalize == null) {
                throw e;
            }
            level = null; // only normalize is set for this subject
        }
        respond(ctx, config(level, normalize));
    }

    private ConfigUpdateBody setConfig(Context ctx, String subject) {
        JsonNode body = body(ctx);
        JsonNode level = body.get("compatibility");
        if (level == null || level.isNull()) {
            level = body.get("compatibilityLevel");
        }
        JsonNode normalize = body.get("normalize");
        boolean hasNormalize = normalize != null && !normalize.isNull();
        CompatibilityLevel parsed = level == null || level.isNull()
                ? (hasNormalize ? null : CompatibilityLevel.parse(null))
                : CompatibilityLevel.parse(level.asText());
        SchemasTopicFormat.ConfigSet set = registry.setConfig(subject, parsed, hasNormalize ? normalize.asBoolean() : null);
        return new ConfigUpdateBody(set.level() == null ? null : set.level().name(), set.normalize());
    }

    private Map<String, String> setMode(Context ctx, String subject) {
        JsonNode mode = body(ctx).get("mode");
        if (mode == null || mode.isNull()) {
            registry.modes().delete(subject, false);
            return Map.of();
        }
        return mode(registry.modes().set(subject, Mode.parse(mode.asText()), flag(ctx, "force")));
    }

    private static Map<String, String> mode(Mode mode) {
        return Map.of("mode", mode.name());
    }

    private static ConfigBody config(CompatibilityLevel level, Boolean normalize) {
        return new ConfigBody(level == null ? null : level.name(), normalize);
    }

    /** Confluent's paging: {@code offset} items skipped, at most {@code limit} (absent or -1: all). */
    static <T> List<T> page(Context ctx, List<T> all) {
        int offset = Math.max(0, intParam(ctx, "offset", 0));
        int limit = intParam(ctx, "limit", -1);
        if (offset >= all.size()) {
            return List.of();
        }
        int end = limit < 0 ? all.size() : (int) Math.min(all.size(), (long) offset + limit);
        return all.subList(offset, end);
    }

    private static int intParam(Context ctx, String name, int absent) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw RegistryException.badRequest("Query parameter " + name + " must be an integer, got " + value);
        }
    }

    /** {@code format=resolved}: referenced types inline; any other format is the stored text, as Confluent answers. */
    private static boolean resolved(Context ctx) {
        return "resolved".equalsIgnoreCase(ctx.queryParam("format"));
    }

    private static boolean flag(Context ctx, String name) {
        return "true".equalsIgnoreCase(ctx.queryParam(name));
    }

    private void compatibility(Context ctx, String version) {
        boolean verbose = flag(ctx, "verbose");
        List<String> problems;
        try {
            problems = registry.testCompatibility(subject(ctx), version, request(ctx));
        } catch (RegistryException e) {
            if (!verbose || e.errorCode() != 42201) {
                throw e;
            }
            problems = List.of(e.getMessage()); // verbose: an invalid schema is an incompatible one, with the reason
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("is_compatible", problems.isEmpty());
        if (verbose) {
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
        respondBytes(ctx, bytes(body));
    }

    private byte[] bytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON answer", e);
        }
    }

    private static void respondBytes(Context ctx, byte[] body) {
        ctx.contentType(MediaTypes.of(ctx)).result(body);
    }

    /** The bare schema text, which is itself JSON. */
    private static void respondRaw(Context ctx, String schema) {
        ctx.contentType(MediaTypes.of(ctx)).result(schema);
    }

    private void error(Context ctx, int status, int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", code);
        body.put("message", message);
        try {
            ctx.status(status).contentType(MediaTypes.of(ctx)).result(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            ctx.status(500).result("{\"error_code\":500,\"message\":\"cannot write error\"}");
        }
    }
}
