package io.inkstream.ingest.channel;

import io.inkstream.events.Channel;
import io.inkstream.events.WireItem;
import io.inkstream.ingest.ParseOutcome;
import io.inkstream.ingest.ReceivedBytes;
import io.inkstream.ingest.WireItemParser;
import io.inkstream.ingest.WireItems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

/**
 * Folder drop: files put in {@code inbox/} are stored on wire.received and then moved to
 * {@code done/}, or to {@code failed/} beside a {@code .error} file with the reason when
 * they cannot be read. A file leaves the inbox only after the broker acknowledged it, and
 * is never read again from done/, so a restart does not ingest it twice (a file caught
 * mid-way is re-sent, and the article versioning drops it as a duplicate).
 * Hidden files and names ending in .tmp or .part are still being written and are skipped.
 */
public final class FolderChannel implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FolderChannel.class);

    private final Path inbox;
    private final Path done;
    private final Path failed;
    private final WireItems wireItems;
    private final WireItemParser parser;
    private final WireItemWriter writer;
    private final Clock clock;
    private final String feed;
    private BackgroundLoop loop;

    /** @param root the folder holding inbox/, done/ and failed/ (created when missing) */
    public FolderChannel(Path root, WireItems wireItems, WireItemParser parser, WireItemWriter writer, Clock clock) {
        this.inbox = root.resolve("inbox");
        this.done = root.resolve("done");
        this.failed = root.resolve("failed");
        this.wireItems = wireItems;
        this.parser = parser;
        this.writer = writer;
        this.clock = clock;
        this.feed = "folder:" + root.getFileName();
        try {
            Files.createDirectories(inbox);
            Files.createDirectories(done);
            Files.createDirectories(failed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the drop folders under " + root, e);
        }
    }

    /** Scans the inbox every {@code everyMillis} on a background thread. */
    public void start(long everyMillis) {
        loop = BackgroundLoop.start("ingest-folder", everyMillis, this::scanOnce,
                e -> log.warn("folder scan of {} failed: {}", inbox, e.getMessage()));
        log.info("watching {} for wire items", inbox);
    }

    /** Ingests every complete file now in the inbox, oldest name first; returns how many. */
    public int scanOnce() {
        List<Path> files;
        try (Stream<Path> list = Files.list(inbox)) {
            files = list.filter(Files::isRegularFile).filter(FolderChannel::complete).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + inbox, e);
        }
        int count = 0;
        for (Path file : files) {
            try {
                ingest(file);
                count++;
            } catch (IOException e) {
                log.warn("cannot ingest {}: {}", file, e.getMessage());
            } catch (WireItemWriter.WriteFailedException e) {
                log.warn("{} stays in the inbox: {}", file.getFileName(), e.getMessage());
                break; // the broker is not acknowledging; the next scan retries
            }
        }
        return count;
    }

    private void ingest(Path file) throws IOException {
        ReceivedBytes bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = ReceivedBytes.read(in, wireItems.maxItemBytes());
        }
        String name = file.getFileName().toString();
        WireItem item = wireItems.receive(bytes, feed, Channel.FOLDER, null, null, name, null, clock.instant());
        writer.write(item); // throws before the move if the broker did not acknowledge
        ParseOutcome outcome = parser.parse(item, clock.instant());
        if (outcome.isRejected()) {
            Files.move(file, failed.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(failed.resolve(name + ".error"), outcome.rejection().getCode() + ": "
                    + outcome.rejection().getReason() + "\nitem " + item.getItemId() + "\n", StandardCharsets.UTF_8);
            log.debug("{} rejected: {}", name, outcome.rejection().getReason());
        } else {
            Files.move(file, done.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            log.debug("{} ingested as item {}", name, item.getItemId());
        }
    }

    private static boolean complete(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && !name.endsWith(".tmp") && !name.endsWith(".part");
    }

    @Override
    public void close() {
        if (loop != null) {
            loop.close();
        }
    }
}
