package io.inkstream.renderer.http;

import io.inkstream.renderer.page.AssetPaths;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The site's stylesheet and script, read once from the classpath ({@code /static/}); pages link them
 * with a content hash in the query so browsers may cache them for a year. Only these files are served.
 */
public final class StaticAssets {

    /** One file: its bytes, content type and content hash. */
    public record Asset(byte[] bytes, String contentType, String version) {
    }

    private final Map<String, Asset> byName;

    public StaticAssets() {
        this.byName = Map.of(
                "site.css", load("site.css", "text/css; charset=utf-8"),
                "site.js", load("site.js", "text/javascript; charset=utf-8"));
    }

    public Optional<Asset> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public AssetPaths paths() {
        return new AssetPaths("/static/site.css?v=" + byName.get("site.css").version(),
                "/static/site.js?v=" + byName.get("site.js").version());
    }

    private static Asset load(String name, String contentType) {
        try (InputStream in = StaticAssets.class.getResourceAsStream("/static/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource /static/" + name);
            }
            byte[] bytes = in.readAllBytes();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new Asset(bytes, contentType, HexFormat.of().formatHex(digest, 0, 6));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
