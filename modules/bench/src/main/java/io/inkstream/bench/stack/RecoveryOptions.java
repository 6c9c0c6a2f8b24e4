package io.inkstream.bench.stack;

import io.inkstream.bench.Flags;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The sizes the recovery benchmark loads the stack with before it kills it; every size is a flag, so a smoke run
 * and a full run are one command. {@code views} is null when the views follow the size ({@code viewsPerArticle}).
 */
record RecoveryOptions(Path jar, String javaOpts, List<Integer> sizes, Long views, int viewsPerArticle, int clients,
                       Duration startTimeout, Duration maxPhase, boolean keep) {

    static final String USAGE = """
            RecoveryTime: loads `inkstream up` with articles and a day of page views, SIGKILLs it, restarts it on the
            same data directory and times the recovery; first with an empty stack (the baseline), then each size.
              --sizes A,B,C          articles loaded per run, each on a fresh data directory (default 1000,3000)
              --views-per-article N  page views per article, spread over the last day of event time (default 30)
              --articles N           a single size instead of --sizes
              --views N              page views for that single size instead of --views-per-article
              --clients N            concurrent clients posting the wire items (default 4)
              --jar FILE             the app jar (default modules/app/target/inkstream.jar)
              --java-opts "OPTS"     JVM options of the stack (default as ./inkstream: -Xmx2g -XX:+UseParallelGC)
              --start-timeout-s N    limit for the fresh stack to serve (default 180)
              --max-seconds N        limit of each loading, waiting and recovery phase (default 3600)
              --keep                 keep each run's data directory and logs
            """;

    RecoveryOptions {
        if (sizes.isEmpty() || sizes.stream().anyMatch(n -> n < 1) || viewsPerArticle < 0 || clients < 1
                || (views != null && views < 0)) {
            throw new IllegalArgumentException("sizes and --clients must be positive, views not negative\n" + USAGE);
        }
        sizes = List.copyOf(sizes);
    }

    static RecoveryOptions parse(String[] args) {
        Path jar = StackOptions.DEFAULT_JAR;
        String javaOpts = StackOptions.DEFAULT_JAVA_OPTS;
        List<Integer> sizes = null;
        Integer articles = null;
        Long views = null;
        int viewsPerArticle = 30;
        int clients = 4;
        int startTimeout = StackOptions.DEFAULT_START_TIMEOUT_SECONDS;
        int maxSeconds = 3600;
        Flags flags = new Flags(args, USAGE);
        for (Flags.Flag flag = flags.next(); flag != null; flag = flags.next()) {
            String value = flag.value().replace("_", "");
            switch (flag.name()) {
                case "--sizes" -> sizes = Arrays.stream(value.split(",")).map(String::trim).map(Integer::parseInt).toList();
                case "--views-per-article" -> viewsPerArticle = Integer.parseInt(value);
                case "--articles" -> articles = Integer.parseInt(value);
                case "--views" -> views = Long.parseLong(value);
                case "--clients" -> clients = Integer.parseInt(value);
                case "--jar" -> jar = Path.of(flag.value());
                case "--java-opts" -> javaOpts = flag.value();
                case "--start-timeout-s" -> startTimeout = Integer.parseInt(value);
                case "--max-seconds" -> maxSeconds = Integer.parseInt(value);
                default -> throw flags.unknown(flag);
            }
        }
        if (articles != null && sizes != null) {
            throw new IllegalArgumentException("--articles is one size, --sizes several: give one of them\n" + USAGE);
        }
        if (views != null && articles == null) {
            throw new IllegalArgumentException("--views goes with --articles; with --sizes use --views-per-article\n" + USAGE);
        }
        List<Integer> runSizes = articles != null ? List.of(articles) : sizes != null ? sizes : List.of(1000, 3000);
        return new RecoveryOptions(jar, javaOpts, runSizes, views, viewsPerArticle, clients, Duration.ofSeconds(startTimeout),
                Duration.ofSeconds(maxSeconds), flags.keep());
    }

    /** Page views loaded with {@code articles} articles (none without articles: a view needs its article). */
    long viewsFor(int articles) {
        if (articles == 0) {
            return 0;
        }
        return views != null ? views : (long) articles * viewsPerArticle;
    }

    String describe() {
        return String.format(Locale.ROOT, "sizes %s (after an empty baseline), views %s, %d clients",
                sizes, views != null ? String.valueOf(views) : viewsPerArticle + " per article", clients);
    }
}
