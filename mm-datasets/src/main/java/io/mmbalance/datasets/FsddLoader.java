package io.mmbalance.datasets;

import com.typesafe.config.Config;
import io.mmbalance.api.data.DataContext;
import io.mmbalance.api.data.Split;
import io.mmbalance.datasets.audio.AudioRecipe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Lists one split of the FSDD recordings and computes or reads their audio features. */
final class FsddLoader {

    private FsddLoader() {}

    /**
     * One split as loaded.
     *
     * @param folder the recordings folder
     * @param all every recording of the split, in order
     * @param recordings the recordings kept, in order
     * @param available the number of recordings of the split before any limit
     * @param limit the limit applied, 0 for none
     * @param recipe the audio recipe
     * @param features the features of all kept recordings, one after the other
     * @param computed how many features were computed rather than read from the cache
     */
    record Loaded(Path folder, List<FsddRecording> all, List<FsddRecording> recordings,
            int available, int limit, AudioRecipe recipe, float[] features, int computed) {}

    static Loaded load(Config config, String section, Split split, DataContext context)
            throws IOException {
        ImageDatasetSettings files = ImageDatasetSettings.from(config, section);
        AudioRecipe recipe = AudioSettings.from(config, section);
        Path folder = files.folder(context);
        List<FsddRecording> all = FsddRecording.list(folder, split);
        int limit = files.limit(split);
        List<FsddRecording> kept = limit == 0 || limit >= all.size() ? all : all.subList(0, limit);
        AudioFeatureCache cache = new AudioFeatureCache(context.cacheDir(), recipe);
        int size = recipe.size();
        float[] features = new float[kept.size() * size];
        for (int i = 0; i < kept.size(); i++) {
            float[] f = cache.features(kept.get(i).file());
            System.arraycopy(f, 0, features, i * size, size);
        }
        return new Loaded(folder, List.copyOf(all), List.copyOf(kept), all.size(), limit, recipe,
                features, cache.computed());
    }

    static void describe(Loaded loaded, Split split, Map<String, Object> recipe) {
        recipe.put("split", split.id());
        recipe.put("folder", loaded.folder().toString());
        recipe.put("split-rule", FsddRecording.SPLIT_RULE);
        recipe.put("order", "by index, then speaker, then digit");
        recipe.put("available", loaded.available());
        recipe.put("limit", loaded.limit());
        recipe.put("size", loaded.recordings().size());
        recipe.put("audio", loaded.recipe().describe());
    }
}
