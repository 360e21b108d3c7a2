package io.mmbalance.datasets.idx;

import io.mmbalance.api.data.Split;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX image and label files and finds them in a folder.
 *
 * <p>IDX is big-endian: a 4-byte magic number ({@code 00 00 type dims}), one 4-byte size per
 * dimension, then the values. Images are {@code 0x00000803} (unsigned bytes, 3
 * dimensions: count, rows, columns), labels {@code 0x00000801} (unsigned bytes, 1
 * dimension: count). A file is read as gzip when it starts with the gzip magic bytes
 * {@code 1f 8b}, whatever its name. Every fault, from a wrong magic number to a size that does
 * not match the header, raises an {@link IdxFormatException} naming the file.
 */
public final class IdxFiles {

    /** The magic number of an IDX file of unsigned-byte images: {@code 0x00000803}. */
    public static final int IMAGES_MAGIC = 0x00000803;

    /** The magic number of an IDX file of unsigned-byte labels: {@code 0x00000801}. */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int BUFFER = 1 << 16;
    private static final int MAX_PAYLOAD = Integer.MAX_VALUE - 16;

    private IdxFiles() {}

    /** What a file is expected to hold. */
    private enum Kind {
        IMAGES(IMAGES_MAGIC, "images"),
        LABELS(LABELS_MAGIC, "labels");

        final int magic;
        final String noun;

        Kind(int magic, String noun) {
            this.magic = magic;
            this.noun = noun;
        }

        int dims() {
            return magic & 0xff;
        }
    }

    /** The checked header and values of one file. */
    private record Content(int[] dims, byte[] values, String sha256) {}

    /**
     * Reads an IDX file of unsigned-byte images, raw or gzip-compressed.
     *
     * @param file the file
     * @return the images
     * @throws IdxFormatException when the file is not such an IDX file, is truncated, or holds
     *     more bytes than its header declares
     * @throws IOException when the file cannot be read
     */
    public static IdxImages readImages(Path file) throws IOException {
        Content c = read(file, Kind.IMAGES);
        return new IdxImages(file, c.sha256(), c.dims()[0], c.dims()[1], c.dims()[2], c.values());
    }

    /**
     * Reads an IDX file of unsigned-byte labels, raw or gzip-compressed.
     *
     * @param file the file
     * @return the labels
     * @throws IdxFormatException when the file is not such an IDX file, is truncated, or holds
     *     more bytes than its header declares
     * @throws IOException when the file cannot be read
     */
    public static IdxLabels readLabels(Path file) throws IOException {
        Content c = read(file, Kind.LABELS);
        return new IdxLabels(file, c.sha256(), c.values());
    }

    /**
     * Reads the images and labels of one split of an MNIST-like dataset from a folder.
     *
     * <p>The training split is {@code train-images-idx3-ubyte} and {@code
     * train-labels-idx1-ubyte}, the test split {@code t10k-images-idx3-ubyte} and {@code
     * t10k-labels-idx1-ubyte}, each found as {@link #find(Path, String)} describes.
     *
     * @param dir the folder
     * @param split the split
     * @return the samples of the split
     * @throws NoSuchFileException when the folder or one of the files is missing
     * @throws IdxFormatException when a file is malformed or the two counts differ
     * @throws IOException when a file cannot be read
     */
    public static LabelledImages readSplit(Path dir, Split split) throws IOException {
        String prefix = filePrefix(split);
        IdxImages images = readImages(find(dir, prefix + "-images-idx3-ubyte"));
        IdxLabels labels = readLabels(find(dir, prefix + "-labels-idx1-ubyte"));
        return LabelledImages.of(images, labels);
    }

    /**
     * Returns the prefix of a split's file names.
     *
     * @param split the split
     * @return "train" or "t10k"
     */
    public static String filePrefix(Split split) {
        return switch (Objects.requireNonNull(split, "split")) {
            case TRAIN -> "train";
            case TEST -> "t10k";
        };
    }

