/** Command-line entry points built with picocli. */
package io.mmbalance.cli;
