/**
 * Multi-task learning with a shared encoder: MultiMNIST and MultiFashion datasets, the LeNet
 * encoder, and a sample-grid writer to see what a model sees.
 */
package io.mmbalance.multitask;
