/** The training loop, per-encoder gradient integration, optimiser, evaluation and run folders. */
package io.mmbalance.core.train;
