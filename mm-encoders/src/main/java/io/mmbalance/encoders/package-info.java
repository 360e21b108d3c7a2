/** Encoder and fusion-head providers shipped with the framework. */
package io.mmbalance.encoders;
