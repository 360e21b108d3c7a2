/** Implementations. */
package io.mmbalance.datasets;
