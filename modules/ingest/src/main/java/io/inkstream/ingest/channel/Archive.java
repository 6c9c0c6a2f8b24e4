package io.inkstream.ingest.channel;

import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A batch upload (zip or tar) read into its files, bounded by what is actually read rather than
 * what the headers claim: at most {@code maxEntries} entries and {@code maxTotalBytes}
 * inflated bytes in all, so a zip bomb costs no more than the limit before it is refused.
 * Directories, links and hidden files ({@code .name}, macOS {@code ._name}) are not items.
 */
final class Archive {

    /** One file of the archive: its path inside the archive and its bytes. */
    record File(String name, byte[] bytes) {
    }

    /** The archive as a whole cannot be taken; nothing of it was stored. */
    static final class ArchiveException extends Exception {
        final int status;
        final String code;

        ArchiveException(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    enum Kind {
        ZIP, TAR;

        /** The archive kind a media type names, or null when it names none. */
        static Kind of(String contentType) {
            if (contentType == null) {
                return null;
            }
            return switch (contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)) {
                case "application/zip", "application/x-zip-compressed" -> ZIP;
                case "application/x-tar", "application/tar" -> TAR;
                default -> null;
            };
        }
    }

    private Archive() {
    }

    static List<File> read(Kind kind, byte[] archive, int maxEntries, long maxTotalBytes) throws ArchiveException {
        List<File> files = new ArrayList<>();
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ArchiveInputStream<? extends ArchiveEntry> in = open(kind, archive)) {
            ArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > maxEntries) {
                    throw new ArchiveException(413, "too-many-entries",
                            "The archive has more than " + maxEntries + " entries; send it in smaller batches.");
                }
                if (!isItem(entry)) {
                    continue;
                }
                if (!in.canReadEntryData(entry)) {
                    throw new ArchiveException(422, "unreadable-archive",
                            "The archive entry " + entry.getName() + " cannot be read (encrypted or an unsupported compression method).");
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                int n;
                while ((n = in.read(buffer)) > 0) {
                    total += n; // inflated bytes as read: a forged size header changes nothing
                    if (total > maxTotalBytes) {
                        throw new ArchiveException(413, "too-large",
                                "The archive's files come to more than " + maxTotalBytes + " bytes once unpacked, over the item size limit.");
                    }
                    bytes.write(buffer, 0, n);
                }
                files.add(new File(entry.getName(), bytes.toByteArray()));
            }
        } catch (IOException | RuntimeException e) {
            throw new ArchiveException(422, "unreadable-archive", "The " + kind.name().toLowerCase(Locale.ROOT)
                    + " archive could not be read: " + e.getMessage());
        }
        if (entries == 0) { // a body that is no archive at all reads as one without entries
            throw new ArchiveException(422, "unreadable-archive", "The body is not a readable "
                    + kind.name().toLowerCase(Locale.ROOT) + " archive: no entry found.");
        }
        if (files.isEmpty()) {
            throw new ArchiveException(400, "empty", "The archive holds no files, only directories, links or hidden files.");
        }
        return files;
    }

    private static ArchiveInputStream<? extends ArchiveEntry> open(Kind kind, byte[] archive) {
        ByteArrayInputStream in = new ByteArrayInputStream(archive);
        return switch (kind) {
            // stored entries with a data descriptor are what streaming zip writers (Java's included) produce
            case ZIP -> new ZipArchiveInputStream(in, StandardCharsets.UTF_8.name(), true, true);
            case TAR -> new TarArchiveInputStream(in);
        };
    }

    private static boolean isItem(ArchiveEntry entry) {
        if (entry.isDirectory() || entry instanceof TarArchiveEntry tar && !tar.isFile()) {
            return false;
        }
        String name = entry.getName();
        String last = name.substring(name.lastIndexOf('/') + 1);
        return !last.isEmpty() && !last.startsWith(".") && !name.startsWith("__MACOSX/");
    }
}
