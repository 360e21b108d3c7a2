package io.mmbalance.multitask;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores built canvases on disk. The file holds a magic number, the sample count, the canvas
 * area, the left labels, the right labels, the pixels and a CRC-32 of all that; it is written to
 * a temporary file in the same folder and moved into place, so a reader never sees half a file.
 * A file that does not match or fails its checksum is reported and rebuilt.
 */
final class MultiDigitCache {

    private static final Logger LOG = LoggerFactory.getLogger(MultiDigitCache.class);
    /** "MMT2": the second layout, the first one with a checksum. */
    private static final int MAGIC = 0x4d4d5432;

    private MultiDigitCache() {}

    /**
     * Reads a cache file.
     *
     * @param file the file, or null when there is no cache folder
     * @param count the expected sample count
     * @param area the expected canvas area
     * @return the arrays, or null when the file is missing, of another shape or damaged
     */
    static MultiDigitBuilder.Built read(Path file, int count, int area) {
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file);
                DataInputStream data = new DataInputStream(new BufferedInputStream(in, 1 << 16))) {
            if (data.readInt() != MAGIC || data.readInt() != count || data.readInt() != area) {
                LOG.warn("{}: not a cache of this layout or shape; rebuilding", file);
                return null;
            }
            byte[] left = data.readNBytes(count);
            byte[] right = data.readNBytes(count);
            byte[] pixels = data.readNBytes(count * area);
            if (left.length != count || right.length != count || pixels.length != count * area) {
                LOG.warn("{}: damaged (too short); rebuilding", file);
                return null;
            }
            long stored = data.readLong();
            if (data.read() != -1 || stored != checksum(count, area, left, right, pixels)) {
                LOG.warn("{}: damaged (checksum or length); rebuilding", file);
                return null;
            }
            return new MultiDigitBuilder.Built(pixels, left, right);
        } catch (IOException e) {
            LOG.warn("{}: unreadable ({}); rebuilding", file, e.toString());
            return null;
        }
    }

    /**
     * Writes a cache file atomically; a failure is logged and training goes on without it.
     *
     * @param file the file, or null when there is no cache folder
     * @param built the arrays
     * @param area the canvas area
     */
    static void write(Path file, MultiDigitBuilder.Built built, int area) {
        if (file == null) {
            return;
        }
        int count = built.left().length;
        Path temp = null;
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try (OutputStream out = Files.newOutputStream(temp);
                    DataOutputStream data =
                            new DataOutputStream(new BufferedOutputStream(out, 1 << 16))) {
                data.writeInt(MAGIC);
                data.writeInt(count);
                data.writeInt(area);
                data.write(built.left());
                data.write(built.right());
                data.write(built.pixels());
                data.writeLong(
                        checksum(count, area, built.left(), built.right(), built.pixels()));
            }
            try {
                Files.move(
                        temp,
                        file,
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("{}: cannot write the cache ({}); going on without it", file, e.toString());
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.warn("{}: cannot remove a temporary file ({})", temp, e.toString());
                }
            }
        }
    }

    private static long checksum(int count, int area, byte[] left, byte[] right, byte[] pixels) {
        CRC32 crc = new CRC32();
        crc.update(new byte[] {
            (byte) (count >>> 24), (byte) (count >>> 16), (byte) (count >>> 8), (byte) count,
            (byte) (area >>> 24), (byte) (area >>> 16), (byte) (area >>> 8), (byte) area
        });
        crc.update(left);
        crc.update(right);
        crc.update(pixels);
        return crc.getValue();
    }
}
