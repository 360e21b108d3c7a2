/** A JMH benchmark of the integrators on the parameter tensors of a ResNet-18 encoder. */
package io.mmbalance.integrators.bench;
