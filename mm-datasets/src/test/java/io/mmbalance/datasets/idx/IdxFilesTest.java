package io.mmbalance.datasets.idx;

import static io.mmbalance.datasets.idx.IdxTestFiles.gzip;
import static io.mmbalance.datasets.idx.IdxTestFiles.images;
import static io.mmbalance.datasets.idx.IdxTestFiles.labels;
import static io.mmbalance.datasets.idx.IdxTestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmbalance.api.data.Split;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFilesTest {

    /** Three 2x3 images; the second holds values above 127 to check unsigned reading. */
    private static final byte[] PIXELS = {
        0, 1, 2, 3, 4, 5,
        (byte) 200, (byte) 255, (byte) 128, 127, 0, 9,
        10, 11, 12, 13, 14, 15,
    };

    @TempDir Path dir;

    @Test
    void readsRawImagesAsUnsignedBytesInRowMajorOrder() throws Exception {
        byte[] content = images(3, 2, 3, PIXELS);
        Path file = write(dir.resolve("train-images-idx3-ubyte"), content);

        IdxImages read = IdxFiles.readImages(file);

        assertThat(read.count()).isEqualTo(3);
        assertThat(read.rows()).isEqualTo(2);
        assertThat(read.cols()).isEqualTo(3);
        assertThat(read.pixel(1, 0)).isEqualTo(200);
        assertThat(read.pixel(1, 1)).isEqualTo(255);
        assertThat(read.pixel(2, 5)).isEqualTo(15);
        assertThat(read.sha256()).isEqualTo(sha256(content));
        assertThat(read.file()).isEqualTo(file);
    }

    @Test
    void copiesNormalizedPixelsAsPixelOver255() throws Exception {
        IdxImages read = IdxFiles.readImages(write(dir.resolve("i"), images(3, 2, 3, PIXELS)));
        float[] dest = new float[8];

        read.copyNormalized(1, dest, 2);

        assertThat(dest).containsExactly(
                0f, 0f, 200 / 255f, 1f, 128 / 255f, 127 / 255f, 0f, 9 / 255f);
    }

    @Test
    void readsGzipByItsMagicBytesWhateverTheFileName() throws Exception {
        byte[] content = images(3, 2, 3, PIXELS);
        Path gzipWithoutSuffix = write(dir.resolve("plain-name"), gzip(content));
        Path rawWithGzSuffix = write(dir.resolve("raw.gz"), content);

        IdxImages fromGzip = IdxFiles.readImages(gzipWithoutSuffix);
        IdxImages fromRaw = IdxFiles.readImages(rawWithGzSuffix);

        assertThat(fromGzip.pixel(1, 1)).isEqualTo(255);
        assertThat(fromGzip.sha256()).isEqualTo(sha256(content)).isEqualTo(fromRaw.sha256());
    }

    @Test
    void readsLabelsRawAndGzipped() throws Exception {
        byte[] content = labels(new byte[] {3, 1, (byte) 250});
        IdxLabels raw = IdxFiles.readLabels(write(dir.resolve("l"), content));
        IdxLabels gz = IdxFiles.readLabels(write(dir.resolve("l.gz"), gzip(content)));

        assertThat(raw.count()).isEqualTo(3);
        assertThat(raw.label(2)).isEqualTo(250);
        assertThat(gz.label(0)).isEqualTo(3);
        assertThat(gz.sha256()).isEqualTo(sha256(content));
    }

    @Test
    void rejectsRawImagesShorterThanTheHeaderDeclares() {
        byte[] content = images(4, 2, 3, PIXELS);
        Path file = write(dir.resolve("short"), content);

        assertThatThrownBy(() -> IdxFiles.readImages(file))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("truncated")
                .hasMessageContaining("4 images of 2x3")
                .hasMessageContaining("34 bytes");
    }

    @Test
    void rejectsGzippedImagesShorterThanTheHeaderDeclares() {
        Path file = write(dir.resolve("short.gz"), gzip(images(4, 2, 3, PIXELS)));

        assertThatThrownBy(() -> IdxFiles.readImages(file))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("truncated")
                .hasMessageContaining("after decompression");
    }

    @Test
    void rejectsACutGzipStream() {
        byte[] gz = gzip(images(3, 2, 3, PIXELS));
        Path file = write(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length - 12));

        assertThatThrownBy(() -> IdxFiles.readImages(file))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("corrupt or truncated gzip");
    }

    @Test
    void rejectsATruncatedHeader() {
        Path empty = write(dir.resolve("empty"), new byte[0]);
        Path half = write(dir.resolve("half"), Arrays.copyOf(images(3, 2, 3, PIXELS), 10));

        assertThatThrownBy(() -> IdxFiles.readImages(empty))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("truncated header");
        assertThatThrownBy(() -> IdxFiles.readImages(half))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageStartingWith(half.toString())
                .hasMessageContaining("truncated header: the file holds 10 bytes");
    }

    @Test
    void rejectsTrailingBytesAfterTheDeclaredImages() {
        byte[] longer = Arrays.copyOf(images(3, 2, 3, PIXELS), 16 + PIXELS.length + 5);
        Path raw = write(dir.resolve("long"), longer);
        Path gz = write(dir.resolve("long.gz"), gzip(longer));

        assertThatThrownBy(() -> IdxFiles.readImages(raw))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageStartingWith(raw.toString())
                .hasMessageContaining("5 bytes of trailing data");
        assertThatThrownBy(() -> IdxFiles.readImages(gz))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("5 bytes of trailing data");
    }

    @Test
    void rejectsAWrongMagicNumber() {
        Path file = write(dir.resolve("junk"), images(0x12345678, 3, 2, 3, PIXELS));

        assertThatThrownBy(() -> IdxFiles.readImages(file))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("not an IDX file")
                .hasMessageContaining("0x12345678")
                .hasMessageContaining("0x00000803");
    }

    @Test
    void saysWhenTheMagicNumberLooksLittleEndian() {
        Path images = write(dir.resolve("le-images"), images(0x03080000, 3, 2, 3, PIXELS));
        Path labels = write(dir.resolve("le-labels"), labels(0x01080000, 1, new byte[] {1}));

        assertThatThrownBy(() -> IdxFiles.readImages(images))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageStartingWith(images.toString())
                .hasMessageContaining("0x03080000 looks little-endian")
                .hasMessageContaining("big-endian");
        assertThatThrownBy(() -> IdxFiles.readLabels(labels))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("looks little-endian");
    }

    @Test
    void saysWhenALabelFileIsReadAsImages() {
        Path file = write(dir.resolve("labels"), labels(new byte[] {1, 2}));

        assertThatThrownBy(() -> IdxFiles.readImages(file))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("is an IDX file of labels")
                .hasMessageContaining("not of images");
    }

    @Test
    void rejectsIdxValuesOtherThanUnsignedBytes() {
        Path file = write(dir.resolve("floats"), images(0x00000d03, 3, 2, 3, PIXELS));

        assertThatThrownBy(() -> IdxFiles.readImages(file))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("type float");
    }

    @Test
    void rejectsNegativeCountsAndEmptySides() {
        Path negative = write(dir.resolve("neg"), images(-1, 2, 3, new byte[0]));
        Path zeroRows = write(dir.resolve("zero"), images(3, 0, 3, new byte[0]));

        assertThatThrownBy(() -> IdxFiles.readImages(negative))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("negative number of images");
        assertThatThrownBy(() -> IdxFiles.readImages(zeroRows))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("3 images of 0x3");
    }

    @Test
    void rejectsImagesAndLabelsWhoseCountsDiffer() {
        write(dir.resolve("train-images-idx3-ubyte"), images(3, 2, 3, PIXELS));
        write(dir.resolve("train-labels-idx1-ubyte"), labels(new byte[] {1, 2}));

        assertThatThrownBy(() -> IdxFiles.readSplit(dir, Split.TRAIN))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("train-images-idx3-ubyte")
                .hasMessageContaining("holds 3 images")
                .hasMessageContaining("train-labels-idx1-ubyte")
                .hasMessageContaining("2 labels");
    }

    @Test
    void readsASplitUnderTheDottedAndGzippedNames() throws Exception {
        write(dir.resolve("t10k-images.idx3-ubyte.gz"), gzip(images(3, 2, 3, PIXELS)));
        write(dir.resolve("t10k-labels.idx1-ubyte"), labels(new byte[] {7, 8, 9}));

        LabelledImages split = IdxFiles.readSplit(dir, Split.TEST);

        assertThat(split.size()).isEqualTo(3);
        assertThat(split.labels().label(2)).isEqualTo(9);
        assertThat(split.images().file().getFileName())
                .hasToString("t10k-images.idx3-ubyte.gz");
    }

    @Test
    void prefersTheRawCanonicalNameWhenSeveralExist() throws Exception {
        write(dir.resolve("train-labels-idx1-ubyte.gz"), gzip(labels(new byte[] {1})));
        write(dir.resolve("train-labels-idx1-ubyte"), labels(new byte[] {2}));

        assertThat(IdxFiles.find(dir, "train-labels-idx1-ubyte").getFileName())
                .hasToString("train-labels-idx1-ubyte");
    }

    @Test
    void namesTheFolderAndEveryNameTriedWhenAFileIsMissing() {
        assertThatThrownBy(() -> IdxFiles.find(dir, "train-images-idx3-ubyte"))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("train-images-idx3-ubyte, train-images.idx3-ubyte,"
                        + " train-images-idx3-ubyte.gz, train-images.idx3-ubyte.gz");
        assertThatThrownBy(() -> IdxFiles.find(dir.resolve("absent"), "x-idx1-ubyte"))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("no such folder");
    }

    @Test
    void keepsTheFirstSamplesOfASplit() throws Exception {
        write(dir.resolve("train-images-idx3-ubyte"), images(3, 2, 3, PIXELS));
        write(dir.resolve("train-labels-idx1-ubyte"), labels(new byte[] {4, 5, 6}));

        LabelledImages first = IdxFiles.readSplit(dir, Split.TRAIN).first(2);

        assertThat(first.size()).isEqualTo(2);
        assertThat(first.images().count()).isEqualTo(2);
        assertThat(first.images().pixel(1, 1)).isEqualTo(255);
        assertThat(first.labels().label(1)).isEqualTo(5);
        assertThatThrownBy(() -> first.images().pixel(2, 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
