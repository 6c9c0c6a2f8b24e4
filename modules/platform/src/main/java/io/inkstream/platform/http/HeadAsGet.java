package io.inkstream.platform.http;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;

import java.io.IOException;
import java.util.EnumSet;

/**
 * HEAD answered exactly like GET, without the body, on every route: the GET handler runs (so the status,
 * Content-Type, Content-Length, ETag and Last-Modified are the ones GET gives, conditional requests included),
 * and Jetty, which still knows the request is a HEAD, sends the headers only. Javalin alone answers a HEAD
 * with 200 and nothing else when a GET route matches, which tells crawlers and caches nothing. Server-Sent
 * Events streams (paths ending in {@code /stream}) are left out: their GET never ends.
 */
final class HeadAsGet implements Filter {

    private HeadAsGet() {
    }

    static void install(ServletContextHandler handler) {
        handler.addFilter(new FilterHolder(new HeadAsGet()), "/*", EnumSet.of(DispatcherType.REQUEST));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && "HEAD".equals(http.getMethod())
                && !http.getRequestURI().endsWith("/stream")) {
            chain.doFilter(new HttpServletRequestWrapper(http) {
                @Override
                public String getMethod() {
                    return "GET";
                }
            }, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
