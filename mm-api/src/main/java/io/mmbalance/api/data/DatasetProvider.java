package io.mmbalance.api.data;

import com.typesafe.config.Config;
import io.mmbalance.api.NamedProvider;
import java.io.IOException;

/** Opens the splits of one dataset; found by {@link java.util.ServiceLoader}. */
public interface DatasetProvider extends NamedProvider {

    /**
     * Returns the documented defaults of this dataset's configuration section.
     *
     * @return the defaults, possibly empty
     */
    Config defaults();

    /**
     * Opens one split.
     *
     * @param config the dataset section, merged over {@link #defaults()}
     * @param split the split
     * @param context where raw files are and where a cache may be written
     * @return the split, loaded
     * @throws IOException when a file is missing or malformed; the message names the file
     */
    MultimodalDataset open(Config config, Split split, DataContext context) throws IOException;
}
