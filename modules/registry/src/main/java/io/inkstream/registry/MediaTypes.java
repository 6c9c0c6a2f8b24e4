package io.inkstream.registry;

import io.javalin.http.Context;

import java.util.List;
import java.util.Locale;

/**
 * Confluent's content negotiation: requests may send {@code application/vnd.schemaregistry.v1+json},
 * {@code application/vnd.schemaregistry+json}, {@code application/json} or
 * {@code application/octet-stream} (anything else is 415); answers come in the first of the
 * three JSON types the {@code Accept} header prefers (quality values count), the v1 type for a
 * wildcard or no header, and 406 when it names none of them.
 */
final class MediaTypes {

    static final String V1 = "application/vnd.schemaregistry.v1+json";
    static final String GENERIC = "application/vnd.schemaregistry+json";
    static final String JSON = "application/json";
    private static final List<String> ANSWERS = List.of(V1, GENERIC, JSON);
    private static final List<String> BODIES = List.of(V1, GENERIC, JSON, "application/octet-stream");
    private static final String ATTRIBUTE = "inkstream.registry.answer-type";

    private MediaTypes() {
    }

    /** Checks a request's types before it is handled and remembers the type to answer in. */
    static void negotiate(Context ctx) {
        ctx.attribute(ATTRIBUTE, V1); // errors below are answered in the default type
        String method = ctx.method().name();
        String sent = ctx.header("Content-Type");
        if (("POST".equals(method) || "PUT".equals(method)) && sent != null && !sent.isBlank()
                && !BODIES.contains(bare(sent))) {
            throw new RegistryException(415, 415, "HTTP 415 Unsupported Media Type: " + sent);
        }
        ctx.attribute(ATTRIBUTE, answerType(ctx.header("Accept")));
    }

    /** The type to answer in, as negotiated (the v1 type when negotiation did not run). */
    static String of(Context ctx) {
        String type = ctx.attribute(ATTRIBUTE);
        return type == null ? V1 : type;
    }

    /**
     * The acceptable type of highest quality ({@code q}); among equals an explicitly named JSON
     * type before a wildcard, and the v1 type before the others.
     */
    private static String answerType(String accept) {
        if (accept == null || accept.isBlank()) {
            return V1;
        }
        String best = null;
        double bestQuality = 0;
        int bestRank = Integer.MAX_VALUE;
        for (String part : accept.split(",")) {
            String type = bare(part);
            boolean wildcard = "*/*".equals(type) || "*".equals(type) || "application/*".equals(type);
            int rank = wildcard ? ANSWERS.size() : ANSWERS.indexOf(type);
            double quality = quality(part);
            if (rank >= 0 && quality > 0 && (quality > bestQuality || (quality == bestQuality && rank < bestRank))) {
                best = wildcard ? V1 : type;
                bestQuality = quality;
                bestRank = rank;
            }
        }
        if (best == null) {
            throw new RegistryException(406, 406, "HTTP 406 Not Acceptable: " + accept);
        }
        return best;
    }

    private static double quality(String mediaRange) {
        for (String parameter : mediaRange.split(";")) {
            String p = parameter.trim();
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    private static String bare(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
