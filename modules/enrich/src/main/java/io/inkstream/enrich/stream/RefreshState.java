package io.inkstream.enrich.stream;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the refresh of one article's related list stands (decision 0033): when it was last re-emitted (wall
 * clock ms, -1 never), when the next is due (-1 none), and the articles gathered meanwhile to join or leave it.
 * Enrich's private record in the enrich-refresh store, as JSON.
 */
public record RefreshState(long lastRefreshedAt, long dueAt, List<RefreshRequest.Listing> joining, List<String> leaving) {

    static final RefreshState NONE = new RefreshState(-1, -1, List.of(), List.of());

    public RefreshState {
        joining = joining == null ? List.of() : List.copyOf(joining);
        leaving = leaving == null ? List.of() : List.copyOf(leaving);
    }

    /** With the request gathered: the later of a join and a leave of one article wins. */
    RefreshState with(RefreshRequest request) {
        List<RefreshRequest.Listing> join = new ArrayList<>(joining);
        Set<String> leave = new LinkedHashSet<>(leaving);
        join.removeIf(l -> l.id().equals(request.cause()));
        if (request.leaves()) {
            leave.add(request.cause());
        } else if (request.joining() != null) {
            leave.remove(request.cause());
            join.add(request.joining());
        }
        return new RefreshState(lastRefreshedAt, dueAt, join, List.copyOf(leave));
    }

    RefreshState dueAt(long at) {
        return new RefreshState(lastRefreshedAt, at, joining, leaving);
    }

    /** After a refresh at {@code at} (or, with {@code at} -1, after one that changed nothing). */
    RefreshState refreshed(long at) {
        return new RefreshState(at >= 0 ? at : lastRefreshedAt, -1, List.of(), List.of());
    }
}
