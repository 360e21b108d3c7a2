/** Multi-task datasets (MultiMNIST, MultiFashion) and encoders for shared-encoder training. */
module io.mmbalance.multitask {
    requires io.mmbalance.core;
    requires io.mmbalance.datasets;
    requires org.slf4j;
}