    /**
     * Finds an IDX file in a folder under any of its usual names.
     *
     * <p>For {@code train-images-idx3-ubyte} it tries, in this order, {@code
     * train-images-idx3-ubyte}, {@code train-images.idx3-ubyte}, and both with {@code .gz}.
     *
     * @param dir the folder
     * @param name the file's canonical name, for example {@code t10k-labels-idx1-ubyte}
     * @return the first of the names that exists as a regular file
     * @throws NoSuchFileException when the folder is missing or holds none of the names; the
     *     message lists the names tried
     */
    public static Path find(Path dir, String name) throws NoSuchFileException {
        List<String> names = candidateNames(name);
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(
                    dir.toString(), null, "no such folder; expected one holding " + name);
        }
        for (String candidate : names) {
            Path path = dir.resolve(candidate);
            if (Files.isRegularFile(path)) {
                return path;
            }
        }
        throw new NoSuchFileException(
                dir.toString(), null, "the folder holds none of " + String.join(", ", names));
    }

    /**
     * Returns the names under which {@link #find(Path, String)} looks for a file.
     *
     * @param name the canonical name, for example {@code train-images-idx3-ubyte}
     * @return the names tried, in order
     */
    public static List<String> candidateNames(String name) {
        Objects.requireNonNull(name, "name");
        int idx = name.lastIndexOf("-idx");
        String dotted = idx < 0 ? name : name.substring(0, idx) + "." + name.substring(idx + 1);
        if (dotted.equals(name)) {
            return List.of(name, name + ".gz");
        }
        return List.of(name, dotted, name + ".gz", dotted + ".gz");
    }

    private static Content read(Path file, Kind kind) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IdxFormatException(file, "is a folder, not an IDX file of " + kind.noun);
        }
        long fileSize = Files.size(file);
        MessageDigest sha = sha256();
        try (InputStream fileIn = Files.newInputStream(file);
                BufferedInputStream buffered = new BufferedInputStream(fileIn, BUFFER)) {
            boolean gzip = startsWithGzipMagic(buffered);
            try {
                InputStream plain = gzip ? new GZIPInputStream(buffered, BUFFER) : buffered;
                return parse(file, new DigestInputStream(plain, sha), fileSize, gzip, kind, sha);
            } catch (EOFException | ZipException e) {
                if (!gzip) {
                    throw e;
                }
                throw new IdxFormatException(
                        file, "corrupt or truncated gzip data (" + e.getMessage() + ")", e);
            }
        }
    }

    private static Content parse(
            Path file, InputStream in, long fileSize, boolean gzip, Kind kind, MessageDigest sha)
            throws IOException {
        String where = gzip ? "after decompression the content holds " : "the file holds ";
        byte[] magicBytes = in.readNBytes(4);
        if (magicBytes.length < 4) {
            throw new IdxFormatException(
                    file,
                    "truncated header: " + where + magicBytes.length
                            + " bytes, but an IDX file starts with a 4-byte magic number");
        }
        checkMagic(file, ByteBuffer.wrap(magicBytes).getInt(), kind);
        int headerSize = 4 + 4 * kind.dims();
        byte[] dimBytes = in.readNBytes(4 * kind.dims());
        if (dimBytes.length < 4 * kind.dims()) {
            throw new IdxFormatException(
                    file,
                    "truncated header: " + where + (4 + dimBytes.length) + " bytes, but the"
                            + " header of an IDX file of " + kind.noun + " takes " + headerSize);
        }
        int[] dims = new int[kind.dims()];
        ByteBuffer.wrap(dimBytes).asIntBuffer().get(dims);
        String declared = describe(kind, dims);
        checkDims(file, kind, dims, declared);
        long payload = 1;
        for (int d : dims) {
            payload *= d;
        }
        if (payload > MAX_PAYLOAD) {
            throw new IdxFormatException(
                    file, "the header declares " + declared + ", too many values for one array");
        }
        long expectedSize = headerSize + payload;
        if (!gzip && fileSize < expectedSize) {
            throw truncated(file, declared, expectedSize, fileSize, "the file has ");
        }
        if (!gzip && fileSize > expectedSize) {
            throw trailing(file, declared, fileSize - expectedSize);
        }
        byte[] values = in.readNBytes((int) payload);
        if (values.length < payload) {
            throw truncated(file, declared, expectedSize, headerSize + values.length, where);
        }
        if (in.read() != -1) {
            throw trailing(file, declared, 1 + in.transferTo(OutputStream.nullOutputStream()));
        }
        return new Content(dims, values, HexFormat.of().formatHex(sha.digest()));
    }

    private static void checkMagic(Path file, int magic, Kind kind) throws IdxFormatException {
        if (magic == kind.magic) {
            return;
        }
        String expected = String.format(
                Locale.ROOT, "0x%08x (IDX %s: unsigned bytes, %d dimension%s)",
                kind.magic, kind.noun, kind.dims(), kind.dims() == 1 ? "" : "s");
        String found = String.format(Locale.ROOT, "0x%08x", magic);
        if (!isIdxMagic(magic) && isIdxMagic(Integer.reverseBytes(magic))) {
            throw new IdxFormatException(
                    file,
                    "magic number " + found + " looks little-endian: it is "
                            + String.format(Locale.ROOT, "0x%08x", Integer.reverseBytes(magic))
                            + " with its bytes reversed, but IDX is big-endian and an IDX file"
                            + " of " + kind.noun + " starts with the bytes "
                            + String.format(Locale.ROOT, "%02x %02x %02x %02x", 0, 0,
                                    (kind.magic >>> 8) & 0xff, kind.magic & 0xff)
                            + "; the file was probably written in the wrong byte order");
        }
        for (Kind other : Kind.values()) {
            if (other != kind && magic == other.magic) {
                throw new IdxFormatException(
                        file,
                        "is an IDX file of " + other.noun + " (magic " + found + "), not of "
                                + kind.noun + "; expected magic " + expected);
            }
        }
        if (isIdxMagic(magic) && ((magic >>> 8) & 0xff) != 0x08) {
            throw new IdxFormatException(
                    file,
                    "holds IDX values of type " + typeName((magic >>> 8) & 0xff) + " (magic "
                            + found + "); only unsigned bytes are read; expected magic "
                            + expected);
        }
        if (isIdxMagic(magic)) {
            throw new IdxFormatException(
                    file,
                    "has " + (magic & 0xff) + " dimensions (magic " + found + "); expected magic "
                            + expected);
        }
        throw new IdxFormatException(
                file, "is not an IDX file: magic number " + found + ", expected " + expected);
    }

    private static void checkDims(Path file, Kind kind, int[] dims, String declared)
            throws IdxFormatException {
        if (dims[0] < 0) {
            throw new IdxFormatException(
                    file, "the header declares a negative number of " + kind.noun + ": "
                            + dims[0]);
        }
        for (int i = 1; i < dims.length; i++) {
            if (dims[i] <= 0) {
                throw new IdxFormatException(
                        file, "the header declares " + declared + "; image sides must be"
                                + " positive");
            }
        }
    }

    private static boolean isIdxMagic(int magic) {
        int type = (magic >>> 8) & 0xff;
        int dims = magic & 0xff;
        return (magic >>> 16) == 0 && !typeName(type).startsWith("0x") && dims >= 1;
    }

    private static String typeName(int type) {
        return switch (type) {
            case 0x08 -> "unsigned byte";
            case 0x09 -> "signed byte";
            case 0x0b -> "short";
            case 0x0c -> "int";
            case 0x0d -> "float";
            case 0x0e -> "double";
            default -> String.format(Locale.ROOT, "0x%02x", type);
        };
    }

    private static String describe(Kind kind, int[] dims) {
        if (kind == Kind.LABELS) {
            return dims[0] + " labels";
        }
        return dims[0] + " images of " + dims[1] + "x" + dims[2];
    }

    private static IdxFormatException truncated(
            Path file, String declared, long expected, long actual, String where) {
        return new IdxFormatException(
                file,
                "truncated: the header declares " + declared + ", which take " + expected
                        + " bytes with the header, but " + where + actual + " bytes");
    }

    private static IdxFormatException trailing(Path file, String declared, long extra) {
        return new IdxFormatException(
                file,
                "holds " + extra + " bytes of trailing data after the " + declared
                        + " that the header declares");
    }

    private static boolean startsWithGzipMagic(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
