/**
 * Reads the IDX files that MNIST and Fashion-MNIST ship: big-endian headers, unsigned-byte
 * images and labels, raw or gzip-compressed, checked for magic numbers, sizes and counts.
 */
package io.mmbalance.datasets.idx;
