package io.inkstream.renderer.partner;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * This instance's copy of syndication.partners and syndication.state: the partners by id and by API key hash,
 * and each one's pull and push positions in syndication.versions.
 */
public final class PartnerRegistry {

    private final Map<String, Partner> byId = new ConcurrentHashMap<>();
    private final Map<String, Partner> byKeyHash = new ConcurrentHashMap<>();
    private final Map<String, Long> positions = new ConcurrentHashMap<>();
    private volatile BiConsumer<String, Partner> listener = (id, partner) -> { };

    /** Called with (id, partner or null when removed) on every change, after the registry holds it. */
    public void onChange(BiConsumer<String, Partner> listener) {
        this.listener = listener;
    }

    public void apply(String id, Partner partner) {
        Partner old = partner == null ? byId.remove(id) : byId.put(id, partner);
        if (old != null) {
            byKeyHash.remove(old.apiKeyHash());
        }
        if (partner != null) {
            byKeyHash.put(partner.apiKeyHash(), partner);
        }
        if (old == null ? partner != null : !old.equals(partner)) {
            listener.accept(id, partner);
        }
    }

    public void applyPosition(String key, Long position) {
        if (position == null) {
            positions.remove(key);
        } else {
            positions.merge(key, position, Math::max);
        }
    }

    /** The partner whose API key this is, if any. */
    public Optional<Partner> byKey(String apiKey) {
        return apiKey == null || apiKey.isBlank() ? Optional.empty() : Optional.ofNullable(byKeyHash.get(ApiKeys.hash(apiKey.strip())));
    }

    public Optional<Partner> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Partner> all() {
        return byId.values().stream().sorted(Comparator.comparing(Partner::id)).toList();
    }

    /** A partner's feed position: where its last request's cursor pointed. */
    public Optional<Long> pullPosition(String id) {
        return Optional.ofNullable(positions.get(pullKey(id)));
    }

    /** A partner's push position: everything before it was delivered or dead-lettered. */
    public Optional<Long> pushPosition(String id) {
        return Optional.ofNullable(positions.get(pushKey(id)));
    }

    public static String pullKey(String id) {
        return "pull:" + id;
    }

    public static String pushKey(String id) {
        return "push:" + id;
    }
}
