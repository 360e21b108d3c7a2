package io.mmbalance.datasets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * Stores built float arrays in small binary files named and keyed by a hash of their recipe.
 *
 * <p>Layout, big-endian: the 8 ASCII bytes {@code MMFLOAT1}, the 32-byte SHA-256 of the recipe
 * text, the number of floats (int), the floats, and the CRC-32 of everything before it (long).
 * A file that differs in any of these is ignored and rebuilt. Files are written to a temporary
 * file in the same folder and then moved into place, so a reader never sees half a file.
 */
final class FloatArrayCache {

    private static final byte[] MAGIC = "MMFLOAT1".getBytes(StandardCharsets.US_ASCII);
    private static final int KEY_BYTES = 32;
    private static final int HEADER = MAGIC.length + KEY_BYTES + Integer.BYTES;

    private FloatArrayCache() {}

    static byte[] key(String recipeText) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(recipeText.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    static Path file(Path dir, String prefix, byte[] key) {
        return dir.resolve(prefix + "-" + HexFormat.of().formatHex(key, 0, 8) + ".bin");
    }

    /**
     * Returns the floats stored in {@code file}, or {@code null} when the file is absent or is
     * not a valid cache of {@code length} floats for {@code key}.
     */
    static float[] read(Path file, byte[] key, int length) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (bytes.length != (long) HEADER + 4L * length + Long.BYTES) {
            return null;
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        byte[] magic = new byte[MAGIC.length];
        byte[] storedKey = new byte[KEY_BYTES];
        buf.get(magic).get(storedKey);
        if (!Arrays.equals(magic, MAGIC) || !Arrays.equals(storedKey, key)
                || buf.getInt() != length) {
            return null;
        }
        float[] values = new float[length];
        buf.asFloatBuffer().get(values);
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - Long.BYTES);
        long stored = buf.getLong(bytes.length - Long.BYTES);
        return stored == crc.getValue() ? values : null;
    }

    static void write(Path file, byte[] key, float[] values) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(HEADER + 4 * values.length + Long.BYTES);
        buf.put(MAGIC).put(key).putInt(values.length);
        buf.asFloatBuffer().put(values);
        buf.position(HEADER + 4 * values.length);
        CRC32 crc = new CRC32();
        crc.update(buf.array(), 0, buf.position());
        buf.putLong(crc.getValue());
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, buf.array());
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
