/**
 * Reads the comma-separated files that list dataset samples: clip lists ({@code clip,label})
 * and manifests, in UTF-8 with or without a byte-order mark, with errors that name the line.
 */
package io.mmbalance.datasets.csv;
