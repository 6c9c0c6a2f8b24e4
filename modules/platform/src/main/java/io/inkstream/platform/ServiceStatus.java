package io.inkstream.platform;

import java.util.Map;

/**
 * What a service is doing, as {@code /health} shows it: {@code UP} only when it really processes; otherwise
 * {@code STARTING}, {@code REBALANCING} (its group is assigning work), {@code RESTORING} (its state is being
 * rebuilt from changelogs; {@code progress} has restored and total offsets per store), {@code LOADING}
 * (a plain consumer catching up), {@code ERROR} or {@code STOPPED}.
 *
 * @param state    one of the words above
 * @param progress detail for a state other than UP (per store: restored, total), empty when none
 */
public record ServiceStatus(String state, Map<String, Object> progress) {

    public static final String UP = "UP";
    public static final String STARTING = "STARTING";
    public static final String REBALANCING = "REBALANCING";
    public static final String RESTORING = "RESTORING";
    public static final String LOADING = "LOADING";
    public static final String ERROR = "ERROR";
    public static final String STOPPED = "STOPPED";

    public ServiceStatus {
        progress = Map.copyOf(progress);
    }

    public static ServiceStatus of(String state) {
        return new ServiceStatus(state, Map.of());
    }

    public boolean up() {
        return UP.equals(state);
    }

    /** Words for a caller refused meanwhile ("restoring state: 1200 of 5000 offsets"). */
    public String reason() {
        return switch (state) {
            case UP -> "processing";
            case RESTORING -> "restoring its state from the changelogs" + (progress.isEmpty() ? "" : " " + progress);
            case REBALANCING -> "rebalancing (its group is assigning work)";
            case LOADING -> "loading what is on its topics";
            case STARTING -> "starting";
            default -> state.toLowerCase(java.util.Locale.ROOT);
        };
    }
}
