/** Run configuration, wiring and the entry points that the command line uses. */
package io.mmbalance.core;
