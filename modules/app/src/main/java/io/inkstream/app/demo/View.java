package io.inkstream.app.demo;

/**
 * One simulated page view, as a reader's browser reports it: the article, the browser's random visitor
 * id, its user agent and the referring host (null when typed in or bookmarked).
 */
public record View(String articleId, String visitorId, String userAgent, String referrer, boolean bot) {
}
