/**
 * Dataset providers and readers of standard file formats: IDX images, WAV audio with its
 * spectrogram features.
 */
module io.mmbalance.datasets {
    requires transitive io.mmbalance.api;
    requires org.slf4j;
    requires JTransforms;

    exports io.mmbalance.datasets.audio;
    exports io.mmbalance.datasets.idx;

    provides io.mmbalance.api.data.DatasetProvider with
            io.mmbalance.datasets.MnistProvider,
            io.mmbalance.datasets.FashionMnistProvider,
            io.mmbalance.datasets.CgMnistProvider;
}
