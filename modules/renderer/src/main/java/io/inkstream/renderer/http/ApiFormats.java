package io.inkstream.renderer.http;

import io.inkstream.platform.http.HttpProblem;
import io.inkstream.renderer.syndication.SyndicationFormat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which syndication format a request to the articles API asks for. In order:
 * <ol>
 *   <li>{@code ?format=} a format id ({@code ninjs-1.5}, {@code ninjs-2.2}, {@code ninjs-3.1}, {@code newsml-g2},
 *       {@code nitf}, or {@code ninjs} for the default ninjs);</li>
 *   <li>{@code ?ninjs=1.5|2.2|3.1};</li>
 *   <li>the Accept header, by q-value: {@code application/json} with a {@code profile} parameter naming the ninjs
 *       schema ({@code http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json}, http or https, with or without
 *       {@code #}) or a format id ({@code profile=ninjs-1.5}); {@code application/vnd.iptc.g2.newsitem+xml} or
 *       {@code application/vnd.iptc.g2.newsmessage+xml} for NewsML-G2; {@code application/nitf+xml} (or
 *       {@code application/vnd.iptc.nitf+xml}) for NITF; {@code application/json}, {@code application/*},
 *       {@code *}{@code /*} or no Accept for ninjs 2.2.</li>
 * </ol>
 * A query naming an unknown format or version, or a profile that names no ninjs version we write, is a 400
 * with the accepted values; an Accept header none of whose types we write is a 406.
 */
final class ApiFormats {

    static final String PROFILE_PREFIX = "www.iptc.org/std/ninjs/ninjs-schema_";

    private ApiFormats() {
    }

    /** The format a request asks for through {@code format}, {@code ninjs} and {@code accept}; any may be null. */
    static SyndicationFormat requested(String format, String ninjs, String accept) {
        boolean version = ninjs != null && !ninjs.isBlank();
        if (format != null && !format.isBlank()) {
            if (format.trim().equalsIgnoreCase("ninjs")) {
                return version ? byNinjsVersion(ninjs) : SyndicationFormat.DEFAULT;
            }
            SyndicationFormat byFormat = byId(format);
            if (version && byFormat != byNinjsVersion(ninjs)) {
                throw new HttpProblem(400, "bad_format", "format=" + format + " and ninjs=" + ninjs
                        + " ask for different formats; give one");
            }
            return byFormat;
        }
        if (ninjs != null && !ninjs.isBlank()) {
            return byNinjsVersion(ninjs);
        }
        return fromAccept(accept);
    }

    private static SyndicationFormat byId(String id) {
        try {
            return SyndicationFormat.byId(id.trim());
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(400, "bad_format", "format must be one of " + SyndicationFormat.ids() + " (or ninjs for "
                    + SyndicationFormat.DEFAULT.id() + ")");
        }
    }

    private static SyndicationFormat byNinjsVersion(String version) {
        return SyndicationFormat.ninjsVersion(version.trim()).orElseThrow(() -> new HttpProblem(400, "bad_ninjs_version",
                "ninjs must be one of " + ninjsVersions() + "; the default is " + SyndicationFormat.DEFAULT.standardVersion()));
    }

    private static List<String> ninjsVersions() {
        return java.util.Arrays.stream(SyndicationFormat.values()).filter(SyndicationFormat::isNinjs)
                .map(SyndicationFormat::standardVersion).toList();
    }

    /** One media range of an Accept header. */
    private record Range(String type, String profile, double q, int order) {
    }

    static SyndicationFormat fromAccept(String accept) {
        if (accept == null || accept.isBlank()) {
            return SyndicationFormat.DEFAULT;
        }
        List<Range> ranges = new ArrayList<>();
        String[] parts = accept.split(",");
        for (int i = 0; i < parts.length; i++) {
            ranges.add(range(parts[i], i));
        }
        ranges.sort(Comparator.comparingDouble(Range::q).reversed().thenComparingInt(Range::order));
        for (Range r : ranges) {
            if (r.q() <= 0) {
                continue;
            }
            Optional<SyndicationFormat> f = format(r);
            if (f.isPresent()) {
                return f.get();
            }
        }
        throw new HttpProblem(406, "not_acceptable", "this API answers application/json (ninjs; profile="
                + "\"http://www.iptc.org/std/ninjs/ninjs-schema_<1.5|2.2|3.1>.json\"), application/vnd.iptc.g2.newsitem+xml"
                + " (NewsML-G2) or application/nitf+xml (NITF); the Accept header names none of them");
    }

    private static Optional<SyndicationFormat> format(Range r) {
        switch (r.type()) {
            case "application/json", "application/ninjs+json" -> {
                return Optional.of(r.profile() == null ? SyndicationFormat.DEFAULT : byProfile(r.profile()));
            }
            case "application/vnd.iptc.g2.newsitem+xml", "application/vnd.iptc.g2.newsmessage+xml" -> {
                return Optional.of(SyndicationFormat.NEWSML_G2);
            }
            case "application/nitf+xml", "application/vnd.iptc.nitf+xml" -> {
                return Optional.of(SyndicationFormat.NITF);
            }
            case "*/*", "application/*" -> {
                return Optional.of(SyndicationFormat.DEFAULT);
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static SyndicationFormat byProfile(String profile) {
        String p = profile.trim();
        int at = p.indexOf(PROFILE_PREFIX);
        if (at >= 0 && (p.startsWith("http://") || p.startsWith("https://"))) {
            String rest = p.substring(at + PROFILE_PREFIX.length());
            if (rest.endsWith("#")) {
                rest = rest.substring(0, rest.length() - 1);
            }
            if (rest.endsWith(".json")) {
                return byNinjsProfileVersion(rest.substring(0, rest.length() - ".json".length()), profile);
            }
        }
        try {
            SyndicationFormat f = SyndicationFormat.byId(p);
            if (f.isNinjs()) {
                return f;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the message below
        }
        throw badProfile(profile);
    }

    private static SyndicationFormat byNinjsProfileVersion(String version, String profile) {
        return SyndicationFormat.ninjsVersion(version).orElseThrow(() -> badProfile(profile));
    }

    private static HttpProblem badProfile(String profile) {
        return new HttpProblem(400, "bad_ninjs_version", "profile " + profile + " names no ninjs version this API writes;"
                + " use http://www.iptc.org/std/ninjs/ninjs-schema_<version>.json with a version of " + ninjsVersions());
    }

    private static Range range(String text, int order) {
        String[] params = text.split(";");
        String type = params[0].trim().toLowerCase(Locale.ROOT);
        String profile = null;
        double q = 1;
        for (int i = 1; i < params.length; i++) {
            String param = params[i].trim();
            int eq = param.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = param.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = unquote(param.substring(eq + 1).trim());
            if (name.equals("q")) {
                try {
                    q = Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    q = 0;
                }
            } else if (name.equals("profile")) {
                profile = value;
            }
        }
        return new Range(type, profile, q, order);
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    /** The Content-Type of an answer in {@code f}: ninjs names its schema as the JSON profile. */
    static String contentType(SyndicationFormat f) {
        String type = f.contentType() + "; charset=utf-8";
        return f.isNinjs() ? type + "; profile=\"" + f.schemaUri() + "\"" : type;
    }
}
