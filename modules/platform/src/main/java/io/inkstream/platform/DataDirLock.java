package io.inkstream.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One data directory has one owner: an exclusive lock on its {@code .lock} file (an operating-system lock,
 * {@link FileChannel#tryLock()}, released when the process ends however it ends, kill -9 included), taken
 * before anything in the directory is read, written or deleted. A second process on the same directory is
 * refused with a message naming the directory and the owner's pid, before it touches anything.
 */
public final class DataDirLock implements AutoCloseable {

    /** The lock file's name inside the data directory. */
    public static final String FILE = ".lock";

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the directory (created when missing).
     *
     * @throws InUseException when another process (or another owner in this one) holds it
     */
    public static DataDirLock acquire(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path file = dir.resolve(FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this JVM already holds it
            }
            if (lock == null) {
                String owner = owner(file);
                channel.close();
                throw new InUseException(dir, owner);
            }
            // who holds it, for the message the next one sees
            byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(pid), 0);
            channel.force(false);
            return new DataDirLock(dir, channel, lock);
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
            throw new UncheckedIOException("cannot lock the data directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String owner(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return pid.matches("\\d{1,10}") ? pid : null;
        } catch (IOException e) {
            return null;
        }
    }

    public Path dir() {
        return dir;
    }

    /** Deletes everything in the directory but the lock itself (what {@code up --fresh} does, as the owner). */
    public void deleteContents() {
        Path lockFile = dir.resolve(FILE);
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir) && !p.equals(lockFile)).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new IllegalStateException("cannot delete " + p + ": " + e.getMessage());
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete the contents of " + dir + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the process ending releases it anyway
        }
    }

    /** Another owner holds the data directory. */
    public static final class InUseException extends IllegalStateException {
        InUseException(Path dir, String ownerPid) {
            super("the data directory " + dir + " is in use by another inkstream process"
                    + (ownerPid == null ? "" : " (pid " + ownerPid + ")")
                    + "; stop it first, or choose another directory with --data-dir / INKSTREAM_DATA_DIR");
        }
    }
}
