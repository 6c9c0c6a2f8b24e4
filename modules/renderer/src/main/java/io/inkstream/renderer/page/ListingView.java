package io.inkstream.renderer.page;

import java.util.List;

/** A home or section page: newest articles first, one page at a time, with the side panels. */
public record ListingView(String heading, List<Teaser> items, int page, String newerHref, String olderHref,
                          List<PopularPanel> popular, List<Teaser> topNews, String feedHref) {
}
