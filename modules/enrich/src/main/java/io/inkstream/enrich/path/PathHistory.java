package io.inkstream.enrich.path;

import io.inkstream.events.Article;

import java.util.ArrayList;
import java.util.List;

/**
 * The paths an article has answered on: the first version's path stays canonical for good (links
 * and search engines already point there), and the path a later version would have got on its own
 * (an edited headline, a moved section) is kept in previousPaths so that it redirects to the canonical one.
 */
public record PathHistory(String canonicalPath, String slug, List<String> previousPaths) {

    public PathHistory {
        previousPaths = List.copyOf(previousPaths);
    }

    /** The history of an article seen for the first time. */
    public static PathHistory first(Article article) {
        return new PathHistory(CanonicalPaths.pathFor(article), CanonicalPaths.slug(article.getHeadline()), List.of());
    }

    /** This history after another version of the same article: the canonical path never moves. */
    public PathHistory next(Article version) {
        String own = CanonicalPaths.pathFor(version);
        if (own.equals(canonicalPath) || previousPaths.contains(own)) {
            return this;
        }
        List<String> paths = new ArrayList<>(previousPaths);
        paths.add(own);
        return new PathHistory(canonicalPath, slug, paths);
    }
}
