package io.inkstream.renderer.partner;

import io.inkstream.renderer.syndication.SyndicationFormat;

import java.time.Instant;

/**
 * A partner being added, as the CLI and the admin API take it, and what adding makes of it: the partner record
 * to store and the API key (and push secret) to show the partner once.
 *
 * @param secret the push secret; null makes one
 */
public record NewPartner(String id, String format, PartnerFilter filter, String delivery, String url, String secret,
                         int pullPerMinute) {

    /** The stored partner, with its freshly made API key and push secret (shown once, never stored in plain). */
    public record Made(Partner partner, String apiKey, String secret) {
    }

    public Made make(Instant now) {
        String formatId = SyndicationFormat.byId(format == null || format.isBlank() ? "ninjs-2.2" : format).id();
        String mode = delivery == null || delivery.isBlank() ? (url == null ? "pull" : "push") : delivery;
        String pushSecret = "push".equals(mode) ? (secret == null || secret.isBlank() ? ApiKeys.newSecret() : secret) : null;
        Delivery d = "push".equals(mode) ? Delivery.push(url, pushSecret) : new Delivery(mode, null, null);
        String key = ApiKeys.newKey();
        return new Made(new Partner(id, ApiKeys.hash(key), filter, formatId, d, pullPerMinute, now), key, pushSecret);
    }
}
