package io.mmbalance.datasets;

import io.mmbalance.api.data.DataContext;
import io.mmbalance.api.data.Split;
import io.mmbalance.datasets.idx.IdxFiles;
import io.mmbalance.datasets.idx.IdxFormatException;
import io.mmbalance.datasets.idx.IdxLabels;
import io.mmbalance.datasets.idx.LabelledImages;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/** Loads one split of an IDX image dataset as its settings say and describes what it read. */
final class IdxSplitLoader {

    private static final String FETCH_HINT =
            "scripts/fetch-data.sh DATA_ROOT fetches MNIST and Fashion-MNIST and checks them";

    private IdxSplitLoader() {}

    /** One split as read, with the number of samples the files hold before any limit. */
    record Loaded(Path folder, LabelledImages data, int available) {}

    static Loaded load(
            ImageDatasetSettings settings, Split split, DataContext context, int classes)
            throws IOException {
        Path folder = settings.folder(context);
        LabelledImages all;
        try {
            all = IdxFiles.readSplit(folder, split);
        } catch (NoSuchFileException e) {
            NoSuchFileException hinted =
                    new NoSuchFileException(e.getFile(), e.getOtherFile(),
                            e.getReason() + "; " + FETCH_HINT);
            hinted.initCause(e);
            throw hinted;
        }
        checkLabels(all.labels(), classes);
        int limit = settings.limit(split);
        LabelledImages kept = limit == 0 ? all : all.first(limit);
        return new Loaded(folder, kept, all.size());
    }

    private static void checkLabels(IdxLabels labels, int classes) throws IdxFormatException {
        for (int i = 0; i < labels.count(); i++) {
            if (labels.label(i) >= classes) {
                throw new IdxFormatException(
                        labels.file(),
                        "sample " + i + " has label " + labels.label(i) + ", but the dataset has "
                                + classes + " classes (labels 0 to " + (classes - 1) + ")");
            }
        }
    }

    static void describe(Loaded loaded, Split split, int limit, Map<String, Object> recipe) {
        LabelledImages data = loaded.data();
        recipe.put("split", split.id());
        recipe.put("folder", loaded.folder().toString());
        recipe.put("images-file", data.images().file().getFileName().toString());
        recipe.put("images-sha256", data.images().sha256());
        recipe.put("labels-file", data.labels().file().getFileName().toString());
        recipe.put("labels-sha256", data.labels().sha256());
        recipe.put("available", loaded.available());
        recipe.put("limit", limit);
        recipe.put("size", data.size());
        recipe.put("image-rows", data.images().rows());
        recipe.put("image-cols", data.images().cols());
    }
}
