package io.inkstream.renderer.page;

import java.util.List;

/**
 * One "Most popular in 24h" list for a scope ("all" or a section slug).
 *
 * @param listId stable element id the live widget updates, e.g. popular-list
 */
public record PopularPanel(String scope, String title, String listId, List<Item> items) {

    public record Item(int rank, String headline, String href, long views) {
    }
}
