package io.mmbalance.multitask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.Shape;
import com.typesafe.config.ConfigFactory;
import io.mmbalance.api.data.DataContext;
import io.mmbalance.api.data.ModalitySpec;
import io.mmbalance.api.data.MultimodalDataset;
import io.mmbalance.api.data.Split;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleGridTest {

    @TempDir Path tmp;

    /** Samples of one flat value per channel: sample i holds values[i][channel] everywhere. */
    private static MultimodalDataset flat(Shape shape, float[][] values) {
        return new MultimodalDataset() {
            @Override
            public List<ModalitySpec> modalities() {
                return List.of(new ModalitySpec("m", shape));
            }

            @Override
            public List<String> classes() {
                return List.of("a", "b");
            }

            @Override
            public int size() {
                return values.length;
            }

            @Override
            public int label(int index, int task) {
                return index % 2;
            }

            @Override
            public void copySample(int modality, int index, float[] dest, int offset) {
                int channels = (int) shape.get(0);
                int area = (int) (shape.size() / channels);
                for (int c = 0; c < channels; c++) {
                    for (int p = 0; p < area; p++) {
                        dest[offset + c * area + p] = values[index][c];
                    }
                }
            }

            @Override
            public Map<String, Object> recipe() {
                return Map.of();
            }
        };
    }

    private static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xffffff;
    }

    @Test
    void grayTilesShowTheirPixelsScaledAndLaidOutInASquare() throws IOException {
        Path png = tmp.resolve("sub/gray.png");
        float[][] values = {{0f}, {1f}, {0.5f}, {0.2f}, {0.8f}};
        SampleGrid.write(flat(new Shape(1, 4, 6), values), 0, 64, 2, png);
        BufferedImage image = ImageIO.read(png.toFile());
        // 5 samples: 3 columns, 2 rows of tiles (6*2+2) wide and (4*2+12+2) high
        assertThat(image.getWidth()).isEqualTo(3 * 14);
        assertThat(image.getHeight()).isEqualTo(2 * 22);
        assertThat(rgb(image, 1, 1)).isEqualTo(0x000000);
        assertThat(rgb(image, 14 + 1, 1)).isEqualTo(0xffffff);
        assertThat(rgb(image, 2 * 14 + 5, 3)).isEqualTo(0x808080);
        assertThat(rgb(image, 14 + 6, 22 + 7)).isEqualTo(0xcccccc);
    }

    @Test
    void colourTilesKeepTheirChannelsAndNormalisedOnesAreStretched() throws IOException {
        Path png = tmp.resolve("rgb.png");
        float[][] values = {{1f, 0f, 0f}, {-2f, 0f, 2f}};
        SampleGrid.write(flat(new Shape(3, 5, 5), values), 0, 2, 1, png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(rgb(image, 2, 2)).isEqualTo(0xff0000);
        // values in [-2, 2] are stretched onto [0, 1]: red 0, green 0.5, blue 1
        assertThat(rgb(image, 7 + 2, 2)).isEqualTo(0x0080ff);
    }

    @Test
    void aCanvasGridOfTheBuiltDatasetIsWritten(@TempDir Path root) throws IOException {
        MultiDigitTest.writeIdx(root.resolve("mnist"));
        MultimodalDataset d =
                new MultiMnistProvider()
                        .open(
                                ConfigFactory.parseString("noise-rate = 0"),
                                Split.TRAIN,
                                new DataContext(root, null));
        Path png = tmp.resolve("grid.png");
        SampleGrid.write(d, 0, 16, 2, png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(4 * (36 * 2 + 2));
        assertThat(image.getHeight()).isEqualTo(4 * (36 * 2 + 12 + 2));
        // sample 0, canvas pixel (4, 4): the left digit's value 100 + label 0
        assertThat(rgb(image, 1 + 4 * 2, 1 + 4 * 2)).isEqualTo(0x646464);
    }

    @Test
    void nonImagesAndEmptyRequestsAreRejected() {
        MultimodalDataset vector = flat(new Shape(2, 3, 3), new float[][] {{0f, 0f}});
        assertThatThrownBy(() -> SampleGrid.write(vector, 0, 4, 1, tmp.resolve("x.png")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(1, H, W) or (3, H, W)");
        MultimodalDataset gray = flat(new Shape(1, 3, 3), new float[][] {{0f}});
        assertThatThrownBy(() -> SampleGrid.write(gray, 0, 0, 1, tmp.resolve("x.png")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("count");
    }
}
