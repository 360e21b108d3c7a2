package io.mmbalance.multitask;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stores built canvases on disk, written atomically; a damaged file is rebuilt. */
final class MultiDigitCache {

    private static final Logger LOG = LoggerFactory.getLogger(MultiDigitCache.class);
    private static final int MAGIC = 0x4d4d4d54;

    private MultiDigitCache() {}

    static MultiDigitBuilder.Built read(Path file, int count, int area) {
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file);
                DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(in))) {
            if (data.readInt() != MAGIC || data.readInt() != count || data.readInt() != area) {
                LOG.warn("{}: not a cache for this recipe; rebuilding", file);
                return null;
            }
            byte[] left = data.readNBytes(count);
            byte[] right = data.readNBytes(count);
            byte[] pixels = data.readNBytes(count * area);
            if (left.length != count
                    || right.length != count
                    || pixels.length != count * area
                    || data.read() != -1) {
                LOG.warn("{}: damaged (wrong length); rebuilding", file);
                return null;
            }
            return new MultiDigitBuilder.Built(pixels, left, right);
        } catch (IOException e) {
            LOG.warn("{}: unreadable ({}); rebuilding", file, e.toString());
            return null;
        }
    }

    static void write(Path file, MultiDigitBuilder.Built built, int area) {
        if (file == null) {
            return;
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(tmp);
                    DataOutputStream data =
                            new DataOutputStream(new java.io.BufferedOutputStream(out))) {
                data.writeInt(MAGIC);
                data.writeInt(built.left().length);
                data.writeInt(area);
                data.write(built.left());
                data.write(built.right());
                data.write(built.pixels());
            }
            Files.move(
                    tmp,
                    file,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("{}: cannot write the cache ({}); continuing without it", file, e.getMessage());
        }
    }
}
