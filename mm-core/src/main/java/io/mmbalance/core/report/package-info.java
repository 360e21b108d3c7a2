/** Tables and plots made from run folders. */
package io.mmbalance.core.report;
