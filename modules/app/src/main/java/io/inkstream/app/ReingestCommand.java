package io.inkstream.app;

import io.inkstream.ingest.Reingest;
import io.inkstream.platform.ServiceContext;
import io.inkstream.platform.config.CommonConfig;
import io.inkstream.platform.config.Settings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code inkstream reingest}: replays wire.received through the current parsers, against the
 * Kafka and registry the settings name; the running ingest service re-parses the copies.
 */
@Command(name = "reingest", mixinStandardHelpOptions = true,
        description = "Replay the raw items on wire.received through today's parsers: each item received in the range "
                + "is written again (channel REINGEST); the running ingest publishes a new version where the parse "
                + "changed and nothing where it did not. Configured like `inkstream run` (environment variables).")
final class ReingestCommand implements Callable<Integer> {

    @Option(names = "--from", required = true,
            description = "First receipt time to replay: an ISO instant (2015-09-25T00:00:00Z) or 'beginning'.")
    String from;

    @Option(names = "--to", description = "Receipt time to stop before (ISO instant); default: everything on the topic now.")
    String to;

    @Option(names = "--config", description = "A properties file with settings.")
    Path config;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Instant fromTime = "beginning".equalsIgnoreCase(from) ? null : instant("--from", from);
        Instant toTime = to == null ? null : instant("--to", to);
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            throw new ParameterException(spec.commandLine(), "--from must be before --to");
        }
        Settings settings = Settings.load(config, Map.of());
        settings.validate(CommonConfig.ALL);
        ServiceContext context = ServiceContext.from(settings, new SimpleMeterRegistry());
        Reingest.Result result = Reingest.run(context, fromTime, toTime, ReingestCommand::progress);
        System.out.printf("%nRe-ingested %d item(s) of %d read from %s: %d rejected by today's parsers, "
                        + "%d skipped (kept truncated), %d unreadable records skipped.%n",
                result.replayed(), result.read(), context.topics().wireReceived().name(), result.rejectedNow(),
                result.skippedTruncated(), result.undeserializable());
        System.out.println("The running ingest re-parses them: unchanged articles are duplicates, changed ones get a new version.");
        return 0;
    }

    private Instant instant(String option, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), option + " must be an ISO instant such as 2015-09-25T00:00:00Z"
                    + (option.equals("--from") ? " or 'beginning'" : "") + ", not '" + text + "'");
        }
    }

    private static void progress(long done, long total) {
        int width = 30;
        int filled = total == 0 ? width : (int) (done * width / total);
        System.out.printf("\r[%s%s] %d/%d", "#".repeat(filled), " ".repeat(width - filled), done, total);
        System.out.flush();
    }
}
