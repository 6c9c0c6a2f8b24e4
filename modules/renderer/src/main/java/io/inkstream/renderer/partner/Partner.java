package io.inkstream.renderer.partner;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A syndication partner as kept on syndication.partners (JSON): who it is, the hash of its API key (never the key),
 * what it receives, in which format, and how.
 *
 * @param id            the partner's id: letters, digits, dot, dash, underscore
 * @param apiKeyHash    {@link ApiKeys#hash(String)} of its API key
 * @param filter        which article versions it receives
 * @param format        the id of its syndication format ({@code ninjs-2.2}, ...)
 * @param delivery      pull only, or also pushed to a URL
 * @param pullPerMinute its own feed request rate, or 0 for the setting's
 * @param createdAt     when it was added
 */
public record Partner(String id, String apiKeyHash, PartnerFilter filter, String format, Delivery delivery,
                      int pullPerMinute, Instant createdAt) {

    public Partner {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("partner id must be 1-64 letters, digits, '.', '-' or '_', not '" + id + "'");
        }
        Objects.requireNonNull(apiKeyHash, "apiKeyHash");
        filter = filter == null ? PartnerFilter.ANY : filter;
        Objects.requireNonNull(format, "format");
        delivery = delivery == null ? Delivery.PULL : delivery;
        if (pullPerMinute < 0) {
            throw new IllegalArgumentException("pullPerMinute must not be negative");
        }
    }

    /** Pushed to (besides pulling, which every partner may). */
    public boolean pushed() {
        return delivery.push();
    }

    /** This partner as an admin listing shows it: everything but the key's hash and the push secret. */
    public Map<String, Object> publicView() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("format", format);
        view.put("filter", filter);
        view.put("delivery", delivery.mode());
        if (delivery.push()) {
            view.put("url", delivery.url());
        }
        view.put("pullPerMinute", pullPerMinute);
        view.put("createdAt", createdAt == null ? null : createdAt.toString());
        return view;
    }
}
