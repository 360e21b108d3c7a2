/**
 * Dataset providers and readers of standard file formats: IDX images, WAV audio with its
 * spectrogram features, CSV clip lists and manifests, JPEG and PNG frames.
 */
module io.mmbalance.datasets {
    requires transitive io.mmbalance.api;
    requires java.desktop;
    requires org.slf4j;
    requires JTransforms;

    exports io.mmbalance.datasets.audio;
    exports io.mmbalance.datasets.csv;
    exports io.mmbalance.datasets.idx;

    provides io.mmbalance.api.data.DatasetProvider with
            io.mmbalance.datasets.MnistProvider,
            io.mmbalance.datasets.FashionMnistProvider,
            io.mmbalance.datasets.CgMnistProvider,
            io.mmbalance.datasets.FsddProvider,
            io.mmbalance.datasets.AvDigitsProvider,
            io.mmbalance.datasets.CremaDProvider,
            io.mmbalance.datasets.KineticsSoundsProvider,
            io.mmbalance.datasets.ManifestProvider;
}
