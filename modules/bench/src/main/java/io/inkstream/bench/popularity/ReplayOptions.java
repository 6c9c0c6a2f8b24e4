package io.inkstream.bench.popularity;

import io.inkstream.bench.Flags;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What the popularity replay generates and how long each phase may take; every size is a flag, so a
 * smoke run and the full-size run are the same command.
 */
record ReplayOptions(long views, int articles, int hours, long visitors, double zipfExponent, double sweepShare,
                     double botShare, double repeatShare, long seed, Duration phaseTimeout, Path dataDir, boolean keep,
                     boolean crc32Partitioner) {

    static final String USAGE = """
            PopularityReplay: replays page views through the popularity topology on an embedded broker + registry.
              --views N          page views to replay (default 1000000)
              --articles N       distinct articles (default 50000)
              --hours N          event time the views span (default 48)
              --visitors N       distinct visitors (default views / 4)
              --zipf S           Zipf exponent of article popularity (default 1.0)
              --sweep F          share of views that sweep the whole catalogue round-robin (default 0.1)
              --bots F           share of bot views (default 0.02)
              --repeats F        share of views repeating a visitor's recent view (default 0.05)
              --seed N           random seed (default 42)
              --timeout-min N    limit for each phase in minutes (default 30)
              --data-dir DIR     where the broker and state stores live (default: a new temp dir)
              --keep             keep the data directory afterwards
              --crc32-partitioner true  write views where librdkafka's default partitioner would (CRC32 of the
                                 key), not Java's murmur2: about 2/3 of them go through popularity's repartition
            """;

    ReplayOptions {
        if (views < 1 || articles < 1 || hours < 25 || visitors < 1) {
            throw new IllegalArgumentException("--views, --articles, --visitors must be positive and --hours at least 25 "
                    + "(a full 24h window plus some expiry)");
        }
        for (double share : List.of(sweepShare, botShare, repeatShare)) {
            if (share < 0 || share > 1) {
                throw new IllegalArgumentException("shares (--sweep, --bots, --repeats) must be between 0 and 1");
            }
        }
    }

    static ReplayOptions parse(String[] args) {
        long views = 1_000_000;
        int articles = 50_000;
        int hours = 48;
        Long visitors = null;
        double zipf = 1.0;
        double sweep = 0.1;
        double bots = 0.02;
        double repeats = 0.05;
        long seed = 42;
        int timeoutMin = 30;
        Path dataDir = null;
        boolean crc32 = false;
        Flags flags = new Flags(args, USAGE);
        for (Flags.Flag flag = flags.next(); flag != null; flag = flags.next()) {
            String value = flag.value().replace("_", "");
            switch (flag.name()) {
                case "--views" -> views = Long.parseLong(value);
                case "--articles" -> articles = Integer.parseInt(value);
                case "--hours" -> hours = Integer.parseInt(value);
                case "--visitors" -> visitors = Long.parseLong(value);
                case "--zipf" -> zipf = Double.parseDouble(value);
                case "--sweep" -> sweep = Double.parseDouble(value);
                case "--bots" -> bots = Double.parseDouble(value);
                case "--repeats" -> repeats = Double.parseDouble(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--timeout-min" -> timeoutMin = Integer.parseInt(value);
                case "--data-dir" -> dataDir = Path.of(flag.value());
                case "--crc32-partitioner" -> crc32 = Boolean.parseBoolean(value);
                default -> throw flags.unknown(flag);
            }
        }
        return new ReplayOptions(views, articles, hours, visitors == null ? Math.max(1, views / 4) : visitors, zipf,
                sweep, bots, repeats, seed, Duration.ofMinutes(timeoutMin), dataDir, flags.keep(), crc32);
    }

    String describe() {
        return String.format(java.util.Locale.ROOT,
                "--views %d --articles %d --hours %d --visitors %d --zipf %s --sweep %s --bots %s --repeats %s --seed %d"
                        + (crc32Partitioner ? " --crc32-partitioner true" : ""),
                views, articles, hours, visitors, zipfExponent, sweepShare, botShare, repeatShare, seed);
    }
}
