package io.inkstream.renderer.http;

import io.inkstream.platform.http.HttpProblem;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Serves media files (photos referenced by articles as {@code /media/...}) from the classpath
 * folder {@code media/}: the demo feed's images live there. Only plain names with a known image
 * type are served, so no path can leave the folder.
 */
final class MediaFiles {

    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.[a-z0-9]{2,5}");
    private static final Map<String, String> TYPES = Map.of(
            "png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg", "gif", "image/gif",
            "webp", "image/webp", "svg", "image/svg+xml");

    void serve(Context ctx) {
        String path = ctx.pathParam("path");
        String type = SAFE_PATH.matcher(path).matches()
                ? TYPES.get(path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)) : null;
        if (type == null) {
            throw new HttpProblem(404, "not_found", "no such media file");
        }
        try (InputStream in = MediaFiles.class.getResourceAsStream("/media/" + path)) {
            if (in == null) {
                throw new HttpProblem(404, "not_found", "no such media file: /media/" + path);
            }
            // Media files never change under one name.
            ctx.header("Cache-Control", "public, max-age=86400");
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.contentType(type).result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
