/** Multi-task datasets and encoders. */
package io.mmbalance.multitask;
