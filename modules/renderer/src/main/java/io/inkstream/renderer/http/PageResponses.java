package io.inkstream.renderer.http;

import io.inkstream.renderer.page.RenderedPage;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * Sends what the site renders with the headers every page needs: a Content-Security-Policy that allows
 * no inline script or style, nosniff, and validators (a strong ETag of the bytes, Last-Modified) so an
 * unchanged page answers 304.
 */
final class PageResponses {

    /** Scripts and styles only from this origin; images also from https (wire photos live elsewhere). */
    static final String CSP_BASE = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

    private PageResponses() {
    }

    static void securityHeaders(Context ctx, String frameAncestors) {
        ctx.header("Content-Security-Policy", CSP_BASE + "; frame-ancestors " + frameAncestors);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
    }

    static void html(Context ctx, RenderedPage page) {
        html(ctx, page, "'self'");
    }

    static void html(Context ctx, RenderedPage page, String frameAncestors) {
        securityHeaders(ctx, frameAncestors);
        if (page.status() == 301) {
            ctx.header("Location", page.location());
            ctx.status(301);
            return;
        }
        ctx.contentType("text/html; charset=utf-8");
        send(ctx, page.status(), page.html(), page.lastModified());
    }

    /** Sends a body with validators; answers 304 when the client already has these bytes. */
    static void send(Context ctx, int status, String body, Instant lastModified) {
        ctx.header("X-Content-Type-Options", "nosniff");
        if (status != 200) {
            ctx.header("Cache-Control", "no-store");
            ctx.status(status).result(body);
            return;
        }
        String etag = etag(body);
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "no-cache");
        if (lastModified != null) {
            ctx.header("Last-Modified", httpDate(lastModified));
        }
        if (notModified(ctx, etag, lastModified)) {
            ctx.status(304);
            return;
        }
        ctx.status(200).result(body);
    }

    private static boolean notModified(Context ctx, String etag, Instant lastModified) {
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null) {
            // If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2).
            for (String candidate : ifNoneMatch.split(",")) {
                String c = candidate.trim();
                if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                    return true;
                }
            }
            return false;
        }
        String ifModifiedSince = ctx.header("If-Modified-Since");
        if (ifModifiedSince != null && lastModified != null) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    static String etag(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
    }
}
