/**
 * Dataset providers built on the IDX reader: {@code mnist}, {@code fashion-mnist} and {@code
 * cg-mnist} (colored-and-gray MNIST, built from a seed and cached).
 */
package io.mmbalance.datasets;
