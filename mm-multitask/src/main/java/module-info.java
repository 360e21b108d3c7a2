/** Multi-task datasets (MultiMNIST, MultiFashion) and the LeNet encoder for shared-encoder training. */
module io.mmbalance.multitask {
    requires io.mmbalance.core;
    requires io.mmbalance.datasets;
    requires org.slf4j;
    requires java.desktop;

    exports io.mmbalance.multitask;

    provides io.mmbalance.api.data.DatasetProvider with
            io.mmbalance.multitask.MultiMnistProvider,
            io.mmbalance.multitask.MultiFashionProvider;
    provides io.mmbalance.api.model.EncoderProvider with
            io.mmbalance.multitask.LeNetEncoderProvider;
}
