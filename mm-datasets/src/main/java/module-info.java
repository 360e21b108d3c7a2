/** Dataset providers and readers of standard file formats (IDX). */
module io.mmbalance.datasets {
    requires io.mmbalance.api;
    requires org.slf4j;
}
