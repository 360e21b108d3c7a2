/** The {@code mm} command line: train, compare, benchmark and list plugins. */
module io.mmbalance.cli {
    requires io.mmbalance.core;
    requires io.mmbalance.multitask;
    requires io.mmbalance.datasets;
    requires info.picocli;
    requires me.tongfei.progressbar;
    requires org.slf4j;
    requires com.google.guice;
    requires org.knowm.xchart;
    requires com.fasterxml.jackson.databind;
    requires java.desktop;

    opens io.mmbalance.cli to info.picocli;
}
