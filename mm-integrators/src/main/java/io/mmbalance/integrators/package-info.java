/** Implementations. */
package io.mmbalance.integrators;
