/** Dataset providers and readers of standard file formats (IDX). */
module io.mmbalance.datasets {
    requires transitive io.mmbalance.api;
    requires org.slf4j;

    exports io.mmbalance.datasets.idx;

    provides io.mmbalance.api.data.DatasetProvider with
            io.mmbalance.datasets.MnistProvider,
            io.mmbalance.datasets.FashionMnistProvider,
            io.mmbalance.datasets.CgMnistProvider;
}
