/** Multimodal and multi-task models assembled from encoder and head plugins. */
package io.mmbalance.core.model;
