package io.inkstream.renderer.http;

import io.inkstream.platform.http.HttpProblem;
import io.javalin.http.Handler;

import java.util.function.BooleanSupplier;

/**
 * The renderer's routes before its stores are loaded: 503 "loading" with Retry-After. After a restart the renderer's
 * copy of the topics is still filling, and what is not there yet is not known to be gone (a 404 would be a lie).
 */
public final class LoadingGate {

    private LoadingGate() {
    }

    /** The handler once {@code loaded} holds; before, a 503 "loading" with {@code message}. */
    public static Handler whenLoaded(BooleanSupplier loaded, String message, Handler handler) {
        return ctx -> {
            if (!loaded.getAsBoolean()) {
                throw HttpProblem.unavailable("loading", message);
            }
            handler.handle(ctx);
        };
    }
}
