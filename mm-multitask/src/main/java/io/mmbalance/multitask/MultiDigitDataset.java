package io.mmbalance.multitask;

import ai.djl.ndarray.types.Shape;
import io.mmbalance.api.data.ModalitySpec;
import io.mmbalance.api.data.MultimodalDataset;
import java.util.List;
import java.util.Map;

/** A built MultiMNIST-style split: one canvas image per sample, labels for two tasks. */
final class MultiDigitDataset implements MultimodalDataset {

    private final int side;
    private final byte[] pixels;
    private final byte[] left;
    private final byte[] right;
    private final List<String> classes;
    private final Map<String, Object> recipe;

    MultiDigitDataset(
            int side,
            byte[] pixels,
            byte[] left,
            byte[] right,
            List<String> classes,
            Map<String, Object> recipe) {
        this.side = side;
        this.pixels = pixels;
        this.left = left;
        this.right = right;
        this.classes = classes;
        this.recipe = recipe;
    }

    @Override
    public List<ModalitySpec> modalities() {
        return List.of(new ModalitySpec("image", new Shape(1, side, side)));
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    @Override
    public List<String> tasks() {
        return List.of("left", "right");
    }

    @Override
    public int size() {
        return left.length;
    }

    @Override
    public int label(int index, int task) {
        return switch (task) {
            case 0 -> left[index];
            case 1 -> right[index];
            default -> throw new IndexOutOfBoundsException(
                    "task " + task + "; this dataset has tasks 0 (left) and 1 (right)");
        };
    }

    @Override
    public void copySample(int modality, int index, float[] dest, int offset) {
        int n = side * side;
        int base = index * n;
        for (int i = 0; i < n; i++) {
            dest[offset + i] = (pixels[base + i] & 0xff) / 255f;
        }
    }

    /**
     * Returns one canvas pixel, 0..255.
     *
     * @param index the sample
     * @param row the row
     * @param col the column
     * @return the pixel value
     */
    int pixel(int index, int row, int col) {
        return pixels[index * side * side + row * side + col] & 0xff;
    }

    @Override
    public Map<String, Object> recipe() {
        return recipe;
    }
}
